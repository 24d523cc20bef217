#include "timeline/arrowsitem.h"

#include "timeline/timelinescene.h"

#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace coroscope {

namespace {

constexpr double kHead = 6; // the head's length and width

} // namespace

ArrowsItem::ArrowsItem(const TimelineScene& scene)
    : scene_(scene) {
    setFlag(ItemUsesExtendedStyleOption); // for the exposed rectangle: only what is in view
}

std::vector<ShownArrow> ArrowsItem::shown(const QRectF& area) const {
    std::vector<ShownArrow> shown;
    if (!scene_.arrowsShown())
        return shown;
    const TimelineLayout& layout = scene_.layout();
    const TimeWindow& window = scene_.window();
    // The times and rows in the area (a little wider: a head reaches beside its tip).
    const double fromMs = area.isNull() ? window.from : layout.timeAt(area.left() - kHead, window);
    const double toMs = area.isNull() ? window.to : layout.timeAt(area.right() + kHead, window);
    const auto [firstRow, lastRow] =
        area.isNull() ? std::pair{0, scene_.rows()} : layout.rowsBetween(area.top(), area.bottom());
    for (const FlowArrow& a : scene_.arrows()) {
        if (double(a.toMs) > scene_.now() || double(std::max(a.fromMs, a.toMs)) < fromMs ||
            double(std::min(a.fromMs, a.toMs)) > toMs)
            continue;
        const int from = scene_.taskRow(a.fromTask), to = scene_.taskRow(a.toTask);
        if (from == to || std::max(from, to) < firstRow || std::min(from, to) >= lastRow)
            continue; // folded into one row, or all of it above or below the area
        // From the edge of one track to the facing edge of the other.
        const QRectF tail = layout.track(from), head = layout.track(to);
        const bool down = to > from;
        shown.push_back(
            {a, QPointF(layout.xAt(double(a.fromMs), window), down ? tail.bottom() : tail.top()),
             QPointF(layout.xAt(double(a.toMs), window), down ? head.top() : head.bottom())});
    }
    return shown;
}

void ArrowsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QRectF exposed = paintedArea(painter, option);
    const std::vector<ShownArrow> arrows = shown(exposed);
    if (arrows.empty())
        return;
    const TimelineLayout& layout = scene_.layout();
    painter->save();
    painter->setClipRect(
        QRectF(layout.trackLeft, exposed.top(), layout.trackWidth, exposed.height()),
        Qt::IntersectClip);
    painter->setRenderHint(QPainter::Antialiasing);
    QColor ink = themeOf(this).title;
    ink.setAlphaF(0.7f);
    for (const ShownArrow& shown : arrows) {
        // An S from the tail down (or up) to the head, arriving straight at the track.
        const double bend = (shown.head.y() - shown.tail.y()) / 2;
        const QPointF beforeHead(shown.head.x(), shown.head.y() - std::copysign(kHead, bend));
        QPainterPath path(shown.tail);
        path.cubicTo(shown.tail + QPointF(0, bend), beforeHead - QPointF(0, bend), beforeHead);
        QPen pen(ink, 1.25);
        if (shown.arrow.kind == FlowArrow::Kind::Join)
            pen.setDashPattern({4, 3});
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        const QPolygonF head{shown.head, beforeHead + QPointF(-kHead / 2, 0),
                             beforeHead + QPointF(kHead / 2, 0)};
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        painter->drawPolygon(head);
    }
    painter->restore();
}

} // namespace coroscope
