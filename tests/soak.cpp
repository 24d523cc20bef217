// Soak: many animation cycles of a 100-task scenario at high speed, then many
// edit-undo-redo rounds in the window. Resident memory after warming up must stay flat.
// CTest runs it briefly; by hand: ./build/tests/soak --cycles 1000 --rounds 1000

#include "editing/scenariomodel.h"
#include "mainwindow.h"
#include "offscreentimeline.h"
#include "randomscenario.h"

#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QUndoStack>

#include <unistd.h>

#include <cstdio>
#include <cstring>

using namespace coroscope;

namespace {

double residentMiB() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024 * 1024)
                             : 0;
}

int argument(int argc, char** argv, const char* name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return std::atoi(argv[i + 1]);
    return fallback;
}

// Growth allowed between the warmed-up point and the end: allocator noise, not a leak.
constexpr double kAllowedGrowthMiB = 8;

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    const int cycles = argument(argc, argv, "--cycles", 1000);
    const int rounds = argument(argc, argv, "--rounds", 1000);
    const int warmUp = std::max(1, std::min(20, cycles / 5));

    test::OffscreenTimeline timeline(test::randomScenario(100, 10, 11, 5, 300));
    auto& [wall, bridge, scene, view] = timeline;
    bridge.setSpeed(100);
    bridge.play();
    const qint64 cycleWall =
        qint64(SchedulerBridge::kAxisWallMs / 100) + SchedulerBridge::kPauseMs; // at 100×
    int restarts = 0;
    QObject::connect(&bridge, &SchedulerBridge::cycleRestarted, [&restarts] { ++restarts; });
    double warmCycles = 0;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        for (int frame = 0; frame < 10; ++frame) {
            wall += cycleWall / 10 + 1;
            bridge.tick();
            QCoreApplication::processEvents();
        }
        if (cycle + 1 == warmUp)
            warmCycles = residentMiB();
    }
    const double afterCycles = residentMiB();
    std::printf("cycles: %d (restarts seen %d), resident after %d: %.1f MiB, after all: %.1f MiB\n",
                cycles, restarts, warmUp, warmCycles, afterCycles);

    MainWindow window;
    window.showScenario(test::randomScenario(100, 10, 11, 5, 300), QStringLiteral("Soak"));
    ScenarioModel* model = window.model();
    const QModelIndex duration = model->stepIndex(0, 0, ScenarioModel::DurationColumn);
    double warmRounds = 0;
    for (int round = 0; round < rounds; ++round) {
        model->setData(duration, 10 + round % 50);
        window.undoStack()->undo();
        window.undoStack()->redo();
        QCoreApplication::processEvents();
        if (round + 1 == std::max(1, std::min(20, rounds / 5)))
            warmRounds = residentMiB();
    }
    const double afterRounds = residentMiB();
    std::printf("edit-undo-redo rounds: %d, resident warmed up: %.1f MiB, after all: %.1f MiB\n",
                rounds, warmRounds, afterRounds);

    const bool flat = afterCycles - warmCycles <= kAllowedGrowthMiB &&
                      afterRounds - warmRounds <= kAllowedGrowthMiB;
    const bool looped = restarts >= cycles - 1;
    std::printf("%s\n", flat && looped ? "flat" : "GROWING or not looping");
    return flat && looped ? 0 : 1;
}
