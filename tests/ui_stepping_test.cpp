// Stepping through the loop's decisions from the window: the buttons, Left/Right on the
// timeline and on the scrubber, the scrubber's clicks and page keys, and the playhead.

#include "bridge/schedulerbridge.h"
#include "editing/scenariopanel.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QGraphicsLineItem>
#include <QHelpEvent>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

class SteppingTest : public ::testing::Test {
protected:
    SteppingTest() {
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        bridge()->pause();
        bridge()->seek(0);
    }
    SchedulerBridge* bridge() const { return window.bridge(); }
    QSlider* scrubber() const { return window.playbackBar()->scrubber(); }
    // The times visited by pressing a key count times on a widget.
    std::vector<double> press(QWidget* widget, Qt::Key key, int count) {
        std::vector<double> times;
        for (int i = 0; i < count; ++i) {
            QTest::keyClick(widget, key);
            times.push_back(bridge()->now());
        }
        return times;
    }
    MainWindow window;
};

} // namespace

TEST_F(SteppingTest, TheButtonsGoFromDecisionToDecision) {
    std::vector<double> times;
    for (int i = 0; i < 3; ++i) {
        window.playbackBar()->nextEventAction()->trigger();
        times.push_back(bridge()->now());
    }
    window.playbackBar()->previousEventAction()->trigger();
    times.push_back(bridge()->now());
    EXPECT_EQ(times, (std::vector<double>{150, 250, 370, 250}));
    EXPECT_FALSE(bridge()->isPlaying());
}

TEST_F(SteppingTest, LeftAndRightOnTheTimelineStep) {
    window.view()->setFocus();
    EXPECT_EQ(press(window.view(), Qt::Key_Right, 8),
              (std::vector<double>{150, 250, 370, 500, 600, 670, 800, 800}));
    EXPECT_EQ(press(window.view(), Qt::Key_Left, 3), (std::vector<double>{670, 600, 500}));
}

TEST_F(SteppingTest, LeftAndRightOnTheScrubberStep) {
    scrubber()->setFocus();
    EXPECT_EQ(press(scrubber(), Qt::Key_Right, 2), (std::vector<double>{150, 250}));
    EXPECT_EQ(press(scrubber(), Qt::Key_Left, 1), (std::vector<double>{150}));
}

TEST_F(SteppingTest, PageKeysMoveATenthOfTheAxisAndHomeEndGoToTheEnds) {
    scrubber()->setFocus();
    EXPECT_EQ(press(scrubber(), Qt::Key_PageDown, 2), (std::vector<double>{100, 200}));
    EXPECT_EQ(press(scrubber(), Qt::Key_PageUp, 1), (std::vector<double>{100}));
    EXPECT_EQ(press(scrubber(), Qt::Key_End, 1), (std::vector<double>{1000}));
    EXPECT_EQ(press(scrubber(), Qt::Key_Home, 1), (std::vector<double>{0}));
}

TEST_F(SteppingTest, AClickOnTheGrooveJumpsThere) {
    QStyleOptionSlider option;
    option.initFrom(scrubber());
    option.orientation = Qt::Horizontal;
    option.minimum = scrubber()->minimum();
    option.maximum = scrubber()->maximum();
    // Where the style would put the handle for three quarters of the run.
    option.sliderPosition = option.sliderValue = option.maximum * 3 / 4;
    const QRect handle = scrubber()->style()->subControlRect(QStyle::CC_Slider, &option,
                                                             QStyle::SC_SliderHandle, scrubber());
    QTest::mouseClick(scrubber(), Qt::LeftButton, {}, handle.center());
    // Within a pixel of the track's time, not one page step (100 ms) from 0.
    const double msPerPixel = 1000.0 / scrubber()->width();
    EXPECT_NEAR(bridge()->now(), 750, 2 * msPerPixel + 1);
}

TEST_F(SteppingTest, ThePlayheadStandsAtTheTimeInTheWindowOnly) {
    TimelineScene* scene = window.scene();
    bridge()->seek(370);
    ASSERT_TRUE(scene->playhead()->isVisible());
    EXPECT_DOUBLE_EQ(scene->playhead()->line().x1(), scene->layout().xAt(370, {0, 1000}));
    EXPECT_EQ(scene->playheadTime()->text(), "370ms");
    // Its time beside the line, never struck through by it, at either end of the run too.
    for (const double ms : {0.0, 370.0, 1000.0}) {
        bridge()->seek(ms);
        const QRectF time = scene->playheadTime()->sceneBoundingRect();
        const double x = scene->playhead()->line().x1();
        EXPECT_TRUE(x < time.left() || x > time.right()) << ms;
        EXPECT_GE(time.left(), scene->layout().trackLeft - 1) << ms;
        EXPECT_LE(time.right(), scene->layout().trackLeft + scene->layout().trackWidth + 1) << ms;
    }
    TimelineScene picture; // what exports draw: no playhead
    EXPECT_FALSE(picture.playhead()->isVisible());
}

TEST_F(SteppingTest, ThePanelAndTheTimelinePointAtEachOther) {
    bridge()->seek(1000);
    window.panel()->select(1, 2); // Task 2's third step: cpu 370–500
    // Ringed: the title's dark ink just outside the pill, above its middle.
    const auto ringed = [&](std::size_t task, std::size_t step) {
        const QImage picture = renderTimeline(*window.scene(), 1);
        for (const ShownSegment& item : window.scene()->shownSegments())
            if (item.segment.task == task && item.segment.step == step)
                return picture
                           .pixelColor(
                               QPoint(int(item.rect.center().x()), int(item.rect.top()) - 2))
                           .lightness() < 100;
        return false;
    };
    EXPECT_TRUE(ringed(1, 2));
    EXPECT_FALSE(ringed(2, 1));

    // A click on Task 3's http segment selects that step in the panel.
    const TimelineLayout& layout = window.scene()->layout();
    const QPointF segment(layout.xAt(500, {0, 1000}), layout.track(2).center().y());
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {},
                      window.view()->mapFromScene(segment));
    EXPECT_EQ(window.panel()->current(), (std::pair{2, 1}));
    bridge()->seek(1000);
    EXPECT_TRUE(ringed(2, 1));
    EXPECT_FALSE(ringed(1, 2));
}

TEST_F(SteppingTest, HoveringATaskLabelShowsWhereItsTimeWent) {
    const TimelineLayout& layout = window.scene()->layout();
    const QPoint label = window.view()->mapFromScene(layout.rowLabel(1).center());
    QHelpEvent help(QEvent::ToolTip, label, window.view()->viewport()->mapToGlobal(label));
    QApplication::sendEvent(window.view()->viewport(), &help);
    EXPECT_EQ(QToolTip::text(), "Task 2\nCPU 230 ms · waiting on I/O 120 ms · on HTTP 300 ms\n"
                                "Ready but not running 150 ms (the loop was busy) · finishes at "
                                "800 ms");
}
