// Explain mode's lanes under the loop's, on the fan-out (tests/fanout.h: six fetches through a
// db of two slots, then the handler's item on a pool of four): a sub-row per slot or worker
// naming its holders as the run goes, a bar of the queue's length, hover texts, the pixels in
// the resource's colour, and the rows moved down under them.

#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "fanout.h"
#include "loopscript.h"
#include "qstringprinter.h"
#include "scenetexts.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"
#include "timeline/timelineview.h"
#include "tooltiptext.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

// The fan-out explained at a moment, in a shown view (for hovers).
struct ExplainedFanOut : testing::Test {
    void TearDown() override { QToolTip::hideText(); }

    void showAt(double ms, const Scenario& shown = test::fanOutScenario()) {
        scene = timelineAt(shown, ms, 1000);
        scene->setExplained(true);
        view = std::make_unique<TimelineView>(scene.get());
        view->resize(1280, 1000);
        view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    }
    const TimelineLayout& layout() const { return scene->layout(); }
    double xAt(double ms) const { return layout().xAt(ms, scene->window()); }
    // The texts painted in a rectangle of the scene, left to right.
    QStringList textsIn(const QRectF& area) const {
        QStringList said;
        for (const SceneText& text : test::textsOf(*scene, TextItem::Role::RowLabel))
            if (area.contains(text.rect.center()))
                said << text.text;
        return said;
    }
    // The holders' names on a lane's sub-row (lane 0 is db's, lane 1 the pool's).
    QStringList holdersOn(int lane, int row) const { return textsIn(layout().slotRow(lane, row)); }
    QString hover(QPointF scenePoint) {
        const QPoint pos = view->mapFromScene(scenePoint);
        QHelpEvent event(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view->viewport(), &event);
        return event.isAccepted() ? shownText(QToolTip::text()) : QString();
    }
    QString hoverSlot(int lane, int row, double ms) {
        return hover({xAt(ms), layout().slotRow(lane, row).center().y()});
    }
    QString hoverQueue(int lane, double ms) {
        return hover({xAt(ms), layout().queueBar(lane).center().y()});
    }

    std::unique_ptr<TimelineScene> scene;
    std::unique_ptr<TimelineView> view;
};

int distance(QColor a, QColor b) {
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

} // namespace

TEST_F(ExplainedFanOut, ALaneForTheDbAndOneForThePoolUnderTheLoopsLane) {
    showAt(1e9);
    ASSERT_EQ(layout().slotLanes, (std::vector<int>{2, 4})) << "db's two slots, four workers";
    EXPECT_GT(layout().slotLane(0).top(), layout().loopTrack().bottom());
    EXPECT_GT(layout().slotLane(1).top(), layout().slotLane(0).bottom());
    EXPECT_GT(layout().track(0).top(), layout().slotLane(1).bottom()) << "the rows move down";
    EXPECT_EQ(textsIn(layout().slotLabel(0)), QStringList{"db · 2 slots"});
    EXPECT_EQ(textsIn(layout().slotLabel(1)), QStringList{"threads · 4"});
    // Their labels' hover: the limit, as the program says it, and the longest queue.
    EXPECT_EQ(hover(layout().slotLabel(0).center()),
              "db: at most 2 of its waits at once (asyncio.Semaphore(2)); at most 4 queued for a "
              "slot");
    EXPECT_EQ(hover(layout().slotLabel(1).center()),
              "The thread pool: 4 workers (ThreadPoolExecutor(max_workers=4)); at most 0 items "
              "queued for a worker");
    // Off, no lanes: the rows are back under the ruler.
    const double withLanes = layout().track(0).top();
    scene->setExplained(false);
    EXPECT_TRUE(layout().slotLanes.empty());
    EXPECT_LT(layout().track(0).top(), withLanes);
}

// Three moments of the fan-out: f1 and f2 hold the slots and four queue; f3 and f4 (handed
// the slots at 45 and 47) and two queue; f5 and f6 and nobody queues.
TEST_F(ExplainedFanOut, AtThreeMomentsTheSlotsNameTheirHoldersAndTheQueueItsLength) {
    showAt(40);
    EXPECT_EQ(holdersOn(0, 0), QStringList{"f1"});
    EXPECT_EQ(holdersOn(0, 1), QStringList{"f2"});
    EXPECT_EQ(hoverSlot(0, 0, 30), "db slot 1: f1 holds it 5–45 ms (40 ms); 4 queued");
    EXPECT_EQ(hoverQueue(0, 30), "db: 4 queued for a slot");
    EXPECT_EQ(hoverQueue(0, 45), "") << "not yet";

    showAt(80);
    EXPECT_EQ(holdersOn(0, 0), (QStringList{"f1", "f3"}));
    EXPECT_EQ(holdersOn(0, 1), (QStringList{"f2", "f4"}));
    EXPECT_EQ(hoverSlot(0, 0, 70), "db slot 1: f3 holds it 45–89 ms (44 ms); 2 queued");
    EXPECT_EQ(hoverSlot(0, 1, 70), "db slot 2: f4 holds it 47–91 ms (44 ms); 2 queued");
    EXPECT_EQ(hoverQueue(0, 70), "db: 2 queued for a slot");

    showAt(125);
    EXPECT_EQ(holdersOn(0, 0), (QStringList{"f1", "f3", "f5"}));
    EXPECT_EQ(holdersOn(0, 1), (QStringList{"f2", "f4", "f6"}));
    EXPECT_EQ(hoverSlot(0, 1, 120), "db slot 2: f6 holds it 91–135 ms (44 ms); 0 queued");
    EXPECT_EQ(hoverQueue(0, 120), "db: 0 queued for a slot");
    EXPECT_TRUE(holdersOn(1, 0).isEmpty()) << "no thread item yet";
}

