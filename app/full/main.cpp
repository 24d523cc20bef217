// The full coroscope program: the window, or one of the headless modes (see --help and the
// README). Installed beside the command line's launcher (app/main.cpp), which starts it for
// everything but the plain print requests it answers without Qt (cli/plainprint.h).
// Exit status: 0 success, 1 a scenario or output file that cannot be read, written or is
// invalid, 2 a usage error (cli/exitstatus.h).

#include "analysis/runanalysis.h"
#include "asyncio/openedfile.h"
#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "cli/exitstatus.h"
#include "cli/plainprint.h"
#include "cli/record.h"
#include "examples/examplelist.h"
#include "export/timelineexport.h"
#include "files/scenariofile.h"
#include "loop/figures.h"
#include "mainwindow.h"
#include "model/usertext.h"
#include "view/timewindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QIcon>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace coroscope;

namespace {

// Messages quote file names and file content: control characters in them are shown, not
// sent to the terminal.
int usageError(const QString& message) {
    std::fprintf(stderr, "coroscope: %s\nTry 'coroscope --help'.\n",
                 terminalSafe(message.toStdString()).c_str());
    return kUsage;
}

struct Options {
    QCommandLineOption help{{"h", "help"}, "Show this help and exit."};
    QCommandLineOption version{{"v", "version"}, "Show the version and exit."};
    QCommandLineOption scenario{"scenario",
                                "Scenario JSON file to use instead of the built-in one.", "FILE"};
    QCommandLineOption example{
        "example", "Use the built-in example NAME instead of the built-in scenario.", "NAME"};
    QCommandLineOption listExamples{
        "list-examples", "List the built-in examples (a name and a line each) and exit."};
    QCommandLineOption printTimeline{
        "print-timeline", "Print the schedule as CSV (task,kind,start_ms,end_ms) and exit."};
    QCommandLineOption printEvents{
        "print-events", "Print the event loop's decisions as CSV (time_ms,event,task) and exit."};
    QCommandLineOption printFigures{
        "print-figures",
        "Print makespan, CPU busy time, sequential time and speed-up as JSON and exit."};
    QCommandLineOption speed{"speed", "Playback speed; 1 plays the whole axis in 10 s (default 1).",
                             "X", "1"};
    QCommandLineOption noLoop{"no-loop", "Play once instead of replaying."};
    QCommandLineOption exportPng{
        "export-png", "Write the timeline as a PNG image and exit (no display needed).", "OUT.png"};
    QCommandLineOption exportSvg{"export-svg", "Write the timeline as an SVG drawing and exit.",
                                 "OUT.svg"};
    QCommandLineOption exportGif{
        "export-gif",
        "Write the animation as a looping GIF (the whole axis in 10 s, as the window plays it at "
        "speed 1, then the finished timeline for 2 s) and exit.",
        "OUT.gif"};
    QCommandLineOption exportTrace{
        "export-trace", "Write the run as a Chrome trace (Perfetto, chrome://tracing) and exit.",
        "OUT.json"};
    QCommandLineOption exportAsyncio{
        "export-asyncio",
        "Write a Python program that runs the scenario on asyncio's event loop and exit.",
        "OUT.py"};
    QCommandLineOption exportHtml{
        "export-html",
        "Write a self-contained web page that plays the animation (play/pause, a scrubber; "
        "OUT.html#t=MS opens paused at MS) and exit.",
        "OUT.html"};
    QCommandLineOption scale{"scale", "PNG or GIF pixel density, above 0 and up to 4 (default 1).",
                             "X", "1"};
    QCommandLineOption fps{"fps", "GIF frames per second, 1 to 50 (default 10).", "N", "10"};
    QCommandLineOption at{
        "at", "Picture the animation frame at this virtual time instead of the finished run.",
        "MS"};
    QCommandLineOption from{
        "from", "Picture only the run's time from MS on, as a zoomed view shows it (default 0).",
        "MS"};
    QCommandLineOption to{"to", "Picture only the run's time up to MS (default: the axis end).",
                          "MS"};
    QCommandLineOption explain{
        "explain", "Picture Explain mode: where each task was ready but kept waiting for the "
                   "loop (hatched), with its legend entry, and the event loop's lane (with a "
                   "lane per limited resource and one for the thread pool under it)."};
    QCommandLineOption compare{
        "compare", "Picture the comparison with blocking: under the card, the same tasks run the "
                   "blocking way (one after another), both on one axis."};
    QCommandLineOption width{
        "width", "Picture width in logical pixels, 400 to 10000 (default 1040).", "PX", "1040"};
    QCommandLineOption transparent{"transparent", "PNG without the white page behind the card."};
    QCommandLineOption theme{"theme", "Picture colours: light (the default) or dark.", "THEME",
                             "light"};
    QCommandLineOption run{"run",
                           "Of a recording of a program that called asyncio.run several times, "
                           "the run N to open, print or export (default 1, the first).",
                           "N", "1"};
    // Answered by the launcher (cli/record.h) when it comes first; listed here for --help.
    QCommandLineOption record{
        "record",
        "Run SCRIPT.py with python3 and record what its asyncio event loop did into OUT.json, "
        "which coroscope opens: coroscope --record OUT.json SCRIPT.py [ARG...] (first on the "
        "command line; the script's arguments, input, output and exit status pass through).",
        "OUT.json"};

