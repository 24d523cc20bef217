// The timeline scene: the layout against boxes Chromium gave the book's HTML animation the
// card is modelled on (see timelinestyle.h), the click hit-test, the seed's items, and a
// rendered frame sampled against colours read off a screenshot of that animation's last frame.

#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "qstringprinter.h"
#include "scenetexts.h"
#include "timeline/timelineitems.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

using namespace coroscope;

namespace {

// Boxes measured in Chromium on the animation's page (card 1000 px wide), relative to the
// card's outer top-left corner.
struct MeasuredBox {
    const char* part;
    double x, y, w, h;
};

QRectF relative(const QRectF& r, const TimelineLayout& l) {
    return r.translated(-l.card.topLeft());
}

std::vector<SceneText> textItems(const TimelineScene& scene, TextItem::Role role) {
    return test::textsOf(scene, role);
}

// Whether two colours are within `tolerance` on every channel.
testing::AssertionResult near(QColor actual, QColor expected, int tolerance) {
    if (std::abs(actual.red() - expected.red()) <= tolerance &&
        std::abs(actual.green() - expected.green()) <= tolerance &&
        std::abs(actual.blue() - expected.blue()) <= tolerance)
        return testing::AssertionSuccess();
    return testing::AssertionFailure() << actual.name().toStdString() << " is not within "
                                       << tolerance << " of " << expected.name().toStdString();
}

} // namespace

TEST(TimelineLayout, MatchesTheBoxesMeasuredInChromium) {
    const TimelineLayout l = layoutTimeline(1000, 3);
    const std::vector<std::pair<QRectF, MeasuredBox>> boxes{
        {l.card, {"card", 0, 0, 1000, 461}},
        {l.title, {"title", 37, 37, 926, 30}},
        {l.subtitle, {"subtitle", 37, 73, 926, 16}},
        {l.track(0), {"track 1", 153, 179, 810, 48}},
        {l.track(1), {"track 2", 153, 245, 810, 48}},
        {l.track(2), {"track 3", 153, 311, 810, 48}},
        {l.rowLabel(2), {"row label 3", 37, 311, 100, 48}},
        {l.legendRule, {"legend rule", 37, 385, 926, 1}},
        {l.axisLine, {"axis line (over the tracks)", 153, 143, 810, 2}},
    };
    for (const auto& [actual, expected] : boxes) {
        EXPECT_EQ(relative(actual, l), QRectF(expected.x, expected.y, expected.w, expected.h))
            << expected.part;
    }
    EXPECT_EQ(l.axisLabelTop - l.card.top(), 125);
    EXPECT_EQ(l.legendTop - l.card.top(), 404);
    EXPECT_EQ(l.page, l.card.adjusted(-20, -20, 20, 20));
}

TEST(TimelineLayout, TracksStretchAndRowsStack) {
    const TimelineLayout fifty = layoutTimeline(600, 50);
    EXPECT_EQ(fifty.trackWidth, 600 - 74 - 116);
    EXPECT_EQ(fifty.rowTop(49) - fifty.rowTop(0), 49 * 66);
    EXPECT_EQ(fifty.card.height(), 179 + 50 * 66 + 84);
    // From 51 tasks on, rows are dense: 16 px high, 4 px apart.
    const TimelineLayout many = layoutTimeline(600, 1000);
    EXPECT_EQ(many.track(0).height(), 16);
    EXPECT_EQ(many.rowTop(999) - many.rowTop(0), 999 * 20);
    EXPECT_EQ(many.card.height(), 179 + 1000 * 20 - 4 + 26 + 1 + 18 + 20 + 37);
}