TEST_F(ExplainedFanOut, ThePoolsLaneShowsWhoseItemRunsOnWhichWorker) {
    showAt(1e9);
    EXPECT_EQ(holdersOn(1, 0), QStringList{"handler"});
    for (int worker = 1; worker < 4; ++worker)
        EXPECT_TRUE(holdersOn(1, worker).isEmpty()) << worker;
    EXPECT_EQ(hoverSlot(1, 0, 150),
              "Worker 1: handler's thread item runs 137–167 ms (30 ms); 0 queued");
    EXPECT_EQ(hoverSlot(1, 1, 150), "Worker 2: free; 0 queued");
    EXPECT_EQ(hoverQueue(1, 150), "threads: 0 queued for a worker");
}

TEST_F(ExplainedFanOut, ASlotLaneIsDrawnInTheResourcesColourWhereAHolderHoldsIt) {
    showAt(1e9);
    const QImage image = renderTimeline(*scene, 1).convertToFormat(QImage::Format_RGB32);
    const style::KindColors& db = scene->kindColors(*test::fanOutScenario().kinds.find("db"));
    const QColor middle((db.from.red() + db.to.red()) / 2, (db.from.green() + db.to.green()) / 2,
                        (db.from.blue() + db.to.blue()) / 2);
    const auto at = [&](double ms, int row) {
        return image.pixelColor(QPointF(xAt(ms), layout().slotRow(0, row).center().y()).toPoint());
    };
    EXPECT_LE(distance(at(25, 0), middle), 40) << at(25, 0).name().toStdString() << " f1's hold";
    EXPECT_LE(distance(at(110, 1), middle), 40) << "f6's hold";
    EXPECT_EQ(at(160, 0), scene->theme().track) << "free after 133 ms";
    // The queue's bar: in the resource's colour while fetches queue, the bare track after.
    const auto bar = [&](double ms) {
        return image.pixelColor(QPointF(xAt(ms), layout().queueBar(0).center().y()).toPoint());
    };
    EXPECT_NE(bar(20), scene->theme().track);
    EXPECT_LT(distance(bar(20), db.to), distance(bar(90), db.to)) << "4 queued, darker than 1";
    EXPECT_LE(distance(bar(120), scene->theme().track), 2);
}

TEST(SlotLanesDark, TheQueuesBarStandsOutOnTheDarkTrack) {
    const std::unique_ptr<TimelineScene> scene =
        timelineAt(test::fanOutScenario(), 1e9, 1000, style::Theme::dark());
    scene->setExplained(true);
    const QImage image = renderTimeline(*scene, 1).convertToFormat(QImage::Format_RGB32);
    const TimelineLayout& l = scene->layout();
    const auto bar = [&](double ms) {
        return image
            .pixelColor(QPointF(l.xAt(ms, scene->window()), l.queueBar(0).center().y()).toPoint())
            .lightness();
    };
    const int track = scene->theme().track.lightness();
    EXPECT_GT(bar(20), track + 60) << "four queued: a light bar";
    EXPECT_GT(bar(20), bar(90)) << "one queued, fainter";
    EXPECT_GT(bar(90), track + 10);
}

TEST_F(ExplainedFanOut, ManySlotsAreOneBandOfHowManyAreInUse) {
    const Scenario many = test::scriptScenario("limit db 20\n"
                                               "a: db 50\nb: db 50\nc: db 30\n");
    showAt(1e9, many);
    ASSERT_EQ(layout().slotLanes, std::vector<int>{1});
    EXPECT_EQ(textsIn(layout().slotLabel(0)), QStringList{"db · 20 slots"});
    EXPECT_EQ(hoverSlot(0, 0, 10), "db: 3 of 20 slots in use; 0 queued");
    EXPECT_EQ(hoverSlot(0, 0, 40), "db: 2 of 20 slots in use; 0 queued");
}

TEST_F(ExplainedFanOut, CompactRowsKeepTheLanesAboveThem) {
    showAt(1e9);
    const double full = layout().rowHeight;
    scene->fitRowsTo(400);
    EXPECT_LT(layout().rowHeight, full) << "compact";
    ASSERT_EQ(layout().slotLanes.size(), 2u);
    EXPECT_GT(layout().track(0).top(), layout().slotLane(1).bottom());
    EXPECT_EQ(holdersOn(1, 0), QStringList{"handler"});
}

TEST(SlotLanesExport, ThePictureSizeKnownBeforeDrawingCountsTheLanes) {
    // Too big to export: the refusal names the size the lanes make it, that of the scene drawn.
    std::string script = "limit db 2\nthreads 2\n";
    for (int i = 0; i < 48; ++i)
        script += "t" + std::to_string(i) + ": db 10, thread 5\n";
    const Scenario scenario = test::scriptScenario(script);
    ExportOptions options;
    options.explain = true;
    options.scale = 4;
    options.width = 10000;
    const std::unique_ptr<TimelineScene> scene =
        timelineAt(scenario, 1e9, options.width - 2 * style::kPagePadding);
    scene->setExplained(true);
    ASSERT_EQ(scene->layout().slotLanes, (std::vector<int>{2, 2}));
    const QSizeF size = scene->sceneRect().size() * options.scale;
    const Result<void> refused =
        exportTimeline(scenario, "/tmp/never-written.png", ExportFormat::Png, options);
    ASSERT_FALSE(refused);
    const std::string expected = QStringLiteral("%L1 × %L2 pixels")
                                     .arg(std::ceil(size.width()), 0, 'f', 0)
                                     .arg(std::ceil(size.height()), 0, 'f', 0)
                                     .toStdString();
    EXPECT_NE(refused.error().message.find(expected), std::string::npos)
        << refused.error().message << " vs " << expected;
}
