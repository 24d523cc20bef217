// The timeline view on the offscreen platform: clicks on the tracks ask for that moment, and
// hovering a segment shows what it is, described only when asked.

#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "qstringprinter.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"
#include "tooltiptext.h"

#include <QApplication>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

class TimelineViewTest : public ::testing::Test {
protected:
    // The scenario as it is at virtual time atMs (finished by default).
    explicit TimelineViewTest(const Scenario& scenario = ScenarioFile::builtInDefault(),
                              double atMs = 1000)
        : scene(timelineAt(scenario, atMs, 1000))
        , view(scene.get()) {
        view.resize(1280, 800);
        view.show();
        // Settle first: the window's activation would close any tooltip shown before it.
        EXPECT_TRUE(QTest::qWaitForWindowActive(&view));
        hideToolTip();
    }
    ~TimelineViewTest() override { hideToolTip(); }

    // Where a scene point is in the viewport.
    QPoint inView(QPointF scenePoint) const { return view.mapFromScene(scenePoint); }

    // What the view does when the pointer rests there; whether it showed a tooltip.
    bool hover(QPointF scenePoint) {
        const QPoint pos = inView(scenePoint);
        QHelpEvent event(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view.viewport(), &event);
        return event.isAccepted();
    }

    static void hideToolTip() {
        QToolTip::hideText();
        // A tooltip goes on a timer and is deleted later.
        EXPECT_TRUE(QTest::qWaitFor(
            [] { return !QToolTip::isVisible() && QToolTip::text().isEmpty(); }, 2000));
    }

    // A point in the middle of segment `step` of task `task`.
    QPointF middleOf(std::size_t task, std::size_t step) const {
        for (const ShownSegment& item : scene->shownSegments())
            if (item.segment.task == task && item.segment.step == step)
                return item.rect.center();
        ADD_FAILURE() << "no segment " << task << "/" << step;
        return {};
    }

    std::unique_ptr<TimelineScene> scene;
    TimelineView view;
};

Scenario withFirstTaskNamed(const std::string& name) {
    Scenario scenario = ScenarioFile::builtInDefault();
    scenario.tasks[0].name = name;
    return scenario;
}

} // namespace

TEST_F(TimelineViewTest, HoveringASegmentShowsItsTaskStepAndTimes) {
    EXPECT_TRUE(hover(middleOf(1, 1)));
    EXPECT_TRUE(QToolTip::isVisible());
    EXPECT_EQ(QToolTip::text(), "Task 2, step 2: I/O Wait\n250 ms to 370 ms (120 ms)");
    EXPECT_TRUE(hover(middleOf(2, 1)));
    EXPECT_EQ(QToolTip::text(), "Task 3, step 2: HTTP Wait\n370 ms to 670 ms (300 ms)");
    EXPECT_TRUE(hover(middleOf(0, 0)));
    EXPECT_EQ(QToolTip::text(), "Task 1, step 1: Processing\n0 ms to 150 ms (150 ms)");
}

TEST_F(TimelineViewTest, EverySeedSegmentDescribesItself) {
    for (const ShownSegment& item : scene->shownSegments()) {
        const Segment& s = item.segment;
        // Near both ends too: the whole pill answers, not only its middle.
        for (QPointF at : {item.rect.center(), item.rect.topLeft() + QPointF(1, 1),
                           item.rect.bottomRight() - QPointF(1, 1)}) {
            ASSERT_TRUE(hover(at)) << s.task << "/" << s.step;
            EXPECT_TRUE(QToolTip::text().startsWith(
                QStringLiteral("Task %1, step %2: ").arg(s.task + 1).arg(s.step + 1)))
                << QToolTip::text().toStdString();
        }
    }
}

TEST_F(TimelineViewTest, HoveringEmptyTrackShowsNoTooltip) {
    const TimelineLayout& l = scene->layout();
    const QPointF emptyTrack(l.xAt(900, {0, 1000}), l.track(0).center().y()); // Task 1 ends at 600
    EXPECT_FALSE(hover(emptyTrack));
    EXPECT_FALSE(QToolTip::isVisible());
    EXPECT_EQ(QToolTip::text(), "");
    // Between rows, just under a segment: its shadow is no part of it.
    EXPECT_FALSE(hover(middleOf(0, 0) + QPointF(0, 24 + 3)));
    EXPECT_FALSE(hover(l.card.topLeft() + QPointF(5, 5)));
    EXPECT_FALSE(QToolTip::isVisible());

    // A tooltip left over from a segment goes once the pointer rests on empty track.
    ASSERT_TRUE(hover(middleOf(0, 1)));
    QTest::qWait(50);
    ASSERT_TRUE(QToolTip::isVisible()) << "the tip stays while nothing else happens";
    EXPECT_FALSE(hover(emptyTrack));
    EXPECT_TRUE(QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 2000));
}

