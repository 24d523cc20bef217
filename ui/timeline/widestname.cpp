#include "timeline/widestname.h"

#include <algorithm>
#include <array>
#include <vector>

namespace coroscope {

namespace {

// Kerning and rounding may make a name a little narrower or wider than its characters'
// advances added up: names estimated this close to the widest are measured.
constexpr double kSlackPx = 2;

} // namespace

double widestName(const QStringList& names, const QFontMetricsF& metrics) {
    std::array<double, 128> advance{};
    for (std::size_t c = 32; c < advance.size(); ++c)
        advance[c] = metrics.horizontalAdvance(QChar(char16_t(c)));
    struct Estimate {
        double width;
        qsizetype name;
    };
    std::vector<Estimate> estimates;
    estimates.reserve(std::size_t(names.size()));
    double widest = 0;
    for (qsizetype i = 0; i < names.size(); ++i) {
        double width = 0;
        bool plain = true;
        for (const QChar c : names[i]) {
            if (c.unicode() < 32 || c.unicode() >= advance.size()) {
                plain = false;
                break;
            }
            width += advance[c.unicode()];
        }
        if (plain)
            estimates.push_back({width, i});
        else
            widest = std::max(widest, metrics.horizontalAdvance(names[i]));
    }
    // Widest estimate first, measured until no estimate left can come near the widest found.
    std::sort(estimates.begin(), estimates.end(),
              [](const Estimate& a, const Estimate& b) { return a.width > b.width; });
    for (const Estimate& estimate : estimates) {
        if (estimate.width + kSlackPx < widest)
            break;
        widest = std::max(widest, metrics.horizontalAdvance(names[estimate.name]));
    }
    return widest;
}

} // namespace coroscope