// The click hit-test on the seed's layout: 3 rows of 48 px, 18 px apart, tracks 810 px wide.
class TrackHitAt : public ::testing::Test {
protected:
    const TimelineLayout l = layoutTimeline(1000, 3);
    const double right = l.trackLeft + l.trackWidth;
    const double top = l.rowTop(0);
    const double bottom = l.track(2).bottom();
    std::optional<TrackHit> at(double x, double y, double axisEnd = 1000) const {
        return l.trackHitAt(QPointF(x, y), {0, axisEnd});
    }
    ::testing::AssertionResult hits(double x, double y, double ms, int row) const {
        const auto hit = at(x, y);
        if (!hit)
            return ::testing::AssertionFailure() << "no hit at " << x << "," << y;
        if (hit->ms != ms || hit->row != row)
            return ::testing::AssertionFailure() << hit->ms << " ms, row " << hit->row;
        return ::testing::AssertionSuccess();
    }
};

TEST_F(TrackHitAt, TheFourCornersAreOnTheTracks) {
    EXPECT_TRUE(hits(l.trackLeft, top, 0, 0));
    EXPECT_TRUE(hits(right, top, 1000, 0));
    EXPECT_TRUE(hits(l.trackLeft, bottom, 0, 2));
    EXPECT_TRUE(hits(right, bottom, 1000, 2));
}

TEST_F(TrackHitAt, JustOutsideTheTracksIsNothing) {
    const double middle = l.track(1).center().y();
    EXPECT_FALSE(at(l.trackLeft - 0.5, middle));          // left of the tracks
    EXPECT_FALSE(at(l.rowLabel(1).center().x(), middle)); // on the row label
    EXPECT_FALSE(at(right + 0.5, middle));                // right of them
    EXPECT_FALSE(at(l.trackLeft + 100, top - 0.5));       // in the axis band above
    EXPECT_FALSE(at(l.trackLeft + 100, bottom + 0.5));    // under the last row
    EXPECT_FALSE(at(l.trackLeft + 100, l.legendTop + 5));
    EXPECT_FALSE(at(l.card.left() + 2, l.card.top() + 2));
}

TEST_F(TrackHitAt, TimeGrowsLinearlyFromLeftToRightEdge) {
    for (double ms : {0.0, 0.5, 150.0, 450.0, 999.0, 1000.0}) {
        const auto hit = at(l.xAt(ms, {0, 1000}), l.track(0).center().y());
        ASSERT_TRUE(hit) << ms;
        EXPECT_NEAR(hit->ms, ms, 1e-9);
    }
    // Another axis end scales the same pixels.
    const auto hit = at(l.trackLeft + l.trackWidth / 4, l.track(0).center().y(), 86'400'000);
    ASSERT_TRUE(hit);
    EXPECT_DOUBLE_EQ(hit->ms, 21'600'000);
}

TEST_F(TrackHitAt, EveryPointOfARowIsThatRow) {
    for (int row = 0; row < 3; ++row) {
        const QRectF t = l.track(row);
        for (double y : {t.top(), t.center().y(), t.bottom()}) {
            const auto hit = at(t.center().x(), y);
            ASSERT_TRUE(hit) << row << " at y " << y;
            EXPECT_EQ(hit->row, row) << "y " << y;
        }
    }
}

// Gaps between rows still seek (as the window always did) and name the nearer row, which
// does not hold the point.
TEST_F(TrackHitAt, AGapBetweenRowsGoesToTheNearerRow) {
    const double gapTop = l.track(0).bottom();
    const double gapBottom = l.track(1).top();
    ASSERT_EQ(gapBottom - gapTop, 18);
    const double x = l.xAt(300, {0, 1000});
    const auto upper = at(x, gapTop + 1);
    ASSERT_TRUE(upper);
    EXPECT_EQ(upper->row, 0);
    EXPECT_NEAR(upper->ms, 300, 1e-9);
    EXPECT_FALSE(l.track(upper->row).contains(QPointF(x, gapTop + 1)));
    const auto lower = at(x, gapBottom - 1);
    ASSERT_TRUE(lower);
    EXPECT_EQ(lower->row, 1);
    const auto middle = at(x, gapTop + 9); // halfway: the lower row
    ASSERT_TRUE(middle);
    EXPECT_EQ(middle->row, 1);
    const auto secondGap = at(x, l.track(1).bottom() + 8);
    ASSERT_TRUE(secondGap);
    EXPECT_EQ(secondGap->row, 1);
}