    // The modes that do one thing and exit, at most one per call.
    std::vector<const QCommandLineOption*> modes() const {
        return {&printTimeline, &printEvents, &printFigures,  &exportPng,  &exportSvg,
                &exportGif,     &exportTrace, &exportAsyncio, &exportHtml, &listExamples};
    }
};

void describe(QCommandLineParser& parser, const Options& o) {
    parser.setApplicationDescription(QStringLiteral(
        "Animates how coroutines share one event loop: CPU work runs one piece at a time,\n"
        "I/O and HTTP waits overlap. Without a print or export option it opens the window.\n\n"
        "Exit status: 0 success; 1 a scenario or output file that cannot be read, written\n"
        "or is invalid, or no display for the window; 2 a usage error."));
    parser.addOptions(
        {o.help,          o.version,     o.scenario,      o.example,    o.listExamples,
         o.printTimeline, o.printEvents, o.printFigures,  o.exportPng,  o.exportSvg,
         o.exportGif,     o.exportTrace, o.exportAsyncio, o.exportHtml, o.scale,
         o.fps,           o.at,          o.from,          o.to,         o.explain,
         o.compare,       o.width,       o.transparent,   o.theme,      o.speed,
         o.noLoop,        o.run,         o.record});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Scenario file to open (the same as --scenario "
                                                "FILE; what a double-click on a file passes)."),
                                 QStringLiteral("[FILE]"));
}

