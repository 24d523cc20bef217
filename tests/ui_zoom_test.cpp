// Zoom and pan as a user does them: Ctrl+wheel around the pointer, keys and the View menu,
// Shift+wheel and dragging the tracks, the overview and the time scroll bar; the ruler staying
// in view over scrolled rows; and level of detail drawing what drawing every segment draws.

#include "bridge/schedulerbridge.h"
#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "qstringprinter.h"
#include "randomscenario.h"
#include "scenetexts.h"
#include "timeline/lanesitem.h"
#include "timeline/overviewstrip.h"
#include "timeline/pillpainter.h"
#include "timeline/timelinepane.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"
#include "windowmenus.h"

#include <QAction>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <gtest/gtest.h>

using namespace coroscope;
using coroscope::test::menuNamed;
using coroscope::test::textsOf;

namespace {

class ZoomTest : public ::testing::Test {
protected:
    ZoomTest() {
        window.resize(1400, 760);
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.bridge()->pause();
        window.bridge()->seek(1000);
    }
    TimelineScene* scene() const { return window.scene(); }
    TimelineView* view() const { return window.view(); }

    // A viewport point over Task 2's track at a time.
    QPoint pointAt(double ms) const {
        const TimelineLayout& l = scene()->layout();
        return view()->mapFromScene(QPointF(l.xAt(ms, scene()->window()), l.track(1).center().y()));
    }
    double timeAtPoint(QPoint viewportPoint) const {
        return scene()->layout().timeAt(view()->mapToScene(viewportPoint).x(), scene()->window());
    }
    void wheel(QPoint at, int notches, Qt::KeyboardModifiers modifiers) {
        QWheelEvent event(at, view()->viewport()->mapToGlobal(at), QPoint(),
                          QPoint(0, 120 * notches), Qt::NoButton, modifiers, Qt::NoScrollPhase,
                          false);
        QApplication::sendEvent(view()->viewport(), &event);
    }
    QAction* viewAction(const QString& text) const {
        if (const QMenu* view = menuNamed(window, "&View"))
            for (QAction* action : view->actions())
                if (action->text() == text)
                    return action;
        ADD_FAILURE() << "no View entry " << text.toStdString();
        return nullptr;
    }

    MainWindow window;
};

} // namespace

TEST_F(ZoomTest, CtrlWheelZoomsAroundThePointerKeepingItsTimeUnderIt) {
    const QPoint at = pointAt(370);
    const double before = timeAtPoint(at);
    wheel(at, 3, Qt::ControlModifier);
    EXPECT_LT(scene()->window().span(), 1000 / 1.9); // three steps of 1.25
    EXPECT_NEAR(timeAtPoint(at), before, 0.5);
    wheel(at, 10, Qt::ControlModifier);
    EXPECT_NEAR(timeAtPoint(at), before, 0.5);
    wheel(at, -40, Qt::ControlModifier);
    EXPECT_TRUE(scene()->isFit()) << "zooming out stops at the whole run";
}

TEST_F(ZoomTest, ZoomReachesOneMillisecondAcrossTheTrackOfAThreeDayRun) {
    Scenario long_ = ScenarioFile::builtInDefault();
    long_.tasks[0].steps[1].ms = 3 * 86'400'000;
    window.showScenario(long_, "long");
    for (int i = 0; i < 200; ++i)
        wheel(pointAt(100), 5, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(scene()->window().span(), 1);
    EXPECT_EQ(scene()->ticks().unit, TimeUnit::Millisecond);
}

TEST_F(ZoomTest, KeysAndTheViewMenuZoomInOutAndFit) {
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Plus);
    EXPECT_NEAR(scene()->window().span(), 1000 / TimelineView::kZoomStep, 1e-9);
    QTest::keyClick(view(), Qt::Key_Plus);
    QTest::keyClick(view(), Qt::Key_Minus);
    EXPECT_NEAR(scene()->window().span(), 1000 / TimelineView::kZoomStep, 1e-9);
    QTest::keyClick(view(), Qt::Key_0);
    EXPECT_TRUE(scene()->isFit());
    viewAction("Zoom &In")->trigger();
    viewAction("Zoom &In")->trigger();
    EXPECT_FALSE(scene()->isFit());
    viewAction("Zoom &Out")->trigger();
    EXPECT_NEAR(scene()->window().span(), 1000 / TimelineView::kZoomStep, 1e-9);
    viewAction("&Fit the Whole Run")->trigger();
    EXPECT_TRUE(scene()->isFit());
    // The ruler relabels for the view: 800 ms wide, ticks every 100 or 200 ms.
    EXPECT_EQ(textsOf(*scene(), TextItem::Role::AxisLabel).front().text, "0ms");
}

