// A recording of a run under real asyncio on the command line: it stands for the scenario it
// derives (--scenario FILE or FILE), pictures show the measured run over the model's, and a
// trace that is not a recording is refused with one message.

#include "asyncio/recording.h"
#include "coroscoperun.h"
#include "qstringprinter.h"
#include "seedexpectations.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

const QString kSeedRecording = QStringLiteral(COROSCOPE_RECORDINGS "/seed.json");
// Measured, the seed run ends at 1257.3 ms: the picture's axis spans 0 to 1500 ms, the model's
// alone 0 to 1000 ms.
const QString kOverrunRecording = QStringLiteral(COROSCOPE_RECORDINGS "/overrun.json");

// The ruler's labels of an SVG picture, left to right ("1100ms" and so on).
QStringList rulerLabels(const QString& svgPath) {
    QFile file(svgPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression label(QStringLiteral(R"(>(\d+ms)</text>)"));
    QStringList labels;
    for (const QRegularExpressionMatch& match :
         label.globalMatch(QString::fromUtf8(file.readAll())))
        labels << match.captured(1);
    return labels;
}

} // namespace

TEST(CliRecording, ItsScenarioIsTheOneItRan) {
    for (const QStringList& arguments :
         {QStringList{"--scenario", kSeedRecording, "--print-timeline"},
          QStringList{kSeedRecording, "--print-timeline"}}) {
        const ProcessResult run = runCoroscope(arguments);
        EXPECT_EQ(run.exitCode, 0);
        EXPECT_EQ(run.out, coroscope::test::kSeedCsv);
        EXPECT_EQ(run.err, "");
    }
}

