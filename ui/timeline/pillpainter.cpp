#include "timeline/pillpainter.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPen>

#include <algorithm>

namespace coroscope {

ShadowSpec segmentShadow(double rowHeight, const QColor& color) {
    const double k = std::min(1.0, rowHeight / style::kRowHeight);
    return {kSegmentShadow.offsetY * k, kSegmentShadow.blur * k, color};
}

void paintReadyPill(QPainter* painter, const QRectF& rect, const style::Theme& theme) {
    if (rect.width() <= 0)
        return;
    const double radius = std::min(rect.width(), rect.height()) / 2;
    QColor fill = theme.mutedText;
    fill.setAlphaF(0.14);
    QColor hatch = theme.mutedText;
    hatch.setAlphaF(0.55);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, radius, radius);
    QBrush lines(hatch, Qt::BDiagPattern);
    // The pattern sits on device pixels: the same lines whatever the pill's place.
    lines.setTransform(QTransform::fromScale(1 / painter->deviceTransform().m11(),
                                             1 / painter->deviceTransform().m22()));
    painter->setBrush(lines);
    painter->drawRoundedRect(rect, radius, radius);
}

void paintMeasuredOutline(QPainter* painter, const QRectF& rect, const style::Theme& theme) {
    constexpr double kLine = 2;
    QColor ink = theme.title;
    ink.setAlphaF(0.85);
    const QRectF inner = rect.adjusted(kLine / 2, kLine / 2, -kLine / 2, -kLine / 2);
    if (inner.width() < kLine) { // too thin for an outline: a solid line keeps it visible
        painter->fillRect(
            QRectF(rect.left(), rect.top(), std::max(rect.width(), 1.0), rect.height()), ink);
        return;
    }
    QPen pen(ink, kLine);
    constexpr double kDashedFrom = 12; // dashes on a shorter outline read as noise
    if (inner.width() >= kDashedFrom)
        pen.setDashPattern({3, 2}); // in line widths
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const double radius = std::min(inner.width(), inner.height()) / 2;
    painter->drawRoundedRect(inner, radius, radius);
}

void paintKindPill(QPainter* painter, const QRectF& rect, const style::KindColors& colors,
                   const ShadowSpec& shadow) {
    if (rect.width() <= 0)
        return; // a segment that has only just started
    // Rounded by half the height; CSS clamps radii to half the shorter side.
    const double radius = std::min(rect.width(), rect.height()) / 2;
    if (rect.width() >= 1)
        paintSoftShadow(painter, rect, radius, shadow);
    // The gradient line runs through the centre at 135°; its half length is (w + h) / 4 along
    // each axis, so the corners get the end colours.
    const double half = (rect.width() + rect.height()) / 4;
    const QPointF c = rect.center();
    QLinearGradient gradient(c - QPointF(half, half), c + QPointF(half, half));
    gradient.setColorAt(0, colors.from);
    gradient.setColorAt(1, colors.to);
    painter->setPen(Qt::NoPen);
    painter->setBrush(gradient);
    if (rect.width() < 1) // thinner than a pixel: a hairline keeps it visible
        painter->fillRect(QRectF(rect.left(), rect.top(), 1, rect.height()), colors.to);
    else
        painter->drawRoundedRect(rect, radius, radius);
}

} // namespace coroscope
