// The big exports from the command line: written as they go (memory that does not grow with
// the document), in the bytes the whole document had, and, like every write, never half a
// file: a disk that fills up mid-way fails the export and an interrupted one keeps the old file.

#include "coroscoperun.h"
#include "format/scenarioformat.h"
#include "fulldisk.h"
#include "qtfiles.h"
#include "randomscenario.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <sys/resource.h>

using namespace coroscope;

using namespace coroscope::test;

namespace {

constexpr int kStepsPerTask = 10;
constexpr char kOld[] = "the previous export";

// A scenario of tasks × 10 steps, written where the test says.
QString bigScenario(const QTemporaryDir& dir, std::size_t tasks) {
    const QString path = dir.filePath(QStringLiteral("big.json"));
    writeFile(path, QByteArray::fromStdString(
                        serializeScenario(test::alternatingScenario(tasks, kStepsPerTask, 42))));
    return path;
}

// Built with the program, AddressSanitizer's shadow memory counts against RLIMIT_DATA.
constexpr bool kAddressSanitizer =
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

// Runs coroscope with at most `bytes` of data (the heap and every private writable mapping)
// and expects it to succeed.
void runWithDataLimit(rlim_t bytes, const QStringList& arguments) {
    QProcess process;
    process.setChildProcessModifier([bytes] {
        const rlimit data{bytes, bytes};
        ::setrlimit(RLIMIT_DATA, &data);
    });
    process.start(QStringLiteral(COROSCOPE_EXECUTABLE), arguments);
    ASSERT_TRUE(process.waitForFinished(120'000));
    ASSERT_EQ(process.exitStatus(), QProcess::NormalExit) << "the export ran out of memory";
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
}

} // namespace

// 200,000 segments: the trace is 25 MB; held whole as a QJsonDocument it took more than 300 MB.
TEST(CliBigExport, ATraceIsWrittenInMemoryThatDoesNotGrowWithIt) {
    if (kAddressSanitizer)
        GTEST_SKIP() << "AddressSanitizer's shadow memory counts against RLIMIT_DATA";
    QTemporaryDir dir;
    constexpr std::size_t kTasks = 20'000;
    const QString scenario = bigScenario(dir, kTasks);
    runWithDataLimit(150 << 20, {"--scenario", scenario, "--export-trace", dir.filePath("t.json")});
    if (HasFatalFailure())
        return;
    const QJsonDocument trace = QJsonDocument::fromJson(readFile(dir.filePath("t.json")));
    // The process's name, a name and a place for each task, an event for each segment.
    EXPECT_EQ(trace.object().value("traceEvents").toArray().size(),
              qsizetype(1 + 2 * kTasks + kTasks * kStepsPerTask));
}

// 40,000 tasks, compared and explained: a drawing of 179 MiB written in less data than that
// (it takes some 150 MiB: what the scenes hold, as for the PNG of the same picture);
// QSvgGenerator held the whole document, twice, and needed more than 1.5 GB.
TEST(CliBigExport, AnSvgIsWrittenInMemoryThatDoesNotGrowWithIt) {
    if (kAddressSanitizer)
        GTEST_SKIP() << "AddressSanitizer's shadow memory counts against RLIMIT_DATA";
    QTemporaryDir dir;
    const QString scenario = bigScenario(dir, 40'000);
    constexpr rlim_t kLimit = 175 << 20;
    const QString out = dir.filePath("t.svg");
    runWithDataLimit(kLimit,
                     {"--scenario", scenario, "--export-svg", out, "--compare", "--explain"});
    if (HasFatalFailure())
        return;
    EXPECT_GT(QFileInfo(out).size(), qint64(kLimit));
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    qsizetype rowLabels = 0; // right-aligned beside the tracks
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text" &&
            xml.attributes().value("text-anchor") == u"end" &&
            xml.readElementText().startsWith("Task "))
            ++rowLabels;
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_EQ(rowLabels, 2 * 40'000) << "every row's label on both cards";
}

// Written event by event, the trace is still exactly what QJsonDocument writes for it whole:
// keys in its order, its numbers, its escapes (here in the title and the names).
TEST(CliBigExport, TheTraceHasTheBytesOfTheWholeDocument) {
    QTemporaryDir dir;
    writeFile(dir.filePath("s.json"),
              R"({"format": "coroscope-scenario", "version": 1, "title": "q\"\\\u0001é 𝄞",
                  "subtitle": "s", "tasks": [
                  {"name": "tab\there", "steps": [{"kind": "cpu", "ms": 3}, {"kind": "io", "ms": 7}]},
                  {"name": "B", "steps": [{"kind": "http", "ms": 86400000}]}]})");
    for (const QString& scenario : {dir.filePath("s.json"), QString()}) { // and the seed
        QStringList arguments{"--export-trace", dir.filePath("t.json")};
        if (!scenario.isEmpty())
            arguments << "--scenario" << scenario;
        const ProcessResult run = runCoroscope(arguments);
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        const QByteArray written = readFile(dir.filePath("t.json"));
        EXPECT_EQ(written, QJsonDocument::fromJson(written).toJson(QJsonDocument::Compact));
        EXPECT_TRUE(written.startsWith(R"({"displayTimeUnit":"ms","traceEvents":[{)"));
    }
}

// The disk has room for the start of the file, not for all of it: the export fails with the
// disk's reason, the old file is kept and no temporary file is left.
TEST(CliBigExport, ADiskThatFillsUpMidWayFailsTheExportAndKeepsTheOldFile) {
    FullDisk disk; // 256 KiB
    if (!disk.mounted())
        GTEST_SKIP() << disk.reason().toStdString();
    QTemporaryDir dir;
    const QString scenario = bigScenario(dir, 2'000); // a trace of 2.5 MB, a drawing of 4 MB
    for (const auto& [mode, name] :
         {std::pair{"--export-trace", "t.json"}, std::pair{"--export-svg", "t.svg"}}) {
        const QString out = disk.path(QString::fromLatin1(name));
        writeFile(out, kOld);
        const ProcessResult run = runCoroscope({"--scenario", scenario, mode, out});
        EXPECT_EQ(run.exitCode, 1) << mode;
        EXPECT_EQ(run.err, "coroscope: " + out + ": cannot be written (No space left on device)\n");
        EXPECT_EQ(readFile(out), kOld) << mode;
        EXPECT_EQ(disk.files(), QStringList{QString::fromLatin1(name)}) << mode;
        QFile::remove(out);
    }
}

// Killed while the trace is being written (its temporary file has bytes): the target is the
// old file, whole.
TEST(CliBigExport, AnExportKilledMidWayKeepsTheOldFile) {
    QTemporaryDir dir;
    const QString scenario = bigScenario(dir, 20'000);
    const QString out = dir.filePath("t.json");
    writeFile(out, kOld);
    QProcess process;
    process.start(QStringLiteral(COROSCOPE_EXECUTABLE),
                  {"--scenario", scenario, "--export-trace", out});
    ASSERT_TRUE(process.waitForStarted());
    const auto writing = [&] {
        for (const QFileInfo& file :
             QDir(dir.path()).entryInfoList({".t.json.*.tmp"}, QDir::Files | QDir::Hidden))
            if (file.size() > 0)
                return true;
        return false;
    };
    QElapsedTimer waited;
    waited.start();
    while (!writing() && process.state() == QProcess::Running && waited.elapsed() < 60'000)
        QThread::msleep(1);
    ASSERT_EQ(process.state(), QProcess::Running) << "the export ended before it was seen writing";
    process.kill();
    process.waitForFinished();
    EXPECT_EQ(readFile(out), kOld);
}