TEST_F(ZoomTest, TheRulerRelabelsForTheVisibleSpan) {
    scene()->setWindow({360, 380});
    QStringList labels;
    for (const SceneText& text : textsOf(*scene(), TextItem::Role::AxisLabel))
        labels << text.text;
    EXPECT_EQ(labels, (QStringList{"360ms", "365ms", "370ms", "375ms", "380ms"}));
    // The playhead's time in the same units.
    window.bridge()->seek(372.25);
    EXPECT_EQ(scene()->playheadTime()->text(), "372.25ms");
}

TEST_F(ZoomTest, ShiftWheelAndDraggingTheTracksPanInTime) {
    scene()->setWindow({200, 400});
    wheel(pointAt(300), -1, Qt::ShiftModifier);
    EXPECT_NEAR(scene()->window().from, 220, 1e-9) << "a notch pans a tenth of the view";
    EXPECT_NEAR(scene()->window().span(), 200, 1e-9);

    // Dragging: the time under the pointer follows the pointer.
    const QPoint from = pointAt(300);
    const QPoint to = from - QPoint(100, 0);
    QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(view()->viewport(), from - QPoint(50, 0));
    QTest::mouseMove(view()->viewport(), to);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, to);
    EXPECT_NEAR(timeAtPoint(to), 300, 0.5);
    EXPECT_EQ(window.bridge()->now(), 1000) << "a drag is no click: no seek";
}

TEST_F(ZoomTest, TheTimeScrollBarMovesWithItsContent) {
    QScrollBar* bar = window.pane()->timeScrollBar();
    EXPECT_FALSE(bar->isVisible()) << "nothing to scroll when the whole run is in view";
    scene()->setWindow({0, 250});
    ASSERT_TRUE(bar->isVisible());
    EXPECT_EQ(bar->value(), 0);
    bar->setValue(bar->maximum());
    EXPECT_NEAR(scene()->window().to, 1000, 0.01) << "the bar's right end shows the run's end";
    scene()->setWindow({500, 750});
    EXPECT_NEAR(bar->value(), (bar->maximum() + bar->pageStep()) / 2, 1);
}

TEST_F(ZoomTest, TheOverviewShowsTheRunAndItsWindowAndDragsPanAndZoom) {
    OverviewStrip* overview = window.pane()->overview();
    // The seed keeps the CPU busy from 0 to 600 ms, idle after.
    const std::vector<float>& busy = overview->busy();
    ASSERT_FALSE(busy.empty());
    const auto column = [&](double ms) {
        return std::size_t(overview->xAt(ms) - overview->xAt(0));
    };
    EXPECT_FLOAT_EQ(busy[column(300)], 1);
    EXPECT_FLOAT_EQ(busy[column(700)], 0);
    EXPECT_GT(overview->waiting()[column(700)], 0) << "Task 2 waits on HTTP until 800 ms";

    scene()->setWindow({100, 300});
    const int y = overview->height() / 2;
    // Drag the window's middle 200 ms later.
    QTest::mousePress(overview, Qt::LeftButton, {}, QPoint(int(overview->xAt(200)), y));
    QTest::mouseMove(overview, QPoint(int(overview->xAt(400)), y));
    QTest::mouseRelease(overview, Qt::LeftButton, {}, QPoint(int(overview->xAt(400)), y));
    EXPECT_NEAR(scene()->window().from, 300, 2);
    EXPECT_NEAR(scene()->window().span(), 200, 1e-9);
    // Drag its right edge: wider.
    QTest::mousePress(overview, Qt::LeftButton, {}, QPoint(int(overview->xAt(500)), y));
    QTest::mouseMove(overview, QPoint(int(overview->xAt(700)), y));
    QTest::mouseRelease(overview, Qt::LeftButton, {}, QPoint(int(overview->xAt(700)), y));
    EXPECT_NEAR(scene()->window().from, 300, 2);
    EXPECT_NEAR(scene()->window().to, 700, 2);
}

