#pragma once

// Where every part of the timeline card goes, for a card width and a number of rows.
// Pure geometry in scene coordinates (logical pixels), laid out as the CSS box model does:
// padding inside the card's 1 px border, a row's bottom margin collapsing with the legend's.

#include "explain/resourcelanes.h"
#include "view/timewindow.h"

#include <QPointF>
#include <QRectF>

#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace coroscope {

// A point on the tracks: the virtual time under it and the row nearest to it.
// The row-label column grows to fit the widest task name up to this (or a third of the card,
// if less); longer names are elided. It never gets narrower than style::kRowLabelWidth, the
// animation's own column.
inline constexpr double kRowLabelMaxWidth = 240;

struct TrackHit {
    double ms = 0;
    int row = 0;
};

struct TimelineLayout {
    QRectF page;  // the scene: the card plus the page padding
    QRectF card;  // outer edge of the 1 px border
    QRectF title; // one line each
    QRectF subtitle;
    double axisLabelTop = 0; // top of the tick labels' line box
    QRectF axisLine;         // spans the tracks
    double trackLeft = 0;
    double trackWidth = 0;
    double rowLabelLeft = 0;
    double rowLabelWidth = 0;
    QRectF legendRule; // the 1 px line above the legend
    double legendTop = 0;
    double contentLeft = 0;
    double contentWidth = 0;
    int rows = 0;
    double rowHeight = 0; // 48 px, or 16 px dense rows from 51 tasks on
    double rowGap = 0;
    double rowLabelSize = 0;
    // Explain mode: the event loop's own lane above the task rows, as tall as a row.
    bool loopLane = false;
    // Explain mode: under the loop's lane, a lane per limited resource and one for the pool,
    // each with this many sub-rows (see slotLaneRows) over its queue's bar.
    std::vector<int> slotLanes;
    double slotRowHeight = 0;

    double rowTop(int row) const;
    QRectF loopTrack() const;
    QRectF loopLabel() const;
    // A slot lane on the tracks, from its first sub-row's top to its queue bar's bottom.
    QRectF slotLane(int lane) const;
    QRectF slotRow(int lane, int row) const;
    QRectF queueBar(int lane) const;
    // Its label's place in the label column, beside its sub-rows.
    QRectF slotLabel(int lane) const;
    QRectF track(int row) const;
    QRectF rowLabel(int row) const;
    // From the ruler's band to the finish mark under the last row: what a view must show of
    // the card to show every row.
    double tracksHeight() const;
    // x in scene coordinates of a virtual time on the tracks showing a window of time.
    double xAt(double ms, const TimeWindow& window) const;
    // The same, kept within a row's height beyond the tracks' edges: what lies further out is
    // out of sight, and so no coordinate gets huge when zoomed far in.
    double shownX(double ms, const TimeWindow& window) const;
    // The virtual time at an x in scene coordinates.
    double timeAt(double x, const TimeWindow& window) const;
    // The rows any part of which lies between two heights, as [first, last) (empty if none).
    std::pair<int, int> rowsBetween(double top, double bottom) const;
    // The time and row under a point in scene coordinates, or nothing off the tracks. The
    // band from the first row's top to the last row's bottom counts, edges included, gaps
    // between rows too (a click there still seeks): a point in a gap gets the nearer row.
    std::optional<TrackHit> trackHitAt(QPointF scenePoint, const TimeWindow& window) const;
};

// widestRowLabel: the widest task name in the row-label font (rowLabelFontSize(rows)).
// loopLane: room for the event loop's lane above the rows (the rows move down by one).
// compact: compact rows (style::kCompactRowHeight) unless they are dense already.
// slotLanes: with the loop's lane, the sub-rows of the slot lanes under it (the rows move down).
TimelineLayout layoutTimeline(double cardWidth, int rows, double widestRowLabel = 0,
                              bool loopLane = false, bool compact = false,
                              std::vector<int> slotLanes = {});
// A lane's sub-rows: one per slot or worker up to kMostSlotRows, else one band.
std::vector<int> slotLaneRows(std::span<const LaneKind> lanes);
// The row labels' pixel size: smaller in dense rows.
double rowLabelFontSize(int rows);

} // namespace coroscope
