// Reading a version 2 run on the timeline: the time queued for a slot hatched and outlined in
// its resource's colour, thread time in the pool's colour, a join as a thin line, and the
// legend from the scenario's kinds, on the pixels of a PNG export; the rows in tree order and
// folding; the spawn and join arrows; the hover texts.

#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "fanout.h"
#include "qstringprinter.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/arrowsitem.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"
#include "timeline/timelineview.h"
#include "tooltiptext.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

int distance(QColor a, QColor b) {
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

// Colour a over b at an opacity.
QColor over(QColor a, QColor b, double alpha) {
    return QColor(int(std::lround(alpha * a.red() + (1 - alpha) * b.red())),
                  int(std::lround(alpha * a.green() + (1 - alpha) * b.green())),
                  int(std::lround(alpha * a.blue() + (1 - alpha) * b.blue())));
}

QColor middleOf(const style::KindColors& colors) {
    return over(colors.from, colors.to, 0.5);
}

// The finished fan-out as the PNG export draws it, with the scene that lays it out (the
// export's width: the card 1000 px wide).
struct FanOutPicture : testing::Test {
    void SetUp() override {
        const QString path = folder.filePath("fanout.png");
        ASSERT_TRUE(
            test::succeeded(exportTimeline(scenario, path.toStdString(), ExportFormat::Png, {})));
        image = QImage(path).convertToFormat(QImage::Format_RGB32);
        ASSERT_EQ(image.size(), scene->sceneRect().size().toSize());
    }

    std::vector<ShownSegment> segmentsOf(StepKind kind, bool queued) const {
        std::vector<ShownSegment> found;
        for (const ShownSegment& shown : scene->shownSegments())
            if (shown.segment.kind == kind && shown.segment.queued == queued)
                found.push_back(shown);
        return found;
    }

    QTemporaryDir folder;
    const Scenario scenario = test::fanOutScenario();
    const StepKind db = *scenario.kinds.find("db");
    const std::unique_ptr<TimelineScene> scene =
        timelineAt(scenario, 1e9, ExportOptions{}.width - 2 * style::kPagePadding);
    QImage image;
};

} // namespace

TEST_F(FanOutPicture, TimeQueuedForASlotIsHatchedAndOutlinedInTheResourcesColour) {
    const style::KindColors colors = scene->kindColors(db);
    const QColor track = scene->theme().track;
    const std::vector<ShownSegment> queued = segmentsOf(db, true);
    ASSERT_EQ(queued.size(), 4u) << "two slots for six fetches: four queue";
    for (const ShownSegment& shown : queued) {
        const QRect rect = shown.rect.toAlignedRect();
        ASSERT_GT(rect.width(), 3 * rect.height()) << "long enough to look at";
        const int middle = rect.center().y();
        // Outlined: the top edge over the straight part is the resource's colour.
        EXPECT_LE(distance(image.pixelColor(rect.center().x(), rect.top()), colors.to), 24)
            << image.pixelColor(rect.center().x(), rect.top()).name().toStdString();
        // Hatched: along the middle, lines in the resource's colour over its pale fill.
        int lines = 0, pale = 0;
        const int from = rect.left() + rect.height() / 2, to = rect.right() - rect.height() / 2;
        for (int x = from; x < to; ++x) {
            const QColor pixel = image.pixelColor(x, middle);
            lines += distance(pixel, over(colors.from, track, 0.9)) <= 30;
            pale += distance(pixel, over(colors.from, track, 0.16)) <= 12;
        }
        const int length = to - from;
        EXPECT_GT(lines, length / 16) << "task " << shown.segment.task;
        EXPECT_GT(pale, length / 2) << "task " << shown.segment.task;
        EXPECT_LT(lines, length / 3) << "hatched, not filled";
    }
    // Each wait itself, once it has a slot, is the kind's solid pill.
    const std::vector<ShownSegment> waits = segmentsOf(db, false);
    ASSERT_EQ(waits.size(), 6u);
    for (const ShownSegment& shown : waits)
        EXPECT_LE(distance(image.pixelColor(shown.rect.center().toPoint()), middleOf(colors)), 10);
}

TEST_F(FanOutPicture, ThreadTimeWearsThePoolsColourOnTheTasksRow) {
    const StepKind thread = *scenario.kinds.find(KindBehaviour::Thread);
    const std::vector<ShownSegment> runs = segmentsOf(thread, false);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].segment.task, 0u);
    EXPECT_EQ(runs[0].segment.step, 8u);
    const QColor pixel = image.pixelColor(runs[0].rect.center().toPoint());
    EXPECT_LE(distance(pixel, middleOf(scene->kindColors(thread))), 10);
    for (StepKind other : scenario.kinds.all())
        if (other != thread) {
            EXPECT_GT(distance(pixel, middleOf(scene->kindColors(other))), 20)
                << scenario.kinds[other].name;
        }
}

