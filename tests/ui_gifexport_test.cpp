// The animated GIF export: the window's animation as frames (10 s of the whole axis, then the
// finished timeline held), each frame the PNG export's picture of its moment within the
// palette's error, written through the atomic writer (a cancel leaves no file), and offered in
// the window under File ▸ Export with its frames per second.

#include "analysis/runanalysis.h"
#include "export/animationframes.h"
#include "export/exportdialog.h"
#include "export/gifpalette.h"
#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "gifframes.h"
#include "loop/figures.h"
#include "mainwindow.h"
#include "randomscenario.h"
#include "resultchecks.h"
#include "timeline/timelinescene.h"
#include "windowdialogs.h"
#include "windowmenus.h"
#include "workprogress.h"

#include <QDir>
#include <QFileDialog>
#include <QProgressDialog>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace coroscope;
using namespace coroscope::test;

namespace {

const Scenario& seed() {
    static const Scenario scenario = ScenarioFile::builtInDefault();
    return scenario;
}

double seedAxisEnd() {
    return shownAxisEnd(simulateFigures(seed()), {});
}

GifAnimation exported(const Scenario& scenario, const ExportOptions& options) {
    QTemporaryDir folder;
    const QString path = folder.filePath("seed.gif");
    EXPECT_TRUE(
        succeeded(exportTimeline(scenario, path.toStdString(), ExportFormat::Gif, options)));
    return readGif(path);
}

// The PNG export's picture of the same options at one moment (none: the finished run).
QImage pngAt(const ExportOptions& gifOptions, std::optional<double> atMs) {
    QTemporaryDir folder;
    const QString path = folder.filePath("frame.png");
    ExportOptions options = gifOptions;
    options.atMs = atMs;
    EXPECT_TRUE(succeeded(exportTimeline(seed(), path.toStdString(), ExportFormat::Png, options)));
    return QImage(path);
}

QStringList filesIn(const QTemporaryDir& folder) {
    return QDir(folder.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

int sumOfDelays(const std::vector<AnimationFrame>& frames, std::size_t count) {
    return std::accumulate(
        frames.begin(), frames.begin() + std::ptrdiff_t(count), 0,
        [](int sum, const AnimationFrame& f) { return sum + f.delayCentiseconds; });
}

} // namespace

TEST(AnimationFrames, TenSecondsOfFramesThenTheFinishedTimeline) {
    const std::vector<AnimationFrame> frames = animationFrames(800, 10);
    ASSERT_EQ(frames.size(), 101u);
    EXPECT_EQ(frames[0].atMs, 0);
    EXPECT_EQ(frames[1].atMs, 8);
    EXPECT_EQ(frames[99].atMs, 792);
    EXPECT_TRUE(std::isinf(frames.back().atMs));
    for (std::size_t i = 0; i + 1 < frames.size(); ++i)
        EXPECT_EQ(frames[i].delayCentiseconds, 10) << i;
    EXPECT_EQ(frames.back().delayCentiseconds, kFinishedHoldCentiseconds);
}

// Delays are whole hundredths of a second: uneven rates round so that they add up to 10 s.
TEST(AnimationFrames, RoundedDelaysKeepTheWallClock) {
    for (const int fps : {1, 3, 7, 30, 50}) {
        const std::vector<AnimationFrame> frames = animationFrames(1000, fps);
        ASSERT_EQ(frames.size(), std::size_t(10 * fps + 1)) << fps;
        EXPECT_EQ(sumOfDelays(frames, frames.size() - 1), 1000) << fps;
        for (std::size_t i = 0; i + 1 < frames.size(); ++i)
            EXPECT_LE(std::abs(frames[i].delayCentiseconds - 100.0 / fps), 1) << fps;
    }
}

TEST(GifPalette, FewColoursAreKeptExactly) {
    QImage band(4, 1, QImage::Format_RGB32);
    const QRgb colours[] = {qRgb(255, 255, 255), qRgb(66, 165, 245), qRgb(229, 57, 53),
                            qRgb(0, 0, 0)};
    for (int x = 0; x < 4; ++x)
        band.setPixel(x, 0, colours[x]);
    ColourCount counted;
    counted.add(band, 1);
    GifPalette palette(counted);
    ASSERT_EQ(palette.colours().size(), 4u);
    for (const QRgb colour : colours)
        EXPECT_EQ(palette.colours()[palette.indexOf(colour)], colour);
}

// A gradient of 4,096 colours over a flat page: 256 entries at most, the page's colour exact,
// every pixel near its entry.
TEST(GifPalette, ManyColoursAreCutToTwoHundredFiftySixKeepingTheFlatOnes) {
    QImage band(64, 128, QImage::Format_RGB32);
    band.fill(qRgb(250, 250, 250));
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            band.setPixel(x, y, qRgb(x * 4, y * 4, 128));
    ColourCount counted;
    counted.add(band, band.height());
    ASSERT_EQ(counted.counts().size(), 4097u);
    GifPalette palette(counted);
    EXPECT_EQ(palette.colours().size(), std::size_t(GifPalette::kMaxColours));
    EXPECT_EQ(palette.colours()[palette.indexOf(qRgb(250, 250, 250))], qRgb(250, 250, 250));
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            const QRgb entry = palette.colours()[palette.indexOf(band.pixel(x, y))];
            EXPECT_LE(std::abs(qRed(entry) - x * 4) + std::abs(qGreen(entry) - y * 4), 24);
        }
}

TEST(GifExport, TheSeedAtTenFramesASecondHasOneHundredAndOneFramesThatLoop) {
    const GifAnimation gif = exported(seed(), {});
    ASSERT_TRUE(gif.read);
    EXPECT_TRUE(gif.loops);
    EXPECT_EQ(gif.width, 1040);
    EXPECT_EQ(QSize(gif.width, gif.height), pngAt({}, std::nullopt).size());
    ASSERT_EQ(gif.frames.size(), 101u);
    for (std::size_t i = 0; i + 1 < gif.frames.size(); ++i)
        EXPECT_EQ(gif.frames[i].delayCentiseconds, 10) << i;
    EXPECT_EQ(gif.frames.back().delayCentiseconds, 200);
}

TEST(GifExport, FramesPerSecondAndScaleAreTheOptions) {
    ExportOptions options;
    options.fps = 3;
    options.scale = 0.5;
    const GifAnimation gif = exported(seed(), options);
    ASSERT_TRUE(gif.read);
    ASSERT_EQ(gif.frames.size(), 31u);
    EXPECT_EQ(gif.width, 520);
    EXPECT_EQ(gif.frames[0].delayCentiseconds, 33);
    EXPECT_EQ(gif.frames[1].delayCentiseconds, 34);
}

// The last frame is the finished timeline, a frame in between the PNG export --at its moment:
// the same pixels but for the palette's rounding of anti-aliased blends.
TEST(GifExport, FramesAreThePngExportsPicturesWithinThePalettesError) {
    for (const bool dark : {false, true}) {
        SCOPED_TRACE(dark ? "dark, explained" : "light");
        ExportOptions options;
        options.theme = dark ? style::Theme::dark() : style::Theme::light();
        options.explain = dark;
        const GifAnimation gif = exported(seed(), options);
        ASSERT_EQ(gif.frames.size(), 101u);
        const auto expectClose = [&](const QImage& frame, const QImage& png) {
            ASSERT_EQ(frame.size(), png.size());
            const PictureDifference difference = differenceOf(frame, png);
            // Measured: a mean of 0.2 to 0.35, 19 at most (a blend given a neighbouring entry).
            EXPECT_LT(difference.mean, 0.5);
            EXPECT_LE(difference.largest, 32);
        };
        expectClose(gif.frames.back().image, pngAt(options, std::nullopt));
        expectClose(gif.frames[37].image, pngAt(options, seedAxisEnd() * 37 / 100));
        // Not merely close to anything: the first frame is not the finished timeline.
        EXPECT_GT(differenceOf(gif.frames.front().image, gif.frames.back().image).mean, 1);
    }
}

TEST(GifExport, ItTellsProgressFromZeroToOneAndACancelLeavesNoFile) {
    QTemporaryDir folder;
    std::vector<double> told;
    const Progress record = [&](double done) {
        told.push_back(done);
        return true;
    };
    const std::string path = folder.filePath("seed.gif").toStdString();
    ASSERT_TRUE(succeeded(exportTimeline(seed(), path, ExportFormat::Gif, {}, record)));
    ASSERT_GE(told.size(), 101u);
    EXPECT_EQ(told.front(), 0);
    EXPECT_EQ(told.back(), 1);
    EXPECT_TRUE(std::is_sorted(told.begin(), told.end()));

    QTemporaryDir other;
    const Progress stopHalfWay = [](double done) { return done < 0.5; };
    const Result<void> stopped = exportTimeline(seed(), other.filePath("seed.gif").toStdString(),
                                                ExportFormat::Gif, {}, stopHalfWay);
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().cancelled);
    EXPECT_EQ(filesIn(other), QStringList()) << "neither the file nor a temporary";
}

