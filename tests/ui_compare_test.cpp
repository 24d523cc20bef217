// The blocking comparison: under the async card, the same tasks run the blocking way (each wait
// holding the CPU, one task after another) on the same axis, animated in step, both makespans
// marked once the animation reaches them; pictures of the comparison stack the two cards.

#include "bridge/schedulerbridge.h"
#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "loop/blocking.h"
#include "loop/timeline.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "randomscenario.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/blockingcard.h"
#include "timeline/timelinepane.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"
#include "windowmenus.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

using namespace coroscope;
using namespace coroscope::test;

namespace {

QStringList finishCaptions(const TimelineScene& scene) {
    QStringList captions;
    for (const SceneText& text : textsOf(scene, TextItem::Role::Finish))
        captions << text.text;
    return captions;
}

std::vector<Segment> segmentsOf(const TimelineScene& scene) {
    std::vector<Segment> segments;
    for (const ShownSegment& shown : scene.shownSegments())
        segments.push_back(shown.segment);
    return segments;
}

} // namespace

TEST(BlockingComparison, TheBridgeRunsBothOnOneAxisAndKeepsTheMoment) {
    SchedulerBridge bridge;
    bridge.setScenario(ScenarioFile::builtInDefault());
    EXPECT_EQ(bridge.axisEnd(), 1000);
    bridge.seek(420);
    QSignalSpy blocking(&bridge, &SchedulerBridge::blockingChanged);
    QSignalSpy scenario(&bridge, &SchedulerBridge::scenarioChanged);
    bridge.setComparing(true);
    ASSERT_EQ(blocking.size(), 1);
    const auto lanes = blocking.at(0).at(0).value<std::shared_ptr<const Lanes>>();
    ASSERT_TRUE(lanes);
    // Task after task, each wait holding the CPU: 1,670 ms, so the axis reaches 2,000.
    ASSERT_EQ(lanes->tasks(), 3u);
    EXPECT_EQ(lanes->lane(0).front().start, 0);
    EXPECT_EQ(lanes->lane(1).front().start, 600);
    EXPECT_EQ(lanes->lane(2).front().start, 1250);
    EXPECT_EQ(lanes->lane(2).back().end, 1670);
    ASSERT_EQ(scenario.size(), 1);
    EXPECT_EQ(scenario.at(0).at(2).toDouble(), 2000);
    EXPECT_EQ(bridge.axisEnd(), 2000);
    EXPECT_EQ(bridge.now(), 420) << "the animation goes on where it was";
    EXPECT_EQ(bridge.makespan(), 800) << "the async run is what it was";

    bridge.setComparing(false);
    ASSERT_EQ(blocking.size(), 2);
    EXPECT_FALSE(blocking.at(1).at(0).value<std::shared_ptr<const Lanes>>());
    EXPECT_EQ(bridge.axisEnd(), 1000);
}

TEST(BlockingComparison, TheWindowShowsTheBlockingCardUnderTheAsyncOneInStep) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    window.resize(1400, 900);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QAction* compare = window.playbackBar()->compareAction();
    TimelineView* blockingView = window.pane()->blockingView();
    TimelineScene* blocking = window.pane()->blockingScene();
    EXPECT_FALSE(compare->isChecked());
    EXPECT_FALSE(blockingView->isVisible()) << "off by default";
    ASSERT_TRUE(menuNamed(window, "&View"));
    EXPECT_TRUE(menuNamed(window, "&View")->actions().contains(compare));

    compare->trigger();
    ASSERT_TRUE(blockingView->isVisible());
    EXPECT_GT(blockingView->mapTo(&window, QPoint()).y(),
              window.view()->mapTo(&window, QPoint()).y())
        << "under the async card";
    EXPECT_EQ(blocking->axisEnd(), 2000);
    EXPECT_EQ(window.scene()->axisEnd(), 2000) << "the same axis";
    EXPECT_EQ(blocking->taskNames(), window.scene()->taskNames());
    EXPECT_EQ(blocking->texts().front().text, "The same tasks, blocking");

    window.bridge()->pause();
    window.bridge()->seek(700);
    EXPECT_EQ(blocking->now(), 700);
    EXPECT_TRUE(finishCaptions(*window.scene()).isEmpty()) << "not there yet";
    window.bridge()->seek(1000);
    EXPECT_EQ(finishCaptions(*window.scene()), QStringList{"Async: done at 800ms"});
    EXPECT_TRUE(finishCaptions(*blocking).isEmpty());
    window.bridge()->seek(2000);
    EXPECT_EQ(finishCaptions(*blocking), QStringList{"Blocking: done at 1670ms"});
    EXPECT_EQ(segmentsOf(*blocking), blockingTimeline(ScenarioFile::builtInDefault()).segments);

    // Zooming either card moves both.
    window.view()->zoomIn();
    EXPECT_EQ(blocking->window().from, window.scene()->window().from);
    EXPECT_EQ(blocking->window().to, window.scene()->window().to);
    blocking->panBy(-100);
    EXPECT_EQ(blocking->window().from, window.scene()->window().from);

    // An edit shows in both.
    Scenario edited = ScenarioFile::builtInDefault();
    edited.tasks[2].steps[1].ms = 100;
    window.showScenario(edited, "edited");
    EXPECT_EQ(blocking->makespan(), 1470);

    compare->trigger();
    EXPECT_FALSE(blockingView->isVisible());
    EXPECT_EQ(window.scene()->axisEnd(), 1000);
    EXPECT_TRUE(finishCaptions(*window.scene()).isEmpty());
}