// The arguments as the program received them; parsed before any application exists, so
// that usage errors need no display.
QStringList argumentsOf(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// The mode chosen, or nullptr for the window.
const QCommandLineOption* modeOf(const QCommandLineParser& parser, const Options& o) {
    for (const QCommandLineOption* mode : o.modes())
        if (parser.isSet(*mode))
            return mode;
    return nullptr;
}

// A number option within [low, high] (low itself excluded when lowOpen).
std::optional<QString> checkNumber(const QCommandLineParser& parser,
                                   const QCommandLineOption& option, double low, double high,
                                   bool lowOpen, const char* rule) {
    bool isNumber = false;
    const double value = parser.value(option).toDouble(&isNumber);
    if (isNumber && (lowOpen ? value > low : value >= low) && value <= high)
        return std::nullopt;
    return QStringLiteral("--%1 takes %2, not '%3'")
        .arg(option.names().constFirst(), QString::fromLatin1(rule), parser.value(option));
}

std::optional<QString> checkUsage(const QCommandLineParser& parser, const Options& o) {
    if (parser.isSet(o.record))
        return QStringLiteral("--record comes first, followed by OUT.json and SCRIPT.py (%1)")
            .arg(QString::fromUtf8(kRecordUsage.data(), qsizetype(kRecordUsage.size())));
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return QStringLiteral("unexpected argument '%1'").arg(files[1]);
    if (!files.isEmpty() && parser.isSet(o.scenario))
        return QStringLiteral("unexpected argument '%1' (the scenario is already given with "
                              "--scenario)")
            .arg(files[0]);
    if (parser.isSet(o.example)) {
        if (parser.isSet(o.scenario) || !files.isEmpty())
            return QStringLiteral("--example and a scenario file cannot be combined: choose one");
        if (!findExample(parser.value(o.example)))
            return QStringLiteral("there is no example '%1'; the examples are: %2")
                .arg(parser.value(o.example), exampleNames());
    }
    if (parser.isSet(o.listExamples) &&
        (parser.isSet(o.scenario) || parser.isSet(o.example) || !files.isEmpty()))
        return QStringLiteral("--list-examples takes no scenario file or example");
    QStringList chosen;
    for (const QCommandLineOption* mode : o.modes())
        if (parser.isSet(*mode))
            chosen << "--" + mode->names().constFirst();
    if (chosen.size() > 1)
        return QStringLiteral("%1 cannot be combined: choose one").arg(chosen.join(", "));
    // Given twice, only the last would count: --export-png a.png --export-png b.png.
    for (const QCommandLineOption* mode : o.modes())
        if (parser.optionNames().count(mode->names().constFirst()) > 1)
            return QStringLiteral("--%1 is given twice: one output at a time")
                .arg(mode->names().constFirst());
    const QCommandLineOption* mode = modeOf(parser, o);
    const bool still = mode == &o.exportPng || mode == &o.exportSvg;
    const bool picture = still || mode == &o.exportGif;
    // Each option with the exports it applies to: an animation has no one moment (--at), a GIF
    // no transparency, only the GIF frames per second.
    const auto goesWith = [&](const QCommandLineOption& option, bool applies,
                              const char* exports) -> std::optional<QString> {
        if (!parser.isSet(option) || applies)
            return std::nullopt;
        return QStringLiteral("--%1 goes with %2")
            .arg(option.names().constFirst(), QString::fromLatin1(exports));
    };
    for (const QCommandLineOption* option : {&o.from, &o.to, &o.compare, &o.width})
        if (auto problem = goesWith(*option, picture, "--export-png, --export-svg or --export-gif"))
            return problem;
    for (const auto& [option, applies, exports] :
         {std::tuple{&o.at, still, "--export-png or --export-svg"},
          std::tuple{&o.scale, mode == &o.exportPng || mode == &o.exportGif,
                     "--export-png or --export-gif"},
          std::tuple{&o.transparent, mode == &o.exportPng, "--export-png"},
          std::tuple{&o.fps, mode == &o.exportGif, "--export-gif"},
          // The web page plays the card: explained or not, light or dark.
          std::tuple{&o.explain, picture || mode == &o.exportHtml,
                     "--export-png, --export-svg, --export-gif or --export-html"},
          std::tuple{&o.theme, picture || mode == &o.exportHtml,
                     "--export-png, --export-svg, --export-gif or --export-html"}})
        if (auto problem = goesWith(*option, applies, exports))
            return problem;
    for (const QCommandLineOption* option : {&o.speed, &o.noLoop})
        if (parser.isSet(*option) && mode)
            return QStringLiteral("--%1 is for the window; it does not go with --%2")
                .arg(option->names().constFirst(), mode->names().constFirst());
    if (auto problem =
            checkNumber(parser, o.speed, 0, 1000, true, "a number above 0 and up to 1000"))
        return problem;
    if (auto problem = checkNumber(parser, o.scale, 0, 4, true, "a number above 0 and up to 4"))
        return problem;
    bool wholeFps = false;
    if (const int fps = parser.value(o.fps).toInt(&wholeFps);
        !wholeFps || fps < kMinFps || fps > kMaxFps)
        return QStringLiteral("--fps takes a whole number from %1 to %2, not '%3'")
            .arg(kMinFps)
            .arg(kMaxFps)
            .arg(parser.value(o.fps));
    if (auto problem = checkNumber(parser, o.width, kMinExportWidth, kMaxExportWidth, false,
                                   "a width from 400 to 10000 pixels"))
        return problem;
    for (const QCommandLineOption* time : {&o.at, &o.from, &o.to})
        if (parser.isSet(*time))
            if (auto problem = checkNumber(parser, *time, 0, 1e12, false, "a time in ms from 0"))
                return problem;
    if (parser.isSet(o.from) && parser.isSet(o.to) &&
        parser.value(o.to).toDouble() - parser.value(o.from).toDouble() < kMinWindowSpanMs)
        return QStringLiteral("--to must be at least 1 ms after --from (%1 is not after %2)")
            .arg(parser.value(o.to), parser.value(o.from));
    // Without --from the picture starts at 0: --to alone keeps the same 1 ms rule.
    if (!parser.isSet(o.from) && parser.isSet(o.to) &&
        parser.value(o.to).toDouble() < kMinWindowSpanMs)
        return QStringLiteral("--to must be at least 1 ms (the picture starts at 0 without "
                              "--from), not '%1'")
            .arg(parser.value(o.to));
    if (const QString theme = parser.value(o.theme); theme != "light" && theme != "dark")
        return QStringLiteral("--theme takes light or dark, not '%1'").arg(theme);
    if (parser.isSet(o.run)) {
        if (!parser.isSet(o.scenario) && files.isEmpty())
            return QStringLiteral("--run goes with a recording (FILE or --scenario FILE)");
        bool whole = false;
        if (const int run = parser.value(o.run).toInt(&whole); !whole || run < 1)
            return QStringLiteral("--run takes a run's number, a whole number from 1, not '%1'")
                .arg(parser.value(o.run));
    }
    return std::nullopt;
}

// The file's run that --run names: a usage error for one it does not hold.
std::optional<QString> chooseRun(OpenedFile& file, const QCommandLineParser& parser,
                                 const Options& o) {
    if (!parser.isSet(o.run))
        return std::nullopt;
    const std::size_t run = parser.value(o.run).toUInt();
    if (!file.measured)
        return QStringLiteral("--run goes with a recording, and this is a scenario file");
    if (run > file.runCount())
        return QStringLiteral("--run %1: the recording holds %2 (--run 1 to %3)")
            .arg(run)
            .arg(file.runCount() == 1
                     ? QStringLiteral("1 run of asyncio.run")
                     : QStringLiteral("%1 runs of asyncio.run").arg(file.runCount()))
            .arg(file.runCount());
    file = showingRun(file, run);
    return std::nullopt;
}

// An option's value as the bytes the shell passed: a file name need not be valid UTF-8, and
// a QString would turn such bytes into U+FFFD. The last one given counts, as for the parser.
std::string rawValue(int argc, char* argv[], const QCommandLineOption& option) {
    std::string value;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument(argv[i]);
        if (argument == "--")
            break;
        for (const QString& name : option.names()) {
            const std::string flag = "--" + name.toStdString();
            if (argument == flag && i + 1 < argc)
                value = argv[i + 1];
            else if (argument.starts_with(flag + "="))
                value = argument.substr(flag.size() + 1);
        }
    }
    return value;
}

