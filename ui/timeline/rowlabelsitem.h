#pragma once

// The tasks' names beside their tracks, as one item painting the rows in view: right-aligned,
// cut with "…" where the label column is too narrow. A run whose tasks spawn others shows the
// tree instead: names left-aligned, indented by depth, a disclosure triangle before each
// parent's name; pressing a parent's label folds or unfolds its subtree.

#include "timeline/timelineitems.h"

#include <cstdint>
#include <vector>

namespace coroscope {

class TimelineScene;
struct SceneText;

// How far a label of the tree stands in from the column's left: its depth's indent (deep
// chains stop indenting after a few steps) and the triangle's room.
double labelIndent(std::uint32_t depth);

class RowLabelsItem final : public RectItem {
public:
    enum { Type = kRowLabelsItemType };
    explicit RowLabelsItem(TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override;
    // The label of rows [first, last) as drawn.
    std::vector<SceneText> labels(int first, int last) const;
    // Explain mode: the label of the loop's lane above the rows.
    SceneText loopLabel() const;
    // The disclosure triangle of a row's task, pointing right when folded, down when open;
    // empty for a task without children.
    QPolygonF triangle(int row) const;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    TimelineScene& scene_; // told of folds
};

} // namespace coroscope
