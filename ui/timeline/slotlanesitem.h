#pragma once

// Explain mode's lanes under the loop's: per resource with a limit its slots, for the thread
// pool its workers. A sub-row per slot (or worker) shows who holds it when, in the resource's
// colour (the thread colour) with the holder's name where it fits; with more slots than
// sub-rows, one band shows how many are in use. Under them a thin bar, the darker the longer
// the queue for a slot. Paints only the time in view, up to the current time.

#include "timeline/timelineitems.h"
#include "view/lanedrawing.h"

#include <QString>

#include <vector>

namespace coroscope {

class TimelineScene;
struct ResourceLane;
struct SceneText;
class SlotLane;

class SlotLanesItem final : public RectItem {
public:
    enum { Type = kSlotLanesItemType };
    explicit SlotLanesItem(TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override;
    // The lanes' labels ("db · 2 slots", "threads · 4") and the holders' names in
    // [fromMs, toMs), as painted.
    std::vector<SceneText> texts(double fromMs, double toMs) const;
    // What hovering a point of the lanes says ("db slot 1: f3 holds it 45–89 ms (44 ms);
    // 2 queued"), or of a lane's label its limit and the longest its queue got; nothing off
    // them or after the current time.
    QString describeAt(QPointF scenePoint) const;

private:
    // The lane's word: the resource's name, or "threads".
    QString nameOf(const ResourceLane& lane) const;
    QString describeLabel(const ResourceLane& lane) const;
    void paintLane(QPainter* painter, int index, const ResourceLane* lane, double fromMs,
                   double toMs) const;
    void paintHolds(QPainter* painter, int index, const ResourceLane& lane, double fromMs,
                    double toMs) const;
    void paintBand(QPainter* painter, int index, const ResourceLane& lane, double fromMs,
                   double toMs) const;
    void paintQueue(QPainter* painter, int index, const ResourceLane& lane, double fromMs,
                    double toMs) const;
    // Scene x of [fromMs, toMs) cut at the current time and just beyond the track's edges.
    std::pair<double, double> shownSpan(double fromMs, double toMs) const;

    TimelineScene& scene_;
    mutable LaneDrawing drawing_; // reused from sub-row to sub-row: no allocation per frame
};

} // namespace coroscope
