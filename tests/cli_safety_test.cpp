// The command line against hostile input and faults: a full disk, outputs that are not ours to
// replace, and file content that must stay inert on a terminal and in the CSV.

#include "coroscoperun.h"
#include "fulldisk.h"
#include "qstringprinter.h"
#include "qtfiles.h"
#include "terminalrun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <tuple>
#include <utility>

#include <sys/stat.h>

using namespace coroscope::test;

namespace {

QByteArray scenarioWithTask(const QByteArray& name, const QByteArray& ms = "10") {
    return R"({"format": "coroscope-scenario", "version": 1, "tasks": [{"name": )" + name +
           R"(, "steps": [{"kind": "cpu", "ms": )" + ms + "}]}]}";
}

// Every mode that writes a file, with the extension it asks for.
constexpr std::pair<const char*, const char*> kExports[] = {{"--export-png", ".png"},
                                                            {"--export-svg", ".svg"},
                                                            {"--export-trace", ".json"},
                                                            {"--export-asyncio", ".py"},
                                                            {"--export-html", ".html"}};

} // namespace

TEST(CliSafety, PrintingIntoAFullDeviceFails) {
    for (const char* mode : {"--print-timeline", "--print-figures"}) {
        QProcess process;
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(COROSCOPE_EXECUTABLE), {mode});
        ASSERT_TRUE(process.waitForFinished(60'000));
        EXPECT_EQ(process.exitCode(), 1) << mode;
        EXPECT_EQ(QString::fromUtf8(process.readAllStandardError()),
                  "coroscope: standard output: cannot be written (No space left on device)\n")
            << mode;
    }
}

TEST(CliSafety, AnExportNeverReplacesWhatIsNotARegularFile) {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe");
    ASSERT_EQ(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString link = dir.filePath("out.png");
    ASSERT_TRUE(QFile::link(fifo, link));
    const ProcessResult run = runCoroscope({"--export-png", link});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "coroscope: " + link + ": cannot be written (it is not a regular file)\n");
    EXPECT_TRUE(QFileInfo(link).isSymLink());
    struct stat info {};
    ASSERT_EQ(stat(QFile::encodeName(fifo).constData(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode)); // still the pipe, not a PNG
}

TEST(CliSafety, AnExportNeverReplacesTheScenarioItReads) {
    QTemporaryDir dir;
    const QString scenario = dir.filePath("s.json");
    const QByteArray content = scenarioWithTask(R"("A")");
    writeFile(scenario, content);
    ASSERT_TRUE(QFile::link(scenario, dir.filePath("link.json")));
    for (const QString& output : {scenario, dir.filePath("link.json"), dir.filePath("./s.json")}) {
        const ProcessResult run = runCoroscope({"--scenario", scenario, "--export-trace", output});
        EXPECT_EQ(run.exitCode, 1) << output.toStdString();
        EXPECT_EQ(run.err, "coroscope: " + output +
                               ": is the scenario being read; the export would replace it "
                               "(choose another file)\n");
        EXPECT_EQ(readFile(scenario), content);
    }
}

TEST(CliSafety, ControlCharactersNeverReachTheTerminal) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    // An escape sequence that would retitle an xterm, and a C1 control (CSI).
    writeFile(path, scenarioWithTask(R"("\u001b]0;owned\u0007 \u009b2J")", "0"));
    const ProcessResult run = runCoroscope({"--scenario", path, "--print-timeline"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "coroscope: " + path +
                           R"(: task 1 "\x1b]0;owned\x07 \u009b2J", step 1: duration 0 ms is )"
                           "outside 1..86400000 ms\n");
}

TEST(CliSafety, TheCsvQuotesControlCharacters) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    writeFile(path, scenarioWithTask(R"("tab\there")"));
    const ProcessResult run = runCoroscope({"--scenario", path, "--print-timeline"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.out, "task,kind,start_ms,end_ms\n\"tab\there\",cpu,0,10\n");
}

