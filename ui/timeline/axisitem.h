#pragma once

// The ruler: tick labels over the tracks and the axis line, for the scene's window of time.
// While rows scroll under it, it stays at the top of the view on a band of the card's colour,
// the card's title on it (a compact header) once the title itself has scrolled away.

#include "timeline/timelineitems.h"

#include <optional>
#include <vector>

namespace coroscope {

class TimelineScene;
struct SceneText;

class AxisItem final : public RectItem {
public:
    enum { Type = kAxisItemType };
    explicit AxisItem(const TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;
    // The tick labels as drawn, in scene coordinates, and the pinned title.
    std::vector<SceneText> labels() const;
    // While pinned over scrolled rows: the card's title, small, beside the tick labels.
    std::optional<SceneText> pinnedTitle() const;

private:
    const TimelineScene& scene_;
};

} // namespace coroscope