TEST_F(FanOutPicture, AJoinIsAThinLineAcrossTheTrack) {
    const StepKind join = *scenario.kinds.find(KindBehaviour::Join);
    const std::vector<ShownSegment> joins = segmentsOf(join, false);
    ASSERT_EQ(joins.size(), 1u);
    const QRect rect = joins[0].rect.toAlignedRect();
    const int x = rect.center().x();
    EXPECT_LE(distance(image.pixelColor(x, rect.center().y()), scene->kindColors(join).to), 10);
    // Above and below the line, the bare track.
    for (int y : {rect.top() + 4, rect.bottom() - 4, rect.center().y() - rect.height() / 4})
        EXPECT_LE(distance(image.pixelColor(x, y), scene->theme().track), 6) << "y " << y;
}

TEST_F(FanOutPicture, TheLegendIsTheScenariosKindsTable) {
    QStringList legend;
    for (const SceneText& text : test::textsOf(*scene, TextItem::Role::LegendLabel))
        legend << text.text;
    // The kinds in table order (a spawn draws nothing), then what the hatching means.
    EXPECT_EQ(legend, (QStringList{"Processing", "I/O Wait", "HTTP Wait", "db", "Joining",
                                   "Thread pool", "Queued for a slot"}));
}

namespace {

QStringList rowLabelsOf(const TimelineScene& scene) {
    QStringList labels;
    for (const SceneText& text : test::textsOf(scene, TextItem::Role::RowLabel))
        labels << text.text;
    return labels;
}

// The fan-out finished, in a shown view (for clicks and hovers).
struct FanOutView : testing::Test {
    void SetUp() override {
        view.resize(1280, 800);
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
    }
    void TearDown() override { QToolTip::hideText(); }

    void click(QPointF scenePoint) {
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(scenePoint));
    }
    // What hovering there shows, or nothing.
    QString hover(QPointF scenePoint) {
        const QPoint pos = view.mapFromScene(scenePoint);
        QHelpEvent event(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view.viewport(), &event);
        return event.isAccepted() ? shownText(QToolTip::text()) : QString();
    }
    const ShownSegment& shownOf(std::size_t task, std::size_t step, bool queued) {
        shown = scene->shownSegments();
        const auto it = std::find_if(shown.begin(), shown.end(), [&](const ShownSegment& s) {
            return s.segment.task == task && s.segment.step == step && s.segment.queued == queued;
        });
        EXPECT_NE(it, shown.end());
        return *it;
    }

    const Scenario scenario = test::fanOutScenario();
    const std::unique_ptr<TimelineScene> scene = timelineAt(scenario, 1e9, 1000);
    TimelineView view{scene.get()};
    std::vector<ShownSegment> shown;
};

} // namespace

TEST_F(FanOutView, RowsAreInTreeOrderWithTheSpawnedTasksIndentedUnderTheirParent) {
    EXPECT_EQ(rowLabelsOf(*scene),
              (QStringList{"handler", "f1", "f2", "f3", "f4", "f5", "f6", "request"}));
    const std::vector<SceneText> labels = test::textsOf(*scene, TextItem::Role::RowLabel);
    EXPECT_GT(labels[1].rect.left(), labels[0].rect.left()) << "f1 stands in under handler";
    EXPECT_EQ(labels[7].rect.left(), labels[0].rect.left()) << "request is top-level";
    // Each task's segments on its row.
    for (const ShownSegment& s : scene->shownSegments())
        EXPECT_EQ(s.rect.center().y(),
                  scene->layout().track(scene->taskRow(s.segment.task)).center().y());
    EXPECT_EQ(scene->taskRow(1), 7) << "request, second in the file, comes last";
}

TEST_F(FanOutView, ClickingAParentsLabelFoldsItsSubtreeOntoItsRowMerged) {
    const QRectF handler = scene->layout().rowLabel(0);
    click(handler.center());
    EXPECT_TRUE(scene->isFolded(0));
    EXPECT_EQ(rowLabelsOf(*scene), (QStringList{"handler", "request"}));
    // The folded row shows the fetches' activity: their database waits, where the handler
    // itself only joins.
    const StepKind db = *scenario.kinds.find("db");
    const std::span<const LaneSegment> merged = scene->rowLane(0);
    EXPECT_TRUE(std::any_of(merged.begin(), merged.end(),
                            [&](const LaneSegment& s) { return s.kind == db && s.queued; }));
    const QImage image = renderTimeline(*scene, 1);
    const auto waiting = std::find_if(merged.begin(), merged.end(), [&](const LaneSegment& s) {
        return s.kind == db && !s.queued && s.end - s.start >= 20;
    });
    ASSERT_NE(waiting, merged.end());
    const QPointF middle(
        scene->layout().xAt(double(waiting->start + waiting->end) / 2, scene->window()),
        scene->layout().track(0).center().y());
    EXPECT_LE(distance(image.pixelColor(middle.toPoint()), middleOf(scene->kindColors(db))), 10);
    EXPECT_TRUE(hover(QPointF(middle.x(), middle.y())).contains("folded"));
    // Clicked again, it opens.
    click(handler.center());
    EXPECT_FALSE(scene->isFolded(0));
    EXPECT_EQ(scene->rows(), 8);
    // A task without children does not fold.
    click(scene->layout().rowLabel(1).center());
    EXPECT_FALSE(scene->isFolded(2));
    EXPECT_EQ(scene->rows(), 8);
}

