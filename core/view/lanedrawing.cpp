#include "view/lanedrawing.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

// Segments come in time order, so only the last column can be touched again. Its shares are
// kept in kind order: sums over them then add up in one order, whatever order the segments
// came in.
void cover(LaneDrawing& out, int column, StepKind kind, double amount) {
    if (out.columns.empty() || out.columns.back().x != column)
        out.columns.push_back({column, std::uint32_t(out.shares.size()), 0});
    ColumnPiece& piece = out.columns.back();
    auto share = std::lower_bound(out.shares.begin() + piece.shares, out.shares.end(), kind,
                                  [](const KindShare& s, StepKind k) { return s.kind < k; });
    if (share == out.shares.end() || share->kind != kind) {
        share = out.shares.insert(share, {kind, 0});
        ++piece.count;
    }
    share->covered = std::min(1.0f, share->covered + float(amount));
}

} // namespace

float LaneDrawing::coverage(const ColumnPiece& column, StepKind kind) const {
    for (const KindShare& share : sharesOf(column))
        if (share.kind == kind)
            return share.covered;
    return 0;
}

float LaneDrawing::total(const ColumnPiece& column) const {
    float sum = 0;
    for (const KindShare& share : sharesOf(column))
        sum += share.covered;
    return sum;
}

void drawLane(std::span<const LaneSegment> lane, const LaneView& view, LaneDrawing& out) {
    out.clear();
    const double span = view.toMs - view.fromMs;
    const double shownTo = std::min(view.toMs, view.nowMs);
    if (!(span > 0) || !(view.widthPx > 0) || shownTo <= view.fromMs)
        return;
    const double scale = view.widthPx / span;
    const double lowest = -view.marginPx;
    const double highest = view.widthPx + view.marginPx;
    // Segments overlapping [from, shownTo): ends and starts are both sorted within a lane.
    const auto first = std::partition_point(lane.begin(), lane.end(), [&](const LaneSegment& s) {
        return double(s.end) <= view.fromMs;
    });
    for (auto it = first; it != lane.end() && double(it->start) < shownTo; ++it) {
        const double end = std::min(double(it->end), view.nowMs);
        const double left = (double(it->start) - view.fromMs) * scale;
        const double right = (end - view.fromMs) * scale;
        if (right <= left)
            continue; // starts just now: nothing to see yet
        if (right - left >= 1) {
            out.pills.push_back({std::max(left, lowest), std::min(right, highest), it->kind,
                                 std::size_t(it - lane.begin())});
            continue;
        }
        // Thinner than a pixel: its share of the one or two columns it touches.
        const int firstColumn = int(std::floor(left));
        const int lastColumn = int(std::floor(std::nextafter(right, left)));
        for (int column = firstColumn; column <= lastColumn; ++column) {
            if (column < -1 || column > int(view.widthPx))
                continue;
            const double covered =
                std::min(right, double(column + 1)) - std::max(left, double(column));
            cover(out, column, it->kind, covered);
        }
    }
}

} // namespace coroscope
