#pragma once

// The colours of an animated GIF: at most 256, chosen once from sample frames of the card
// and used by every frame, so that a colour never flickers from one frame to the next. A
// card has few flat colours and many anti-aliased blends between them: a median cut over
// the colours counted keeps each flat colour exact and spends what is left on the blends.

#include <QImage>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace coroscope {

// How many pixels of each colour the sample frames have (fed a band of rows at a time).
class ColourCount {
public:
    void add(const QImage& band, int rows);
    const std::unordered_map<QRgb, std::uint64_t>& counts() const { return counts_; }

private:
    std::unordered_map<QRgb, std::uint64_t> counts_;
};

class GifPalette {
public:
    static constexpr int kMaxColours = 256;

    // All the colours counted when they are few enough, else a median cut of them.
    explicit GifPalette(const ColourCount& counted);

    // Opaque colours, at most kMaxColours, at least one.
    const std::vector<QRgb>& colours() const { return colours_; }
    // The index of the colour nearest to pixel (its alpha ignored); remembered, as frames
    // repeat the same few colours over and over.
    std::uint8_t indexOf(QRgb pixel);

private:
    std::vector<QRgb> colours_;
    std::unordered_map<QRgb, std::uint8_t> nearest_;
};

} // namespace coroscope