// The scenario file named on the command line (--scenario FILE or FILE), as raw bytes; none
// for the built-in one (an empty name is a name: of a file that cannot be read).
std::optional<std::string> scenarioPath(int argc, char* argv[], const QCommandLineParser& parser,
                                        const Options& o) {
    if (parser.isSet(o.scenario))
        return rawValue(argc, argv, o.scenario);
    if (parser.positionalArguments().isEmpty())
        return std::nullopt;
    const QString file = parser.positionalArguments().constFirst();
    for (int i = argc - 1; i > 0; --i) // the argument that decodes to it, with its own bytes
        if (QFile::decodeName(argv[i]) == file)
            return argv[i];
    return QFile::encodeName(file).toStdString();
}

// Whether two paths name one file, also through links.
bool sameFile(const std::string& a, const std::string& b) {
    std::error_code error;
    return std::filesystem::equivalent(a, b, error) && !error;
}

// scenarioPath: where the file was read from (raw bytes); empty for the built-in scenario.
int exportFile(int argc, char* argv[], const OpenedFile& file, const std::string& scenarioPath,
               const QCommandLineParser& parser, const Options& o, const QCommandLineOption& mode) {
    const Scenario& scenario = file.scenario;
    const std::string output = rawValue(argc, argv, mode);
    if (!scenarioPath.empty() && sameFile(output, scenarioPath))
        return fileError(fail(output, "is the scenario being read; the export would replace it "
                                      "(choose another file)"));
    // Pictures are drawn offscreen: no display needed, and none used even when there is one.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Scripts read stderr: only this program's own message belongs there, not Qt's chatter
    // about the platform (critical and fatal messages still pass).
    qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext& context, const QString& text) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, text)));
        });
    QApplication app(argc, argv);
    ExportOptions options;
    options.scale = parser.value(o.scale).toDouble();
    options.fps = parser.value(o.fps).toInt();
    options.width = parser.value(o.width).toDouble();
    options.transparent = parser.isSet(o.transparent);
    options.explain = parser.isSet(o.explain);
    options.compare = parser.isSet(o.compare);
    options.measured = file.measured; // a recording's run, over the model's
    if (parser.value(o.theme) == "dark")
        options.theme = style::Theme::dark();
    if (parser.isSet(o.at))
        options.atMs = parser.value(o.at).toDouble();
    if (parser.isSet(o.from) || parser.isSet(o.to)) {
        // A window of the picture's axis: it must start inside it; its end stops at the axis
        // end. Compared, the axis holds the blocking run too; a recording's, the measured run.
        const double axisEnd =
            shownAxisEnd(simulateFigures(scenario), {options.compare, options.measured});
        const double from = parser.isSet(o.from) ? parser.value(o.from).toDouble() : 0;
        if (from > axisEnd - kMinWindowSpanMs)
            return usageError(
                QStringLiteral("--from %1 is not before the end of the picture's axis (0 to %2 ms)")
                    .arg(parser.value(o.from), QString::number(axisEnd)));
        const double to = parser.isSet(o.to) ? parser.value(o.to).toDouble() : axisEnd;
        options.range = TimeWindow{from, std::min(to, axisEnd)};
    }
    const ExportFormat format = &mode == &o.exportPng     ? ExportFormat::Png
                                : &mode == &o.exportSvg   ? ExportFormat::Svg
                                : &mode == &o.exportGif   ? ExportFormat::Gif
                                : &mode == &o.exportTrace ? ExportFormat::Trace
                                : &mode == &o.exportHtml  ? ExportFormat::WebPage
                                                          : ExportFormat::AsyncioProgram;
    if (Result<void> exported = exportTimeline(scenario, output, format, options); !exported)
        return fileError(exported.error());
    return kOk;
}

