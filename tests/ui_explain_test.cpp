// Explain mode on the timeline: where a task is ready but kept waiting for the loop is drawn
// light and hatched under its segments, with a legend entry; off (the default) the picture is
// the reference's. The event log narrates the decisions and follows the moment shown.

#include "bridge/schedulerbridge.h"
#include "explain/eventlog.h"
#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "loop/runrecord.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "scenetexts.h"
#include "timeline/queuechipsitem.h"
#include "timeline/timelinescene.h"
#include "tooltiptext.h"
#include "windowmenus.h"

#include <QAction>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;
using coroscope::test::menuNamed;
using coroscope::test::textsOf;

namespace {

// A picture of the seed at a time, explained or not.
QImage seedAt(double ms, bool explained, std::unique_ptr<TimelineScene>* keep = nullptr) {
    auto scene = timelineAt(ScenarioFile::builtInDefault(), ms, 1000);
    scene->setExplained(explained);
    QImage image = renderTimeline(*scene, 1);
    if (keep)
        *keep = std::move(scene);
    return image;
}

// Hatched: along a short line across the stretch, some pixels are the hatch's dark lines and
// some the light fill between them.
bool hatchedAround(const QImage& image, QPointF at) {
    int dark = 0, light = 0;
    for (int dx = -6; dx <= 6; ++dx) {
        const int lightness = image.pixelColor(at.toPoint() + QPoint(dx, 0)).lightness();
        dark += lightness < 200;
        light += lightness > 215;
    }
    return dark >= 2 && light >= 2;
}

QPointF onTrack(const TimelineScene& scene, double ms, int row) {
    const TimelineLayout& l = scene.layout();
    return {l.xAt(ms, scene.window()), l.track(row).center().y()};
}

} // namespace

TEST(ExplainMode, IsOffByDefaultAndThenChangesNothing) {
    TimelineScene scene;
    EXPECT_FALSE(scene.explained());
    EXPECT_EQ(seedAt(1000, false),
              renderTimeline(*timelineAt(ScenarioFile::builtInDefault(), 1000, 1000), 1));
}

TEST(ExplainMode, TheSeedsTasksKeptWaitingAreHatchedWhereTheyWait) {
    std::unique_ptr<TimelineScene> scene, plainScene;
    const QImage explained = seedAt(1000, true, &scene);
    const QImage plain = seedAt(1000, false, &plainScene);
    // The same place of a row in both pictures (explained, the rows sit under the loop's lane).
    const auto same = [&](double ms, int row) {
        return explained.pixelColor(onTrack(*scene, ms, row).toPoint()) ==
               plain.pixelColor(onTrack(*plainScene, ms, row).toPoint());
    };
    // Task 2 is ready from 0 but runs at 150; Task 3 from 0 to 250.
    EXPECT_TRUE(hatchedAround(explained, onTrack(*scene, 75, 1)));
    EXPECT_TRUE(hatchedAround(explained, onTrack(*scene, 200, 2)));
    EXPECT_FALSE(hatchedAround(plain, onTrack(*plainScene, 75, 1)));
    // Nothing hatched where no task waits for the loop: Task 1 runs at once, Task 2 is done.
    EXPECT_TRUE(same(75, 0));
    EXPECT_TRUE(same(900, 1));
    // Segments stay on top: Task 2's CPU from 150 to 250 is as before.
    EXPECT_TRUE(same(200, 1));
}

TEST(ExplainMode, StretchesGrowWithTheAnimation) {
    std::unique_ptr<TimelineScene> scene;
    const QImage at100 = seedAt(100, true, &scene);
    EXPECT_TRUE(hatchedAround(at100, onTrack(*scene, 50, 2)));
    EXPECT_FALSE(hatchedAround(at100, onTrack(*scene, 200, 2))) << "Task 3 waits on, unseen yet";
}

TEST(ExplainMode, TheLegendNamesTheHatching) {
    std::unique_ptr<TimelineScene> scene;
    seedAt(1000, true, &scene);
    QStringList legend;
    for (const SceneText& text : textsOf(*scene, TextItem::Role::LegendLabel))
        legend << text.text;
    EXPECT_EQ(legend,
              (QStringList{"Processing", "I/O Wait", "HTTP Wait", "Ready, waiting for the loop"}));
    scene->setExplained(false);
    EXPECT_EQ(textsOf(*scene, TextItem::Role::LegendLabel).size(), 3u);
}

