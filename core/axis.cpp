#include "axis.h"

#include <cmath>
#include <cstdio>

namespace coroscope {

std::vector<double> AxisScale::ticks() const {
    std::vector<double> result;
    for (int i = 0; i <= kAxisIntervals; ++i)
        result.push_back(step * i);
    return result;
}

AxisScale axisFor(std::int64_t makespanMs) {
    const double target = static_cast<double>(makespanMs);
    for (double power = 1;; power *= 10) {
        for (double mantissa : {1.0, 2.0, 2.5, 5.0}) {
            const double step = mantissa * power;
            if (kAxisIntervals * step >= target)
                return {step, kAxisIntervals * step};
        }
    }
}

namespace {

// Up to two decimals, trailing zeros dropped: 2.5, 12, 0.25.
std::string shortNumber(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", std::round(value * 100) / 100);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

} // namespace

std::string axisLabel(double ms) {
    if (ms < 10'000)
        return shortNumber(ms) + "ms";
    if (ms < 600'000)
        return shortNumber(ms / 1000) + "s";
    if (ms < 3 * 3'600'000.0)
        return shortNumber(ms / 60'000) + "min";
    return shortNumber(ms / 3'600'000) + "h";
}

} // namespace coroscope