// scenarioPath: where the file was read from; empty for the built-in scenario.
// example: the built-in example shown, or nullptr.
int openWindow(int argc, char* argv[], const OpenedFile& file, const QString& scenarioPath,
               const Example* example, double speed, bool loop) {
    // Without this check Qt aborts with a message about platform plugins.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fprintf(stderr, "coroscope: no display to open the window on (set DISPLAY, or use "
                             "--print-timeline, --print-figures or --export-png)\n");
        return kBadFile;
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Coroscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/coroscope.svg")));
    // Lets desktops match the window to its menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.coroscope.Coroscope"));
    MainWindow window;
    window.bridge()->setSpeed(speed);
    window.bridge()->setLoop(loop);
    if (example)
        window.showExample(*example);
    else if (scenarioPath.isEmpty())
        window.showScenario(file.scenario, QObject::tr("Built-in scenario"));
    else
        window.showOpened(file, scenarioPath);
    window.show();
    window.offerRecovery();
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

    if (parser.isSet(o.listExamples)) {
        std::cout << exampleListing().toStdString();
        return finishOutput();
    }

    // A scenario file, or a recording of a run whose scenario is derived from it, or an
    // example.
    const Example* example =
        parser.isSet(o.example) ? findExample(parser.value(o.example)) : nullptr;
    OpenedFile file{example ? exampleScenario(*example) : ScenarioFile::builtInDefault(), nullptr};
    const std::optional<std::string> named = scenarioPath(argc, argv, parser, o);
    const std::string path = named.value_or(std::string());
    if (named) {
        if (path.empty())
            return fileError(coroscope::fail(std::string_view("the scenario file"),
                                             "its name is empty, and no file has an empty name"));
        Result<OpenedFile> loaded = readScenarioOrRecording(path);
        if (!loaded)
            return fileError(loaded.error());
        file = std::move(loaded).value();
        if (const auto problem = chooseRun(file, parser, o))
            return usageError(*problem);
    }
    const Scenario& scenario = file.scenario;

    if (parser.isSet(o.printTimeline))
        return printToStandardOutput(PrintMode::Timeline, scenario);
    if (parser.isSet(o.printEvents))
        return printToStandardOutput(PrintMode::LoopEvents, scenario);
    if (parser.isSet(o.printFigures))
        return printToStandardOutput(PrintMode::Figures, scenario);
    if (const QCommandLineOption* mode = modeOf(parser, o))
        return exportFile(argc, argv, file, path, parser, o, *mode);
    return openWindow(argc, argv, file, QFile::decodeName(path.c_str()), example,
                      parser.value(o.speed).toDouble(), !parser.isSet(o.noLoop));
}
