#include "view/axis.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace coroscope {

double unitMs(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Millisecond:
        return 1;
    case TimeUnit::Second:
        return 1'000;
    case TimeUnit::Minute:
        return 60'000;
    case TimeUnit::Hour:
        return 3'600'000;
    case TimeUnit::Day:
        return 86'400'000;
    }
    return 1;
}

const char* unitSymbol(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Millisecond:
        return "ms";
    case TimeUnit::Second:
        return "s";
    case TimeUnit::Minute:
        return "min";
    case TimeUnit::Hour:
        return "h";
    case TimeUnit::Day:
        return "d";
    }
    return "ms";
}

namespace {

// One step of the list: so many units (a whole number from 1 ms up).
struct FixedStep {
    std::uint64_t count;
    TimeUnit unit;
};

// The list from 1 ms to 12 h; days follow as 1 2 5 × 10^k.
constexpr std::array<FixedStep, 30> kFixedSteps{{
    {1, TimeUnit::Millisecond},   {2, TimeUnit::Millisecond},   {5, TimeUnit::Millisecond},
    {10, TimeUnit::Millisecond},  {20, TimeUnit::Millisecond},  {25, TimeUnit::Millisecond},
    {50, TimeUnit::Millisecond},  {100, TimeUnit::Millisecond}, {200, TimeUnit::Millisecond},
    {250, TimeUnit::Millisecond}, {500, TimeUnit::Millisecond}, {1, TimeUnit::Second},
    {2, TimeUnit::Second},        {5, TimeUnit::Second},        {10, TimeUnit::Second},
    {15, TimeUnit::Second},       {20, TimeUnit::Second},       {30, TimeUnit::Second},
    {1, TimeUnit::Minute},        {2, TimeUnit::Minute},        {5, TimeUnit::Minute},
    {10, TimeUnit::Minute},       {15, TimeUnit::Minute},       {20, TimeUnit::Minute},
    {30, TimeUnit::Minute},       {1, TimeUnit::Hour},          {2, TimeUnit::Hour},
    {3, TimeUnit::Hour},          {6, TimeUnit::Hour},          {12, TimeUnit::Hour},
}};

constexpr std::array<std::uint64_t, 3> kDayMantissas{1, 2, 5};

// Below 1 ms, largest first, as mantissa / 10^decimals: 0.5 0.25 0.2 0.1 … 0.001. 1 µs is
// the floor: a window never gets below 1 ms, this only bounds the search for a tiny span.
struct SubMsStep {
    double mantissa;
    double divisor;
};
constexpr std::array<SubMsStep, 12> kSubMsSteps{{{5, 10},
                                                 {25, 100},
                                                 {2, 10},
                                                 {1, 10},
                                                 {5, 100},
                                                 {25, 1000},
                                                 {2, 100},
                                                 {1, 100},
                                                 {5, 1000},
                                                 {25, 10000},
                                                 {2, 1000},
                                                 {1, 1000}}};

// A step of the whole list, as a double: its size in its unit and in ms.
struct Step {
    double inUnit;
    TimeUnit unit;
    double ms() const { return inUnit * unitMs(unit); }
};

// index < 0: below 1 ms (−1 = 0.5 ms, down to −12 = 1 µs); 0..29: kFixedSteps; ≥ 30: days.
constexpr int kSmallestStepIndex = -int(kSubMsSteps.size());

Step stepAt(int index) {
    if (index < 0) {
        // Division by a power of ten rounds once: 1 / 10 is the double nearest 0.1.
        const SubMsStep& s = kSubMsSteps[std::size_t(-index - 1)];
        return {s.mantissa / s.divisor, TimeUnit::Millisecond};
    }
    if (index < int(kFixedSteps.size())) {
        const FixedStep& s = kFixedSteps[std::size_t(index)];
        return {double(s.count), s.unit};
    }
    const int dayIndex = index - int(kFixedSteps.size());
    double power = 1;
    for (int k = 0; k < dayIndex / 3; ++k)
        power *= 10;
    return {double(kDayMantissas[std::size_t(dayIndex % 3)]) * power, TimeUnit::Day};
}

// The step at index ≥ 0 in whole ms, or nothing once it no longer fits 64 bits.
bool wholeStepMs(int index, std::uint64_t& ms) {
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t count = 0;
    TimeUnit unit = TimeUnit::Day;
    if (index < int(kFixedSteps.size())) {
        count = kFixedSteps[std::size_t(index)].count;
        unit = kFixedSteps[std::size_t(index)].unit;
    } else {
        const int dayIndex = index - int(kFixedSteps.size());
        count = kDayMantissas[std::size_t(dayIndex % 3)];
        for (int k = 0; k < dayIndex / 3; ++k) {
            if (count > kMax / 10)
                return false;
            count *= 10;
        }
    }
    const auto perUnit = std::uint64_t(unitMs(unit));
    if (count > kMax / perUnit)
        return false;
    ms = count * perUnit;
    return true;
}

// value with at most `decimals` decimals, trailing zeros and a "-0" dropped. Digits beyond
// the 15th significant one are noise in a double, so fewer decimals for large values.
std::string formatNumber(double value, int decimals) {
    const double magnitude = std::fabs(value);
    if (magnitude >= 1) {
        const int integerDigits = int(std::floor(std::log10(magnitude))) + 1;
        decimals = std::clamp(15 - integerDigits, 0, decimals);
    }
    char buffer[400]; // %f of the largest double is 309 digits before the point
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    return text;
}

// Ticks of a step: every k × step within [from, to], k whole. The tolerance admits the ends
// despite rounding in from / to (which grows with their size relative to the step).
std::vector<double> multiplesWithin(double from, double to, double step) {
    const double first = from / step;
    const double last = to / step;
    const double slack = 1e-9 + 1e-14 * std::max(std::fabs(first), std::fabs(last));
    std::vector<double> ticks;
    const double kFirst = std::ceil(first - slack);
    const double kLast = std::floor(last + slack);
    // At most 7 by the step rule; the bound is for a span that rounding made bigger.
    for (double k = kFirst; k <= kLast && ticks.size() < 64; k += 1) {
        ticks.push_back(k == 0 ? 0.0 : k * step);
        if (k + 1 == k)
            break; // beyond 2^53 steps from 0: no next whole number in a double
    }
    return ticks;
}

} // namespace

