// The blocking comparison: under the async card, the same tasks run the blocking way (each wait
// holding the CPU, one task after another) on the same axis, animated in step, both makespans
// marked once the animation reaches them.

#include "blocking.h"
#include "bridge/schedulerbridge.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "scenetexts.h"
#include "timeline/timelinepane.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;
using coroscope::test::textsOf;

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
    bool inViewMenu = false;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->text() == "&View")
            inViewMenu = menu->menu()->actions().contains(compare);
    EXPECT_TRUE(inViewMenu);

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
