// The window at scale, on the offscreen platform unless QT_QPA_PLATFORM says another (2-core
// machine targets from the scale issue):
//   first   launch to the first frame with segments, 10,000 and 100,000 tasks × 10 steps
//           (targets 300 ms and 1.5 s), and the peak resident memory (target 400 MB at 100k);
//           each size in a fresh process of this program, so that memory is its own;
//   frames  the whole viewport repainted, zoomed out and zoomed in (p95 targets 16 and 8 ms),
//           and frames as the animation runs (only where segments grew), 100,000 tasks;
//   edits   one duration changed in a 10,000-task and a 100,000-task scenario until the new
//           schedule is on screen (targets 100 ms and 300 ms);
//   opens   File ▸ Open of a 100,000-task file until its schedule is on screen;
//   code    the Code dock with 100,000 tasks: shown (its text built), frames as the
//           animation runs with it shown (its lines in view lit), an edit until it is rewritten
//           and the same edit with it hidden (the difference is the dock's share);
//   editors the spawn and join editors of a 100,000-task scenario opened to their list, and a
//           key typed into the join editor's filter until the narrowed list is painted;
//   requests version 2 at scale: 10,000 requests arriving over time (a cpu step, a wait for
//           one of 20 database connections, a step on the pool of 8 threads, a cpu step), alone
//           and each spawning and joining a lookup: the first frame of the file (targets 1 s),
//           one edit to the new schedule on screen with Explain off and on and with the arrows
//           shown (target 150 ms), and frames with every arrow and Explain's lanes.
// Run without arguments for all seven, or with the name of one; prints medians and 95th
// percentiles.

#include "bridge/schedulerbridge.h"
#include "code/codedock.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "randomscenario.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QKeyEvent>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTreeView>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace coroscope;

namespace {

QElapsedTimer sinceLaunch;

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::size_t(p * double(values.size() - 1))];
}

double peakResidentMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;
}

