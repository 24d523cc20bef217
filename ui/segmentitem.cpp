#include "segmentitem.h"

#include "axis.h"
#include "pillpainter.h"
#include "stepkind.h"

#include <QPainter>

#include <algorithm>

namespace coroscope {

namespace {

QString describe(const Segment& s, const QString& taskName) {
    const std::string_view kind = kindLabel(s.kind);
    return QStringLiteral("%1, step %2: %3\n%4 ms to %5 ms (%6 ms)")
        .arg(taskName)
        .arg(s.step + 1)
        .arg(QString::fromUtf8(kind.data(), qsizetype(kind.size())))
        .arg(s.start)
        .arg(s.end)
        .arg(s.duration());
}

} // namespace

SegmentItem::SegmentItem(const Segment& segment, const QString& taskName)
    : segment_(segment)
    , shownUntil_(double(segment.start)) {
    setToolTip(describe(segment, taskName));
}

void SegmentItem::place(const QRectF& track, double axisEnd) {
    const double until = std::clamp(shownUntil_, double(segment_.start), double(segment_.end));
    const double left = track.left() + timeToX(double(segment_.start), axisEnd, track.width());
    const double right = track.left() + timeToX(until, axisEnd, track.width());
    setRect(QRectF(left, track.top(), right - left, track.height()));
}

void SegmentItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    paintKindPill(painter, rect(), segment_.kind, kSegmentShadow);
}

double SegmentItem::overhang() const {
    return shadowReach(kSegmentShadow) + kSegmentShadow.offsetY;
}

} // namespace coroscope
