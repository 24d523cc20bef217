// Axis maths: the fitted axis, the ticks of a zoomed view, labels, readouts, time ↔ pixel.

#include "view/axis.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <set>

using namespace coroscope;

namespace {

constexpr std::int64_t kSecond = 1'000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

using Labels = std::vector<std::string>;

struct AxisCase {
    const char* name;
    std::int64_t makespan;
    double step;
    double end;
    Labels labels;
};

class FittedAxis : public ::testing::TestWithParam<AxisCase> {};

} // namespace

TEST_P(FittedAxis, StepEndAndLabels) {
    const AxisCase& c = GetParam();
    const AxisScale axis = axisFor(c.makespan);
    EXPECT_DOUBLE_EQ(axis.step, c.step);
    EXPECT_DOUBLE_EQ(axis.end, c.end);
    EXPECT_EQ(axis.labels(), c.labels);
    EXPECT_EQ(axis.ticks().size(), c.labels.size());
}

INSTANTIATE_TEST_SUITE_P(
    Table, FittedAxis,
    ::testing::Values(
        AxisCase{"Seed", 800, 200, 1000, {"0ms", "200ms", "400ms", "600ms", "800ms", "1000ms"}},
        AxisCase{"EightyFourMinutes",
                 84 * kMinute,
                 20 * kMinute,
                 100 * kMinute,
                 {"0min", "20min", "40min", "60min", "80min", "100min"}},
        AxisCase{"FourteenHours",
                 14 * kHour,
                 3 * kHour,
                 18 * kHour,
                 {"0h", "3h", "6h", "9h", "12h", "15h", "18h"}},
        AxisCase{"Empty", 0, 1, 5, {"0ms", "1ms", "2ms", "3ms", "4ms", "5ms"}},
        AxisCase{"Negative", -7, 1, 5, {"0ms", "1ms", "2ms", "3ms", "4ms", "5ms"}},
        AxisCase{"OneMs", 1, 1, 4, {"0ms", "1ms", "2ms", "3ms", "4ms"}},
        AxisCase{"ThreeMs", 3, 1, 4, {"0ms", "1ms", "2ms", "3ms", "4ms"}},
        AxisCase{"FiveMs", 5, 1, 6, {"0ms", "1ms", "2ms", "3ms", "4ms", "5ms", "6ms"}},
        AxisCase{"SevenMs", 7, 2, 8, {"0ms", "2ms", "4ms", "6ms", "8ms"}},
        AxisCase{"FortyFiveMs", 45, 10, 50, {"0ms", "10ms", "20ms", "30ms", "40ms", "50ms"}},
        AxisCase{"JustUnderOneSecond",
                 999,
                 200,
                 1200,
                 {"0ms", "200ms", "400ms", "600ms", "800ms", "1000ms", "1200ms"}},
        AxisCase{"OneThousandSixHundredSeventy",
                 1'670,
                 500,
                 2'000,
                 {"0ms", "500ms", "1000ms", "1500ms", "2000ms"}},
        AxisCase{"NineSeconds",
                 9 * kSecond,
                 2 * kSecond,
                 10 * kSecond,
                 {"0s", "2s", "4s", "6s", "8s", "10s"}},
        AxisCase{"FiftySeconds", // 60 s: 10 s × 6 and 15 s × 4 tie, the smaller step wins
                 50 * kSecond,
                 10 * kSecond,
                 60 * kSecond,
                 {"0s", "10s", "20s", "30s", "40s", "50s", "60s"}},
        AxisCase{"SeventyTwoSeconds", // 80 s in steps of 20 would tick every 15 s zoomed
                 72 * kSecond,
                 15 * kSecond,
                 90 * kSecond,
                 {"0s", "15s", "30s", "45s", "60s", "75s", "90s"}},
        AxisCase{"EightyFourSeconds",
                 84 * kSecond,
                 20 * kSecond,
                 100 * kSecond,
                 {"0s", "20s", "40s", "60s", "80s", "100s"}},
        AxisCase{"SevenMinutes",
                 7 * kMinute,
                 2 * kMinute,
                 8 * kMinute,
                 {"0min", "2min", "4min", "6min", "8min"}},
        AxisCase{"FiftyNineMinutes",
                 59 * kMinute,
                 15 * kMinute,
                 75 * kMinute,
                 {"0min", "15min", "30min", "45min", "60min", "75min"}},
        AxisCase{"TwoHours",
                 2 * kHour,
                 30 * kMinute,
                 150 * kMinute,
                 {"0min", "30min", "60min", "90min", "120min", "150min"}},
        AxisCase{"ThirtyHours",
                 30 * kHour,
                 6 * kHour,
                 36 * kHour,
                 {"0h", "6h", "12h", "18h", "24h", "30h", "36h"}},
        AxisCase{"ThreeDays", 3 * kDay, kDay, 4 * kDay, {"0d", "1d", "2d", "3d", "4d"}},
        AxisCase{"OneThousandDays",
                 1'000 * kDay,
                 200 * kDay,
                 1'200 * kDay,
                 {"0d", "200d", "400d", "600d", "800d", "1000d", "1200d"}},
        AxisCase{"AMillionDays",
                 1'000'000 * kDay,
                 200'000 * kDay,
                 1'200'000 * kDay,
                 {"0d", "200000d", "400000d", "600000d", "800000d", "1000000d", "1200000d"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FittedAxis, UnitsFollowTheStep) {
    EXPECT_EQ(axisFor(800).unit, TimeUnit::Millisecond);
    EXPECT_EQ(axisFor(9 * kSecond).unit, TimeUnit::Second);
    EXPECT_EQ(axisFor(84 * kMinute).unit, TimeUnit::Minute);
    EXPECT_EQ(axisFor(14 * kHour).unit, TimeUnit::Hour);
    EXPECT_EQ(axisFor(3 * kDay).unit, TimeUnit::Day);
}

TEST(FittedAxis, TicksRunFromZeroToTheEnd) {
    const std::vector<double> expected{0, 200, 400, 600, 800, 1000};
    EXPECT_EQ(axisFor(800).ticks(), expected);
}

namespace {

// The step list written out again, independently of axis.cpp, in whole ms.
std::vector<std::uint64_t> stepsAtLeastOneMs() {
    std::vector<std::uint64_t> steps{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500};
    for (std::uint64_t s : {1, 2, 5, 10, 15, 20, 30})
        steps.push_back(s * kSecond);
    for (std::uint64_t m : {1, 2, 5, 10, 15, 20, 30})
        steps.push_back(m * kMinute);
    for (std::uint64_t h : {1, 2, 3, 6, 12})
        steps.push_back(h * kHour);
    for (std::uint64_t decade = 1; decade <= 100'000'000; decade *= 10)
        for (std::uint64_t d : {1, 2, 5})
            steps.push_back(d * decade * kDay);
    return steps;
}

struct BruteForce {
    std::uint64_t step;
    std::uint64_t end;
    int n;
};

// Every (step, n) with n in 4..6, 10 × end ≥ 11 × makespan and no smaller step of the list
// that would show [0, end] in at most 6 intervals (the zoomed rule would pick that one); the
// smallest end, then n = 5, then the smaller step.
BruteForce bruteForceAxis(std::int64_t makespan) {
    const auto m = std::uint64_t(makespan);
    const std::vector<std::uint64_t> steps = stepsAtLeastOneMs();
    BruteForce best{0, std::numeric_limits<std::uint64_t>::max(), 0};
    for (std::uint64_t step : steps) {
        for (int n = 4; n <= 6; ++n) {
            const std::uint64_t end = step * std::uint64_t(n);
            if (10 * end < 11 * m)
                continue;
            bool zoomedPicksAnother = false;
            for (std::uint64_t smaller : steps)
                if (smaller < step && end <= 6 * smaller)
                    zoomedPicksAnother = true;
            if (zoomedPicksAnother)
                continue;
            const bool better = end < best.end || (end == best.end && n == 5 && best.n != 5) ||
                                (end == best.end && (n == 5) == (best.n == 5) && step < best.step);
            if (better)
                best = {step, end, n};
        }
    }
    return best;
}

// Makespans to sweep: every one up to 3,000 ms, a geometric sweep to 30,000 days, and both
// sides of every border where 1.1 × makespan crosses a possible end.
std::vector<std::int64_t> sweptMakespans() {
    std::set<std::int64_t> makespans;
    for (std::int64_t m = 1; m <= 3'000; ++m)
        makespans.insert(m);
    for (double m = 3'000; m < 30'000.0 * kDay; m *= 1.013)
        makespans.insert(std::int64_t(m));
    for (std::uint64_t step : stepsAtLeastOneMs()) {
        for (std::uint64_t n = 4; n <= 6; ++n) {
            const std::uint64_t end = step * n;
            if (end > 40'000ull * kDay)
                continue;
            const auto border = std::int64_t(end * 10 / 11);
            for (std::int64_t m = border - 1; m <= border + 1; ++m)
                if (m >= 1)
                    makespans.insert(m);
        }
    }
    return {makespans.begin(), makespans.end()};
}

} // namespace

TEST(FittedAxis, IsTheSmallestEndAtLeastATenthAboveTheMakespan) {
    for (std::int64_t m : sweptMakespans()) {
        SCOPED_TRACE("makespan " + std::to_string(m));
        const AxisScale axis = axisFor(m);
        const BruteForce expected = bruteForceAxis(m);
        EXPECT_GE(axis.end, 1.1 * double(m) * (1 - 1e-15));
        const double n = axis.end / axis.step;
        EXPECT_EQ(n, std::round(n));
        EXPECT_GE(n, 4);
        EXPECT_LE(n, 6);
        EXPECT_EQ(axis.step, double(expected.step));
        EXPECT_EQ(axis.end, double(expected.end));
        if (HasFailure())
            return; // one makespan's trace is enough
    }
}

TEST(FittedAxis, ZoomedTicksOfTheFitAreTheFittedTicks) {
    std::vector<std::int64_t> makespans = sweptMakespans();
    makespans.push_back(0);
    for (std::int64_t m : makespans) {
        SCOPED_TRACE("makespan " + std::to_string(m));
        const AxisScale axis = axisFor(m);
        const TickSet ticks = ticksFor(0, axis.end);
        EXPECT_EQ(ticks.step, axis.step);
        EXPECT_EQ(ticks.unit, axis.unit);
        EXPECT_EQ(ticks.ticks, axis.ticks());
        EXPECT_EQ(ticks.labels, axis.labels());
        if (HasFailure())
            return;
    }
}

TEST(FittedAxis, HugeMakespansStayWholeAndInOrder) {
    for (std::int64_t m :
         {std::int64_t(86'400'000'000'000), std::int64_t(1) << 53,
          std::numeric_limits<std::int64_t>::max() / 2, std::numeric_limits<std::int64_t>::max()}) {
        SCOPED_TRACE(m);
        const AxisScale axis = axisFor(m);
        EXPECT_EQ(axis.unit, TimeUnit::Day);
        EXPECT_GE(axis.end, 1.1 * double(m) * (1 - 1e-12));
        const double n = std::round(axis.end / axis.step);
        EXPECT_GE(n, 4);
        EXPECT_LE(n, 6);
        const Labels labels = axis.labels();
        ASSERT_EQ(labels.size(), std::size_t(n) + 1);
        EXPECT_EQ(labels.front(), "0d");
        for (const std::string& label : labels)
            EXPECT_EQ(label.find('.'), std::string::npos) << label;
    }
}

TEST(FittedAxis, AScaleMadeByHandTicksEveryStep) {
    const AxisScale axis{250, 1250, TimeUnit::Millisecond};
    const std::vector<double> expected{0, 250, 500, 750, 1000, 1250};
    EXPECT_EQ(axis.ticks(), expected);
    EXPECT_EQ(AxisScale({0, 1250, TimeUnit::Millisecond}).ticks(), std::vector<double>{0});
    EXPECT_EQ(AxisScale({250, 0, TimeUnit::Millisecond}).ticks(), std::vector<double>{0});
}

namespace {

struct ZoomCase {
    const char* name;
    double from;
    double to;
    TimeUnit unit;
    Labels labels;
};

class ZoomedTicks : public ::testing::TestWithParam<ZoomCase> {};

} // namespace

TEST_P(ZoomedTicks, ExactLabels) {
    const ZoomCase& c = GetParam();
    const TickSet ticks = ticksFor(c.from, c.to);
    EXPECT_EQ(ticks.unit, c.unit);
    EXPECT_EQ(ticks.labels, c.labels);
    ASSERT_EQ(ticks.ticks.size(), ticks.labels.size());
    for (std::size_t i = 0; i < ticks.ticks.size(); ++i) {
        // A whole multiple of the step, within the view.
        const double k = ticks.ticks[i] / ticks.step;
        EXPECT_NEAR(k, std::round(k), 1e-9 * std::max(1.0, std::fabs(k)));
        EXPECT_GE(ticks.ticks[i], std::min(c.from, c.to) - ticks.step * 1e-9);
        EXPECT_LE(ticks.ticks[i], std::max(c.from, c.to) + ticks.step * 1e-9);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ZoomedTicks,
    ::testing::Values(
        ZoomCase{"FiveMs", 0, 5, TimeUnit::Millisecond, {"0ms", "1ms", "2ms", "3ms", "4ms", "5ms"}},
        ZoomCase{"ThirtyMsFromOneHundred",
                 100,
                 130,
                 TimeUnit::Millisecond,
                 {"100ms", "105ms", "110ms", "115ms", "120ms", "125ms", "130ms"}},
        ZoomCase{"OneMsAtOneSecond",
                 1000,
                 1001,
                 TimeUnit::Millisecond,
                 {"1000ms", "1000.2ms", "1000.4ms", "1000.6ms", "1000.8ms", "1001ms"}},
        ZoomCase{"HalfAMs",
                 0,
                 0.5,
                 TimeUnit::Millisecond,
                 {"0ms", "0.1ms", "0.2ms", "0.3ms", "0.4ms", "0.5ms"}},
        ZoomCase{"ThreeTenthsOfAMs",
                 0.1,
                 0.4,
                 TimeUnit::Millisecond,
                 {"0.1ms", "0.15ms", "0.2ms", "0.25ms", "0.3ms", "0.35ms", "0.4ms"}},
        ZoomCase{"OneAndAHalfMs",
                 10,
                 11.5,
                 TimeUnit::Millisecond,
                 {"10ms", "10.25ms", "10.5ms", "10.75ms", "11ms", "11.25ms", "11.5ms"}},
        ZoomCase{"OffGridEnds",
                 1'130,
                 2'370,
                 TimeUnit::Millisecond,
                 {"1250ms", "1500ms", "1750ms", "2000ms", "2250ms"}},
        ZoomCase{"OneSecond",
                 0,
                 1'000,
                 TimeUnit::Millisecond,
                 {"0ms", "200ms", "400ms", "600ms", "800ms", "1000ms"}},
        ZoomCase{"AroundOneMinute",
                 59 * kSecond,
                 61 * kSecond,
                 TimeUnit::Millisecond,
                 {"59000ms", "59500ms", "60000ms", "60500ms", "61000ms"}},
        ZoomCase{"TwelveSeconds",
                 0,
                 12 * kSecond,
                 TimeUnit::Second,
                 {"0s", "2s", "4s", "6s", "8s", "10s", "12s"}},
        ZoomCase{"NinetyMinutes",
                 0,
                 90 * kMinute,
                 TimeUnit::Minute,
                 {"0min", "15min", "30min", "45min", "60min", "75min", "90min"}},
        ZoomCase{"TenToFourteenHours",
                 10 * kHour,
                 14 * kHour,
                 TimeUnit::Hour,
                 {"10h", "11h", "12h", "13h", "14h"}},
        ZoomCase{"ThreeDays",
                 0,
                 3 * kDay,
                 TimeUnit::Hour,
                 {"0h", "12h", "24h", "36h", "48h", "60h", "72h"}},
        ZoomCase{"TwentyDays", 0, 20 * kDay, TimeUnit::Day, {"0d", "5d", "10d", "15d", "20d"}},
        ZoomCase{
            "Reversed", 5, 0, TimeUnit::Millisecond, {"0ms", "1ms", "2ms", "3ms", "4ms", "5ms"}},
        ZoomCase{"AMsAtThreeDays",
                 3.0 * kDay - 1,
                 3.0 * kDay,
                 TimeUnit::Millisecond,
                 {"259199999ms", "259199999.2ms", "259199999.4ms", "259199999.6ms", "259199999.8ms",
                  "259200000ms"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ZoomedTicks, TwoToSevenOfTheSmallestStepThatFits) {
    for (double span = 0.01; span < 1e12; span *= 1.07) {
        for (double from : {0.0, 0.37 * span, 12'345.678, 2.5e8}) {
            const TickSet ticks = ticksFor(from, from + span);
            ASSERT_LE(span / ticks.step, 6 * (1 + 1e-9)) << from << " + " << span;
            // The step before is at most 2.5 times smaller, so span / step > 2.4.
            EXPECT_GE(ticks.ticks.size(), 2u) << from << " + " << span;
            EXPECT_GT(span / ticks.step, 2.4) << from << " + " << span;
            EXPECT_LE(ticks.ticks.size(), 7u) << from << " + " << span;
            for (const std::string& label : ticks.labels)
                EXPECT_LE(label.size(), 20u) << label; // never 0.30000000000000004
        }
    }
}

TEST(ZoomedTicks, DegenerateViews) {
    EXPECT_TRUE(ticksFor(std::nan(""), 5).ticks.empty());
    EXPECT_TRUE(ticksFor(0, std::numeric_limits<double>::infinity()).ticks.empty());
    EXPECT_TRUE(ticksFor(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max())
                    .ticks.empty());
    const TickSet point = ticksFor(7, 7);
    EXPECT_EQ(point.labels, Labels{"7ms"});
    EXPECT_EQ(ticksFor(-1, 1).labels, (Labels{"-1ms", "-0.5ms", "0ms", "0.5ms", "1ms"}));
    const TickSet huge = ticksFor(0, 1e300);
    EXPECT_EQ(huge.unit, TimeUnit::Day);
    EXPECT_GE(huge.ticks.size(), 4u);
    EXPECT_LE(huge.ticks.size(), 7u);
}

TEST(TickLabels, NoNoiseNoTrailingZeros) {
    EXPECT_EQ(tickLabel(0.1 + 0.2, TimeUnit::Millisecond), "0.3ms");
    EXPECT_EQ(tickLabel(3 * 0.1, TimeUnit::Millisecond), "0.3ms");
    EXPECT_EQ(tickLabel(1'250, TimeUnit::Millisecond), "1250ms");
    EXPECT_EQ(tickLabel(0.25, TimeUnit::Millisecond), "0.25ms");
    EXPECT_EQ(tickLabel(0.5, TimeUnit::Millisecond), "0.5ms");
    EXPECT_EQ(tickLabel(15 * kSecond, TimeUnit::Second), "15s");
    EXPECT_EQ(tickLabel(20 * kMinute, TimeUnit::Minute), "20min");
    EXPECT_EQ(tickLabel(3 * kHour, TimeUnit::Hour), "3h");
    EXPECT_EQ(tickLabel(2 * kDay, TimeUnit::Day), "2d");
    EXPECT_EQ(tickLabel(-1e-12, TimeUnit::Millisecond), "0ms");
    EXPECT_EQ(tickLabel(std::nan(""), TimeUnit::Millisecond), "");
}

namespace {

struct ReadoutCase {
    const char* name;
    double from;
    double to;
    double at;
    const char* readout;
};

class Readout : public ::testing::TestWithParam<ReadoutCase> {};

} // namespace

TEST_P(Readout, ResolvesAHundredthOfTheStep) {
    const ReadoutCase& c = GetParam();
    EXPECT_EQ(timeReadout(c.at, ticksFor(c.from, c.to)), c.readout);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Readout,
    ::testing::Values(ReadoutCase{"SeedStep200ms", 0, 1'000, 370, "370ms"},
                      ReadoutCase{"SeedRoundsToWholeMs", 0, 1'000, 369.6, "370ms"},
                      ReadoutCase{"Step25msOneDecimal", 0, 150, 123.46, "123.5ms"},
                      ReadoutCase{"Step1msTwoDecimals", 0, 5, 2.345678, "2.35ms"},
                      ReadoutCase{"Step5sTwoDecimals", 0, 30 * kSecond, 12'347, "12.35s"},
                      ReadoutCase{"Step5sTrailingZerosDropped", 0, 30 * kSecond, 12'000, "12s"},
                      ReadoutCase{"Step20minOneDecimal", 0, 100 * kMinute, 740'400, "12.3min"},
                      ReadoutCase{"Step3hTwoDecimals", 0, 18 * kHour, 4.5 * kHour, "4.5h"},
                      ReadoutCase{"Step1dTwoDecimals", 0, 4 * kDay, 1.234 * kDay, "1.23d"},
                      ReadoutCase{"StepHalfMsThreeDecimals", 0, 3, 0.1234, "0.123ms"},
                      ReadoutCase{"StepFifthMsCappedAtThree", 1'000, 1'001, 1'000.12345,
                                  "1000.123ms"},
                      ReadoutCase{"Zero", 0, 1'000, 0, "0ms"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Readout, TakesTheUnitAndStepToo) {
    EXPECT_EQ(timeReadout(12'347, TimeUnit::Second, 5'000), "12.35s");
    EXPECT_EQ(timeReadout(std::nan(""), TimeUnit::Second, 5'000), "");
}

namespace {

struct LabelCase {
    double ms;
    const char* label;
};

class AxisLabels : public ::testing::TestWithParam<LabelCase> {};

} // namespace

TEST_P(AxisLabels, PickTheUnitFromTheSize) {
    EXPECT_EQ(axisLabel(GetParam().ms), GetParam().label);
}

INSTANTIATE_TEST_SUITE_P(Table, AxisLabels,
                         ::testing::Values(LabelCase{0, "0ms"}, LabelCase{200, "200ms"},
                                           LabelCase{1000, "1000ms"}, LabelCase{2.5, "2.5ms"},
                                           LabelCase{9999, "9999ms"}, LabelCase{10'000, "10s"},
                                           LabelCase{12'500, "12.5s"}, LabelCase{600'000, "10min"},
                                           LabelCase{3'750'000, "62.5min"},
                                           LabelCase{20'000'000, "5.56h"},
                                           LabelCase{100'000'000, "27.78h"}),
                         [](const auto& info) {
                             std::string name = std::string("Is_") + info.param.label;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c)))
                                     c = '_';
                             return name;
                         });

TEST(TimeToPixel, MapsTheAxisOntoTheTrack) {
    EXPECT_DOUBLE_EQ(timeToX(0, 1000, 800), 0);
    EXPECT_DOUBLE_EQ(timeToX(150, 1000, 800), 120);
    EXPECT_DOUBLE_EQ(timeToX(1000, 1000, 800), 800);
    EXPECT_DOUBLE_EQ(xToTime(120, 1000, 800), 150);
    EXPECT_DOUBLE_EQ(xToTime(timeToX(437, 1250, 613), 1250, 613), 437);
}
