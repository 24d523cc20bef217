#pragma once

// The tasks' names beside their tracks, as one item painting the rows in view: right-aligned,
// cut with "…" where the label column is too narrow.

#include "timeline/timelineitems.h"

#include <vector>

namespace coroscope {

class TimelineScene;
struct SceneText;

class RowLabelsItem final : public RectItem {
public:
    enum { Type = kRowLabelsItemType };
    explicit RowLabelsItem(const TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override;
    // The label of rows [first, last) as drawn.
    std::vector<SceneText> labels(int first, int last) const;
    // Explain mode: the label of the loop's lane above the rows.
    SceneText loopLabel() const;

private:
    const TimelineScene& scene_;
};

} // namespace coroscope
