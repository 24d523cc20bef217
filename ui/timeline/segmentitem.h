#pragma once

// One step of one task on its track: appears when it starts and grows with virtual time
// until it ends.

#include "segment.h"
#include "timeline/softshadow.h"
#include "timeline/timelineitems.h"

namespace coroscope {

class SegmentItem final : public RectItem {
public:
    enum { Type = kSegmentItemType };
    SegmentItem(const Segment& segment, const QString& taskName);
    int type() const override { return Type; }

    const Segment& segment() const { return segment_; }
    // The virtual time up to which the segment is drawn (its end once finished).
    double shownUntil() const { return shownUntil_; }
    void setShownUntil(double ms) { shownUntil_ = ms; }
    // Places the pill on its track for the current time; call after a time or layout change.
    void place(const QRectF& track, double axisEnd);
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

    // Index in the scene's list of growing segments (-1 when not growing).
    int growingIndex = -1;

protected:
    double overhang() const override;

private:
    ShadowSpec shadow() const;

    Segment segment_;
    double shownUntil_;
};

} // namespace coroscope