TEST(GifExport, ItRefusesWhatThePictureExportsRefuse) {
    QTemporaryDir folder;
    const auto refused = [&](const QString& path, const ExportOptions& options) {
        const Result<void> result =
            exportTimeline(seed(), path.toStdString(), ExportFormat::Gif, options);
        return result ? std::string() : result.error().message;
    };
    EXPECT_EQ(refused(folder.filePath("seed.png"), {}),
              folder.filePath("seed.png").toStdString() +
                  ": unknown extension for this export; the file name must end in .gif");
    EXPECT_EQ(refused(folder.path() + "/missing/seed.gif", {}),
              folder.path().toStdString() + "/missing/seed.gif: the folder " +
                  folder.path().toStdString() + "/missing does not exist");
    // 2,000 tasks at 3×: fewer pixels than a PNG may have, taller than a GIF can be.
    ExportOptions tall;
    tall.scale = 3;
    const QString path = folder.filePath("tall.gif");
    const Result<void> result =
        exportTimeline(randomScenario(2'000, 2, 7), path.toStdString(), ExportFormat::Gif, tall);
    ASSERT_FALSE(result);
    EXPECT_TRUE(QString::fromStdString(result.error().message)
                    .startsWith(path + ": the animation would be 3,120 × "))
        << result.error().message;
    EXPECT_TRUE(result.error().message.ends_with(
        " pixels; a GIF's side is at most 65,535 pixels: use a smaller scale"))
        << result.error().message;
    EXPECT_EQ(filesIn(folder), QStringList());
}

TEST(GifExport, TheWindowsCancelButtonStopsItAndLeavesNoFile) {
    MainWindow window;
    window.showScenario(seed(), "seed");
    QTemporaryDir folder;
    WorkProgress work(&window, "Exporting");
    work.dialog()->cancel(); // as a click on Cancel does
    const Result<void> exported =
        window.exportTo(folder.filePath("seed.gif"), ExportFormat::Gif, {}, work.progress());
    ASSERT_FALSE(exported);
    EXPECT_TRUE(exported.error().cancelled);
    EXPECT_EQ(filesIn(folder), QStringList());
}

// File ▸ Export ▸ Animated GIF… asks for the frames per second (no single moment, no
// transparency), then where, and writes the animation the window shows.
TEST(GifExport, TheWindowExportsItFromTheFileMenu) {
    MainWindow window;
    window.showScenario(seed(), "seed");
    window.show();
    QTemporaryDir folder;
    const QString path = folder.filePath("slides.gif");
    bool asked = false;
    bool offeredFps = false;
    QTimer::singleShot(0, [&] {
        auto* options = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(options, nullptr);
        EXPECT_EQ(options->windowTitle(), "Export Animated GIF");
        offeredFps = options->fpsBox()->isVisibleTo(options) && options->fpsBox()->value() == 10;
        options->fpsBox()->setValue(2);
        chooseInNextFileDialog(path, &asked);
        options->accept();
    });
    QAction* entry = actionNamed(window, "Animated &GIF…");
    ASSERT_NE(entry, nullptr);
    entry->trigger();
    EXPECT_TRUE(offeredFps);
    EXPECT_TRUE(asked);
    const GifAnimation gif = readGif(path);
    ASSERT_TRUE(gif.read);
    EXPECT_EQ(gif.frames.size(), 21u);
    EXPECT_EQ(gif.frames[0].delayCentiseconds, 50);
}