TEST_F(FanOutView, ArrowsGoFromTheSpawnToEachChildsFirstStepAndFromTheLastFetchToTheWakeUp) {
    EXPECT_TRUE(scene->arrowsShown()) << "on by default for a small run";
    const std::vector<ShownArrow> arrows = scene->shownArrows();
    ASSERT_EQ(arrows.size(), 7u);
    const TimelineLayout& layout = scene->layout();
    for (const ShownArrow& a : arrows) {
        if (a.arrow.kind == FlowArrow::Kind::Spawn) {
            const std::size_t child = a.arrow.toTask;
            // The child's first segment: its queued time for f3..f6, its wait for f1, f2.
            const bool queued = child >= 4;
            const QRectF first = shownOf(child, 0, queued).rect;
            EXPECT_NEAR(a.head.x(), first.left(), 0.5) << scenario.tasks[child].name;
            EXPECT_EQ(a.head.y(), first.top());
            EXPECT_EQ(a.tail.y(), layout.track(0).bottom());
            EXPECT_NEAR(a.tail.x(), layout.xAt(5, scene->window()), 0.5);
        } else {
            // Up from the end of the last fetch to the end of the handler's join.
            const QRectF join = shownOf(0, 7, false).rect;
            EXPECT_NEAR(a.head.x(), join.right(), 0.5);
            EXPECT_EQ(a.head.y(), join.bottom());
            const QRectF last = shownOf(a.arrow.fromTask, 1, false).rect;
            EXPECT_NEAR(a.tail.x(), last.right(), 0.5);
            EXPECT_EQ(a.tail.y(), last.top());
        }
    }
    // Drawn: the pixel just before an arrow's head is ink, not track.
    const QImage image = renderTimeline(*scene, 1);
    const QPointF tip = arrows[2].head - QPointF(0, 3);
    EXPECT_GT(distance(image.pixelColor(tip.toPoint()), scene->theme().track), 60);
    // The View toggle takes them away, and gives them back.
    scene->setArrowsShown(false);
    EXPECT_TRUE(scene->shownArrows().empty());
    EXPECT_LE(distance(renderTimeline(*scene, 1).pixelColor(tip.toPoint()),
                       image.pixelColor(tip.toPoint() + QPoint(-20, 0))),
              6);
    scene->setArrowsShown(true);
    EXPECT_EQ(scene->shownArrows().size(), 7u);
    // Only those in the window: zoomed past them, none.
    scene->setWindow({150, 200});
    EXPECT_TRUE(scene->shownArrows().empty());
}

TEST(FlowArrowsByDefault, AreOffForARunOfManyTasks) {
    // 30 parents spawning 20 children each: 630 tasks, 600 spawns.
    std::string script;
    for (int p = 0; p < 30; ++p) {
        script += "p" + std::to_string(p) + ": cpu 1";
        for (int i = 20 * p; i < 20 * (p + 1); ++i)
            script += ", spawn c" + std::to_string(i);
        script += "\n";
    }
    for (int i = 0; i < 600; ++i)
        script += "c" + std::to_string(i) + ": cpu 1\n";
    const auto scene = timelineAt(test::scriptScenario(script), 1e9, 1000);
    EXPECT_EQ(scene->arrows().size(), 600u);
    EXPECT_FALSE(scene->arrowsShown());
    EXPECT_TRUE(scene->shownArrows().empty());
    scene->setArrowsShown(true);
    EXPECT_FALSE(scene->shownArrows().empty());
}

TEST_F(FanOutView, HoverTextsSayWhomAJoinWaitsForHowLongAStepQueuedAndWhoHeldTheSlots) {
    const QString join = hover(shownOf(0, 7, false).rect.center());
    EXPECT_TRUE(join.startsWith("handler, step 8: waiting for f1, f2, f3, f4, f5, f6\n"))
        << join.toStdString();
    EXPECT_TRUE(join.contains(" left last, at ")) << join.toStdString();

    const ShownSegment& queued = shownOf(4, 0, true); // f3 waits for a slot
    const QString slot = hover(queued.rect.center());
    EXPECT_EQ(slot, QString("f3, step 1: waiting for a db slot\n%1 ms to %2 ms (queued %3 ms)\n"
                            "Its 2 slots were held by f1, f2 meanwhile")
                        .arg(queued.segment.start)
                        .arg(queued.segment.end)
                        .arg(queued.segment.duration()));

    const QString wait = hover(shownOf(2, 0, false).rect.center());
    EXPECT_TRUE(wait.endsWith("\nHolding one of the 2 db slots")) << wait.toStdString();

    const QString thread = hover(shownOf(0, 8, false).rect.center());
    EXPECT_TRUE(thread.startsWith("handler, step 9: Thread pool\n")) << thread.toStdString();
    EXPECT_TRUE(thread.endsWith("one of the 4 worker threads; the loop stays free"))
        << thread.toStdString();
}
