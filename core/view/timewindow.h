#pragma once

namespace coroscope {

// The part of the time axis [0, axisEnd] a zoomed timeline shows.
struct TimeWindow {
    double from = 0; // ms
    double to = 0;   // ms
    double span() const { return to - from; }
    friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

// The narrowest window: a 1 ms wide view is reachable at any run length.
inline constexpr double kMinWindowSpanMs = 1;

// Every function below returns a window inside [0, axisEnd] with
// min(kMinWindowSpanMs, axisEnd) ≤ span ≤ axisEnd, from ≤ to, and no NaN, whatever it gets:
// - an axisEnd that is ≤ 0, NaN or infinite counts as kMinWindowSpanMs;
// - a window with a NaN or infinite end becomes the fit; reversed ends are swapped;
// - a span out of range is brought into it around the window's centre;
// - a NaN anchor, centre or delta counts as the window's (or the axis') middle, or no pan.
// Windows are moved into range by shifting them, never by changing their span.

// [0, axisEnd]: the whole run.
TimeWindow fitWindow(double axisEnd);

// Brought into [0, axisEnd] (see above).
TimeWindow clampedWindow(TimeWindow w, double axisEnd);

// span / factor (factor > 1 zooms in), the anchor keeping its fraction of the window so that
// the time under the pointer stays under it; then shifted into range. The anchor is taken
// within the window (an anchor outside counts as the nearer edge). A factor ≤ 0 or NaN leaves
// the window as it is; a span reaching axisEnd gives the fit.
TimeWindow zoomedAround(TimeWindow w, double anchorMs, double factor, double axisEnd);

// Shifted by deltaMs (later for > 0), stopping at either end with its span kept.
TimeWindow pannedBy(TimeWindow w, double deltaMs, double axisEnd);

// A window of this span centred on centreMs as far as the axis allows ("scroll this time
// into view", the overview's drags). A NaN span gives the fit.
TimeWindow windowAround(double centreMs, double span, double axisEnd);

// Whether w shows the whole run (within a hair of floating error).
bool isFit(TimeWindow w, double axisEnd);

// Time ↔ pixel on a track of the given width whose left edge (x = 0) shows w.from. A window
// without a positive span or a width ≤ 0 maps everything to its left edge; never NaN (a NaN
// input gives the left edge too).
double windowToX(double ms, TimeWindow w, double width);
double xToWindowTime(double x, TimeWindow w, double width);

} // namespace coroscope