TEST_F(ZoomTest, RowsScrollUnderARulerThatStaysInView) {
    window.showScenario(test::randomScenario(200, 4, 7), "200 tasks");
    window.bridge()->pause();
    QScrollBar* rows = view()->verticalScrollBar();
    ASSERT_GT(rows->maximum(), 0);
    EXPECT_EQ(rows->value(), 0);
    const double firstRowY = view()->mapFromScene(scene()->layout().track(0).topLeft()).y();
    rows->setValue(rows->value() + 500);
    EXPECT_NEAR(view()->mapFromScene(scene()->layout().track(0).topLeft()).y(), firstRowY - 500, 1)
        << "the rows move up as the bar moves down";
    // The ruler's labels are still at the top of the view.
    for (const SceneText& label : textsOf(*scene(), TextItem::Role::AxisLabel)) {
        const QPoint at = view()->mapFromScene(label.rect.center());
        EXPECT_GE(at.y(), 0);
        EXPECT_LT(at.y(), 60);
    }
    // Painted over the rows: the band is the card's colour where a row would show.
    const QImage shot = view()->viewport()->grab().toImage();
    const QPoint rulerBand = view()->mapFromScene(
        QPointF(scene()->layout().trackLeft + 5,
                scene()->layout().axisLine.bottom() + scene()->rulerOffset() + 12));
    EXPECT_EQ(shot.pixelColor(rulerBand), QColor(Qt::white));
}

TEST(WindowScrolling, ANarrowWindowHasNoSidewaysScrollAndTheCardFits) {
    MainWindow window;
    window.resize(620, 600);
    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    TimelineView* view = window.view();
    EXPECT_FALSE(view->horizontalScrollBar()->isVisible());
    EXPECT_LE(window.scene()->sceneRect().width(), view->viewport()->width());
    // The task labels and the whole track are in view.
    const TimelineLayout& l = window.scene()->layout();
    EXPECT_GE(view->mapFromScene(l.rowLabel(0).topLeft()).x(), 0);
    EXPECT_LE(view->mapFromScene(l.track(0).topRight()).x(), view->viewport()->width());
}

TEST(WindowScrolling, ManyTasksOpenedInAMaximisedWindowShowTheTopOfTheCard) {
    MainWindow window;
    window.showMaximized();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.view()->verticalScrollBar()->setValue(300); // wherever the last scenario was
    window.showScenario(test::randomScenario(60, 4, 3), "60 tasks");
    QApplication::processEvents();
    EXPECT_EQ(window.view()->verticalScrollBar()->value(), 0);
    const QPoint title = window.view()->mapFromScene(window.scene()->layout().title.topLeft());
    EXPECT_GE(title.y(), 0);
}

