// Axis maths: the end and step rule, tick labels, time ↔ pixel.

#include "axis.h"

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

struct AxisCase {
    const char* name;
    std::int64_t makespan;
    double step;
    double end;
};

class AxisRule : public ::testing::TestWithParam<AxisCase> {};

} // namespace

TEST_P(AxisRule, PicksTheSmallestNiceStep) {
    const AxisCase c = GetParam();
    const AxisScale axis = axisFor(c.makespan);
    EXPECT_DOUBLE_EQ(axis.step, c.step);
    EXPECT_DOUBLE_EQ(axis.end, c.end);
    EXPECT_GE(axis.end, double(c.makespan));
}

INSTANTIATE_TEST_SUITE_P(
    Table, AxisRule,
    ::testing::Values(AxisCase{"Seed", 800, 200, 1000}, AxisCase{"Empty", 0, 1, 5},
                      AxisCase{"OneMs", 1, 1, 5}, AxisCase{"ExactlyFive", 5, 1, 5},
                      AxisCase{"JustOverFive", 6, 2, 10},
                      AxisCase{"NeedsTwoAndAHalf", 11, 2.5, 12.5},
                      AxisCase{"ExactlyOneThousand", 1000, 200, 1000},
                      AxisCase{"JustOverOneThousand", 1001, 250, 1250},
                      AxisCase{"UpToTwoAndAHalfThousand", 2500, 500, 2500},
                      AxisCase{"JustOverTwoAndAHalfThousand", 2501, 1000, 5000},
                      AxisCase{"OneDay", 86'400'000, 20'000'000, 100'000'000},
                      AxisCase{"HugeMakespan", 86'400'000'000'000, 20'000'000'000'000,
                               100'000'000'000'000}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AxisTicks, SixLabelsFromZeroToEnd) {
    const std::vector<double> expected{0, 200, 400, 600, 800, 1000};
    EXPECT_EQ(axisFor(800).ticks(), expected);
}

namespace {

struct LabelCase {
    double ms;
    const char* label;
};

class AxisLabels : public ::testing::TestWithParam<LabelCase> {};

} // namespace

TEST_P(AxisLabels, ReadLikeTheReference) {
    EXPECT_EQ(axisLabel(GetParam().ms), GetParam().label);
}

INSTANTIATE_TEST_SUITE_P(Table, AxisLabels,
                         ::testing::Values(LabelCase{0, "0ms"}, LabelCase{200, "200ms"},
                                           LabelCase{1000, "1000ms"}, LabelCase{2.5, "2.5ms"},
                                           LabelCase{9999, "9999ms"}, LabelCase{10'000, "10s"},
                                           LabelCase{12'500, "12.5s"}, LabelCase{600'000, "10min"},
                                           LabelCase{3'750'000, "62.5min"},
                                           LabelCase{20'000'000, "5.56h"},
                                           LabelCase{100'000'000, "27.78h"}));

TEST(TimeToPixel, MapsTheAxisOntoTheTrack) {
    EXPECT_DOUBLE_EQ(timeToX(0, 1000, 800), 0);
    EXPECT_DOUBLE_EQ(timeToX(150, 1000, 800), 120);
    EXPECT_DOUBLE_EQ(timeToX(1000, 1000, 800), 800);
    EXPECT_DOUBLE_EQ(xToTime(120, 1000, 800), 150);
    EXPECT_DOUBLE_EQ(xToTime(timeToX(437, 1250, 613), 1250, 613), 437);
}
