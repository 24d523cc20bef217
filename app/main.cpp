// coroscope: the window, or one of the headless modes (see --help and the README).
// Exit status: 0 success, 1 a scenario or output file that cannot be read, written or is
// invalid, 2 a usage error.

#include "figures.h"
#include "figuresjson.h"
#include "mainwindow.h"
#include "scenariofile.h"
#include "schedulerbridge.h"
#include "timeline.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <iostream>
#include <optional>

using namespace coroscope;

namespace {

enum Exit { kOk = 0, kBadFile = 1, kUsage = 2 };

int usageError(const QString& message) {
    std::fprintf(stderr, "coroscope: %s\nTry 'coroscope --help'.\n", qPrintable(message));
    return kUsage;
}

int fileError(const QString& message) {
    std::fprintf(stderr, "coroscope: %s\n", qPrintable(message));
    return kBadFile;
}

struct Options {
    QCommandLineOption help{{"h", "help"}, "Show this help and exit."};
    QCommandLineOption version{{"v", "version"}, "Show the version and exit."};
    QCommandLineOption scenario{"scenario",
                                "Scenario JSON file to use instead of the built-in one.", "FILE"};
    QCommandLineOption printTimeline{
        "print-timeline", "Print the schedule as CSV (task,kind,start_ms,end_ms) and exit."};
    QCommandLineOption printFigures{
        "print-figures",
        "Print makespan, CPU busy time, sequential time and speed-up as JSON and exit."};
    QCommandLineOption speed{"speed", "Playback speed; 1 plays the whole axis in 10 s (default 1).",
                             "X", "1"};
    QCommandLineOption noLoop{"no-loop", "Play once instead of replaying."};
};

void describe(QCommandLineParser& parser, const Options& o) {
    parser.setApplicationDescription(QStringLiteral(
        "Animates how coroutines share one event loop: CPU work runs one piece at a time,\n"
        "I/O and HTTP waits overlap. Without a print option it opens the window.\n\n"
        "Exit status: 0 success; 1 a scenario file that cannot be read or is invalid;\n"
        "2 a usage error."));
    parser.addOptions(
        {o.help, o.version, o.scenario, o.printTimeline, o.printFigures, o.speed, o.noLoop});
}

// The arguments as the program received them; parsed before any application exists, so
// that usage errors need no display.
QStringList argumentsOf(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

std::optional<QString> checkUsage(const QCommandLineParser& parser, const Options& o) {
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
    if (parser.isSet(o.printTimeline) && parser.isSet(o.printFigures))
        return QStringLiteral("--print-timeline and --print-figures cannot be combined");
    bool isNumber = false;
    const double speed = parser.value(o.speed).toDouble(&isNumber);
    if (!isNumber || !(speed > 0) || speed > 1000)
        return QStringLiteral("--speed takes a number above 0 and up to 1000, not '%1'")
            .arg(parser.value(o.speed));
    return std::nullopt;
}

int openWindow(int argc, char* argv[], const Scenario& scenario, double speed, bool loop) {
    // Without this check Qt aborts with a message about platform plugins.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fprintf(stderr, "coroscope: no display to open the window on (set DISPLAY, or use "
                             "--print-timeline or --print-figures)\n");
        return kBadFile;
    }
    QApplication app(argc, argv);
    MainWindow window;
    window.bridge()->setSpeed(speed);
    window.bridge()->setLoop(loop);
    window.showScenario(scenario);
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication::setApplicationName(QStringLiteral("coroscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COROSCOPE_VERSION));
    const Options o;
    QCommandLineParser parser;
    describe(parser, o);
    if (!parser.parse(argumentsOf(argc, argv)))
        return usageError(parser.errorText());
    if (parser.isSet(o.help) || parser.isSet(o.version)) {
        QCoreApplication app(argc, argv);
        if (parser.isSet(o.help))
            parser.showHelp(kOk);
        parser.showVersion();
    }
    if (const auto problem = checkUsage(parser, o))
        return usageError(*problem);

    Scenario scenario = ScenarioFile::builtInDefault();
    if (parser.isSet(o.scenario)) {
        ScenarioFile::ReadResult loaded = ScenarioFile::read(parser.value(o.scenario));
        if (!loaded.ok())
            return fileError(loaded.error);
        scenario = std::move(loaded.scenario);
    }

    if (parser.isSet(o.printTimeline)) {
        writeTimelineCsv(std::cout, scenario, simulate(scenario));
        return kOk;
    }
    if (parser.isSet(o.printFigures)) {
        const Figures figures = computeFigures(scenario, simulate(scenario));
        std::cout << figuresJson(figures).toStdString() << '\n';
        return kOk;
    }
    return openWindow(argc, argv, scenario, parser.value(o.speed).toDouble(),
                      !parser.isSet(o.noLoop));
}
