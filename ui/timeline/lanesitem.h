#pragma once

// Every task's track and segments, as one item: it paints the rows in view from the run's
// per-task arrays (core/lanedrawing), so a frame costs what the screen holds, not what the run
// holds. Segments a pixel wide or more are the reference's pills; thinner ones merge per
// pixel column into the colours of the kinds they hold, by how much of the column each covers
// (with a floor on their strength).

#include "timeline/softshadow.h"
#include "timeline/timelineitems.h"
#include "view/lanedrawing.h"

#include <span>
#include <vector>

namespace coroscope {

class TimelineScene;
struct SceneText;

class LanesItem final : public RectItem {
public:
    enum { Type = kLanesItemType };
    explicit LanesItem(TimelineScene& scene);
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override;
    // How far beside a moment's x painting can change: a pill's round end and its shadow.
    double spill() const;
    // Explain mode: the names of the tasks holding the loop and "idle" on the loop's lane, as
    // painted (those in [fromMs, toMs) that fit their stretch so far).
    std::vector<SceneText> loopTexts(double fromMs, double toMs) const;

protected:
    double overhang() const override;

private:
    // Scene x of the part of [fromMs, toMs) the row shows: cut just beyond the track's edges,
    // so that round ends past them stay out of sight and no coordinate gets huge.
    std::pair<double, double> shownSpan(double fromMs, double toMs) const;
    void paintTracks(QPainter* painter, int firstRow, int lastRow) const;
    void paintTrack(QPainter* painter, const QRectF& track) const;
    void paintRow(QPainter* painter, int row, double fromMs, double toMs) const;
    // The segments of [first, last) of a lane on a track; highlightStep rings one (-1: none).
    void paintLane(QPainter* painter, const QRectF& track, std::span<const LaneSegment> lane,
                   std::size_t first, std::size_t last, std::ptrdiff_t highlightStep) const;
    // Explain mode: the loop's lane above the rows, and its texts.
    void paintLoop(QPainter* painter, double fromMs, double toMs) const;
    // Explain mode: where the task was ready but kept waiting, under its segments.
    void paintReady(QPainter* painter, int row, double fromMs, double toMs) const;

    TimelineScene& scene_;        // told of progress as rows are painted
    mutable LaneDrawing drawing_; // reused from row to row: no allocation per frame
};

// The segments [first, last) of a lane on a track of the scene, up to its current time: pills
// where a pixel wide or more, sized to the track's height, thinner ones merged per pixel column;
// highlightStep rings one (-1: none). drawing is reused from call to call.
void paintLaneOn(QPainter* painter, const TimelineScene& scene, const QRectF& track,
                 std::span<const LaneSegment> lane, std::size_t first, std::size_t last,
                 std::ptrdiff_t highlightStep, LaneDrawing& drawing);
// One pill: queued time hatched and outlined, a join a thin line, the others solid.
void paintSegment(QPainter* painter, const TimelineScene& scene, const QRectF& rect,
                  const LaneSegment& segment, const ShadowSpec& shadow);

// The pixel columns' colour: the kinds' middle colours mixed by how much each covers, as
// opaque as the column is covered (what drawing each thin segment with antialiasing gives),
// but never fainter than 45%, so that activity shows at any zoom.
QColor columnColor(const LaneDrawing& drawing, const ColumnPiece& column,
                   std::span<const style::KindColors> palette);

} // namespace coroscope
