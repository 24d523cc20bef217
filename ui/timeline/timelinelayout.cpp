#include "timeline/timelinelayout.h"

#include "timeline/timelinestyle.h"
#include "view/axis.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

using namespace style;

namespace {

double firstRowOffset() {
    return kCardInset + kTitleLine + kTitleGap + kSubtitleLine + kSubtitleGap + kAxisBand;
}

double slotRowsHeight(int rows, double rowHeight) {
    return rows * rowHeight + std::max(0, rows - 1) * kSlotRowGap;
}

// The lanes above the task rows (the loop's, then the slot lanes), each followed by a gap.
double lanesAbove(const TimelineLayout& l, std::size_t lanes) {
    if (!l.loopLane)
        return 0;
    double height = l.rowHeight + l.rowGap;
    for (std::size_t i = 0; i < lanes && i < l.slotLanes.size(); ++i)
        height += slotRowsHeight(l.slotLanes[i], l.slotRowHeight) + kQueueBarGap + kQueueBarHeight +
                  l.rowGap;
    return height;
}

} // namespace

double TimelineLayout::rowTop(int row) const {
    return card.top() + firstRowOffset() + lanesAbove(*this, slotLanes.size()) +
           row * (rowHeight + rowGap);
}

QRectF TimelineLayout::loopTrack() const {
    return {trackLeft, card.top() + firstRowOffset(), trackWidth, rowHeight};
}

QRectF TimelineLayout::loopLabel() const {
    return {rowLabelLeft, loopTrack().top(), rowLabelWidth, rowHeight};
}

QRectF TimelineLayout::slotLane(int lane) const {
    const double top = card.top() + firstRowOffset() + lanesAbove(*this, std::size_t(lane));
    return {trackLeft, top, trackWidth,
            slotRowsHeight(slotLanes[std::size_t(lane)], slotRowHeight) + kQueueBarGap +
                kQueueBarHeight};
}

QRectF TimelineLayout::slotRow(int lane, int row) const {
    return {trackLeft, slotLane(lane).top() + row * (slotRowHeight + kSlotRowGap), trackWidth,
            slotRowHeight};
}

QRectF TimelineLayout::queueBar(int lane) const {
    const QRectF all = slotLane(lane);
    return {trackLeft, all.bottom() - kQueueBarHeight, trackWidth, kQueueBarHeight};
}

QRectF TimelineLayout::slotLabel(int lane) const {
    const QRectF all = slotLane(lane);
    return {rowLabelLeft, all.top(), rowLabelWidth, all.height() - kQueueBarHeight};
}

QRectF TimelineLayout::track(int row) const {
    return {trackLeft, rowTop(row), trackWidth, rowHeight};
}

QRectF TimelineLayout::rowLabel(int row) const {
    return {rowLabelLeft, rowTop(row), rowLabelWidth, rowHeight};
}

double TimelineLayout::tracksHeight() const {
    return legendRule.top() - axisLabelTop + kRulerBandAbove;
}

double TimelineLayout::xAt(double ms, const TimeWindow& window) const {
    return trackLeft + windowToX(ms, window, trackWidth);
}

double TimelineLayout::shownX(double ms, const TimeWindow& window) const {
    return std::clamp(xAt(ms, window), trackLeft - rowHeight, trackLeft + trackWidth + rowHeight);
}

double TimelineLayout::timeAt(double x, const TimeWindow& window) const {
    return xToWindowTime(x - trackLeft, window, trackWidth);
}

std::pair<int, int> TimelineLayout::rowsBetween(double top, double bottom) const {
    if (rows <= 0 || bottom < rowTop(0))
        return {0, 0};
    const double pitch = rowHeight + rowGap;
    const int first = std::max(0, int(std::floor((top - rowTop(0) + rowGap) / pitch)));
    const int last = std::min(rows, int(std::floor((bottom - rowTop(0)) / pitch)) + 1);
    return {std::min(first, last), last};
}

