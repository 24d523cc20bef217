// The schedule per task, and what of it is drawn in a window of time: pills for segments a
// pixel wide or more, per-column coverage for thinner ones.

#include "loopscript.h"
#include "randomscenario.h"
#include "scenariobuilder.h"
#include "view/lanedrawing.h"
#include "view/lanes.h"

#include <gtest/gtest.h>

#include <numeric>

namespace coroscope {
namespace {

using namespace builtin;

Lanes seedLanes() {
    const Scenario seed = test::seedScenario();
    return Lanes(simulate(seed), seed.tasks.size());
}

// Version 1: a segment's step is its index; version 2 names it (a spawn has none, a queued
// row comes before its step's).
TEST(Lanes, NameEachSegmentsStep) {
    const Lanes seed = seedLanes();
    EXPECT_EQ(seed.laneStep(1, 3), (LaneStep{3, false}));
    const Scenario scenario = test::scriptScenario("limit db 1\n"
                                                   "parent: spawn a, spawn b, join a b, cpu 1\n"
                                                   "a: db 10\n"
                                                   "b: db 10\n");
    const Lanes lanes(simulate(scenario), scenario.tasks.size());
    EXPECT_EQ(lanes.laneStep(0, 0), (LaneStep{2, false})); // the join
    EXPECT_EQ(lanes.laneStep(0, 1), (LaneStep{3, false}));
    EXPECT_EQ(lanes.laneStep(2, 0), (LaneStep{0, true}));
    EXPECT_EQ(lanes.laneStep(2, 1), (LaneStep{0, false}));
}

TEST(Lanes, HoldEachTasksSegmentsInStepOrder) {
    const Lanes lanes = seedLanes();
    ASSERT_EQ(lanes.tasks(), 3u);
    EXPECT_EQ(lanes.segmentCount(), 9u);
    const std::vector<LaneSegment> task2(lanes.lane(1).begin(), lanes.lane(1).end());
    EXPECT_EQ(task2, (std::vector<LaneSegment>{{150, 250, Cpu, false, 0},
                                               {250, 370, Io, false, 1},
                                               {370, 500, Cpu, false, 2},
                                               {500, 800, Http, false, 3}}));
    EXPECT_TRUE(lanes.lane(3).empty());
}

TEST(Lanes, FindWhatOverlapsATimeRange) {
    const Lanes lanes = seedLanes();
    EXPECT_EQ(lanes.overlapping(1, 0, 150), (std::pair<std::size_t, std::size_t>{0, 0}));
    EXPECT_EQ(lanes.overlapping(1, 200, 260), (std::pair<std::size_t, std::size_t>{0, 2}));
    EXPECT_EQ(lanes.overlapping(1, 250, 370), (std::pair<std::size_t, std::size_t>{1, 2}));
    EXPECT_EQ(lanes.overlapping(1, 0, 10'000), (std::pair<std::size_t, std::size_t>{0, 4}));
    EXPECT_EQ(lanes.overlapping(1, 800, 900), (std::pair<std::size_t, std::size_t>{4, 4}));
}

TEST(Lanes, NameTheStepAtATime) {
    const Lanes lanes = seedLanes();
    EXPECT_EQ(lanes.stepAt(1, 100), -1); // ready, not yet run
    EXPECT_EQ(lanes.stepAt(1, 150), 0);
    EXPECT_EQ(lanes.stepAt(1, 249.9), 0);
    EXPECT_EQ(lanes.stepAt(1, 250), 1);
    EXPECT_EQ(lanes.stepAt(1, 799), 3);
    EXPECT_EQ(lanes.stepAt(1, 800), -1);
    EXPECT_EQ(lanes.stepAt(7, 100), -1);
}

TEST(Lanes, AgreeWithTheTimelineOnRandomScenarios) {
    for (unsigned seed = 1; seed <= 50; ++seed) {
        const Scenario scenario =
            test::randomScenario(1 + seed % 20, int(seed % 7) + 1, seed, 1, 300);
        const Timeline timeline = simulate(scenario);
        const Lanes lanes(timeline, scenario.tasks.size());
        ASSERT_EQ(lanes.segmentCount(), timeline.segments.size());
        for (const Segment& s : timeline.segments) {
            const LaneSegment& laid = lanes.lane(s.task)[s.step];
            EXPECT_EQ(laid, (LaneSegment{s.start, s.end, s.kind, false, std::uint32_t(s.step)}));
            EXPECT_EQ(lanes.stepAt(s.task, double(s.start)), std::ptrdiff_t(s.step));
        }
    }
}

// The seed on a 1000 px track showing [0, 1000] ms: 1 px a millisecond.
LaneDrawing drawn(std::span<const LaneSegment> lane, LaneView view) {
    LaneDrawing out;
    drawLane(lane, view, out);
    return out;
}

TEST(LaneDrawing, WideSegmentsArePillsAtTheirPixels) {
    const Lanes lanes = seedLanes();
    const LaneDrawing d = drawn(lanes.lane(1), {0, 1000, 1000, 1000, 48});
    EXPECT_EQ(d.pills,
              (std::vector<PillPiece>{
                  {150, 250, Cpu, 0}, {250, 370, Io, 1}, {370, 500, Cpu, 2}, {500, 800, Http, 3}}));
    EXPECT_TRUE(d.columns.empty());
}

TEST(LaneDrawing, SegmentsGrowUpToNowAndLaterOnesAreNotDrawn) {
    const Lanes lanes = seedLanes();
    const LaneDrawing d = drawn(lanes.lane(1), {0, 1000, 1000, 300, 48});
    EXPECT_EQ(d.pills, (std::vector<PillPiece>{{150, 250, Cpu, 0}, {250, 300, Io, 1}}));
    EXPECT_TRUE(drawn(lanes.lane(1), {0, 1000, 1000, 150, 48}).pills.empty());
}

TEST(LaneDrawing, ZoomedInPillsAreCutJustBeyondTheEdges) {
    const Lanes lanes = seedLanes();
    // 1 ms across 1000 px, inside Task 2's HTTP wait.
    const LaneDrawing d = drawn(lanes.lane(1), {600, 601, 1000, 1000, 48});
    EXPECT_EQ(d.pills, (std::vector<PillPiece>{{-48, 1048, Http, 3}}));
}

TEST(LaneDrawing, ThinSegmentsMergeIntoColumnsByCoverage) {
    // 1 ms steps on a 100 px track showing 1000 ms: a tenth of a pixel each.
    std::vector<LaneSegment> lane;
    for (int i = 0; i < 1000; ++i)
        lane.push_back({i, i + 1, i % 2 ? Io : Cpu});
    const LaneDrawing d = drawn(lane, {0, 1000, 100, 1000, 48});
    EXPECT_TRUE(d.pills.empty());
    ASSERT_EQ(d.columns.size(), 100u);
    for (const ColumnPiece& column : d.columns) {
        EXPECT_NEAR(d.coverage(column, Cpu), 0.5, 1e-5);
        EXPECT_NEAR(d.coverage(column, Io), 0.5, 1e-5);
        EXPECT_EQ(d.coverage(column, Http), 0);
    }
    EXPECT_EQ(d.columns.front().x, 0);
    EXPECT_EQ(d.columns.back().x, 99);
}

TEST(LaneDrawing, AThinSegmentAcrossAColumnBorderCoversBoth) {
    const std::vector<LaneSegment> lane{{13, 17, Http}};
    // 0.1 px per ms: 1.3 px to 1.7 px; then shifted to straddle 2.
    LaneDrawing d = drawn(lane, {0, 100, 10, 100, 48});
    ASSERT_EQ(d.columns.size(), 1u);
    EXPECT_EQ(d.columns[0].x, 1);
    EXPECT_NEAR(d.total(d.columns[0]), 0.4, 1e-6);
    d = drawn(lane, {-5, 95, 10, 100, 48}); // 1.8 px to 2.2 px
    ASSERT_EQ(d.columns.size(), 2u);
    EXPECT_EQ(d.columns[0].x, 1);
    EXPECT_NEAR(d.total(d.columns[0]), 0.2, 1e-6);
    EXPECT_EQ(d.columns[1].x, 2);
    EXPECT_NEAR(d.total(d.columns[1]), 0.2, 1e-6);
}

TEST(LaneDrawing, AMillionSegmentsZoomedOutStayAScreenful) {
    std::vector<LaneSegment> lane;
    for (std::int64_t i = 0; i < 1'000'000; ++i)
        lane.push_back({2 * i, 2 * i + 1, Cpu});
    const LaneDrawing d = drawn(lane, {0, 2'000'000, 800, 2'000'000, 48});
    EXPECT_LE(d.columns.size() + d.pills.size(), 801u);
    const float covered =
        std::accumulate(d.columns.begin(), d.columns.end(), 0.0f,
                        [&d](float sum, const ColumnPiece& c) { return sum + d.total(c); });
    EXPECT_NEAR(covered, 400, 1); // half of every column
}

TEST(LaneDrawing, NothingForAnEmptyOrBackwardWindow) {
    const Lanes lanes = seedLanes();
    EXPECT_TRUE(drawn(lanes.lane(0), {500, 500, 1000, 1000, 48}).pills.empty());
    EXPECT_TRUE(drawn(lanes.lane(0), {500, 400, 1000, 1000, 48}).pills.empty());
    EXPECT_TRUE(drawn(lanes.lane(0), {0, 1000, 0, 1000, 48}).pills.empty());
}

} // namespace
} // namespace coroscope
