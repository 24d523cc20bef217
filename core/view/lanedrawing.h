#pragma once

// What to paint of one task's lane in a window of time, in pixels from the track's left edge.
// Segments at least a pixel wide become pills; narrower ones are merged per pixel column (as
// Qt Creator's timeline does), each column carrying how much of it every kind covers. A frame
// then costs what the screen holds, not what the run holds.

#include "view/lanes.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace coroscope {

// The part of the time axis on screen and the moment shown.
struct LaneView {
    double fromMs = 0;
    double toMs = 1000;
    double widthPx = 1000;
    double nowMs = 0; // segments are drawn up to here: they grow as the animation runs
    // Pills reaching further than this beyond either edge are cut there, so that their round
    // ends stay out of sight and no coordinate gets huge when zoomed far in.
    double marginPx = 48;
};

struct PillPiece {
    double left = 0;
    double right = 0;
    StepKind kind = StepKind::Cpu;
    std::size_t step = 0;
    friend bool operator==(const PillPiece&, const PillPiece&) = default;
};

// How much of a pixel column one kind covers.
struct KindShare {
    StepKind kind;
    float covered = 0; // 0..1
};

struct ColumnPiece {
    int x = 0;                // the column [x, x + 1)
    std::uint32_t shares = 0; // its shares, each kind once: LaneDrawing::shares from ...
    std::uint32_t count = 0;  // ... this many
};

struct LaneDrawing {
    std::vector<PillPiece> pills;     // left to right
    std::vector<ColumnPiece> columns; // left to right, one per column touched
    std::vector<KindShare> shares;    // the columns', column after column

    std::span<const KindShare> sharesOf(const ColumnPiece& column) const {
        return {shares.data() + column.shares, column.count};
    }
    // The fraction of the column that a kind covers, and that all of them cover.
    float coverage(const ColumnPiece& column, StepKind kind) const;
    float total(const ColumnPiece& column) const;
    void clear() {
        pills.clear();
        columns.clear();
        shares.clear();
    }
};

// Appends what to paint of a lane (after clearing out).
void drawLane(std::span<const LaneSegment> lane, const LaneView& view, LaneDrawing& out);

} // namespace coroscope
