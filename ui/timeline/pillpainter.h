#pragma once

// The coloured pill of a step kind: a 135° gradient with a soft shadow. Segments and legend
// swatches share it.

#include "timeline/softshadow.h"
#include "timeline/timelinestyle.h"

#include <QRectF>

class QPainter;

namespace coroscope {

// Offsets and blurs; the colours come from the theme.
inline const ShadowSpec kSegmentShadow{6, 14, {}};
inline const ShadowSpec kSwatchShadow{2, 6, {}};

// The segment shadow (6 px down, 14 px blur) is sized for 48 px rows; dense rows get a
// proportionally smaller one, so that it does not spill onto the next row.
ShadowSpec segmentShadow(double rowHeight, const QColor& color);

// A task ready but kept waiting for the loop: a light, hatched pill in the muted text colour
// (light enough that the segments stay what the eye follows).
void paintReadyPill(QPainter* painter, const QRectF& rect, const style::Theme& theme);

// The time a step queued for a slot of its resource (or a worker of the pool): a pale,
// hatched pill outlined in the kind's colour, so that it reads as "not yet running" beside
// the kind's solid pills.
void paintQueuedPill(QPainter* painter, const QRectF& rect, const style::KindColors& colors);

// A join: a thin rounded line along the middle of the track, in the kind's colour (the task
// is only waiting for others).
void paintJoinLine(QPainter* painter, const QRectF& rect, const style::KindColors& colors);

// A segment as measured under real asyncio: a dashed outline in the title's colour just inside
// rect, which reads over any kind's pill and over the bare track alike (solid when too short
// for dashes, a line when too thin for an outline).
void paintMeasuredOutline(QPainter* painter, const QRectF& rect, const style::Theme& theme);

// A CSS 135° linear gradient over rect: the first colour at the top-left corner's
// projection, the second at the bottom-right's.
void paintKindPill(QPainter* painter, const QRectF& rect, const style::KindColors& colors,
                   const ShadowSpec& shadow);

} // namespace coroscope