TEST(ExplainMode, ExportsDrawItWhenAsked) {
    QTemporaryDir folder;
    ExportOptions options;
    options.explain = true;
    const std::string path = folder.filePath("explained.png").toStdString();
    ASSERT_TRUE(exportTimeline(ScenarioFile::builtInDefault(), path, ExportFormat::Png, options));
    std::unique_ptr<TimelineScene> scene;
    EXPECT_EQ(QImage(QString::fromStdString(path)).convertToFormat(QImage::Format_RGB32),
              seedAt(1e9, true, &scene).convertToFormat(QImage::Format_RGB32));
}

TEST(ExplainMode, TheLoopsLaneAboveTheRowsSaysWhoHoldsTheLoop) {
    std::unique_ptr<TimelineScene> scene;
    const QImage explained = seedAt(1000, true, &scene);
    const TimelineLayout& l = scene->layout();
    ASSERT_TRUE(l.loopLane);
    EXPECT_LT(l.loopTrack().bottom(), l.track(0).top()) << "above the first task's row";
    // Its label, then who held the loop, left to right, and the two idle stretches side by
    // side (600–670 and 670–800 ms) as one, its word across both.
    QStringList said;
    QRectF idle;
    for (const SceneText& text : textsOf(*scene, TextItem::Role::RowLabel))
        if (text.rect.intersects(l.loopTrack().adjusted(-l.rowLabelWidth - 20, 0, 0, 0))) {
            said << text.text;
            if (text.text == "idle")
                idle = text.rect;
        }
    EXPECT_EQ(said, (QStringList{"Event loop", "Task 1", "Task 2", "Task 3", "Task 2", "Task 1",
                                 "idle"}));
    EXPECT_NEAR(idle.center().x(), l.xAt(700, scene->window()), 1) << "centred on 600–800 ms";
    EXPECT_GT(idle.width(), l.xAt(800, scene->window()) - l.xAt(670, scene->window()));
    // A task's hold is drawn as the CPU work it runs; idle is the bare track.
    const auto below = [&](double ms, const QRectF& track) {
        return explained.pixelColor(
            QPointF(l.xAt(ms, scene->window()), track.bottom() - 8).toPoint());
    };
    EXPECT_EQ(below(75, l.loopTrack()), below(75, l.track(0)));
    EXPECT_EQ(below(450, l.loopTrack()), below(450, l.track(1))) << "Task 2's second CPU step";
    EXPECT_EQ(below(700, l.loopTrack()), below(900, l.track(0))) << "idle: the empty track";
    // Off, the rows are back where the reference has them.
    scene->setExplained(false);
    EXPECT_FALSE(scene->layout().loopLane);
    EXPECT_EQ(scene->layout().track(0).top(), l.loopTrack().top());
}

TEST(ExplainMode, TheLoopsLaneGrowsWithTheAnimation) {
    std::unique_ptr<TimelineScene> scene;
    seedAt(300, true, &scene);
    const QRectF loop = scene->layout().loopTrack();
    QStringList said;
    for (const SceneText& text : textsOf(*scene, TextItem::Role::RowLabel))
        if (text.rect.intersects(loop) && text.rect.left() >= scene->layout().trackLeft)
            said << text.text;
    EXPECT_EQ(said, (QStringList{"Task 1", "Task 2"})) << "Task 3 has held it for 50 ms only";
}

TEST(EventLog, NarratesTheSeedAndFollowsTheMomentShown) {
    EventLog log;
    const Scenario seed = ScenarioFile::builtInDefault();
    log.showRun(seed, simulateLoopEvents(seed));
    ASSERT_EQ(log.lineCount(), 8); // one line per instant: 0, 150, 250, 370, 500, 600, 670, 800
    EXPECT_EQ(log.lineText(3), "370 ms — Task 2's I/O wait is done; it joins the ready queue "
                               "behind nobody. Task 3 yields at http(300). The loop picks "
                               "Task 2.");
    EXPECT_EQ(log.currentLine(), -1);
    log.setNow(0);
    EXPECT_EQ(log.currentLine(), 0);
    log.setNow(420);
    EXPECT_EQ(log.currentLine(), 3) << "the last decision at or before the moment";
    log.setNow(1000);
    EXPECT_EQ(log.currentLine(), 7);
}

TEST(EventLog, AClickOnALineAsksForThatMoment) {
    EventLog log;
    const Scenario seed = ScenarioFile::builtInDefault();
    log.showRun(seed, simulateLoopEvents(seed));
    log.resize(600, 300);
    log.show();
    QSignalSpy seeks(&log, &EventLog::seekRequested);
    const QRect line = log.visualRect(log.model()->index(4, 0));
    QTest::mouseClick(log.viewport(), Qt::LeftButton, {}, line.center());
    ASSERT_EQ(seeks.size(), 1);
    EXPECT_EQ(seeks[0][0].toDouble(), 500);
}