// Level of detail: columns of merged thin segments look like every segment drawn one by one,
// where they cover enough of the column to be above the floor on their strength.
TEST(LevelOfDetail, DrawsWhatDrawingEverySegmentDraws) {
    // 60 tasks (dense rows) of 300 short steps: mostly thinner than a pixel on a 800 px track.
    const Scenario scenario = test::randomScenario(60, 300, 11, 1, 40);
    const auto scene = timelineAt(scenario, 1e12, 1000);
    const QImage merged = renderTimeline(*scene, 1);

    // Every segment on its own: pills as the scene paints them, thin ones as exact-width
    // rectangles of their kind's middle colour.
    QImage each = merged.copy();
    {
        QPainter painter(&each);
        painter.setRenderHint(QPainter::Antialiasing);
        const TimelineLayout& l = scene->layout();
        const style::Theme& theme = scene->theme();
        for (int row = 0; row < l.rows; ++row) {
            const QRectF track = l.track(row);
            painter.fillRect(track.adjusted(-2, 0, 2, 0), theme.card);
            painter.setPen(Qt::NoPen);
            painter.setBrush(theme.track);
            painter.drawRoundedRect(track, track.height() / 2, track.height() / 2);
        }
        std::vector<ShownSegment> shownByRow = scene->shownSegments();
        std::stable_sort(shownByRow.begin(), shownByRow.end(),
                         [](const ShownSegment& a, const ShownSegment& b) {
                             return a.segment.task < b.segment.task;
                         });
        const ShadowSpec shadow = segmentShadow(l.rowHeight, theme.segmentShadow);
        for (const ShownSegment& shown : shownByRow) {
            const style::KindColors& colors = scene->kindColors(shown.segment.kind);
            if (shown.rect.width() >= 1) {
                paintKindPill(&painter, shown.rect, colors, shadow);
            } else {
                LaneDrawing whole;
                whole.columns.push_back({0, 0, 1});
                whole.shares.push_back({shown.segment.kind, 1});
                painter.fillRect(shown.rect,
                                 columnColor(whole, whole.columns[0], scene->kindPalette()));
            }
        }
    }
    // Compare the tracks' pixels.
    const TimelineLayout& l = scene->layout();
    const QRect tracks =
        QRectF(l.trackLeft, l.rowTop(0), l.trackWidth, l.track(l.rows - 1).bottom() - l.rowTop(0))
            .toAlignedRect();
    // The columns drawn stronger than their coverage, per row: left out.
    std::vector<std::vector<bool>> floored(std::size_t(l.rows),
                                           std::vector<bool>(std::size_t(l.trackWidth) + 2));
    LaneDrawing drawing;
    const LaneView lanes{scene->window().from, scene->window().to, l.trackWidth, scene->now(),
                         l.rowHeight};
    for (int row = 0; row < l.rows; ++row) {
        drawLane(scene->lanes().lane(std::size_t(row)), lanes, drawing);
        for (const ColumnPiece& column : drawing.columns)
            if (column.x >= 0 && std::size_t(column.x) < floored[0].size())
                floored[std::size_t(row)][std::size_t(column.x)] = drawing.total(column) < 0.45f;
    }
    double difference = 0;
    int far = 0, compared = 0;
    for (int y = tracks.top(); y < tracks.bottom(); ++y) {
        const auto [row, end] = l.rowsBetween(y, y);
        for (int x = tracks.left(); x < tracks.right(); ++x) {
            if (row < end && floored[std::size_t(row)][std::size_t(x - tracks.left())])
                continue;
            ++compared;
            const QColor a = merged.pixelColor(x, y), b = each.pixelColor(x, y);
            const int d = std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                                    std::abs(a.blue() - b.blue())});
            difference += d;
            far += d > 48;
        }
    }
    const double pixels = compared;
    EXPECT_GT(pixels, 0.5 * tracks.width() * tracks.height());

    EXPECT_LT(difference / pixels, 4.0) << "mean difference per pixel, of 255";
    EXPECT_LT(far / pixels, 0.02) << "pixels clearly different";
}

TEST(ExportRange, APictureOfTheVisibleRangeShowsOnlyThatTime) {
    // 250 to 370 ms: Task 1 waits on I/O, Task 2 waits on I/O, Task 3 runs.
    ExportOptions options;
    options.range = TimeWindow{250, 370};
    auto scene = timelineAt(ScenarioFile::builtInDefault(), 1e9, 1000);
    scene->setWindow(*options.range);
    const QImage image = renderTimeline(*scene, 1);
    const TimelineLayout& l = scene->layout();
    const auto colourAt = [&](double ms, int row) {
        return image.pixelColor(
            QPointF(l.xAt(ms, *options.range), l.track(row).center().y()).toPoint());
    };
    for (double ms : {255.0, 310.0, 365.0}) {
        EXPECT_GT(colourAt(ms, 0).red(), 240) << "I/O orange at " << ms;
        EXPECT_LT(colourAt(ms, 0).blue(), 60);
        EXPECT_GT(colourAt(ms, 1).red(), 240);
        EXPECT_GT(colourAt(ms, 2).blue(), 200) << "processing blue at " << ms;
    }
    QStringList labels;
    for (const SceneText& text : textsOf(*scene, TextItem::Role::AxisLabel))
        labels << text.text;
    EXPECT_EQ(labels, (QStringList{"260ms", "280ms", "300ms", "320ms", "340ms", "360ms"}));

    // The export writes the same picture.
    QTemporaryDir folder;
    const std::string path = folder.filePath("range.png").toStdString();
    ASSERT_TRUE(exportTimeline(ScenarioFile::builtInDefault(), path, ExportFormat::Png, options));
    EXPECT_EQ(QImage(QString::fromStdString(path)).convertToFormat(QImage::Format_RGB32),
              image.convertToFormat(QImage::Format_RGB32));
}

