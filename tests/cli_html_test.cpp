// --export-html as a user runs it: the page written (light or dark, explained), the options of
// pictures refused with it, bad targets refused, and the page as Chromium draws it: its
// segments where the PNG export has them.

#include "coroscoperun.h"
#include "qstringprinter.h"
#include "qtfiles.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinestyle.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

using namespace coroscope;
using namespace coroscope::test;

namespace {

class CliHtml : public ::testing::Test {
protected:
    QString path(const QString& name) const { return dir.filePath(name); }
    QTemporaryDir dir;
};

// What a pixel along a track shows: nothing (the track, the page, a shadow: greys) or a kind,
// told apart by hue: blue (Processing), orange (I/O) or red (HTTP).
enum class Shade { None, Blue, Orange, Red };

Shade shadeOf(QRgb pixel) {
    const int r = qRed(pixel), g = qGreen(pixel), b = qBlue(pixel);
    if (std::max({r, g, b}) - std::min({r, g, b}) < 60)
        return Shade::None;
    if (b > r)
        return Shade::Blue;
    return g > 110 ? Shade::Orange : Shade::Red;
}

struct Edge {
    int x = 0;
    Shade from = Shade::None;
    Shade to = Shade::None;
};

// Where the shade changes along row y, left to right. A shade must hold for 3 px to count:
// an anti-aliased pixel between two pills (or a pill and the track) is a blend of both.
std::vector<Edge> edgesAlong(const QImage& image, int y) {
    constexpr int kLeast = 3;
    struct Run {
        Shade shade;
        int from;
        int length;
    };
    std::vector<Run> runs;
    for (int x = 0; x < image.width(); ++x) {
        const Shade here = shadeOf(image.pixel(x, y));
        if (!runs.empty() && runs.back().shade == here)
            ++runs.back().length;
        else
            runs.push_back({here, x, 1});
    }
    std::vector<Edge> edges;
    Shade last = Shade::None;
    for (const Run& run : runs) {
        if (run.length < kLeast || run.shade == last)
            continue;
        edges.push_back({run.from, last, run.shade});
        last = run.shade;
    }
    return edges;
}

std::string describe(const std::vector<Edge>& edges) {
    std::string text;
    for (const Edge& edge : edges)
        text += std::to_string(edge.x) + ":" + std::to_string(int(edge.from)) + ">" +
                std::to_string(int(edge.to)) + " ";
    return text;
}

// Chromium, headless, draws a page at a window size into a PNG; false when it could not.
bool screenshot(const QString& chromium, const QString& url, const QString& png,
                const QString& profile) {
    QProcess process;
    process.start(chromium, {"--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                             "--user-data-dir=" + profile, "--screenshot=" + png,
                             "--window-size=1040,800", url});
    return process.waitForFinished(120'000) && process.exitCode() == 0 && QFile::exists(png);
}

} // namespace

TEST_F(CliHtml, WritesOnePageThatPlaysTheRun) {
    const ProcessResult run = runCoroscope({"--export-html", path("seed.html")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
    const QByteArray page = readFile(path("seed.html"));
    EXPECT_TRUE(page.startsWith("<!doctype html>"));
    EXPECT_TRUE(page.contains(R"(<div class="cs-title">Asynchronous Task Execution</div>)"));
    EXPECT_TRUE(page.contains(R"("names":["Task 1","Task 2","Task 3"])"));
    EXPECT_TRUE(page.contains("--cs-page:#ffffff;")) << "light unless asked";
    EXPECT_FALSE(page.contains("\"ready\""));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"seed.html"});

    const ProcessResult dark =
        runCoroscope({"--export-html", path("dark.html"), "--theme", "dark", "--explain"});
    EXPECT_EQ(dark.exitCode, 0) << dark.err.toStdString();
    const QByteArray darkPage = readFile(path("dark.html"));
    EXPECT_TRUE(darkPage.contains("--cs-page:#121212;--cs-card:#1e1e1e;"));
    EXPECT_TRUE(darkPage.contains(R"("ready":[[],[0,150],[0,250]])"));
    EXPECT_TRUE(darkPage.contains("<span>Ready, waiting for the loop</span>"));
}

TEST_F(CliHtml, ARecordingGivesThePageOfItsScenario) {
    const ProcessResult run = runCoroscope(
        {QStringLiteral(COROSCOPE_RECORDINGS "/seed.json"), "--export-html", path("run.html")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(readFile(path("run.html")).contains(R"("names":["Task 1","Task 2","Task 3"])"));
}

TEST_F(CliHtml, ThePicturesOwnOptionsAreUsageErrors) {
    const QString out = path("a.html");
    const std::pair<QStringList, QString> cases[] = {
        {{"--export-html", out, "--at", "300"}, "--at goes with --export-png or --export-svg"},
        {{"--export-html", out, "--compare"},
         "--compare goes with --export-png, --export-svg or --export-gif"},
        {{"--export-html", out, "--width", "800"},
         "--width goes with --export-png, --export-svg or --export-gif"},
        {{"--export-html", out, "--scale", "2"}, "--scale goes with --export-png or --export-gif"},
        {{"--export-html", out, "--export-png", path("a.png")},
         "--export-png, --export-html cannot be combined: choose one"},
        {{"--export-trace", path("a.json"), "--explain"},
         "--explain goes with --export-png, --export-svg, --export-gif or --export-html"},
    };
    for (const auto& [arguments, message] : cases) {
        const ProcessResult run = runCoroscope(arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(' ').toStdString();
        EXPECT_EQ(run.err, "coroscope: " + message + "\nTry 'coroscope --help'.\n");
    }
    EXPECT_TRUE(QDir(dir.path()).isEmpty());
}

TEST_F(CliHtml, RefusesTheTargetsOtherExportsRefuse) {
    const std::pair<QString, QString> cases[] = {
        {path("page.htm"), "unknown extension for this export; the file name must end in .html"},
        {dir.path(), "is a directory"},
        {path("missing/page.html"), "the folder " + path("missing") + " does not exist"},
    };
    for (const auto& [target, why] : cases) {
        const ProcessResult run = runCoroscope({"--export-html", target});
        EXPECT_EQ(run.exitCode, 1) << target.toStdString();
        EXPECT_EQ(run.err, "coroscope: " + target + ": " + why + "\n");
    }
    EXPECT_TRUE(QDir(dir.path()).isEmpty());
}

// The page drawn by Chromium at #t=300 and #t=1000 (and explained at #t=700) against the PNG
// export's frames there: along each task's track, the same shades change at the same places
// (2 px). The loop's lane is crossed above its names' white text.
TEST_F(CliHtml, ChromiumDrawsTheSegmentsWhereThePngExportHasThem) {
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (chromium.isEmpty())
        GTEST_SKIP() << "chromium is not installed (Debian's chromium package)";
    ASSERT_EQ(runCoroscope({"--export-html", path("seed.html")}).exitCode, 0);
    ASSERT_EQ(runCoroscope({"--export-html", path("explained.html"), "--explain"}).exitCode, 0);
    struct Case {
        const char* page;
        const char* at;
        bool explain;
    };
    for (const Case& shown : {Case{"seed.html", "300", false}, Case{"seed.html", "1000", false},
                              Case{"explained.html", "700", true}}) {
        SCOPED_TRACE(std::string(shown.page) + "#t=" + shown.at);
        const QString png = path(QStringLiteral("png-%1.png").arg(shown.at));
        QStringList exportPng{"--export-png", png, "--at", shown.at};
        if (shown.explain)
            exportPng << "--explain";
        ASSERT_EQ(runCoroscope(exportPng).exitCode, 0);
        const QString shot = path(QStringLiteral("chromium-%1.png").arg(shown.at));
        const QString url = QUrl::fromLocalFile(path(shown.page)).toString() + "#t=" + shown.at;
        ASSERT_TRUE(screenshot(chromium, url, shot, path("profile")));
        const QImage expected(png), drawn(shot);
        ASSERT_FALSE(expected.isNull());
        ASSERT_FALSE(drawn.isNull());
        const TimelineLayout layout = layoutTimeline(style::kCardMaxWidth, 3, 0, shown.explain);
        std::vector<int> rows;
        if (shown.explain)
            rows.push_back(int(layout.loopTrack().top() + 8));
        for (int row = 0; row < 3; ++row)
            rows.push_back(int(layout.track(row).center().y()));
        for (const int y : rows) {
            SCOPED_TRACE(y);
            const std::vector<Edge> want = edgesAlong(expected, y);
            const std::vector<Edge> got = edgesAlong(drawn, y);
            ASSERT_GE(want.size(), 2u) << "the PNG shows segments on this row";
            ASSERT_EQ(got.size(), want.size())
                << "Chromium: " << describe(got) << "\nPNG: " << describe(want);
            for (std::size_t i = 0; i < want.size(); ++i) {
                EXPECT_EQ(got[i].from, want[i].from) << "edge " << i;
                EXPECT_EQ(got[i].to, want[i].to) << "edge " << i;
                EXPECT_LE(std::abs(got[i].x - want[i].x), 2)
                    << "edge " << i << ": at " << got[i].x << ", the PNG's at " << want[i].x;
            }
        }
    }
}
