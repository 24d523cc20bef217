#pragma once

// Where every part of the timeline card goes, for a card width and a number of rows.
// Pure geometry in scene coordinates (logical pixels), the reference's CSS box model.

#include <QRectF>

namespace coroscope {

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
    QRectF legendRule; // the 1 px line above the legend
    double legendTop = 0;
    double contentLeft = 0;
    double contentWidth = 0;
    int rows = 0;
    double rowHeight = 0; // the reference's 48 px, or dense rows for many tasks
    double rowGap = 0;
    double rowLabelSize = 0;

    double rowTop(int row) const;
    QRectF track(int row) const;
    QRectF rowLabel(int row) const;
    // x in scene coordinates of a virtual time on the tracks.
    double xAt(double ms, double axisEnd) const;
};

TimelineLayout layoutTimeline(double cardWidth, int rows);

} // namespace coroscope
