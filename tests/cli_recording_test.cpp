// A recording of a run under real asyncio on the command line: it stands for the scenario it
// derives (--scenario FILE or FILE), pictures show the measured run over the model's, and a
// trace that is not a recording is refused with one message.

#include "asyncio/recording.h"
#include "coroscoperun.h"
#include "qstringprinter.h"
#include "seedexpectations.h"

#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

const QString kSeedRecording = QStringLiteral(COROSCOPE_RECORDINGS "/seed.json");

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
