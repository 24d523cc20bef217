#pragma once

// The spawn and join arrows over the rows, as one item: it draws those that reach into the
// exposed rectangle, each once the animation has got to its end (a spawn's when the child
// first runs, a join's when the parent wakes). Spawns are solid, joins dashed.

#include "timeline/timelineitems.h"
#include "view/flowarrows.h"

#include <QPointF>

#include <vector>

namespace coroscope {

class TimelineScene;

// An arrow as drawn: from its tail to the tip of its head, in scene coordinates.
struct ShownArrow {
    FlowArrow arrow;
    QPointF tail;
    QPointF head;
};

class ArrowsItem final : public RectItem {
public:
    enum { Type = kArrowsItemType };
    explicit ArrowsItem(const TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override;
    // The arrows drawn now whose box meets area (all of them for a null one).
    std::vector<ShownArrow> shown(const QRectF& area = {}) const;

private:
    const TimelineScene& scene_;
};

} // namespace coroscope
