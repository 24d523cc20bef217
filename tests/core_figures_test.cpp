// The version 2 figures: nearest-rank percentiles, and the latencies of requests arriving over
// time.

#include "fanout.h"
#include "loop/figures.h"
#include "loopscript.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

namespace coroscope {
namespace {

using test::scriptScenario;

TEST(NearestRank, OneToAHundredGivesThePercentItself) {
    std::vector<std::int64_t> values(100);
    std::iota(values.begin(), values.end(), 1);
    EXPECT_EQ(nearestRank(values, 50), 50);
    EXPECT_EQ(nearestRank(values, 95), 95);
    EXPECT_EQ(nearestRank(values, 99), 99);
    EXPECT_EQ(nearestRank(values, 100), 100);
}

TEST(NearestRank, OneValueIsEveryPercentile) {
    const std::vector<std::int64_t> values{42};
    EXPECT_EQ(nearestRank(values, 0), 42);
    EXPECT_EQ(nearestRank(values, 50), 42);
    EXPECT_EQ(nearestRank(values, 99), 42);
}

TEST(NearestRank, OfTwoTheMedianIsTheFirstAndTheTailTheSecond) {
    const std::vector<std::int64_t> values{10, 30};
    EXPECT_EQ(nearestRank(values, 50), 10); // rank ceil(1.0) = 1
    EXPECT_EQ(nearestRank(values, 51), 30); // rank ceil(1.02) = 2
    EXPECT_EQ(nearestRank(values, 95), 30);
}

TEST(NearestRank, TiesAndNoValues) {
    const std::vector<std::int64_t> values{5, 7, 7, 7, 9};
    EXPECT_EQ(nearestRank(values, 40), 7); // rank 2
    EXPECT_EQ(nearestRank(values, 60), 7); // rank 3
    EXPECT_EQ(nearestRank(values, 80), 7); // rank 4
    EXPECT_EQ(nearestRank(values, 81), 9); // rank 5
    EXPECT_EQ(nearestRank({}, 50), 0);
}

TEST(LoopFigures, RequestsArrivingOverTimeHaveTheirLatencies) {
    // Each arrival is its task's first sleep, begun when it first runs (at 10 ms, after a's
    // CPU): b runs 15-25, c 50-80; latencies 10, 20 and 40.
    const Figures f =
        simulateFigures(scriptScenario("a: cpu 10\nb @5: cpu 10\nc @40: cpu 10, io 20\n"));
    EXPECT_TRUE(f.loop.arrivals);
    EXPECT_EQ(f.loop.latencyP50Ms, 20); // rank 2 of 3
    EXPECT_EQ(f.loop.latencyP95Ms, 40);
    EXPECT_EQ(f.loop.latencyP99Ms, 40);
    EXPECT_EQ(f.loop.latencyMaxMs, 40);
}

TEST(LoopFigures, SpawnedTasksAreNotRequestsAndAllAtZeroIsNoArrival) {
    const Figures fanOut = simulateFigures(test::fanOutScenario());
    EXPECT_TRUE(fanOut.loop.arrivals); // the request at 10 ms
    const Figures atZero = simulateFigures(scriptScenario("a: cpu 10, spawn b, join b\nb: io 5\n"));
    EXPECT_TRUE(atZero.loop.shown);
    EXPECT_FALSE(atZero.loop.arrivals);
    EXPECT_EQ(atZero.loop.latencyMaxMs, 15); // a alone: b's time counts in a's
}

} // namespace
} // namespace coroscope
