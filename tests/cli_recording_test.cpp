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
