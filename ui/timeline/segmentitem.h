#pragma once

// One step of one task on its track: appears when it starts and grows with virtual time
// until it ends. Thousands of these live at once, so an item holds no text: the scene
// describes the one under the pointer when asked.

#include "segment.h"
#include "timeline/softshadow.h"
#include "timeline/timelineitems.h"

#include <QString>

namespace coroscope {

class SegmentItem final : public RectItem {
public:
    enum { Type = kSegmentItemType };
    explicit SegmentItem(const Segment& segment);
    int type() const override { return Type; }

    const Segment& segment() const { return segment_; }
    // The virtual time up to which the segment is drawn (its end once finished).
    double shownUntil() const { return shownUntil_; }
    void setShownUntil(double ms) { shownUntil_ = ms; }
    // Places the pill on its track for the current time; call after a time or layout change.
    void place(const QRectF& track, double axisEnd);
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;
    // Ringed: the step selected in the panel.
    bool highlighted() const { return highlighted_; }
    void setHighlighted(bool on);

    // Index in the scene's list of growing segments (-1 when not growing).
    int growingIndex = -1;

protected:
    double overhang() const override;

private:
    // The colour matters only for painting.
    ShadowSpec shadow(const QColor& color = {}) const;

    Segment segment_;
    double shownUntil_;
    bool highlighted_ = false;
};

// What hovering a segment says, as plain text: "Task 2, step 2: I/O Wait\n250 ms to 370 ms
// (120 ms)".
QString describeSegment(const Segment& segment, const QString& taskName);

} // namespace coroscope