// Calls back on the viewport's next paint.
class PaintWatch : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// One process: open the file as `coroscope FILE` does, until the first frame is painted.
int firstFrame(const QString& path) {
    MainWindow window;
    PaintWatch watch;
    window.view()->viewport()->installEventFilter(&watch);
    window.resize(1400, 760);
    window.show();
    if (!window.openFile(path)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    window.bridge()->seek(window.bridge()->axisEnd() / 2); // segments in every row in view
    const int before = watch.paints;
    while (watch.paints == before)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    std::printf("%.1f %.1f\n", double(sinceLaunch.nsecsElapsed()) / 1e6, peakResidentMb());
    return 0;
}

// The first frame of the file in 5 fresh processes: its times and peak memory.
void firstFramesOf(const QString& self, const QString& path, const char* what) {
    std::vector<double> times, memory;
    for (int run = 0; run < 5; ++run) {
        QProcess child;
        child.start(self, {QStringLiteral("--first"), path});
        child.waitForFinished(-1);
        double ms = 0, mb = 0;
        if (std::sscanf(child.readAllStandardOutput().constData(), "%lf %lf", &ms, &mb) == 2) {
            times.push_back(ms);
            memory.push_back(mb);
        }
    }
    if (times.empty())
        return;
    std::printf("first frame, %s: median %.0f ms, p95 %.0f ms; peak memory median %.0f MB, max "
                "%.0f MB\n",
                what, percentile(times, 0.5), percentile(times, 0.95), percentile(memory, 0.5),
                percentile(memory, 1.0));
}

void firstFrames(const QString& self) {
    QTemporaryDir folder;
    for (std::size_t tasks : {10'000u, 100'000u}) {
        const QString path = folder.filePath(QStringLiteral("%1.json").arg(tasks));
        if (!ScenarioFile::write(test::alternatingScenario(tasks, 10, 7), path))
            return;
        const QByteArray what = QStringLiteral("%1 tasks × 10").arg(tasks).toUtf8();
        firstFramesOf(self, path, what.constData());
    }
}

void report(const char* what, const std::vector<double>& frames) {
    std::printf("%s: %zu times, median %.2f ms, p95 %.2f ms, max %.2f ms\n", what, frames.size(),
                percentile(frames, 0.5), percentile(frames, 0.95), percentile(frames, 1.0));
}

// As the animation runs: a tick and the repaint it causes, 625 frames of 16 ms; each frame's
// time in ms.
std::vector<double> animate(SchedulerBridge& bridge) {
    QElapsedTimer timer;
    std::vector<double> frames;
    for (int frame = 0; frame < 625; ++frame) {
        timer.start();
        bridge.seek(bridge.axisEnd() * frame / 625);
        QCoreApplication::processEvents();
        frames.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return frames;
}

// The whole viewport repainted at 100 moments of the run, zoomed out then zoomed in around them
// (200 ms across), then the frames of the animation; `what` names the run in the report.
void repaints(MainWindow& window, const QString& what) {
    SchedulerBridge* bridge = window.bridge();
    TimelineScene* scene = window.scene();
    TimelineView* view = window.view();
    bridge->pause();
    QCoreApplication::processEvents();
    QElapsedTimer timer;
    for (bool zoomedIn : {false, true}) {
        std::vector<double> frames;
        for (int i = 0; i < 100; ++i) {
            const double at = bridge->axisEnd() * (i + 0.5) / 100;
            bridge->seek(at);
            if (zoomedIn)
                scene->setWindow(windowAround(at, 200, scene->axisEnd()));
            QCoreApplication::processEvents();
            timer.start();
            view->viewport()->repaint();
            frames.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        const QByteArray label = (zoomedIn ? QStringLiteral("whole viewport, zoomed in (200 ms "
                                                            "across), %1")
                                           : QStringLiteral("whole viewport, zoomed out, %1"))
                                     .arg(what)
                                     .toUtf8();
        report(label.constData(), frames);
    }
    scene->fitWindow();
    bridge->seek(0);
    const std::vector<double> animation = animate(*bridge);
    report(
        QStringLiteral("animating (only where segments grew), %1").arg(what).toUtf8().constData(),
        animation);
}

void frames() {
    MainWindow window;
    window.resize(1400, 760);
    window.show();
    window.showScenario(test::alternatingScenario(100'000, 10, 7), QStringLiteral("100k"));
    repaints(window, QStringLiteral("100,000 tasks"));
}

// Until the viewport's next paint.
void awaitPaint(const PaintWatch& watch) {
    const int before = watch.paints;
    while (watch.paints == before)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// The duration of step `step` of tasks 0, stride, 2 × stride... changed, `times` times,
// each until the new schedule is on screen; `setup` readies the window first (Explain on...).
void edits(const Scenario& scenario, const char* what, int times, int stride = 1, int step = 1,
           const std::function<void(MainWindow&)>& setup = {}) {
    MainWindow window;
    window.resize(1400, 760);
    window.show();
    window.showScenario(scenario, QStringLiteral("edits"));
    window.bridge()->pause();
    if (setup)
        setup(window);
    QCoreApplication::processEvents();
    ScenarioModel* model = window.model();
    PaintWatch watch;
    window.view()->viewport()->installEventFilter(&watch);
    int schedules = 0;
    QObject::connect(window.bridge(), &SchedulerBridge::scenarioChanged, [&] { ++schedules; });
    std::vector<double> durations;
    QElapsedTimer timer;
    for (int i = 0; i < times; ++i) {
        const QModelIndex cell = model->stepIndex(i * stride, step, ScenarioModel::DurationColumn);
        const int before = schedules;
        timer.start();
        model->setData(cell, 50 + i, Qt::EditRole);
        // The new schedule is on screen once the bridge has it and the viewport has painted.
        while (schedules == before)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        awaitPaint(watch);
        durations.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    report(what, durations);
}

void edits(std::size_t tasks, int times) {
    const QByteArray what =
        QStringLiteral("one edit, %L1 tasks, to the new schedule on screen").arg(tasks).toUtf8();
    edits(test::alternatingScenario(tasks, 10, 7), what.constData(), times);
}

// Version 2 at scale: 10,000 requests arriving over time, each a cpu step, a wait for one of a
// database's 20 connections, a step on the pool of 8 threads and a cpu step; then the same
// requests each spawning a lookup and joining it (20,000 tasks, an arrow pair per request).
void requests(const QString& self) {
    const Scenario plain = test::requestsScenario(10'000, 7);
    const Scenario spawning = test::spawningRequestsScenario(10'000, 7);
    QTemporaryDir folder;
    const QString plainPath = folder.filePath(QStringLiteral("requests.json"));
    const QString spawningPath = folder.filePath(QStringLiteral("spawning.json"));
    if (!ScenarioFile::write(plain, plainPath) || !ScenarioFile::write(spawning, spawningPath))
        return;
    firstFramesOf(self, plainPath, "10,000 requests");
    firstFramesOf(self, spawningPath, "10,000 requests spawning a lookup each");
    const auto explain = [](MainWindow& window) {
        window.playbackBar()->explainAction()->trigger();
    };
    const auto arrows = [](MainWindow& window) { window.scene()->setArrowsShown(true); };
    edits(plain, "one edit, 10,000 requests, to the new schedule on screen", 20);
    edits(plain, "the same with Explain on", 20, 1, 1, explain);
    // A request's db wait is its third step once it spawns; requests are every other task.
    edits(spawning, "one edit, 10,000 requests spawning a lookup each", 20, 2, 2);
    edits(spawning, "the same with the arrows shown", 20, 2, 2, arrows);
    const auto arrowsExplained = [&](MainWindow& window) {
        arrows(window);
        explain(window);
    };
    edits(spawning, "the same with the arrows shown and Explain on", 20, 2, 2, arrowsExplained);
    // Frames with every arrow and Explain's lanes, the rows in the middle of the run in view.
    MainWindow window;
    window.resize(1400, 760);
    window.show();
    window.showScenario(spawning, QStringLiteral("spawning"));
    arrowsExplained(window);
    QCoreApplication::processEvents();
    QScrollBar* rows = window.view()->verticalScrollBar();
    rows->setValue(rows->maximum() / 2);
    repaints(window, QStringLiteral("10,000 requests spawning a lookup each, arrows and Explain"));
}

// File ▸ Open of a 100,000-task file in a window already showing one, until its schedule is on
// screen.
void opens(int times) {
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("100k.json"));
    if (!ScenarioFile::write(test::alternatingScenario(100'000, 10, 7), path))
        return;
    MainWindow window;
    window.resize(1400, 760);
    window.show();
    PaintWatch watch;
    window.view()->viewport()->installEventFilter(&watch);
    std::vector<double> durations;
    QElapsedTimer timer;
    for (int i = 0; i < times; ++i) {
        window.showScenario(test::alternatingScenario(10, 10, 7), QStringLiteral("small"));
        QCoreApplication::processEvents();
        timer.start();
        window.openInteractively(path);
        while (window.bridge()->scenario().tasks.size() != 100'000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        awaitPaint(watch);
        durations.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    report("File > Open, 100,000 tasks, to the schedule on screen", durations);
}

void code() {
    MainWindow window;
    window.resize(1400, 760);
    window.show();
    window.showScenario(test::alternatingScenario(100'000, 10, 7), QStringLiteral("100k"));
    SchedulerBridge* bridge = window.bridge();
    bridge->pause();
    // What the window still does after opening so big a scenario (a second or two here) would
    // otherwise be counted in the dock's frames.
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 3000)
        QCoreApplication::processEvents();
    timer.start();
    window.codeDock()->show();
    QCoreApplication::processEvents();
    report("Code dock shown, 100,000 tasks", {double(timer.nsecsElapsed()) / 1e6});
    const std::vector<double> animation = animate(*bridge);
    report("animating with the Code dock shown", animation);
    // The same edit with the dock shown and hidden: the difference is the dock's share.
    int schedules = 0;
    QObject::connect(bridge, &SchedulerBridge::scenarioChanged, [&] { ++schedules; });
    const auto edits = [&](int duration) {
        std::vector<double> durations;
        for (int i = 0; i < 3; ++i) {
            const int before = schedules;
            timer.start();
            window.model()->setData(window.model()->stepIndex(0, 1, ScenarioModel::DurationColumn),
                                    duration + i, Qt::EditRole);
            while (schedules == before)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            QCoreApplication::processEvents(); // painted
            durations.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        return durations;
    };
    report("one edit with the Code dock shown, to its new text", edits(51));
    window.codeDock()->hide();
    report("the same edit with the Code dock hidden", edits(61));
}

// The spawn and join editors of a 100,000-task scenario (50,000 requests spawning a lookup each):
// a double-click on the cell until its list of tasks is on screen (a combo box's dropped down).
void editors() {
    MainWindow window;
    window.resize(1400, 760);
    window.show();
    window.showScenario(test::spawningRequestsScenario(50'000, 7), QStringLiteral("editors"));
    window.bridge()->pause();
    QCoreApplication::processEvents();
    QTreeView* tree = window.panel()->tree();
    const auto open = [&](int step, const char* what) {
        const QModelIndex cell = window.model()->stepIndex(0, step, ScenarioModel::DurationColumn);
        std::vector<double> durations;
        QElapsedTimer timer;
        for (int i = 0; i < 5; ++i) {
            tree->setCurrentIndex(cell);
            timer.start();
            tree->edit(cell);
            QWidget* editor = tree->indexWidget(cell);
            if (auto* combo = qobject_cast<QComboBox*>(editor))
                combo->showPopup();
            QCoreApplication::processEvents();
            durations.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (auto* combo = qobject_cast<QComboBox*>(editor))
                combo->hidePopup();
            QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
            QCoreApplication::sendEvent(editor, &escape);
            QCoreApplication::processEvents();
        }
        report(what, durations);
    };
    open(1, "the spawn editor of 100,000 tasks, opened to its list");
    open(4, "the join editor of 100,000 tasks, opened to its list");
    // Typing a name into the join editor's filter: each key until the narrowed list is painted.
    const QModelIndex join = window.model()->stepIndex(0, 4, ScenarioModel::DurationColumn);
    tree->setCurrentIndex(join);
    tree->edit(join);
    QCoreApplication::processEvents();
    std::vector<double> keys;
    QElapsedTimer timer;
    for (const QChar c : QStringLiteral("lookup 4242")) {
        QKeyEvent key(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        timer.start();
        QCoreApplication::sendEvent(QApplication::focusWidget(), &key);
        QCoreApplication::processEvents();
        keys.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    report("a key typed into the join editor's filter, 100,000 tasks", keys);
}

} // namespace

int main(int argc, char* argv[]) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as soon as it is known
    sinceLaunch.start();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) // xcb under Xvfb, say
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 3 && args[1] == QStringLiteral("--first"))
        return firstFrame(args[2]);
    // One part alone: first, frames, edits, opens, code, editors or requests.
    const QString only = args.size() == 2 ? args[1] : QString();
    if (only.isEmpty() || only == QStringLiteral("first"))
        firstFrames(QCoreApplication::applicationFilePath());
    if (only.isEmpty() || only == QStringLiteral("frames"))
        frames();
    if (only.isEmpty() || only == QStringLiteral("edits")) {
        edits(10'000, 30);
        edits(100'000, 9);
    }
    if (only.isEmpty() || only == QStringLiteral("opens"))
        opens(5);
    if (only.isEmpty() || only == QStringLiteral("code"))
        code();
    if (only.isEmpty() || only == QStringLiteral("editors"))
        editors();
    if (only.isEmpty() || only == QStringLiteral("requests"))
        requests(QCoreApplication::applicationFilePath());
    return 0;
}
