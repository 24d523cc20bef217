// The plain prints (--print-timeline or --print-events of one scenario file) are answered by
// the launcher, which loads no Qt library, and say exactly what the full program says for
// them: the same output, messages and exit status, for scenarios of both versions and a
// recording.

#include "coroscoperun.h"
#include "format/scenarioformat.h"
#include "loop/timeline.h"
#include "qstringprinter.h"
#include "randomscenario.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

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

} // namespace

TEST_F(PlainPrint, LoadsNoQtLibrary) {
    for (const QString& file : files_)
        for (const QString mode : {"--print-timeline", "--print-events"}) {
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
        for (const QString mode : {"--print-timeline", "--print-events"}) {
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
