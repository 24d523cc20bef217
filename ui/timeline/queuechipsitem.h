#pragma once

// Explain mode, beside the playhead's time: the tasks in the ready queue at that moment, as
// chips in queue order (front first); as many as fit, then how many more.

#include "timeline/timelineitems.h"

namespace coroscope {

class TimelineScene;

class QueueChipsItem final : public RectItem {
public:
    enum { Type = kQueueChipsItemType };
    explicit QueueChipsItem(const TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;
    // What the chips say now: "Ready queue:" then the names shown, then "+N more" if any.
    QStringList shownText() const;

private:
    const TimelineScene& scene_;
};

} // namespace coroscope
