#include "timeline/segmentitem.h"

#include "axis.h"
#include "bridge/qtext.h"
#include "stepkind.h"
#include "timeline/pillpainter.h"
#include "timeline/timelinestyle.h"

#include <QPainter>
#include <QPen>

#include <algorithm>

namespace coroscope {

QString describeSegment(const Segment& s, const QString& taskName) {
    // One multi-argument arg(), so that a "%2" in a task name stays as typed.
    return QStringLiteral("%1, step %2: %3\n%4 ms to %5 ms (%6 ms)")
        .arg(taskName, QString::number(s.step + 1), toQString(kindLabel(s.kind)),
             QString::number(s.start), QString::number(s.end), QString::number(s.duration()));
}

SegmentItem::SegmentItem(const Segment& segment)
    : segment_(segment)
    , shownUntil_(double(segment.start)) {}

void SegmentItem::place(const QRectF& track, double axisEnd) {
    const double until = std::clamp(shownUntil_, double(segment_.start), double(segment_.end));
    const double left = track.left() + timeToX(double(segment_.start), axisEnd, track.width());
    const double right = track.left() + timeToX(until, axisEnd, track.width());
    setRect(QRectF(left, track.top(), right - left, track.height()));
}

// The segment shadow (6 px down, 14 px blur) is sized for 48 px rows; dense rows get a
// proportionally smaller one, so that it does not spill onto the next row.
ShadowSpec SegmentItem::shadow(const QColor& color) const {
    const double k = std::min(1.0, rect().height() / style::kRowHeight);
    return {kSegmentShadow.offsetY * k, kSegmentShadow.blur * k, color};
}

void SegmentItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const style::Theme& theme = themeOf(this);
    paintKindPill(painter, rect(), theme.kindColors(segment_.kind), shadow(theme.segmentShadow));
    if (!highlighted_)
        return;
    // A ring just outside the pill, in the title's colour: seen on any kind, in any theme.
    const QRectF ring = rect().adjusted(-2, -2, 2, 2);
    painter->setPen(QPen(theme.title, 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(ring, ring.height() / 2, ring.height() / 2);
}

void SegmentItem::setHighlighted(bool on) {
    if (on == highlighted_)
        return;
    highlighted_ = on;
    update();
}

double SegmentItem::overhang() const {
    const ShadowSpec spec = shadow();
    return shadowReach(spec) + spec.offsetY;
}

} // namespace coroscope