// Fitted to a long run every segment is a sliver of a pixel: the rows still show each one,
// and the overview draws a bar of at least 2 px wherever there is activity.
class LongRunFitted : public ::testing::Test {
protected:
    // 200 tasks × 40 steps: 4,000 cpu steps one after another, each about a tenth of a pixel.
    const Scenario scenario = test::alternatingScenario(200, 40, 7);
    // A pixel's colour differs clearly from the track's: the activity can be seen.
    static bool visible(QColor pixel, QColor track) {
        return std::max({std::abs(pixel.red() - track.red()),
                         std::abs(pixel.green() - track.green()),
                         std::abs(pixel.blue() - track.blue())}) >= 40;
    }
};

TEST_F(LongRunFitted, EverySegmentColoursTheRowsBand) {
    const auto scene = timelineAt(scenario, 1e12, 1000);
    const QImage picture = renderTimeline(*scene, 1);
    const TimelineLayout& l = scene->layout();
    const QPointF origin = scene->sceneRect().topLeft();
    std::size_t segments = 0, unseen = 0;
    for (int row = 0; row < l.rows; ++row) {
        const int y = int(l.track(row).center().y() - origin.y());
        for (const LaneSegment& s : scene->lanes().lane(std::size_t(row))) {
            const double middle = double(s.start + s.end) / 2;
            const int x = int(std::floor(l.xAt(middle, scene->window()) - origin.x()));
            ++segments;
            unseen += !visible(picture.pixelColor(x, y), scene->theme().track);
        }
    }
    ASSERT_EQ(segments, 200u * 40u);
    EXPECT_EQ(unseen, 0u) << "segments drawn in the track's colour";
}

TEST_F(LongRunFitted, TheOverviewDrawsAtLeastTwoPixelsPerActiveColumn) {
    // 60 tasks wait at once for 50 ms, then one task alone for 2 s: its bar is a sixtieth of
    // the tallest.
    Scenario fewWaits{"few waits", "", {{"Long", {{StepKind::Cpu, 2000}, {StepKind::Io, 2000}}}}};
    for (int t = 0; t < 60; ++t)
        fewWaits.tasks.push_back({"Short " + std::to_string(t), {{StepKind::Io, 50}}});
    MainWindow window;
    window.resize(1400, 760);
    window.showScenario(fewWaits, "few waits");
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.bridge()->pause();
    window.bridge()->seek(window.bridge()->axisEnd()); // the playhead past the bars
    OverviewStrip* overview = window.pane()->overview();
    const QImage picture = overview->grab().toImage();
    // The bars' colours (the window's outline and the playhead are in the title's colour).
    const QColor cpu = style::kindColors(builtinKinds()[StepKind::Cpu]).to;
    const QColor io = style::kindColors(builtinKinds()[StepKind::Io]).to;
    const auto bar = [&](QColor pixel) { return !visible(pixel, cpu) || !visible(pixel, io); };
    const double left = overview->xAt(0);
    const auto& waiting = overview->waiting();
    const auto& busy = overview->busy();
    std::size_t active = 0, thin = 0;
    // The first columns are under the window's outline.
    for (std::size_t c = 2; c < busy.size(); ++c) {
        if (busy[c] <= 0 && waiting[c] <= 0)
            continue;
        ++active;
        int coloured = 0;
        for (int y = 0; y < picture.height(); ++y)
            coloured += bar(picture.pixelColor(int(left) + int(c), y));
        thin += coloured < 2 * ((busy[c] > 0) + (waiting[c] > 0));
    }
    ASSERT_GT(active, busy.size() / 2);
    EXPECT_EQ(thin, 0u) << "active columns drawn under 2 px per lane";
    EXPECT_GT(std::count_if(waiting.begin(), waiting.end(), [](float w) { return w == 1; }),
              std::ptrdiff_t(busy.size() / 3))
        << "one task waits alone for half the run";
}