namespace {

// The seed's picture with the comparison, at scale 1.
QImage comparedSeed(const QTemporaryDir& folder, ExportOptions options = {}) {
    options.compare = true;
    const QString path = folder.filePath("compared.png");
    EXPECT_TRUE(succeeded(exportTimeline(ScenarioFile::builtInDefault(), path.toStdString(),
                                         ExportFormat::Png, options)));
    return QImage(path).convertToFormat(QImage::Format_RGB32);
}

QString svgOf(const Scenario& scenario, const ExportOptions& options, const QString& path) {
    EXPECT_TRUE(
        succeeded(exportTimeline(scenario, path.toStdString(), ExportFormat::Svg, options)));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST(BlockingComparison, APictureStacksTheBlockingCardUnderTheAsyncOne) {
    QTemporaryDir folder;
    const Scenario seed = ScenarioFile::builtInDefault();
    const QString plainPath = folder.filePath("plain.png");
    ASSERT_TRUE(succeeded(exportTimeline(seed, plainPath.toStdString(), ExportFormat::Png, {})));
    const QImage plain(plainPath);
    const QImage compared = comparedSeed(folder);
    EXPECT_EQ(compared.width(), plain.width());
    EXPECT_EQ(compared.height(), 2 * plain.height()) << "two pages of the same layout";

    // The upper card is the async card on the comparison's 0…2,000 ms axis, finished and
    // captioned: drawn here apart from any bridge, it is the same pixels.
    TimelineScene async;
    async.setTheme(style::Theme::light());
    async.setCardWidth(ExportOptions{}.width - 2 * style::kPagePadding);
    async.setFinishCaption(asyncFinishCaption());
    async.showScenario(seed, std::make_shared<const Lanes>(simulate(seed), seed.tasks.size()),
                       2000);
    async.advanceTo(2000);
    EXPECT_EQ(compared.copy(0, 0, plain.width(), plain.height()), renderTimeline(async, 1));

    // Task 3's CPU step runs from 1,250 to 1,370 ms only the blocking way: blue on the lower
    // card's third row at 1,310 ms (the 810 px track from x 173, 0.405 px a ms), the empty
    // track on the upper one.
    const QPoint task3(int(20 + 153 + 1310 * 0.405), 20 + 179 + 24 + 2 * 66);
    const QColor upper = compared.pixelColor(task3);
    const QColor lower = compared.pixelColor(task3 + QPoint(0, plain.height()));
    EXPECT_EQ(upper, QColor(246, 246, 246)) << upper.name().toStdString();
    EXPECT_GT(lower.blue(), lower.red() + 60) << lower.name().toStdString();
    // Task 1's first CPU step (0 to 100 ms) is there on both.
    const QPoint task1(int(20 + 153 + 50 * 0.405), 20 + 179 + 24);
    EXPECT_EQ(compared.pixelColor(task1 + QPoint(0, plain.height())), compared.pixelColor(task1));
}

TEST(BlockingComparison, APictureOfTheComparisonHasBothFramesAndRanges) {
    QTemporaryDir folder;
    // At 1,310 ms the async run is over and the blocking one is inside Task 3's CPU step.
    ExportOptions at;
    at.atMs = 1310;
    const QImage frame = comparedSeed(folder, at);
    const QPoint task3Lower(int(20 + 153 + 1300 * 0.405), 20 + 179 + 24 + 2 * 66 + 501);
    EXPECT_GT(frame.pixelColor(task3Lower).blue(), frame.pixelColor(task3Lower).red() + 60);
    EXPECT_EQ(frame.pixelColor(task3Lower + QPoint(int(60 * 0.405), 0)), QColor(246, 246, 246))
        << "not yet at 1,370 ms";

    // A range shows the same time on both cards: 1,250 to 1,370 ms fills the track.
    ExportOptions range;
    range.range = TimeWindow{1250, 1370};
    const QImage zoomed = comparedSeed(folder, range);
    for (int x : {180, 500, 970}) {
        const QColor c = zoomed.pixelColor(x, 20 + 179 + 24 + 2 * 66 + 501);
        EXPECT_GT(c.blue(), c.red() + 60) << x;
    }
}

TEST(BlockingComparison, AnSvgOfTheComparisonHasBothCardsText) {
    QTemporaryDir folder;
    const Scenario seed = ScenarioFile::builtInDefault();
    ExportOptions options;
    const QString plain = svgOf(seed, options, folder.filePath("plain.svg"));
    EXPECT_FALSE(plain.contains("done at"));
    options.compare = true;
    const QString svg = svgOf(seed, options, folder.filePath("compared.svg"));
    EXPECT_TRUE(svg.contains(R"(<svg width="1040" height="1002")")) << svg.left(400).toStdString();
    EXPECT_TRUE(svg.contains("Async: done at 800ms"));
    EXPECT_TRUE(svg.contains("Blocking: done at 1670ms"));
    EXPECT_EQ(svg.count(">Asynchronous Task Execution</text>"), 1);
    EXPECT_EQ(svg.count(">The same tasks, blocking</text>"), 1);
    // The blocking card's text sits on the lower page.
    const QRegularExpression title(
        R"re(<text x="[^"]*" y="([^"]*)"[^>]*>The same tasks, blocking<)re");
    const QRegularExpressionMatch match = title.match(svg);
    ASSERT_TRUE(match.hasMatch());
    EXPECT_GT(match.captured(1).toDouble(), 501);
}

TEST(BlockingComparison, AStackedPictureInBandsIsThePictureDrawnWhole) {
    // 150 tasks: two pages of about 3,300 rows each, the second starting inside a band.
    const Scenario tall = randomScenario(150, 4, 7);
    QTemporaryDir folder;
    const QString path = folder.filePath("tall.png");
    ExportOptions options;
    options.compare = true;
    ASSERT_TRUE(succeeded(exportTimeline(tall, path.toStdString(), ExportFormat::Png, options)));
    const Comparison both = comparisonAt(tall, 1e12, options.width - 40);
    TimelineScene* const stacked[] = {both.async.get(), both.blocking.get()};
    const QImage whole = renderTimeline(stacked, 1);
    const int boundary = pictureSize(*both.async, 1).height();
    ASSERT_NE(boundary % 256, 0);
    ASSERT_EQ(whole.height(), 2 * boundary);
    EXPECT_EQ(QImage(path).convertToFormat(QImage::Format_RGB32), whole);
}

TEST(BlockingComparison, APictureOfTheComparisonTellsProgressOnceAndCancelsCleanly) {
    // 300 tasks: the rows tell progress every 256 in each card.
    const Scenario tall = randomScenario(300, 3, 7);
    ExportOptions options;
    options.compare = true;
    for (ExportFormat format : {ExportFormat::Png, ExportFormat::Svg}) {
        QTemporaryDir folder;
        std::vector<double> told;
        const QString path = folder.filePath("tall" + extensionOf(format));
        ASSERT_TRUE(
            succeeded(exportTimeline(tall, path.toStdString(), format, options, [&](double done) {
                told.push_back(done);
                return true;
            })));
        ASSERT_GE(told.size(), 3u);
        EXPECT_EQ(told.front(), 0);
        EXPECT_EQ(told.back(), 1);
        EXPECT_EQ(std::count(told.begin(), told.end(), 1.0), 1) << "once, at the end";
        EXPECT_TRUE(std::is_sorted(told.begin(), told.end()));
        EXPECT_TRUE(std::any_of(told.begin(), told.end(), [](double d) {
            return d > 0.6 && d < 1;
        })) << "the second card goes on from where the first stopped";

        QFile::remove(path);
        const Progress stopInTheSecond = [](double done) { return done < 0.75; };
        const Result<void> stopped =
            exportTimeline(tall, path.toStdString(), format, options, stopInTheSecond);
        ASSERT_FALSE(stopped);
        EXPECT_TRUE(stopped.error().cancelled);
        EXPECT_EQ(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
}
