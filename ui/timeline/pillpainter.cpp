#include "timeline/pillpainter.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace coroscope {

ShadowSpec segmentShadow(double rowHeight, const QColor& color) {
    const double k = std::min(1.0, rowHeight / style::kRowHeight);
    return {kSegmentShadow.offsetY * k, kSegmentShadow.blur * k, color};
}

namespace {

// A pale fill under diagonal lines, both in one colour, with an optional outline.
void paintHatchedPill(QPainter* painter, const QRectF& rect, QColor color, double fillAlpha,
                      double hatchAlpha, const QPen& outline) {
    if (rect.width() <= 0)
        return;
    const double radius = std::min(rect.width(), rect.height()) / 2;
    QColor fill = color;
    fill.setAlphaF(float(fillAlpha));
    QColor hatch = color;
    hatch.setAlphaF(float(hatchAlpha));
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, radius, radius);
    QBrush lines(hatch, Qt::BDiagPattern);
    // The pattern sits on device pixels: the same lines whatever the pill's place.
    lines.setTransform(QTransform::fromScale(1 / painter->deviceTransform().m11(),
                                             1 / painter->deviceTransform().m22()));
    painter->setBrush(lines);
    painter->setPen(outline);
    const double inset = outline.style() == Qt::NoPen ? 0 : outline.widthF() / 2;
    const QRectF inner = rect.adjusted(inset, inset, -inset, -inset);
    const double innerRadius = std::max(0.0, radius - inset);
    painter->drawRoundedRect(inner, innerRadius, innerRadius);
}

} // namespace

void paintReadyPill(QPainter* painter, const QRectF& rect, const style::Theme& theme) {
    paintHatchedPill(painter, rect, theme.mutedText, 0.14, 0.55, Qt::NoPen);
}

void paintQueuedPill(QPainter* painter, const QRectF& rect, const style::KindColors& colors) {
    if (rect.width() < 1) { // thinner than a pixel: a hairline keeps it visible
        painter->fillRect(QRectF(rect.left(), rect.top(), 1, rect.height()), colors.to);
        return;
    }
    constexpr double kOutline = 1.5;
    QPen outline(rect.width() > 2 * kOutline ? colors.to : QColor(Qt::transparent), kOutline);
    paintHatchedPill(painter, rect, colors.from, 0.16, 0.9, outline);
}

void paintJoinLine(QPainter* painter, const QRectF& rect, const style::KindColors& colors) {
    if (rect.width() <= 0)
        return;
    const double thickness = std::max(2.0, std::round(rect.height() / 8));
    const QRectF line(rect.left(), rect.center().y() - thickness / 2, std::max(rect.width(), 1.0),
                      thickness);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.to);
    painter->drawRoundedRect(line, thickness / 2, thickness / 2);
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
