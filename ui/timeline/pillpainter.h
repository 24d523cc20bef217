#pragma once

// The coloured pill of a step kind: a 135° gradient with a soft shadow. Segments and legend
// swatches share it.

#include "stepkind.h"
#include "timeline/softshadow.h"

#include <QRectF>

class QPainter;

namespace coroscope {

inline const ShadowSpec kSegmentShadow{6, 14, QColor(0, 0, 0, int(0.08 * 255))};
inline const ShadowSpec kSwatchShadow{2, 6, QColor(0, 0, 0, int(0.06 * 255))};

// A CSS 135° linear gradient over rect: the first colour at the top-left corner's
// projection, the second at the bottom-right's.
void paintKindPill(QPainter* painter, const QRectF& rect, StepKind kind, const ShadowSpec& shadow);

} // namespace coroscope
