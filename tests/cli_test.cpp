// The command-line contract, run as a user runs it: stdout, stderr and the exit status.

#include "cli/figuresjson.h"
#include "coroscoperun.h"
#include "files/scenariofile.h"
#include "format/scenarioformat.h"
#include "loop/figures.h"
#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "qstringprinter.h"
#include "randomscenario.h"
#include "resultchecks.h"
#include "seedexpectations.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sstream>

namespace {

// A generated scenario of many tasks, some names quoted in the CSV, written to dir/name.
coroscope::Scenario writeLargeScenario(const QTemporaryDir& dir, const QString& name) {
    coroscope::Scenario scenario = coroscope::test::alternatingScenario(3000, 10, 11);
    for (std::size_t t = 0; t < scenario.tasks.size(); t += 7)
        scenario.tasks[t].name = "Fetch \"page\", " + std::to_string(t) + "\tnow";
    QFile file(dir.filePath(name));
    const std::string json = coroscope::serializeScenario(scenario);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    EXPECT_EQ(file.write(json.data(), qint64(json.size())), qint64(json.size()));
    return scenario;
}

} // namespace

TEST(Cli, PrintTimelineOfTheBuiltInScenario) {
    const ProcessResult run = runCoroscope({"--print-timeline"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.out, coroscope::test::kSeedCsv);
    EXPECT_EQ(run.err, "");
}

TEST(Cli, PrintTimelineOfAFile) {
    QTemporaryDir dir;
    coroscope::Scenario scenario = coroscope::ScenarioFile::builtInDefault();
    scenario.tasks[0].steps[1].ms = 100; // Task 1's io 350 → 100
    ASSERT_TRUE(coroscope::test::succeeded(
        coroscope::ScenarioFile::write(scenario, dir.filePath("s.json"))));
    const ProcessResult run =
        runCoroscope({"--scenario", dir.filePath("s.json"), "--print-timeline"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.out, "task,kind,start_ms,end_ms\n"
                       "Task 1,cpu,0,150\n"
                       "Task 1,io,150,250\n"
                       "Task 2,cpu,150,250\n"
                       "Task 2,io,250,370\n"
                       "Task 3,cpu,250,370\n"
                       "Task 1,cpu,370,470\n"
                       "Task 3,http,370,670\n"
                       "Task 2,cpu,470,600\n"
                       "Task 2,http,600,900\n");
}

TEST(Cli, PrintEventsOfTheBuiltInScenario) {
    const ProcessResult run = runCoroscope({"--print-events"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out, "time_ms,event,task\n"
                       "0,ready,Task 1\n0,ready,Task 2\n0,ready,Task 3\n0,run,Task 1\n"
                       "150,wait,Task 1\n150,run,Task 2\n"
                       "250,wait,Task 2\n250,run,Task 3\n"
                       "370,ready,Task 2\n370,wait,Task 3\n370,run,Task 2\n"
                       "500,ready,Task 1\n500,wait,Task 2\n500,run,Task 1\n"
                       "600,done,Task 1\n600,idle,\n"
                       "670,ready,Task 3\n670,run,Task 3\n670,done,Task 3\n670,idle,\n"
                       "800,ready,Task 2\n800,run,Task 2\n800,done,Task 2\n");
}

TEST(Cli, PrintFigures) {
    const ProcessResult run = runCoroscope({"--print-figures"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.out, "{\"cpu_busy_ms\":600,\"cpu_busy_pct\":75,\"makespan_ms\":800,"
                       "\"segments\":9,\"sequential_ms\":1670,\"speedup\":2.0875,\"tasks\":3}\n");
}

// Requests arriving over time: b at 5 ms and c at 40 ms each begin with a sleep for their start
// time, begun when they first run (at 10 ms, after a's CPU); they leave at 25 and 80 ms.
TEST(Cli, PrintFiguresOfArrivingRequestsHasTheirLatencyPercentiles) {
    QTemporaryDir dir;
    QFile file(dir.filePath("arrivals.json"));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "coroscope-scenario", "version": 2, "tasks": [
        {"name": "a", "steps": [{"kind": "cpu", "ms": 10}]},
        {"name": "b", "start_ms": 5, "steps": [{"kind": "cpu", "ms": 10}]},
        {"name": "c", "start_ms": 40, "steps": [{"kind": "cpu", "ms": 10}, {"kind": "io", "ms": 20}]}]})");
    file.close();
    const ProcessResult run = runCoroscope({"--scenario", file.fileName(), "--print-figures"});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    // Latencies 10, 20 and 40: nearest rank 2 of 3 for p50, 3 for p95 and p99.
    EXPECT_EQ(run.out, "{\"cpu_busy_ms\":30,\"cpu_busy_pct\":37.5,\"latency_max_ms\":40,"
                       "\"latency_p50_ms\":20,\"latency_p95_ms\":40,\"latency_p99_ms\":40,"
                       "\"makespan_ms\":80,\"segments\":4,\"sequential_ms\":70,"
                       "\"speedup\":0.875,\"tasks\":3}\n");
}

// The print modes are plain C++ after the arguments are read: with a display platform that
// does not exist, any Qt GUI application would abort at start.
TEST(Cli, PrintModesNeedNoGuiApplication) {
    for (const char* mode : {"--print-timeline", "--print-events", "--print-figures"}) {
        const ProcessResult run = runCoroscope({mode}, {"QT_QPA_PLATFORM=no-such-platform"});
        EXPECT_EQ(run.exitCode, 0) << mode;
        EXPECT_EQ(run.err, "") << mode;
    }
}

TEST(Cli, BadScenarioExitsOneWithOneMessageAndNoOutput) {
    QTemporaryDir dir;
    const ProcessResult missing =
        runCoroscope({"--scenario", dir.filePath("none.json"), "--print-timeline"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_EQ(missing.out, "");
    EXPECT_EQ(missing.err, "coroscope: " + dir.filePath("none.json") + ": no such file\n");
}

TEST(Cli, UsageErrorsExitTwo) {
    for (const QStringList& args :
         {QStringList{"--print-timeline", "--bogus"}, QStringList{"--scenario"},
          QStringList{"--print-timeline", "a.json", "b.json"},
          QStringList{"--scenario", "a.json", "b.json", "--print-timeline"},
          QStringList{"--print-timeline", "--print-figures"},
          QStringList{"--print-timeline", "--speed", "fast"}, QStringList{"--speed", "-1"},
          QStringList{"--print-timeline", "--print-timeline"}}) {
        const ProcessResult run = runCoroscope(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_EQ(run.out, "");
        EXPECT_TRUE(run.err.startsWith("coroscope: ")) << run.err.toStdString();
        EXPECT_TRUE(run.err.endsWith("Try 'coroscope --help'.\n")) << run.err.toStdString();
    }
}

TEST(Cli, AnEmptyScenarioNameIsAFileThatCannotBeRead) {
    // Not the built-in scenario: an empty name names no file.
    for (const QStringList& args :
         {QStringList{"--scenario", "", "--print-figures"}, QStringList{"--print-figures", ""}}) {
        const ProcessResult run = runCoroscope(args);
        EXPECT_EQ(run.exitCode, 1);
        EXPECT_EQ(run.out, "");
        EXPECT_EQ(run.err, "coroscope: the scenario file: its name is empty, and no file has an "
                           "empty name\n");
    }
}

TEST(Cli, HelpAndVersion) {
    const ProcessResult help = runCoroscope({"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("--print-timeline"));
    EXPECT_TRUE(help.out.contains("Exit status"));
    const ProcessResult version = runCoroscope({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith("coroscope ")) << version.out.toStdString();
}

// The prints of a scenario whose output is many chunks long: what the library writes, byte for
// byte (the library's writers are checked against the first ones in the core tests).
TEST(Cli, PrintsOfALargeScenarioAreTheLibrarysBytes) {
    QTemporaryDir dir;
    const coroscope::Scenario scenario = writeLargeScenario(dir, "large.json");
    const QString path = dir.filePath("large.json");

    std::ostringstream timeline;
    coroscope::writeTimelineCsv(timeline, scenario, coroscope::simulate(scenario));
    const ProcessResult timelineRun = runCoroscope({"--scenario", path, "--print-timeline"});
    EXPECT_EQ(timelineRun.exitCode, 0);
    EXPECT_EQ(timelineRun.err, "");
    ASSERT_GT(timeline.str().size(), 2 * coroscope::CsvWriter::kChunkBytes);
    EXPECT_TRUE(timelineRun.out == QString::fromStdString(timeline.str()));

    std::ostringstream events;
    coroscope::writeLoopEventsCsv(events, scenario, coroscope::simulateLoopEvents(scenario));
    const ProcessResult eventsRun = runCoroscope({"--scenario", path, "--print-events"});
    EXPECT_EQ(eventsRun.exitCode, 0);
    EXPECT_EQ(eventsRun.err, "");
    EXPECT_TRUE(eventsRun.out == QString::fromStdString(events.str()));

    const ProcessResult figuresRun = runCoroscope({"--scenario", path, "--print-figures"});
    EXPECT_EQ(figuresRun.exitCode, 0);
    EXPECT_EQ(figuresRun.out,
              QString::fromStdString(coroscope::figuresJson(
                  coroscope::computeFigures(scenario, coroscope::simulate(scenario)))) +
                  "\n");
}

// The first chunk fails, the run goes on to its end writing nothing more, and the message
// names the first failure.
TEST(Cli, PrintingManyChunksIntoAFullDeviceFails) {
    QTemporaryDir dir;
    writeLargeScenario(dir, "large.json");
    for (const char* mode : {"--print-timeline", "--print-events"}) {
        QProcess process;
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(COROSCOPE_EXECUTABLE),
                      {"--scenario", dir.filePath("large.json"), mode});
        ASSERT_TRUE(process.waitForFinished(60'000));
        EXPECT_EQ(process.exitCode(), 1) << mode;
        EXPECT_EQ(QString::fromUtf8(process.readAllStandardError()),
                  "coroscope: standard output: cannot be written (No space left on device)\n")
            << mode;
    }
}
