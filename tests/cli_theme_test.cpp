// --theme from the command line: the dark picture is dark where the light one is light, its
// kinds keep their hues, light stays the default, and the option goes with pictures only.

#include "coroscoperun.h"
#include "qstringprinter.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

// Sample points in the pixels of the screenshot cli_export_test.cpp measures against: the
// exported seed at scale 1 has the card at (20, 20), the screenshot at (50, 28).
QPoint fromReference(int x, int y) {
    return {x - 50 + 20, y - 28 + 20};
}

// The middles of the seed's nine segments and of the legend's three swatches.
const QPoint kKindSamples[] = {
    fromReference(264, 231), fromReference(466, 231), fromReference(648, 231),
    fromReference(365, 297), fromReference(454, 297), fromReference(555, 297),
    fromReference(730, 297), fromReference(454, 363), fromReference(624, 363),
    fromReference(411, 442), fromReference(524, 442), fromReference(619, 442),
};
// Track where no segment is.
const QPoint kTrackSamples[] = {fromReference(932, 231), fromReference(304, 363)};
const QPoint kPage(2, 2);
const QPoint kCard(20 + 15, 20 + 200); // the card's padding, left of the row labels
const QRect kTitle(20 + 37, 20 + 37, 400, 30);

// The lightest and darkest lightness within a rectangle (text over its background).
std::pair<int, int> lightnessRange(const QImage& image, const QRect& rect) {
    int low = 255, high = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const int l = image.pixelColor(x, y).lightness();
            low = std::min(low, l);
            high = std::max(high, l);
        }
    return {low, high};
}

testing::AssertionResult sameHueFamily(QColor dark, QColor light) {
    const int apart = std::abs(dark.hsvHue() - light.hsvHue());
    if (std::min(apart, 360 - apart) <= 12 && dark.hsvSaturation() >= 120 && dark.value() >= 150)
        return testing::AssertionSuccess();
    return testing::AssertionFailure()
           << dark.name().toStdString() << " is not in the hue family of "
           << light.name().toStdString();
}

class CliTheme : public ::testing::Test {
protected:
    QImage exportPng(const QString& name, const QStringList& extra = {}) {
        const ProcessResult run =
            runCoroscope(QStringList{"--export-png", dir.filePath(name)} + extra);
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        EXPECT_EQ(run.err, "");
        return QImage(dir.filePath(name));
    }
    QByteArray bytesOf(const QString& name) const {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QTemporaryDir dir;
};

} // namespace

TEST_F(CliTheme, DarkPngIsDarkWhereTheLightOneIsLightAndKeepsTheKindHues) {
    const QImage light = exportPng("light.png");
    const QImage dark = exportPng("dark.png", {"--theme", "dark"});
    ASSERT_EQ(dark.size(), light.size());

    const QColor page = dark.pixelColor(kPage);
    const QColor card = dark.pixelColor(kCard);
    EXPECT_GE(light.pixelColor(kPage).lightness(), 240);
    EXPECT_LE(page.lightness(), 40) << page.name().toStdString();
    EXPECT_GE(light.pixelColor(kCard).lightness(), 240);
    EXPECT_LE(card.lightness(), 50) << card.name().toStdString();
    EXPECT_GT(card.lightness(), page.lightness()) << "the card stands out from the page";
    for (const QPoint& at : kTrackSamples) {
        const QColor track = dark.pixelColor(at);
        EXPECT_GE(light.pixelColor(at).lightness(), 230);
        EXPECT_LE(track.lightness(), 60) << track.name().toStdString();
        EXPECT_GT(track.lightness(), card.lightness()) << "the track shows on the card";
    }
    // Dark text on light, then light text on dark.
    EXPECT_LE(lightnessRange(light, kTitle).first, 80);
    EXPECT_GE(lightnessRange(dark, kTitle).second, 200);
    EXPECT_LE(lightnessRange(dark, kTitle).first, 50);
    for (const QPoint& at : kKindSamples)
        EXPECT_TRUE(sameHueFamily(dark.pixelColor(at), light.pixelColor(at)))
            << "at " << at.x() << "," << at.y();
}

TEST_F(CliTheme, LightIsTheDefaultToTheByte) {
    exportPng("default.png");
    exportPng("light.png", {"--theme", "light"});
    EXPECT_FALSE(bytesOf("default.png").isEmpty());
    EXPECT_EQ(bytesOf("default.png"), bytesOf("light.png"));
}

TEST_F(CliTheme, DarkSvgDrawsOnTheDarkPage) {
    const ProcessResult run =
        runCoroscope({"--export-svg", dir.filePath("dark.svg"), "--theme", "dark"});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QByteArray svg = bytesOf("dark.svg");
    EXPECT_TRUE(svg.contains("fill=\"#121212\"")) << "the page";
    EXPECT_TRUE(svg.contains("fill=\"#1e1e1e\"")) << "the card";
    EXPECT_FALSE(svg.contains("fill=\"#ffffff\""));
}

TEST_F(CliTheme, GoesWithPictureExportsOnly) {
    const QString png = dir.filePath("t.png");
    const QString trace = dir.filePath("t.json");
    const std::pair<QStringList, QString> cases[] = {
        {{"--theme", "dark"},
         "--theme goes with --export-png, --export-svg, --export-gif or --export-html"},
        {{"--print-figures", "--theme", "dark"},
         "--theme goes with --export-png, --export-svg, --export-gif or --export-html"},
        {{"--export-trace", trace, "--theme", "dark"},
         "--theme goes with --export-png, --export-svg, --export-gif or --export-html"},
        {{"--export-png", png, "--theme", "blue"}, "--theme takes light or dark, not 'blue'"},
        {{"--export-png", png, "--theme"}, "Missing value after '--theme'."},
    };
    for (const auto& [arguments, message] : cases) {
        const ProcessResult run = runCoroscope(arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(' ').toStdString();
        EXPECT_EQ(run.out, "");
        EXPECT_EQ(run.err, "coroscope: " + message + "\nTry 'coroscope --help'.\n");
    }
    EXPECT_FALSE(QFile::exists(png));
    EXPECT_FALSE(QFile::exists(trace));
}

TEST_F(CliTheme, HelpListsIt) {
    const ProcessResult help = runCoroscope({"--help"});
    EXPECT_TRUE(help.out.contains("--theme <THEME>")) << help.out.toStdString();
}