class AtThreeHundredMs : public TimelineViewTest {
protected:
    AtThreeHundredMs()
        : TimelineViewTest(ScenarioFile::builtInDefault(), 300) {}
};

TEST_F(AtThreeHundredMs, AGrowingSegmentAnswersOnlyWhereItIsDrawn) {
    const TimelineLayout& l = scene->layout();
    // Task 1's I/O wait (150 to 500 ms) is drawn up to 300 ms.
    EXPECT_TRUE(hover(QPointF(l.xAt(290, {0, 1000}), l.track(0).center().y())));
    EXPECT_EQ(QToolTip::text(), "Task 1, step 2: I/O Wait\n150 ms to 500 ms (350 ms)");
    EXPECT_FALSE(hover(QPointF(l.xAt(310, {0, 1000}), l.track(0).center().y())));
}

class TaskNamedLikeHtml : public TimelineViewTest {
protected:
    TaskNamedLikeHtml()
        : TimelineViewTest(withFirstTaskNamed("<b>x</b> & <i>y</i>  %2")) {}
};

TEST_F(TaskNamedLikeHtml, ShowsAsTyped) {
    ASSERT_TRUE(hover(middleOf(0, 0)));
    const QString toolTip = QToolTip::text();
    EXPECT_EQ(shownText(toolTip), "<b>x</b> & <i>y</i>  %2, step 1: Processing\n"
                                  "0 ms to 150 ms (150 ms)")
        << toolTip.toStdString();
    EXPECT_FALSE(toolTip.contains("<b>x")) << "the tag would be rendered bold";
    // Other tasks' names do not look like HTML: their text stays plain.
    ASSERT_TRUE(hover(middleOf(1, 0)));
    EXPECT_EQ(QToolTip::text(), "Task 2, step 1: Processing\n150 ms to 250 ms (100 ms)");
}

TEST_F(TimelineViewTest, AClickOnTheTracksAsksForThatMoment) {
    QSignalSpy seeks(&view, &TimelineView::seekRequested);
    const TimelineLayout& l = scene->layout();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      inView({l.xAt(450, {0, 1000}), l.track(1).center().y()}));
    ASSERT_EQ(seeks.size(), 1);
    EXPECT_NEAR(seeks.at(0).at(0).toDouble(), 450, 1000.0 / l.trackWidth);
    // Between two rows still counts, as it always has.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      inView({l.xAt(700, {0, 1000}), l.track(1).bottom() + 9}));
    ASSERT_EQ(seeks.size(), 2);
    EXPECT_NEAR(seeks.at(1).at(0).toDouble(), 700, 1000.0 / l.trackWidth);
    // Row labels, the axis band, the page and other buttons do not.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, inView(l.rowLabel(0).center()));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      inView({l.xAt(450, {0, 1000}), l.rowTop(0) - 10}));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(2, 2));
    QTest::mouseClick(view.viewport(), Qt::RightButton, {},
                      inView({l.xAt(450, {0, 1000}), l.track(1).center().y()}));
    EXPECT_EQ(seeks.size(), 2);
}

TEST_F(TimelineViewTest, TheLoopsLaneSaysWhoHoldsItAndWhenItIsIdle) {
    scene->setExplained(true);
    const TimelineLayout& l = scene->layout();
    const auto onLoop = [&](double ms) {
        return QPointF(l.xAt(ms, scene->window()), l.loopTrack().center().y() + 12);
    };
    ASSERT_TRUE(hover(onLoop(200)));
    EXPECT_EQ(QToolTip::text(), "Task 2 holds the loop\n150 ms to 250 ms");
    ASSERT_TRUE(hover(onLoop(700)));
    EXPECT_EQ(QToolTip::text(), "The loop is idle: every task is waiting\n670 ms to 800 ms");
    EXPECT_FALSE(hover(onLoop(900))) << "the run is over";
}

TEST_F(TimelineViewTest, AHatchedReadyStretchSaysWhoHeldTheLoopMeanwhile) {
    // Task 3 at 100 ms, wherever its row is (Explain adds the loop's lane above the rows).
    const auto onTask3 = [&] {
        const TimelineLayout& l = scene->layout();
        return QPointF(l.xAt(100, scene->window()), l.track(2).center().y());
    };
    EXPECT_FALSE(hover(onTask3())) << "no hatch is drawn while Explain is off";
    scene->setExplained(true);
    ASSERT_TRUE(hover(onTask3()));
    EXPECT_EQ(QToolTip::text(), "Task 3 is ready, waiting for the loop\n"
                                "0 ms to 250 ms (250 ms), while Task 1, Task 2 held it");
}