std::vector<double> AxisScale::ticks() const {
    if (!(step > 0) || !(end >= 0) || !std::isfinite(step) || !std::isfinite(end))
        return {0};
    // An end that is a whole number of steps; the cap guards a step far smaller than end.
    double intervals = std::min(std::round(end / step), 10'000.0);
    if (end > 0)
        intervals = std::max(intervals, 1.0); // 0 and end at least
    std::vector<double> result;
    for (double k = 0; k < intervals; k += 1)
        result.push_back(k * step);
    result.push_back(end);
    return result;
}

std::vector<std::string> AxisScale::labels() const {
    std::vector<std::string> result;
    for (double tick : ticks())
        result.push_back(tickLabel(tick, unit));
    return result;
}

AxisScale axisFor(std::int64_t makespanMs) {
    if (makespanMs <= 0)
        return {1, 5, TimeUnit::Millisecond};
    // ceil(1.1 × makespan), exact in integers: 64 unsigned bits hold 1.1 × INT64_MAX.
    const auto m = std::uint64_t(makespanMs);
    const std::uint64_t target = m + m / 10 + (m % 10 != 0 ? 1 : 0);
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

    struct Choice {
        std::uint64_t end;
        int n;
        std::uint64_t step;
        int index;
    };
    // Better: smaller end, then n = 5, then the smaller step.
    const auto better = [](const Choice& a, const Choice& b) {
        if (a.end != b.end)
            return a.end < b.end;
        if ((a.n == 5) != (b.n == 5))
            return a.n == 5;
        return a.step < b.step;
    };
    bool found = false;
    Choice best{};
    std::uint64_t previous = 0; // the step before (below 1 ms for the first: never in the way)
    for (int index = 0;; ++index) {
        std::uint64_t step = 0;
        if (!wholeStepMs(index, step))
            break; // every later end overflows too: larger than any end found
        if (found && step > best.end / 4)
            break; // 4 × this step (the smallest end it gives) is beyond the best
        for (int n = 4; n <= 6; ++n) {
            if (step > kMax / std::uint64_t(n))
                break;
            const std::uint64_t end = step * std::uint64_t(n);
            if (end < target)
                continue;
            // ticksFor(0, end) would tick every `previous` if end ≤ 6 × previous.
            if (previous != 0 && previous > (end - 1) / 6)
                continue;
            const Choice candidate{end, n, step, index};
            if (!found || better(candidate, best)) {
                best = candidate;
                found = true;
            }
            break; // a larger n only makes a larger end with this step
        }
        previous = step;
    }
    // The list reaches 2 × 10^11 days within 64 bits, beyond 1.1 × INT64_MAX ms: always found.
    const Step step = stepAt(best.index);
    return {double(best.step), double(best.end), step.unit};
}

TickSet ticksFor(double fromMs, double toMs) {
    TickSet result;
    if (!std::isfinite(fromMs) || !std::isfinite(toMs))
        return result;
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    const double span = toMs - fromMs;
    if (!std::isfinite(span))
        return result; // from −max to +max
    // The relative slack lets a span that rounding made a hair too long keep its step.
    int index = kSmallestStepIndex;
    while (span / stepAt(index).ms() > 6 * (1 + 1e-9))
        ++index;
    const Step step = stepAt(index);
    result.step = step.ms();
    result.unit = step.unit;
    result.ticks = multiplesWithin(fromMs, toMs, result.step);
    for (double tick : result.ticks)
        result.labels.push_back(tickLabel(tick, result.unit));
    return result;
}

std::string tickLabel(double ms, TimeUnit unit) {
    if (!std::isfinite(ms))
        return {};
    // 6 decimals hold every multiple of the smallest step (1 µs) and drop k × step's noise.
    return formatNumber(ms / unitMs(unit), 6) + unitSymbol(unit);
}

std::string timeReadout(double ms, TimeUnit unit, double stepMs) {
    if (!std::isfinite(ms))
        return {};
    const double stepInUnit = stepMs / unitMs(unit);
    int decimals = 0;
    double scaled = stepInUnit;
    // The slack keeps 1 ms (× 100 = 100 after rounding) at 2 decimals, not 3.
    while (decimals < 3 && !(scaled >= 100 * (1 - 1e-9))) {
        scaled *= 10;
        ++decimals;
    }
    return formatNumber(ms / unitMs(unit), decimals) + unitSymbol(unit);
}

std::string timeReadout(double ms, const TickSet& ticks) {
    return timeReadout(ms, ticks.unit, ticks.step);
}

std::string axisLabel(double ms) {
    if (ms < 10'000)
        return formatNumber(std::round(ms * 100) / 100, 2) + "ms";
    if (ms < 600'000)
        return formatNumber(std::round(ms / 1000 * 100) / 100, 2) + "s";
    if (ms < 3 * 3'600'000.0)
        return formatNumber(std::round(ms / 60'000 * 100) / 100, 2) + "min";
    return formatNumber(std::round(ms / 3'600'000 * 100) / 100, 2) + "h";
}

} // namespace coroscope