TEST(EventLog, ShowsNamesAsTyped) {
    Scenario seed = ScenarioFile::builtInDefault();
    seed.tasks[0].name = "<b>x</b> & %2";
    EventLog log;
    log.showRun(seed, simulateLoopEvents(seed));
    EXPECT_TRUE(log.lineText(0).startsWith("0 ms — <b>x</b> & %2 starts and joins the ready "
                                           "queue."))
        << log.lineText(0).toStdString();
}

TEST(EventLog, ItsTooltipsShowNamesAsTyped) {
    Scenario seed = ScenarioFile::builtInDefault();
    seed.tasks[0].name = "<b>x</b> & %2";
    EventLog log;
    log.showRun(seed, simulateLoopEvents(seed));
    const QString tip = log.model()->index(0, 0).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(shownText(tip).startsWith("0 ms — <b>x</b> & %2 starts and joins the ready "
                                          "queue."))
        << tip.toStdString();
}

TEST(ExplainInTheWindow, TheToggleShowsTheWaitsAndTheLogThatFollowsThePlayhead) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QAction* explain = window.playbackBar()->explainAction();
    EXPECT_FALSE(explain->isChecked());
    EXPECT_FALSE(window.scene()->explained());
    EXPECT_FALSE(window.eventLog()->isVisible());
    // The same switch in the View menu.
    ASSERT_TRUE(menuNamed(window, "&View"));
    EXPECT_TRUE(menuNamed(window, "&View")->actions().contains(explain));

    explain->trigger();
    EXPECT_TRUE(window.scene()->explained());
    ASSERT_TRUE(window.eventLog()->isVisible());
    window.bridge()->pause();
    window.bridge()->seek(400);
    EXPECT_EQ(window.eventLog()->currentLine(), 3); // 370 ms
    // A click on the 500 ms line shows that moment.
    const QRect line = window.eventLog()->visualRect(window.eventLog()->model()->index(4, 0));
    QTest::mouseClick(window.eventLog()->viewport(), Qt::LeftButton, {}, line.center());
    EXPECT_EQ(window.bridge()->now(), 500);
    EXPECT_FALSE(window.bridge()->isPlaying());

    explain->trigger();
    EXPECT_FALSE(window.scene()->explained());
    EXPECT_FALSE(window.eventLog()->isVisible());
}

TEST(ExplainInTheWindow, TheReadyQueueAtThePlayheadInQueueOrder) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    window.bridge()->pause();
    QueueChipsItem* chips = window.scene()->queueChips();
    EXPECT_FALSE(chips->isVisible()) << "Explain is off";
    window.playbackBar()->explainAction()->trigger();
    ASSERT_TRUE(chips->isVisible());
    // At 0 Task 1 runs and the others wait, in the order they started; at 150 Task 2 runs
    // and Task 3 still waits (Task 1 waits on I/O, not in the queue); from 250 nobody waits.
    const std::pair<double, QStringList> expected[] = {
        {0, {"Ready queue:", "Task 2", "Task 3"}},
        {100, {"Ready queue:", "Task 2", "Task 3"}},
        {150, {"Ready queue:", "Task 3"}},
        {250, {"Ready queue: empty"}},
        {370, {"Ready queue: empty"}},
        {500, {"Ready queue: empty"}},
    };
    for (const auto& [ms, shown] : expected) {
        window.bridge()->seek(ms);
        EXPECT_EQ(chips->shownText(), shown) << ms;
    }
    window.playbackBar()->explainAction()->trigger();
    EXPECT_FALSE(chips->isVisible());
}

TEST(ExplainInTheWindow, AQueueLongerThanTheRoomEndsInHowManyMore) {
    Scenario many = ScenarioFile::builtInDefault();
    for (int i = 0; i < 60; ++i)
        many.tasks.push_back({"Waiting task " + std::to_string(i), {{StepKind::Cpu, 10}}});
    MainWindow window;
    window.showScenario(many, "many");
    window.bridge()->pause();
    window.playbackBar()->explainAction()->trigger();
    window.bridge()->seek(0);
    const QStringList shown = window.scene()->queueChips()->shownText();
    ASSERT_GE(shown.size(), 3);
    EXPECT_EQ(shown[1], "Task 2");
    EXPECT_EQ(shown.back(), QString("+%1 more").arg(62 - (shown.size() - 2)));
}
