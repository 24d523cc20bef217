#pragma once

// The look, in logical pixels and colours, taken from the book's HTML animation this card is
// modelled on: its CSS values, or where CSS leaves it to the browser (line heights), what
// Chromium laid out with the card 1000 px wide. The tests measure the card against boxes and
// colours read off that animation.

#include "model/stepkind.h"

#include <QColor>
#include <QFont>

#include <cstddef>
#include <vector>

namespace coroscope::style {

inline constexpr double kPagePadding = 20;
inline constexpr double kCardMaxWidth = 1000;
inline constexpr double kCardRadius = 14;
inline constexpr double kCardInset = 37; // 1 px border + 36 px padding

// Heights of one line of text, as a browser lays out Roboto at these sizes.
inline constexpr double kTitleSize = 26, kTitleLine = 30, kTitleGap = 6;
inline constexpr double kSubtitleSize = 14, kSubtitleLine = 16, kSubtitleGap = 20;
inline constexpr double kAxisBand = 70;     // above the first row
inline constexpr double kAxisLabelTop = 16; // within the band
inline constexpr double kAxisLabelSize = 12, kAxisLabelLine = 14;
inline constexpr double kAxisLineTop = 34, kAxisLineHeight = 2;
// The band the ruler covers when pinned: from above its labels to under the playhead's time.
inline constexpr double kRulerBandAbove = 8, kRulerBandBelow = 20;
inline constexpr double kRowLabelWidth = 100, kRowLabelGap = 16, kRowLabelSize = 14;
inline constexpr double kRowHeight = 48, kRowGap = 18; // pills round off by half their height
// Many tasks get dense rows, so that a thousand of them stay a picture one can scroll and
// export (66 px a row would make it 66,000 px tall).
inline constexpr int kDenseRowsFrom = 51;
inline constexpr double kDenseRowHeight = 16, kDenseRowGap = 4, kDenseRowLabelSize = 11;
// Compact rows, for a view too short for the ruler and the rows at full size (two cards
// compared in the default window): every row still in sight, each card telling its own.
inline constexpr double kCompactRowHeight = 28, kCompactRowGap = 8;
// Explain's lanes of slots and workers: a sub-row each (up to kMostSlotRows, in
// core/explain/resourcelanes.h, else one band of how many are in use), over a thin bar of the
// queue's length.
inline constexpr double kSlotRowHeight = 18, kSlotRowGap = 2;
inline constexpr double kQueueBarGap = 3, kQueueBarHeight = 5;
inline constexpr double kLegendGap = 26, kLegendPadding = 18, kLegendSwatch = 20;
inline constexpr double kLegendSwatchGap = 8, kLegendItemGap = 20, kLegendSize = 13;

// The 135° gradient of a kind: from its first colour (top left) to its second.
struct KindColors {
    QColor from;
    QColor to;
    bool operator==(const KindColors&) const = default;
};

// The colours of the card and the page around it. Light is the book's animation; dark keeps
// its layout and the kinds' colours (they are the scenario's: core's KindTable), with light
// text on dark greys. Shadow offsets and blurs
// are the same in both: only their colours differ.
struct Theme {
    QColor page;
    QColor card;
    QColor cardBorder;
    QColor title;
    QColor mutedText; // subtitle, axis and legend labels
    QColor rowLabel;
    QColor rule; // the axis line and the legend's rule
    QColor track;
    QColor cardShadow;
    QColor segmentShadow;
    QColor swatchShadow;

    bool operator==(const Theme&) const = default;

    static const Theme& light();
    static const Theme& dark();
};

inline const QColor kMutedText{0x66, 0x66, 0x66};
// A kind's gradient, as its table gives it, in either theme.
KindColors kindColors(const KindSpec& kind);
// Every kind of a table's, by StepKind.
std::vector<KindColors> kindPalette(const KindTable& kinds);

// Roboto (Debian's fonts-roboto-unhinted) at a pixel size, falling back to the system sans.
QFont font(double pixelSize, bool medium = false);

} // namespace coroscope::style
