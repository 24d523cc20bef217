#include "export/gifpalette.h"

#include <algorithm>
#include <array>
#include <limits>

namespace coroscope {

namespace {

struct Counted {
    std::array<int, 3> rgb;
    std::uint64_t pixels;
};

// The colours of one box of the cut: a range of a vector that is reordered as boxes split.
struct Box {
    std::size_t begin, end;
    // The channel whose values spread widest, and how wide.
    int channel = 0;
    int spread = 0;
};

void measure(Box& box, const std::vector<Counted>& colours) {
    std::array<int, 3> low{255, 255, 255}, high{0, 0, 0};
    for (std::size_t i = box.begin; i < box.end; ++i)
        for (int c = 0; c < 3; ++c) {
            low[c] = std::min(low[c], colours[i].rgb[c]);
            high[c] = std::max(high[c], colours[i].rgb[c]);
        }
    box.spread = -1;
    for (int c = 0; c < 3; ++c)
        if (high[c] - low[c] > box.spread) {
            box.spread = high[c] - low[c];
            box.channel = c;
        }
}

// The box's pixels' mean colour.
QRgb meanOf(const Box& box, const std::vector<Counted>& colours) {
    std::array<double, 3> sum{};
    double pixels = 0;
    for (std::size_t i = box.begin; i < box.end; ++i) {
        for (int c = 0; c < 3; ++c)
            sum[c] += double(colours[i].rgb[c]) * double(colours[i].pixels);
        pixels += double(colours[i].pixels);
    }
    const auto channel = [&](int c) { return int(sum[c] / pixels + 0.5); };
    return qRgb(channel(0), channel(1), channel(2));
}

// Splits the box at the median pixel along its widest channel; both halves keep a colour.
Box split(Box& box, std::vector<Counted>& colours) {
    const auto first = colours.begin() + std::ptrdiff_t(box.begin);
    const auto last = colours.begin() + std::ptrdiff_t(box.end);
    const int channel = box.channel;
    std::sort(first, last, [channel](const Counted& a, const Counted& b) {
        return a.rgb[channel] < b.rgb[channel];
    });
    std::uint64_t total = 0;
    for (auto it = first; it != last; ++it)
        total += it->pixels;
    std::uint64_t below = 0;
    std::size_t middle = box.begin;
    while (middle + 1 < box.end && below + colours[middle].pixels <= total / 2)
        below += colours[middle++].pixels;
    middle = std::clamp(middle, box.begin + 1, box.end - 1);
    Box upper{middle, box.end};
    box.end = middle;
    measure(box, colours);
    measure(upper, colours);
    return upper;
}

int distance(QRgb a, QRgb b) {
    const int r = qRed(a) - qRed(b), g = qGreen(a) - qGreen(b), bl = qBlue(a) - qBlue(b);
    return r * r + g * g + bl * bl;
}

} // namespace

void ColourCount::add(const QImage& band, int rows) {
    const QImage opaque =
        band.format() == QImage::Format_RGB32 ? band : band.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rows; ++y) {
        const auto* pixels = reinterpret_cast<const QRgb*>(opaque.constScanLine(y));
        for (int x = 0; x < opaque.width(); ++x)
            ++counts_[pixels[x] | 0xff000000u];
    }
}

GifPalette::GifPalette(const ColourCount& counted) {
    std::vector<Counted> colours;
    colours.reserve(counted.counts().size());
    for (const auto& [rgb, pixels] : counted.counts())
        colours.push_back({{qRed(rgb), qGreen(rgb), qBlue(rgb)}, pixels});
    if (colours.empty())
        colours.push_back({{255, 255, 255}, 1});
    std::vector<Box> boxes{{0, colours.size()}};
    measure(boxes.front(), colours);
    // The widest box splits next, until there are enough or every box holds one colour.
    while (boxes.size() < std::size_t(kMaxColours)) {
        const auto widest =
            std::max_element(boxes.begin(), boxes.end(),
                             [](const Box& a, const Box& b) { return a.spread < b.spread; });
        if (widest->spread == 0)
            break;
        const Box upper = split(*widest, colours);
        boxes.push_back(upper);
    }
    for (const Box& box : boxes)
        colours_.push_back(meanOf(box, colours));
}

std::uint8_t GifPalette::indexOf(QRgb pixel) {
    pixel |= 0xff000000u;
    if (const auto known = nearest_.find(pixel); known != nearest_.end())
        return known->second;
    std::size_t best = 0;
    int bestDistance = std::numeric_limits<int>::max();
    for (std::size_t i = 0; i < colours_.size() && bestDistance > 0; ++i)
        if (const int d = distance(pixel, colours_[i]); d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    return nearest_[pixel] = std::uint8_t(best);
}

} // namespace coroscope