TEST_F(TrackHitAt, NoRowsNoTracks) {
    const TimelineLayout empty = layoutTimeline(1000, 0);
    EXPECT_FALSE(empty.trackHitAt(QPointF(empty.trackLeft + 10, empty.rowTop(0)), {0, 1000}));
    EXPECT_FALSE(empty.trackHitAt(QPointF(empty.trackLeft + 10, empty.rowTop(0) + 5), {0, 1000}));
}

// 1000 dense rows: 16 px high, 4 px apart.
TEST(TrackHitAtDense, EachOfAThousandRowsAndItsGaps) {
    const TimelineLayout l = layoutTimeline(600, 1000);
    const double x = l.xAt(250, {0, 500});
    for (int row = 0; row < 1000; ++row) {
        const QRectF t = l.track(row);
        for (double y : {t.top(), t.center().y(), t.bottom()}) {
            const auto hit = l.trackHitAt(QPointF(x, y), {0, 500});
            ASSERT_TRUE(hit) << row;
            ASSERT_EQ(hit->row, row) << "y " << y;
            EXPECT_NEAR(hit->ms, 250, 1e-9);
        }
        if (row > 0) {
            const auto upper =
                l.trackHitAt(QPointF(x, t.top() - 3), {0, 500}); // gap's upper quarter
            ASSERT_TRUE(upper);
            EXPECT_EQ(upper->row, row - 1);
            const auto lower = l.trackHitAt(QPointF(x, t.top() - 1), {0, 500});
            ASSERT_TRUE(lower);
            EXPECT_EQ(lower->row, row);
        }
    }
    EXPECT_FALSE(l.trackHitAt(QPointF(x, l.track(999).bottom() + 0.5), {0, 500}));
    EXPECT_FALSE(l.trackHitAt(QPointF(l.trackLeft - 0.5, l.track(500).center().y()), {0, 500}));
    const auto lastCorner =
        l.trackHitAt(QPointF(l.trackLeft + l.trackWidth, l.track(999).bottom()), {0, 500});
    ASSERT_TRUE(lastCorner);
    EXPECT_EQ(lastCorner->row, 999);
    EXPECT_EQ(lastCorner->ms, 500);
}

class SeedScene : public ::testing::Test {
protected:
    SeedScene()
        : scene(timelineAt(ScenarioFile::builtInDefault(), 1000, 1000)) {}
    std::unique_ptr<TimelineScene> scene;
};

TEST_F(SeedScene, HasNineSegmentsWhereTheirTimesAre) {
    const TimelineLayout& l = scene->layout();
    const auto items = scene->shownSegments();
    ASSERT_EQ(items.size(), 9u);
    for (const ShownSegment& item : items) {
        const Segment& s = item.segment;
        const QRectF r = item.rect;
        EXPECT_NEAR(r.left(), l.trackLeft + s.start / 1000.0 * 810, 1.0) << s.task << "/" << s.step;
        EXPECT_NEAR(r.width(), s.duration() / 1000.0 * 810, 1.0) << s.task << "/" << s.step;
        EXPECT_EQ(r.top(), l.track(int(s.task)).top());
        EXPECT_EQ(r.height(), 48);
    }
}

TEST_F(SeedScene, AxisLabelsSitOverTheirTimes) {
    const auto labels = textItems(*scene, TextItem::Role::AxisLabel);
    const QStringList expected{"0ms", "200ms", "400ms", "600ms", "800ms", "1000ms"};
    ASSERT_EQ(labels.size(), 6u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(labels[std::size_t(i)].text, expected[i]);
        EXPECT_NEAR(labels[std::size_t(i)].rect.center().x(),
                    scene->layout().trackLeft + i * 810 / 5.0, 0.5);
    }
}

