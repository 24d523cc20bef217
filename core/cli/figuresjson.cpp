#include "cli/figuresjson.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string_view>
#include <system_error>

namespace coroscope {

namespace {

template <typename Number> std::string text(Number number) {
    char digits[32];
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, number);
    return std::string(digits, end.ptr);
}

// A double as Qt's JSON writer writes it: a whole number up to 2^53 as an integer; any other
// in its shortest exact digits, as a decimal unless the exponent form ("1e+16", "1e-07") is
// shorter; infinity and NaN, which JSON lacks, as null.
std::string doubleText(double number) {
    if (!std::isfinite(number))
        return "null";
    constexpr double kExactWhole = 9007199254740992.0; // 2^53
    if (number == std::trunc(number) && std::fabs(number) <= kExactWhole)
        return text(std::int64_t(number));
    char buffer[32];
    const std::to_chars_result end =
        std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific);
    const std::string_view scientific(buffer, std::size_t(end.ptr - buffer)); // -d.ddde-XX
    std::string sign(scientific.front() == '-' ? "-" : "");
    const std::string_view unsignedPart = scientific.substr(sign.size());
    const std::size_t e = unsignedPart.find('e');
    std::string digits(unsignedPart.substr(0, e));
    if (digits.size() > 1)
        digits.erase(1, 1); // the point
    int exponent = 0;
    std::from_chars(unsignedPart.data() + e + 1 + (unsignedPart[e + 1] == '+'),
                    unsignedPart.data() + unsignedPart.size(), exponent);
    const int decimalPoint = exponent + 1; // digits before the point
    const int count = int(digits.size());
    // Qt's choice, the shorter form (decimal on a tie): the exponent form adds "e+" and two
    // digits at least, and a point where it has more than one digit; the decimal form adds
    // "0." and zeros before small numbers, zeros after large ones.
    constexpr int kExponentLength = 4;
    const bool decimal = decimalPoint <= 0 ? 1 - decimalPoint <= kExponentLength
                         : decimalPoint <= count
                             ? true
                             : decimalPoint <= count + kExponentLength + (count > 1 ? 1 : 0);
    if (!decimal) {
        std::string mantissa = digits.substr(0, 1);
        if (count > 1)
            mantissa.append(".").append(digits, 1);
        const std::string power = std::to_string(std::abs(exponent));
        return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (power.size() < 2 ? "0" : "") +
               power;
    }
    if (decimalPoint <= 0)
        return sign + "0." + std::string(std::size_t(-decimalPoint), '0') + digits;
    if (decimalPoint >= count)
        return sign + digits + std::string(std::size_t(decimalPoint - count), '0');
    return sign + digits.insert(std::size_t(decimalPoint), ".");
}

} // namespace

std::string figuresJson(const Figures& figures) {
    // A map: the keys come out sorted, as a JSON object's do in Qt. Resource names are
    // a-z, 0-9 and _ (the scenario rules), so keys need no escaping.
    std::map<std::string, std::string, std::less<>> members{
        {"makespan_ms", text(figures.makespanMs)},
        {"cpu_busy_ms", text(figures.cpuBusyMs)},
        {"cpu_busy_pct", doubleText(figures.cpuBusyPct)},
        {"sequential_ms", text(figures.sequentialMs)},
        {"speedup", doubleText(figures.speedup)},
        {"tasks", text(figures.tasks)},
        {"segments", text(figures.segments)},
    };
    if (figures.loop.shown) { // version 2: latencies and queue peaks
        const LoopFigures& loop = figures.loop;
        members["latency_p50_ms"] = text(loop.latencyP50Ms);
        members["latency_p95_ms"] = text(loop.latencyP95Ms);
        members["latency_p99_ms"] = text(loop.latencyP99Ms);
        members["latency_max_ms"] = text(loop.latencyMaxMs);
        for (const QueuePeak& peak : loop.mostQueued)
            members["max_queued_" + peak.name] = text(peak.most);
    }
    std::string json = "{";
    for (const auto& [key, value] : members)
        json.append(json.size() > 1 ? ",\"" : "\"").append(key).append("\":").append(value);
    return json + "}";
}

} // namespace coroscope
