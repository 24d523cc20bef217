// coroscope: the window, or one of the headless modes (see --help and the README).
// Exit status: 0 success, 1 a scenario or output file that cannot be read, written or is
// invalid, 2 a usage error.

#include "figures.h"
#include "figuresjson.h"
#include "scenariofile.h"
#include "timeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <iostream>

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

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coroscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COROSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Animates how coroutines share one event loop: CPU work runs one piece at a time,\n"
        "I/O and HTTP waits overlap.\n\n"
        "Exit status: 0 success; 1 a scenario file that cannot be read or is invalid;\n"
        "2 a usage error."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption scenarioOption(
        QStringLiteral("scenario"),
        QStringLiteral("Scenario JSON file to use instead of the built-in one."),
        QStringLiteral("FILE"));
    const QCommandLineOption timelineOption(
        QStringLiteral("print-timeline"),
        QStringLiteral("Print the schedule as CSV (task,kind,start_ms,end_ms) and exit."));
    const QCommandLineOption figuresOption(
        QStringLiteral("print-figures"),
        QStringLiteral("Print makespan, CPU busy time, sequential time and speed-up as JSON "
                       "and exit."));
    parser.addOptions({scenarioOption, timelineOption, figuresOption});

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption))
        parser.showHelp(kOk);
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(timelineOption) && parser.isSet(figuresOption))
        return usageError(
            QStringLiteral("--print-timeline and --print-figures cannot be combined"));

    Scenario scenario = ScenarioFile::builtInDefault();
    if (parser.isSet(scenarioOption)) {
        ScenarioFile::ReadResult loaded = ScenarioFile::read(parser.value(scenarioOption));
        if (!loaded.ok())
            return fileError(loaded.error);
        scenario = std::move(loaded.scenario);
    }

    const Timeline timeline = simulate(scenario);
    if (parser.isSet(figuresOption)) {
        std::cout << figuresJson(computeFigures(scenario, timeline)).toStdString() << '\n';
        return kOk;
    }
    writeTimelineCsv(std::cout, scenario, timeline);
    return kOk;
}