TEST_F(SeedScene, LegendHasTheThreeKindsInOrder) {
    const auto labels = textItems(*scene, TextItem::Role::LegendLabel);
    ASSERT_EQ(labels.size(), 3u);
    EXPECT_EQ(labels[0].text, "Processing");
    EXPECT_EQ(labels[1].text, "I/O Wait");
    EXPECT_EQ(labels[2].text, "HTTP Wait");
    const auto rows = textItems(*scene, TextItem::Role::RowLabel);
    ASSERT_EQ(rows.size(), 3u);
}

TEST_F(SeedScene, AtAGivenTimeOnlyStartedSegmentsShowCutAtThatTime) {
    const auto partial = timelineAt(ScenarioFile::builtInDefault(), 300, 1000);
    const auto items = partial->shownSegments();
    ASSERT_EQ(items.size(), 5u); // T1 cpu, T1 io, T2 cpu, T2 io, T3 cpu
    for (const ShownSegment& item : items) {
        const Segment& s = item.segment;
        EXPECT_NEAR(item.rect.width(), (std::min<double>(s.end, 300) - s.start) * 0.81, 1.0);
    }
}

// Colours read off a 1100×540 screenshot of the animation's last frame (card at 50,28): the
// middle of every segment (its gradient's midpoint), empty track, rules and legend swatches.
TEST_F(SeedScene, RenderedFrameMatchesTheScreenshotColours) {
    const QImage image = renderTimeline(*scene, 1);
    const QPointF card = scene->layout().card.topLeft();
    const QPointF screenshotCard(50, 28);
    struct Sample {
        int x, y;
        QColor colour;
    };
    const Sample samples[] = {
        {264, 231, {69, 153, 227}},  {466, 231, {253, 154, 19}},  {648, 231, {69, 154, 227}},
        {365, 297, {68, 153, 227}},  {454, 297, {253, 154, 19}},  {555, 297, {68, 153, 227}},
        {730, 297, {234, 70, 66}},   {454, 363, {69, 153, 227}},  {624, 363, {234, 70, 66}},
        {932, 231, {246, 246, 246}}, {972, 297, {246, 246, 246}}, {304, 363, {246, 246, 246}},
        {600, 171, {238, 238, 238}}, {600, 413, {238, 238, 238}}, {411, 442, {69, 153, 226}},
        {524, 442, {252, 152, 18}},  {619, 442, {234, 70, 66}},   {120, 231, {255, 255, 255}},
    };
    for (const Sample& s : samples) {
        const QPointF at = QPointF(s.x, s.y) - screenshotCard + card;
        EXPECT_TRUE(near(image.pixelColor(at.toPoint()), s.colour, 6))
            << "at screenshot pixel " << s.x << "," << s.y;
    }
}

TEST_F(SeedScene, ScaleTwoDoublesThePixels) {
    const QImage one = renderTimeline(*scene, 1);
    const QImage two = renderTimeline(*scene, 2);
    EXPECT_EQ(two.size(), one.size() * 2);
    const QPointF firstSegmentMiddle = scene->shownSegments().front().rect.center();
    EXPECT_TRUE(near(two.pixelColor((firstSegmentMiddle * 2).toPoint()), QColor(69, 153, 227), 6));
}

TEST(TimelineScene, ResizingTheCardMovesSegmentsWithTheTracks) {
    auto scene = timelineAt(ScenarioFile::builtInDefault(), 1000, 1000);
    scene->setCardWidth(600);
    const TimelineLayout& l = scene->layout();
    for (const ShownSegment& item : scene->shownSegments()) {
        EXPECT_NEAR(item.rect.left(), l.xAt(double(item.segment.start), {0, 1000}), 0.01);
        EXPECT_NEAR(item.rect.right(), l.xAt(double(item.segment.end), {0, 1000}), 0.01);
    }
}
