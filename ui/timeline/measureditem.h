#pragma once

// A run measured under real asyncio, drawn over the model's rows: each measured segment as a
// dashed outline, and where an await returned after its wait's nominal end (the loop was busy)
// the stretch in between hatched, as Explain mode draws a task ready but waiting for the loop.
// Like LanesItem it is one item for every row that paints only the rows and times in view,
// found by binary search, with outlines too thin to read merged into one.

#include "timeline/timelineitems.h"

#include <cstddef>

namespace coroscope {

class TimelineScene;

class MeasuredItem final : public RectItem {
public:
    enum { Type = kMeasuredItemType };
    explicit MeasuredItem(const TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override;

private:
    // A row's outlines: those of the measured task matched to it (see matchTasks).
    void paintRow(QPainter* painter, int row, std::size_t task, double fromMs, double toMs) const;

    const TimelineScene& scene_;
};

} // namespace coroscope
