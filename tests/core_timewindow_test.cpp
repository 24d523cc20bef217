// The zoom window: fit, zoom around the pointer, pan, clamps, time ↔ pixel.

#include "view/timewindow.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace coroscope;

namespace {

constexpr double kDay = 86'400'000;
constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::nan("");

// Inside [0, end] (end as the window functions take it), in order, a span in range, no NaN.
void expectValid(TimeWindow w, double axisEnd) {
    const double end = std::isfinite(axisEnd) && axisEnd > 0 ? axisEnd : kMinWindowSpanMs;
    const double hair = end * 1e-12;
    EXPECT_TRUE(std::isfinite(w.from) && std::isfinite(w.to)) << w.from << ", " << w.to;
    EXPECT_LE(w.from, w.to);
    EXPECT_GE(w.from, 0);
    EXPECT_LE(w.to, end);
    EXPECT_GE(w.span(), std::min(kMinWindowSpanMs, end) - hair);
    EXPECT_LE(w.span(), end + hair);
}

// Windows to zoom on a run of axis end `end`: the fit and a few inside it.
std::vector<TimeWindow> windowsOf(double end) {
    return {{0, end},
            {0, end / 3},
            {end / 4, end / 2},
            {end * 0.6, end},
            {end * 0.37, end * 0.37 + std::max(1.0, end / 1000)}};
}

const std::vector<double> kEnds{5, 1'000, 1'250, 100 * 60'000.0, 18 * 3'600'000.0, 4 * kDay};
const std::vector<double> kFractions{0, 0.1, 0.37, 0.5, 0.9, 1};
const std::vector<double> kFactors{1.1, 1.25, 2, 10, 1'000, 0.9, 0.8, 0.5, 0.1};
constexpr double kWidth = 813;

// The window zoomedAround should give when nothing clamps it, if nothing does.
bool unclampedZoom(TimeWindow w, double anchor, double factor, double end, TimeWindow& out) {
    const double span = w.span() / factor;
    if (span < kMinWindowSpanMs || span >= end)
        return false;
    const double from = anchor - (anchor - w.from) / w.span() * span;
    if (from < 0 || from + span > end)
        return false;
    out = {from, from + span};
    return true;
}

} // namespace

TEST(TimeWindowFit, ShowsTheWholeRun) {
    EXPECT_EQ(fitWindow(1'000), (TimeWindow{0, 1'000}));
    EXPECT_DOUBLE_EQ(fitWindow(1'000).span(), 1'000);
    EXPECT_TRUE(isFit(fitWindow(1'000), 1'000));
    EXPECT_TRUE(isFit(fitWindow(4 * kDay), 4 * kDay));
    EXPECT_FALSE(isFit({0, 999}, 1'000));
    EXPECT_FALSE(isFit({1, 1'000}, 1'000));
    EXPECT_FALSE(isFit(zoomedAround(fitWindow(1'000), 500, 2, 1'000), 1'000));
}

TEST(TimeWindowZoom, KeepsTheTimeUnderThePointer) {
    int unclamped = 0;
    for (double end : kEnds)
        for (TimeWindow w : windowsOf(end))
            for (double fraction : kFractions)
                for (double factor : kFactors) {
                    const double anchor = w.from + fraction * w.span();
                    const double x = windowToX(anchor, w, kWidth);
                    const TimeWindow zoomed = zoomedAround(w, anchor, factor, end);
                    SCOPED_TRACE(testing::Message()
                                 << "end " << end << " [" << w.from << ", " << w.to << "] anchor "
                                 << anchor << " factor " << factor);
                    expectValid(zoomed, end);
                    TimeWindow ideal;
                    if (!unclampedZoom(w, anchor, factor, end, ideal))
                        continue;
                    ++unclamped;
                    EXPECT_NEAR(windowToX(anchor, zoomed, kWidth), x, 1e-9 * kWidth);
                    EXPECT_NEAR(xToWindowTime(x, zoomed, kWidth), anchor, 1e-9 * zoomed.span());
                    EXPECT_NEAR(zoomed.span(), w.span() / factor, 1e-9 * zoomed.span());
                }
    EXPECT_GT(unclamped, 500); // the cases above are not all clamped away
}

TEST(TimeWindowZoom, InThenOutComesBack) {
    int checked = 0;
    for (double end : kEnds)
        for (TimeWindow w : windowsOf(end))
            for (double fraction : kFractions)
                for (double factor : kFactors) {
                    const double anchor = w.from + fraction * w.span();
                    TimeWindow in;
                    TimeWindow back;
                    if (!unclampedZoom(w, anchor, factor, end, in) ||
                        !unclampedZoom(in, anchor, 1 / factor, end, back))
                        continue;
                    ++checked;
                    const TimeWindow there = zoomedAround(w, anchor, factor, end);
                    const TimeWindow again = zoomedAround(there, anchor, 1 / factor, end);
                    EXPECT_NEAR(again.from, w.from, 1e-9 * w.span());
                    EXPECT_NEAR(again.to, w.to, 1e-9 * w.span());
                }
    EXPECT_GT(checked, 300);
}

TEST(TimeWindowZoom, AnchorAtAnEndStaysThere) {
    const TimeWindow atEnd = zoomedAround(fitWindow(1'000), 1'000, 10, 1'000);
    EXPECT_DOUBLE_EQ(atEnd.from, 900);
    EXPECT_DOUBLE_EQ(atEnd.to, 1'000);
    const TimeWindow atStart = zoomedAround(fitWindow(1'000), 0, 4, 1'000);
    EXPECT_EQ(atStart, (TimeWindow{0, 250}));
    // An anchor outside the window counts as the nearer edge.
    EXPECT_EQ(zoomedAround({100, 300}, -50, 2, 1'000), (TimeWindow{100, 200}));
}

TEST(TimeWindowZoom, SpanFloorsAtOneMsAtAnyRunLength) {
    for (double end : {1'000.0, 3 * kDay, 1'000 * kDay}) {
        SCOPED_TRACE(end);
        const double anchor = end / 2 + 0.3;
        const TimeWindow w = zoomedAround(fitWindow(end), anchor, 1e12, end);
        expectValid(w, end);
        EXPECT_NEAR(w.span(), kMinWindowSpanMs, 1e-6);
        EXPECT_LE(w.from, anchor);
        EXPECT_GE(w.to, anchor);
        // Step by step too: never below the floor, and the floor is reached.
        TimeWindow steps = fitWindow(end);
        for (int i = 0; i < 200; ++i) {
            steps = zoomedAround(steps, anchor, 1.5, end);
            ASSERT_GE(steps.span(), kMinWindowSpanMs * (1 - 1e-6));
        }
        EXPECT_NEAR(steps.span(), kMinWindowSpanMs, 1e-6);
    }
}

TEST(TimeWindowZoom, OutAsFarAsTheFitAndNoFurther) {
    const double end = 3 * kDay;
    const TimeWindow narrow = windowAround(kDay, 10, end);
    EXPECT_EQ(zoomedAround(narrow, kDay, 1e-12, end), fitWindow(end));
    EXPECT_EQ(zoomedAround(fitWindow(end), kDay, 0.5, end), fitWindow(end));
    TimeWindow w = narrow;
    for (int i = 0; i < 100; ++i)
        w = zoomedAround(w, kDay, 0.7, end);
    EXPECT_TRUE(isFit(w, end));
    EXPECT_EQ(w, fitWindow(end));
}

TEST(TimeWindowZoom, ClampingShiftsButKeepsTheSpan) {
    // Zooming out near the start would go below 0: shifted right instead.
    const TimeWindow w = zoomedAround({10, 110}, 100, 0.5, 1'000);
    EXPECT_EQ(w, (TimeWindow{0, 200}));
    const TimeWindow v = zoomedAround({890, 990}, 900, 0.5, 1'000);
    EXPECT_EQ(v, (TimeWindow{800, 1'000}));
}

TEST(TimeWindowClamp, ShiftsIntoTheAxisKeepingTheSpan) {
    EXPECT_EQ(clampedWindow({-100, 200}, 1'000), (TimeWindow{0, 300}));
    EXPECT_EQ(clampedWindow({900, 1'200}, 1'000), (TimeWindow{700, 1'000}));
    EXPECT_EQ(clampedWindow({200, 400}, 1'000), (TimeWindow{200, 400}));
    EXPECT_EQ(clampedWindow({400, 200}, 1'000), (TimeWindow{200, 400})); // reversed
    EXPECT_EQ(clampedWindow({-500, 2'000}, 1'000), fitWindow(1'000));    // too wide
    // Too narrow: widened to 1 ms around its centre.
    EXPECT_EQ(clampedWindow({500, 500}, 1'000), (TimeWindow{499.5, 500.5}));
    EXPECT_EQ(clampedWindow({1'000, 1'000}, 1'000), (TimeWindow{999, 1'000}));
}

TEST(TimeWindowPan, MovesAndStopsAtBothEnds) {
    EXPECT_EQ(pannedBy({100, 300}, 50, 1'000), (TimeWindow{150, 350}));
    EXPECT_EQ(pannedBy({100, 300}, -50, 1'000), (TimeWindow{50, 250}));
    EXPECT_EQ(pannedBy({100, 300}, -500, 1'000), (TimeWindow{0, 200}));
    EXPECT_EQ(pannedBy({100, 300}, 5'000, 1'000), (TimeWindow{800, 1'000}));
    EXPECT_EQ(pannedBy({100, 300}, kInf, 1'000), (TimeWindow{800, 1'000}));
    EXPECT_EQ(pannedBy({100, 300}, -kInf, 1'000), (TimeWindow{0, 200}));
    EXPECT_EQ(pannedBy({100, 300}, kNaN, 1'000), (TimeWindow{100, 300}));
    EXPECT_EQ(pannedBy(fitWindow(1'000), 300, 1'000), fitWindow(1'000));
    // A 1 ms window at three days keeps its span as it pans.
    const double end = 3 * kDay;
    TimeWindow w = windowAround(end / 2, 1, end);
    for (double delta : {0.25, -7.5, 1e6, -3e7, 1e9, -1e9}) {
        const TimeWindow moved = pannedBy(w, delta, end);
        expectValid(moved, end);
        EXPECT_NEAR(moved.span(), 1, 1e-6);
        w = moved;
    }
}

TEST(TimeWindowAround, CentresAsFarAsTheAxisAllows) {
    EXPECT_EQ(windowAround(500, 100, 1'000), (TimeWindow{450, 550}));
    EXPECT_EQ(windowAround(10, 100, 1'000), (TimeWindow{0, 100}));
    EXPECT_EQ(windowAround(990, 100, 1'000), (TimeWindow{900, 1'000}));
    EXPECT_EQ(windowAround(500, 5'000, 1'000), fitWindow(1'000));
    EXPECT_EQ(windowAround(500, 0.01, 1'000), (TimeWindow{499.5, 500.5}));
    EXPECT_EQ(windowAround(kNaN, 100, 1'000), (TimeWindow{450, 550}));
    EXPECT_EQ(windowAround(500, kNaN, 1'000), fitWindow(1'000));
    EXPECT_EQ(windowAround(kInf, 100, 1'000), (TimeWindow{900, 1'000}));
}

TEST(TimeWindowDegenerate, AlwaysAValidWindow) {
    const std::vector<double> ends{0, -5, kNaN, kInf, -kInf, 0.5, 1, 1'000, 3 * kDay};
    const std::vector<double> values{0, 1, -1, 0.5, 500, 1e300, -1e300, kNaN, kInf, -kInf};
    const std::vector<TimeWindow> windows{{0, 0},    {0, 1'000},    {500, 100},      {kNaN, 5},
                                          {5, kNaN}, {-kInf, kInf}, {-1e300, 1e300}, {1e300, 1e300},
                                          {-10, -5}, {0, 1e-300}};
    for (double end : ends) {
        SCOPED_TRACE(testing::Message() << "end " << end);
        expectValid(fitWindow(end), end);
        for (TimeWindow w : windows) {
            SCOPED_TRACE(testing::Message() << "[" << w.from << ", " << w.to << "]");
            expectValid(clampedWindow(w, end), end);
            (void)isFit(w, end);
            for (double a : values) {
                expectValid(pannedBy(w, a, end), end);
                for (double b : values)
                    expectValid(zoomedAround(w, a, b, end), end);
            }
        }
        for (double a : values)
            for (double b : values)
                expectValid(windowAround(a, b, end), end);
        if (HasFailure())
            return;
    }
}

TEST(TimeWindowDegenerate, BadAxisEndsCountAsOneMs) {
    for (double end : {0.0, -5.0, kNaN, kInf})
        EXPECT_EQ(fitWindow(end), (TimeWindow{0, kMinWindowSpanMs})) << end;
    // An axis shorter than 1 ms has only its fit.
    EXPECT_EQ(zoomedAround(fitWindow(0.5), 0.25, 100, 0.5), fitWindow(0.5));
}

TEST(TimeWindowDegenerate, FactorsThatAreNoZoomLeaveTheWindow) {
    const TimeWindow w{100, 300};
    EXPECT_EQ(zoomedAround(w, 200, 0, 1'000), w);
    EXPECT_EQ(zoomedAround(w, 200, -2, 1'000), w);
    EXPECT_EQ(zoomedAround(w, 200, kNaN, 1'000), w);
    EXPECT_EQ(zoomedAround(w, 200, 1, 1'000), w);
    // A NaN anchor zooms around the middle.
    EXPECT_EQ(zoomedAround(w, kNaN, 2, 1'000), (TimeWindow{150, 250}));
}

TEST(TimeWindowPixels, MapsTheWindowOntoTheTrack) {
    const TimeWindow w{100, 300};
    EXPECT_DOUBLE_EQ(windowToX(100, w, 800), 0);
    EXPECT_DOUBLE_EQ(windowToX(150, w, 800), 200);
    EXPECT_DOUBLE_EQ(windowToX(300, w, 800), 800);
    EXPECT_DOUBLE_EQ(windowToX(50, w, 800), -200); // before the window: left of the track
    EXPECT_DOUBLE_EQ(xToWindowTime(200, w, 800), 150);
    EXPECT_DOUBLE_EQ(xToWindowTime(windowToX(237.5, w, 613), w, 613), 237.5);
    // The fit maps like the plain axis.
    EXPECT_DOUBLE_EQ(windowToX(150, fitWindow(1'000), 800), 120);
}

TEST(TimeWindowPixels, DegenerateInputGivesTheLeftEdge) {
    EXPECT_EQ(windowToX(5, {100, 100}, 800), 0);
    EXPECT_EQ(windowToX(5, {300, 100}, 800), 0);
    EXPECT_EQ(windowToX(kNaN, {100, 300}, 800), 0);
    EXPECT_EQ(windowToX(5, {kNaN, 300}, 800), 0);
    EXPECT_EQ(windowToX(200, {100, 300}, 0), 0);
    EXPECT_EQ(windowToX(200, {100, 300}, -800), 0);
    EXPECT_EQ(xToWindowTime(5, {100, 300}, 0), 100);
    EXPECT_EQ(xToWindowTime(kNaN, {100, 300}, 800), 100);
    EXPECT_EQ(xToWindowTime(5, {kNaN, 300}, 800), 0);
}
