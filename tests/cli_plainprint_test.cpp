// The plain prints (--print-timeline, --print-events or --print-figures of one scenario file)
// are answered by the launcher, which loads no Qt library, and say exactly what the full
// program says for them: the same output, messages and exit status, for scenarios of both
// versions and a recording. The figures' JSON is the one Qt's writer gave before.

#include "cli/figuresjson.h"
#include "coroscoperun.h"
#include "format/scenarioformat.h"
#include "loop/timeline.h"
#include "model/largebuffer.h"
#include "qstringprinter.h"
#include "randomscenario.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace coroscope;

namespace {

const QString kFullProgram = QStringLiteral(COROSCOPE_FULL_EXECUTABLE);

// A v1 and a v2 scenario file and a recording, each with the CSV the model prints for it.
class PlainPrint : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        add("v1.json", test::alternatingScenario(40, 10, 7));
        add("v2.json", test::requestsScenario(60, 7));
        files_ << QStringLiteral(COROSCOPE_RECORDINGS "/fanout.json");
    }

    void add(const QString& name, const Scenario& scenario) {
        const QString path = dir_.filePath(name);
        std::ofstream(path.toStdString(), std::ios::binary) << serializeScenario(scenario);
        files_ << path;
        std::ostringstream timeline;
        printTimelineCsv(timeline, scenario);
        timelines_ << QString::fromStdString(timeline.str());
    }

    QTemporaryDir dir_;
    QStringList files_;
    QStringList timelines_; // of the generated files, in their order
};

void expectSameAnswers(const QStringList& arguments) {
    const std::string call = arguments.join(' ').toStdString();
    const ProcessResult launcher = runCoroscope(arguments);
    const ProcessResult full = runProgram(kFullProgram, arguments);
    EXPECT_EQ(launcher.exitCode, full.exitCode) << call;
    EXPECT_EQ(launcher.out, full.out) << call;
    EXPECT_EQ(launcher.err, full.err) << call;
}