TEST(CliRecording, OurOwnChromeTraceIsNotARecording) {
    QTemporaryDir dir;
    const QString trace = dir.filePath("trace.json");
    ASSERT_EQ(runCoroscope({"--export-trace", trace}).exitCode, 0);
    const ProcessResult run = runCoroscope({"--scenario", trace, "--print-timeline"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "coroscope: " + trace + ": " +
                           QString::fromUtf8(coroscope::kNotARecording.data(),
                                             qsizetype(coroscope::kNotARecording.size())) +
                           "\n");
}

TEST(CliRecording, PicturesShowTheMeasuredRunOverTheModel) {
    QTemporaryDir dir;
    const QString measured = dir.filePath("measured.png");
    const QString model = dir.filePath("model.png");
    ASSERT_EQ(runCoroscope({kSeedRecording, "--export-png", measured}).exitCode, 0);
    ASSERT_EQ(
        runCoroscope({"--scenario", COROSCOPE_DEFAULT_SCENARIO, "--export-png", model}).exitCode,
        0);
    const QImage withOverlay(measured);
    const QImage without(model);
    ASSERT_EQ(withOverlay.size(), without.size());
    EXPECT_NE(withOverlay, without);
}

TEST(CliRecording, FromAndToTakeThePicturesAxisWhichCoversTheMeasuredRun) {
    QTemporaryDir dir;
    const QString svg = dir.filePath("late.svg");
    const ProcessResult inside =
        runCoroscope({kOverrunRecording, "--export-svg", svg, "--from", "1100", "--to", "1450"});
    EXPECT_EQ(inside.exitCode, 0) << inside.err.toStdString();
    EXPECT_EQ(inside.err, "");
    EXPECT_EQ(rulerLabels(svg), QStringList({"1100ms", "1200ms", "1300ms", "1400ms"}));

    // --to alone, past the model's end (1000 ms) but inside the measured run.
    const ProcessResult toAlone =
        runCoroscope({kOverrunRecording, "--export-svg", svg, "--to", "1450"});
    EXPECT_EQ(toAlone.exitCode, 0) << toAlone.err.toStdString();
    EXPECT_EQ(rulerLabels(svg),
              QStringList({"0ms", "250ms", "500ms", "750ms", "1000ms", "1250ms"}));

    const QString refused = dir.filePath("refused.svg");
    const ProcessResult past =
        runCoroscope({kOverrunRecording, "--export-svg", refused, "--from", "1600"});
    EXPECT_EQ(past.exitCode, 2);
    EXPECT_TRUE(past.err.startsWith("coroscope: --from 1600 is not before the end of the "
                                    "picture's axis (0 to 1500 ms)\n"))
        << past.err.toStdString();
    EXPECT_FALSE(QFile::exists(refused));
}

namespace {

const QString kThreeRuns = QStringLiteral(COROSCOPE_RECORDINGS "/three-runs.json");

QString usage(const QString& message) {
    return "coroscope: " + message + "\nTry 'coroscope --help'.\n";
}

} // namespace

TEST(CliRecordingRuns, RunNPrintsThatRunOfARecordingOfSeveral) {
    // The first run by default: its task, and the loop work of no task that fell in it.
    const ProcessResult first = runCoroscope({kThreeRuns, "--print-timeline"});
    EXPECT_EQ(first.exitCode, 0);
    EXPECT_EQ(first.out, QStringLiteral("task,kind,start_ms,end_ms\nfirst,cpu,0,1\n"
                                        "first,sleep,1,21\n(callbacks),cpu,1,2\n"
                                        "first,cpu,21,22\n"));
    EXPECT_EQ(runCoroscope({kThreeRuns, "--print-timeline", "--run", "1"}).out, first.out);
    // Run 2 from its own start, its join of child numbered within it.
    const ProcessResult second =
        runCoroscope({"--scenario", kThreeRuns, "--run=2", "--print-timeline"});
    EXPECT_EQ(second.exitCode, 0);
    EXPECT_EQ(second.out, QStringLiteral("task,kind,start_ms,end_ms\nsecond,cpu,0,1\n"
                                         "second,join,1,12\nchild,cpu,2,12\nsecond,cpu,12,13\n"));
    EXPECT_EQ(second.err, "");
}

TEST(CliRecordingRuns, ARunTheFileDoesNotHoldIsAUsageError) {
    for (const auto& [arguments, message] :
         {std::pair{QStringList{kThreeRuns, "--print-events", "--run", "4"},
                    QStringLiteral("--run 4: the recording holds 3 runs of asyncio.run (--run 1 "
                                   "to 3)")},
          std::pair{QStringList{QStringLiteral(COROSCOPE_RECORDINGS "/recorded-blocking.json"),
                                "--print-figures", "--run", "2"},
                    QStringLiteral("--run 2: the recording holds 1 run of asyncio.run (--run 1 "
                                   "to 1)")},
          std::pair{QStringList{QStringLiteral(COROSCOPE_DEFAULT_SCENARIO), "--print-timeline",
                                "--run", "1"},
                    QStringLiteral("--run goes with a recording, and this is a scenario file")},
          std::pair{QStringList{"--print-timeline", "--run", "2"},
                    QStringLiteral("--run goes with a recording (FILE or --scenario FILE)")},
          std::pair{QStringList{kThreeRuns, "--print-timeline", "--run", "0"},
                    QStringLiteral("--run takes a run's number, a whole number from 1, not '0'")},
          std::pair{QStringList{kThreeRuns, "--print-timeline", "--run", "two"},
                    QStringLiteral("--run takes a run's number, a whole number from 1, not "
                                   "'two'")}}) {
        const ProcessResult run = runCoroscope(arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(' ').toStdString();
        EXPECT_EQ(run.out, "");
        EXPECT_EQ(run.err, usage(message));
    }
}

TEST(CliRecordingRuns, PicturesShowTheRunAsked) {
    QTemporaryDir dir;
    const QString svg = dir.filePath("run3.svg");
    const ProcessResult run = runCoroscope({kThreeRuns, "--run", "3", "--export-svg", svg});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString drawn = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(drawn.contains(">third<")) << "run 3's task";
    EXPECT_FALSE(drawn.contains(">first<")) << "run 1's task";
}