std::optional<TrackHit> TimelineLayout::trackHitAt(QPointF p, const TimeWindow& window) const {
    // The loop's lane counts too: a click there seeks as well (its nearest row is the first).
    const double top = loopLane ? loopTrack().top() : rowTop(0);
    if (rows <= 0 || p.x() < trackLeft || p.x() > trackLeft + trackWidth || p.y() < top ||
        p.y() > track(rows - 1).bottom())
        return std::nullopt;
    // Each row owns its track and half of the gap on either side.
    const double pitch = rowHeight + rowGap;
    const double fromFirst = p.y() - rowTop(0) + rowGap / 2;
    const int row = std::clamp(int(std::floor(fromFirst / pitch)), 0, rows - 1);
    return TrackHit{timeAt(p.x(), window), row};
}

std::vector<int> slotLaneRows(std::span<const LaneKind> lanes) {
    std::vector<int> rows;
    for (const LaneKind& lane : lanes)
        rows.push_back(lane.capacity <= kMostSlotRows ? int(lane.capacity) : 1);
    return rows;
}

double rowLabelFontSize(int rows) {
    return rows >= kDenseRowsFrom ? kDenseRowLabelSize : kRowLabelSize;
}

TimelineLayout layoutTimeline(double cardWidth, int rows, double widestRowLabel, bool loopLane,
                              bool compact, std::vector<int> slotLanes) {
    TimelineLayout l;
    l.rows = rows;
    l.loopLane = loopLane;
    if (loopLane)
        l.slotLanes = std::move(slotLanes);
    const bool dense = rows >= kDenseRowsFrom;
    l.rowHeight = dense ? kDenseRowHeight : compact ? kCompactRowHeight : kRowHeight;
    l.rowGap = dense ? kDenseRowGap : compact ? kCompactRowGap : kRowGap;
    l.slotRowHeight = std::min(kSlotRowHeight, l.rowHeight);
    l.rowLabelSize = rowLabelFontSize(rows);
    const double cap = std::max(kRowLabelWidth, std::min(kRowLabelMaxWidth, cardWidth / 3));
    l.rowLabelWidth = std::clamp(widestRowLabel, kRowLabelWidth, cap);
    const double left = kPagePadding;
    const double top = kPagePadding;
    l.contentLeft = left + kCardInset;
    l.contentWidth = cardWidth - 2 * kCardInset;
    const double titleTop = top + kCardInset;
    l.title = {l.contentLeft, titleTop, l.contentWidth, kTitleLine};
    l.subtitle = {l.contentLeft, l.title.bottom() + kTitleGap, l.contentWidth, kSubtitleLine};
    const double band = l.subtitle.bottom() + kSubtitleGap;
    l.rowLabelLeft = l.contentLeft;
    l.trackLeft = l.contentLeft + l.rowLabelWidth + kRowLabelGap;
    l.trackWidth = l.contentWidth - l.rowLabelWidth - kRowLabelGap;
    l.axisLabelTop = band + kAxisLabelTop;
    l.axisLine = {l.trackLeft, band + kAxisLineTop, l.trackWidth, kAxisLineHeight};

    // The last row's bottom margin and the legend's top margin collapse into the larger one.
    // The lanes above the rows end in a gap, which the last of them keeps only before a row.
    const double above = lanesAbove(l, l.slotLanes.size());
    const double rowsBottom = band + kAxisBand + above + rows * l.rowHeight +
                              std::max(0, rows - 1) * l.rowGap -
                              (rows == 0 ? std::min(above, l.rowGap) : 0);
    const double ruleTop = rowsBottom + std::max(l.rowGap, kLegendGap);
    l.legendRule = {l.contentLeft, ruleTop, l.contentWidth, 1};
    l.legendTop = ruleTop + 1 + kLegendPadding;
    const double cardBottom = l.legendTop + kLegendSwatch + kCardInset;
    l.card = {left, top, cardWidth, cardBottom - top};
    l.page = l.card.adjusted(-kPagePadding, -kPagePadding, kPagePadding, kPagePadding);
    return l;
}

} // namespace coroscope
