#pragma once

// CSS-like box shadows painted from cached blurred images: a QGraphicsEffect per item is far
// too slow for thousands of segments.

#include <QColor>
#include <QRectF>

class QPainter;

namespace coroscope {

// box-shadow: 0 offsetY blur color
struct ShadowSpec {
    double offsetY;
    double blur;
    QColor color;
};

// Paints the shadow of a rounded rectangle (radius r) under it. The shape must then be painted
// opaque on top: the shadow's middle, hidden under it, is skipped.
void paintSoftShadow(QPainter* painter, const QRectF& shape, double radius, const ShadowSpec& spec);

// How far the shadow reaches beyond the shape, for bounding rectangles.
double shadowReach(const ShadowSpec& spec);

} // namespace coroscope