TEST(CliSafety, ATerminalSeesNamesControlCharactersEscapedAPipeTheExactBytes) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    // An escape sequence that would retitle an xterm, and a C1 control (CSI).
    writeFile(path, scenarioWithTask(R"("\u001b]0;title\u0007 \u009b2J")"));
    const QByteArray exact = "\"\x1b]0;title\x07 \xc2\x9b"
                             "2J\"";
    const QByteArray shown = R"("\x1b]0;title\x07 \u009b2J")";
    for (const auto& [mode, header, row] :
         {std::tuple{"--print-timeline", QByteArray("task,kind,start_ms,end_ms\n"),
                     QByteArray("%1,cpu,0,10\n")},
          std::tuple{"--print-events", QByteArray("time_ms,event,task\n"),
                     QByteArray("0,ready,%1\n0,run,%1\n10,done,%1\n")}}) {
        const TerminalResult terminal = runCoroscopeOnTerminal({"--scenario", path, mode});
        EXPECT_EQ(terminal.exitCode, 0) << mode;
        EXPECT_EQ(terminal.received, header + QByteArray(row).replace("%1", shown)) << mode;
        EXPECT_FALSE(terminal.received.contains('\x1b')) << mode;

        QProcess piped;
        piped.start(QStringLiteral(COROSCOPE_EXECUTABLE), {"--scenario", path, mode});
        ASSERT_TRUE(piped.waitForFinished(60'000));
        EXPECT_EQ(piped.exitCode(), 0) << mode;
        EXPECT_EQ(piped.readAllStandardOutput(), header + QByteArray(row).replace("%1", exact))
            << mode;
    }
}

TEST(CliSafety, MessagesQuoteLongNamesShortened) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    writeFile(path, scenarioWithTask('"' + QByteArray(100'000, 'x') + '"'));
    const ProcessResult run = runCoroscope({"--scenario", path, "--print-timeline"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "coroscope: " + path + ": task 1 \"" + QString(60, 'x') +
                           "…\": the name is longer than 200 bytes\n");
}

TEST(CliSafety, SvgTextIsEscapedAndWellFormed) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    writeFile(path, R"({"format": "coroscope-scenario", "version": 1,
        "title": "</title><script>alert(document.domain)</script><title> \u0001 & <b>",
        "tasks": [{"name": "<b>T\u0003</b>", "steps": [{"kind": "cpu", "ms": 5}]}]})");
    const ProcessResult run =
        runCoroscope({"--scenario", path, "--export-svg", dir.filePath("t.svg")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QXmlStreamReader xml(readFile(dir.filePath("t.svg")));
    QStringList elements;
    QString title;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        elements << xml.name().toString();
        if (xml.name() == QStringLiteral("title"))
            title = xml.readElementText();
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_FALSE(elements.contains("script"));
    EXPECT_EQ(title, "</title><script>alert(document.domain)</script><title>  & <b>");
}

TEST(CliSafety, ExportsOntoAFullDiskFailAndLeaveNothing) {
    FullDisk disk;
    if (!disk.mounted())
        GTEST_SKIP() << disk.reason().toStdString();
    disk.fill();
    for (const auto& [mode, extension] : kExports) {
        const QString out = disk.path(QStringLiteral("t") + extension);
        const ProcessResult run = runCoroscope({mode, out});
        EXPECT_EQ(run.exitCode, 1) << mode;
        EXPECT_EQ(run.err, "coroscope: " + out + ": cannot be written (No space left on device)\n");
        EXPECT_TRUE(disk.files().isEmpty()) << disk.files().join(", ").toStdString();
    }
}

// Names the shell can give that are not UTF-8: read and written under exactly those bytes.
TEST(CliSafety, FileNamesNeedNotBeUtf8) {
    QTemporaryDir dir;
    writeFile(dir.filePath("plain.json"), scenarioWithTask(R"("A")"));
    const char* script = R"sh(
        cd "$1" && in=$(printf 's\377.json') && out=$(printf '\377\376.png') &&
        cp plain.json "$in" && "$2" "$in" --print-timeline &&
        "$2" --scenario "$in" --export-png "$out" && test -s "$out")sh";
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), {"-c", QString::fromLatin1(script), "sh", dir.path(),
                                            QStringLiteral(COROSCOPE_EXECUTABLE)});
    ASSERT_TRUE(shell.waitForFinished(60'000));
    EXPECT_EQ(shell.exitCode(), 0) << shell.readAllStandardError().toStdString();
    EXPECT_EQ(shell.readAllStandardOutput(), "task,kind,start_ms,end_ms\nA,cpu,0,10\n");
}

TEST(CliSafety, AFileArgumentIsTheScenario) {
    QTemporaryDir dir;
    writeFile(dir.filePath("s.json"), scenarioWithTask(R"("A")"));
    const ProcessResult run = runCoroscope({dir.filePath("s.json"), "--print-timeline"});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.out, "task,kind,start_ms,end_ms\nA,cpu,0,10\n");
}

// The longest name a folder takes (255 bytes) is written, never "File name too long".
TEST(CliSafety, ExportsTakeTheLongestNames) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QString(251, 'n') + ".svg");
    const ProcessResult run = runCoroscope({"--export-svg", out});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(readFile(out).startsWith("<?xml")) << "nothing written";
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

// A file made read-only (0444) in a writable folder stays as it was, whoever runs the export.
TEST(CliSafety, AnExportNeverReplacesAReadOnlyFile) {
    QTemporaryDir dir;
    for (const auto& [mode, extension] : kExports) {
        const QString out = dir.filePath(QStringLiteral("ro") + extension);
        writeFile(out, "kept");
        ASSERT_EQ(chmod(QFile::encodeName(out).constData(), 0444), 0);
        const ProcessResult run = runCoroscope({mode, out});
        EXPECT_EQ(run.exitCode, 1) << mode;
        EXPECT_EQ(run.err, "coroscope: " + out +
                               ": cannot be written (no permission: the file is read-only)\n")
            << mode;
        EXPECT_EQ(readFile(out), "kept") << mode;
        QFile::remove(out);
    }
}