// The figures as Qt's JSON writer wrote them, when --print-figures needed Qt.
QByteArray qtFiguresJson(const Figures& figures) {
    QJsonObject object{
        {QStringLiteral("makespan_ms"), qint64(figures.makespanMs)},
        {QStringLiteral("cpu_busy_ms"), qint64(figures.cpuBusyMs)},
        {QStringLiteral("cpu_busy_pct"), figures.cpuBusyPct},
        {QStringLiteral("sequential_ms"), qint64(figures.sequentialMs)},
        {QStringLiteral("speedup"), figures.speedup},
        {QStringLiteral("tasks"), qint64(figures.tasks)},
        {QStringLiteral("segments"), qint64(figures.segments)},
    };
    if (figures.loop.shown) {
        const LoopFigures& loop = figures.loop;
        object.insert(QStringLiteral("latency_p50_ms"), qint64(loop.latencyP50Ms));
        object.insert(QStringLiteral("latency_p95_ms"), qint64(loop.latencyP95Ms));
        object.insert(QStringLiteral("latency_p99_ms"), qint64(loop.latencyP99Ms));
        object.insert(QStringLiteral("latency_max_ms"), qint64(loop.latencyMaxMs));
        for (const QueuePeak& peak : loop.mostQueued)
            object.insert(QStringLiteral("max_queued_") + QString::fromStdString(peak.name),
                          qint64(peak.most));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

TEST(FiguresJson, IsWhatQtsJsonWriterWrote) {
    std::mt19937_64 random(24);
    std::vector<double> numbers{0,
                                75,
                                100,
                                2.0875,
                                1e-7,
                                0.0001234,
                                0.001,
                                1e15,
                                1e16,
                                1e17,
                                1e21,
                                1e22,
                                0.1,
                                1.0 / 3,
                                123456789012.0,
                                std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN()};
    for (int i = 0; i < 2000; ++i) // every magnitude, and the ratios of whole numbers
        numbers.push_back(std::ldexp(std::uniform_real_distribution<double>(1, 2)(random),
                                     int(random() % 160) - 80));
    for (int i = 0; i < 2000; ++i)
        numbers.push_back(double(random() % 100'000'000) / double(random() % 100'000 + 1));
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i) {
        Figures figures;
        figures.makespanMs = std::int64_t(random() % 10'000'000'000);
        figures.cpuBusyMs = std::int64_t(random() % 10'000);
        figures.cpuBusyPct = numbers[i];
        figures.sequentialMs = std::int64_t(random());
        figures.speedup = numbers[i + 1];
        figures.tasks = random() % 1'000'000;
        figures.segments = random() % 10'000'000;
        if (i % 2) {
            figures.loop.shown = true;
            figures.loop.latencyP50Ms = std::int64_t(random() % 1000);
            figures.loop.latencyMaxMs = std::int64_t(random() % 100'000);
            figures.loop.mostQueued = {
                {"db", 3}, {"thread", std::int64_t(random() % 50)}, {"a_1", 0}, {"zz9", 12}};
        }
        EXPECT_EQ(figuresJson(figures), qtFiguresJson(figures).toStdString())
            << numbers[i] << " " << numbers[i + 1];
    }
}

TEST_F(PlainPrint, LoadsNoQtLibrary) {
    for (const QString& file : files_)
        for (const QString mode : {"--print-timeline", "--print-events", "--print-figures"}) {
            QTemporaryDir logs;
            // The dynamic linker's account of every library it loads, in <prefix>.<pid>.
            const ProcessResult run =
                runCoroscope({mode, "--scenario", file},
                             {"LD_DEBUG=libs", "LD_DEBUG_OUTPUT=" + logs.filePath("ld")});
            EXPECT_EQ(run.exitCode, 0);
            QByteArray loaded;
            for (const QString& log : QDir(logs.path()).entryList(QDir::Files)) {
                QFile in(logs.filePath(log));
                ASSERT_TRUE(in.open(QIODevice::ReadOnly));
                loaded += in.readAll();
            }
            EXPECT_TRUE(loaded.contains("libsimdjson")) << "no account of the libraries loaded";
            EXPECT_FALSE(loaded.contains("libQt6")) << (mode + " " + file).toStdString();
        }
}

TEST_F(PlainPrint, PrintsWhatTheModelPrints) {
    for (qsizetype i = 0; i < timelines_.size(); ++i) {
        const ProcessResult run = runCoroscope({"--print-timeline", files_[i]});
        EXPECT_EQ(run.exitCode, 0);
        EXPECT_EQ(run.out, timelines_[i]);
        EXPECT_EQ(run.err, "");
    }
}

TEST_F(PlainPrint, AnswersAsTheFullProgramDoes) {
    for (const QString& file : files_)
        for (const QString mode : {"--print-timeline", "--print-events", "--print-figures"}) {
            expectSameAnswers({mode, "--scenario", file});
            expectSameAnswers({"--scenario=" + file, mode});
            expectSameAnswers({file, mode});
        }
}

TEST_F(PlainPrint, FilesThatCannotBeReadGetTheFullProgramsMessage) {
    const QString broken = dir_.filePath("broken.json");
    QFile out(broken);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write("{\"format\": \"coroscope-scenario\", \"version\": 1, \"tasks\": [");
    out.close();
    for (const QString& file : {broken, dir_.filePath("missing.json"), dir_.path()}) {
        const ProcessResult run = runCoroscope({"--print-timeline", "--scenario", file});
        EXPECT_EQ(run.exitCode, 1);
        EXPECT_TRUE(run.err.startsWith("coroscope: " + file + ": ")) << run.err.toStdString();
        expectSameAnswers({"--print-timeline", "--scenario", file});
    }
}

TEST(PlainPrintLauncher, WithoutTheFullProgramSaysWhatIsMissing) {
    QTemporaryDir dir;
    const QString lone = dir.filePath("bin/coroscope");
    ASSERT_TRUE(QDir(dir.path()).mkdir("bin"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(COROSCOPE_EXECUTABLE), lone));
    const ProcessResult run = runProgram(lone, {"--version"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "coroscope: " + dir.filePath("libexec/coroscope/coroscope") +
                           ": cannot be started (No such file or directory; is the "
                           "installation complete?)\n");
}

// A big scenario's print asks for its heap in huge pages (model/hugeheap.h): where the system
// grants them, it has a fraction of the page faults that filling 4 KiB pages takes (2,586 for
// this file before, about 740 after).
TEST(PlainPrintMemory, ABigPrintFillsItsHeapInHugePages) {
    if (kAddressSanitized)
        GTEST_SKIP() << "AddressSanitizer's allocator is not malloc's";
    std::ifstream policy("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    std::getline(policy, modes);
    if (modes.find("[never]") != std::string::npos || modes.empty())
        GTEST_SKIP() << "no transparent huge pages here: " << modes;
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
    std::ofstream(path, std::ios::binary)
        << serializeScenario(test::alternatingScenario(10'000, 10, 7));
    const std::string program = COROSCOPE_EXECUTABLE;
    const char* argv[] = {program.c_str(), "--print-timeline", path.c_str(), nullptr};
    posix_spawn_file_actions_t output;
    posix_spawn_file_actions_init(&output);
    posix_spawn_file_actions_addopen(&output, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t child = 0;
    ASSERT_EQ(posix_spawn(&child, argv[0], &output, nullptr, const_cast<char**>(argv), environ), 0);
    posix_spawn_file_actions_destroy(&output);
    int status = 0;
    rusage usage{};
    ASSERT_EQ(wait4(child, &status, 0, &usage), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    EXPECT_LT(usage.ru_minflt, 1800) << "page faults";
}
