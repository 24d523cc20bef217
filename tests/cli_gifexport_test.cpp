// --export-gif from the command line: the seed's animation with its options, usage errors for
// what does not go with it, memory that stays bounded for a big scenario, and a full disk that
// fails the export cleanly.

#include "coroscoperun.h"
#include "format/scenarioformat.h"
#include "fulldisk.h"
#include "gifframes.h"
#include "qtfiles.h"
#include "randomscenario.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/resource.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

constexpr char kOld[] = "the previous export";

QString usage(const QString& message) {
    return "coroscope: " + message + "\nTry 'coroscope --help'.\n";
}

} // namespace

TEST(CliGifExport, TheSeedPlaysInOneHundredAndOneFramesAtTenASecond) {
    QTemporaryDir dir;
    const QString out = dir.filePath("seed.gif");
    const ProcessResult run = runCoroscope({"--export-gif", out});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
    const GifAnimation gif = readGif(out);
    ASSERT_TRUE(gif.read);
    EXPECT_EQ(gif.frames.size(), 101u);
    EXPECT_EQ(gif.frames.front().delayCentiseconds, 10);
    EXPECT_EQ(gif.frames.back().delayCentiseconds, 200);
    EXPECT_EQ(QImage(gif.width, gif.height, QImage::Format_RGB32).size(),
              QSize(1040, gif.frames.back().image.height()));
}

TEST(CliGifExport, FpsScaleThemeAndCompareAreTaken) {
    QTemporaryDir dir;
    const QString out = dir.filePath("seed.gif");
    const ProcessResult plain = runCoroscope({"--export-gif", out, "--fps", "4", "--scale", "0.5"});
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    const GifAnimation small = readGif(out);
    ASSERT_EQ(small.frames.size(), 41u);
    EXPECT_EQ(small.frames.front().delayCentiseconds, 25);
    EXPECT_EQ(small.width, 520);

    const ProcessResult compared =
        runCoroscope({"--export-gif", out, "--fps", "1", "--compare", "--theme", "dark"});
    ASSERT_EQ(compared.exitCode, 0) << compared.err.toStdString();
    const GifAnimation both = readGif(out);
    ASSERT_EQ(both.frames.size(), 11u);
    EXPECT_GT(both.height, small.height * 2) << "the blocking card under the async one";
    const QRgb page = both.frames.back().image.pixel(2, 2);
    EXPECT_LT(qGray(page), 64) << "dark";
}

TEST(CliGifExport, OptionsThatDoNotGoWithItAreUsageErrors) {
    QTemporaryDir dir;
    const QString out = dir.filePath("seed.gif");
    const std::pair<QStringList, QString> cases[] = {
        {{"--export-gif", out, "--fps", "0"}, "--fps takes a whole number from 1 to 50, not '0'"},
        {{"--export-gif", out, "--fps", "51"}, "--fps takes a whole number from 1 to 50, not '51'"},
        {{"--export-gif", out, "--fps", "2.5"},
         "--fps takes a whole number from 1 to 50, not '2.5'"},
        {{"--export-png", dir.filePath("a.png"), "--fps", "5"}, "--fps goes with --export-gif"},
        {{"--export-gif", out, "--at", "300"}, "--at goes with --export-png or --export-svg"},
        {{"--export-gif", out, "--transparent"}, "--transparent goes with --export-png"},
        {{"--export-svg", dir.filePath("a.svg"), "--scale", "2"},
         "--scale goes with --export-png or --export-gif"},
        {{"--export-gif", out, "--export-png", dir.filePath("a.png")},
         "--export-png, --export-gif cannot be combined: choose one"},
    };
    for (const auto& [arguments, message] : cases) {
        const ProcessResult run = runCoroscope(arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(' ').toStdString();
        EXPECT_EQ(run.err, usage(message));
    }
    EXPECT_FALSE(QFile::exists(out));
}

TEST(CliGifExport, ATargetOfAnotherKindOrAFolderIsRefused) {
    QTemporaryDir dir;
    const QString png = dir.filePath("a.png");
    const ProcessResult wrongName = runCoroscope({"--export-gif", png});
    EXPECT_EQ(wrongName.exitCode, 1);
    EXPECT_EQ(wrongName.err, "coroscope: " + png +
                                 ": unknown extension for this export; the file name must end "
                                 "in .gif\n");
    const ProcessResult folder = runCoroscope({"--export-gif", dir.path()});
    EXPECT_EQ(folder.exitCode, 1);
    EXPECT_EQ(folder.err, "coroscope: " + dir.path() + ": is a directory\n");
}

// 1,000 tasks: a frame is 1,040 × 20,000 pixels (80 MB as one image); drawn and encoded a band
// of rows at a time, one frame after another, the export stays within 150 MB.
TEST(CliGifExport, ABigAnimationIsWrittenInBoundedMemory) {
#if defined(__has_feature)
#if __has_feature(address_sanitizer) // built with the program: its shadow memory is data too
    GTEST_SKIP() << "AddressSanitizer's shadow memory counts against RLIMIT_DATA";
#endif
#endif
    QTemporaryDir dir;
    const QString scenario = dir.filePath("big.json");
    writeFile(scenario,
              QByteArray::fromStdString(serializeScenario(alternatingScenario(1'000, 10, 42))));
    const QString out = dir.filePath("big.gif");
    QProcess process;
    process.setChildProcessModifier([] {
        const rlimit data{150 << 20, 150 << 20}; // the heap and every private writable mapping
        ::setrlimit(RLIMIT_DATA, &data);
    });
    process.start(QStringLiteral(COROSCOPE_EXECUTABLE),
                  {"--scenario", scenario, "--export-gif", out, "--fps", "1"});
    ASSERT_TRUE(process.waitForFinished(300'000));
    ASSERT_EQ(process.exitStatus(), QProcess::NormalExit) << "the export ran out of memory";
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    QFile written(out);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_EQ(written.read(6), "GIF89a");
}

// The disk has room for the start of the animation, not for all of it.
TEST(CliGifExport, ADiskThatFillsUpMidWayFailsTheExportAndKeepsTheOldFile) {
    FullDisk disk; // 256 KiB
    if (!disk.mounted())
        GTEST_SKIP() << disk.reason().toStdString();
    const QString out = disk.path("seed.gif");
    writeFile(out, kOld);
    const ProcessResult run = runCoroscope({"--export-gif", out, "--scale", "2"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "coroscope: " + out + ": cannot be written (No space left on device)\n");
    EXPECT_EQ(readFile(out), kOld);
    EXPECT_EQ(disk.files(), QStringList{"seed.gif"});
}
