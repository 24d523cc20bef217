#include "view/timewindow.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

// An axis end that can bound a window.
double usableEnd(double axisEnd) {
    return std::isfinite(axisEnd) && axisEnd > 0 ? axisEnd : kMinWindowSpanMs;
}

// A span within [min(1 ms, end), end]; an axis shorter than 1 ms only has its fit.
double usableSpan(double span, double end) {
    if (std::isnan(span))
        return end;
    return std::clamp(span, std::min(kMinWindowSpanMs, end), end);
}

// [from, from + span] shifted into [0, end]; span ≤ end.
TimeWindow placed(double from, double span, double end) {
    if (std::isnan(from) || from < 0)
        from = 0;
    if (from >= end - span)
        return {end - span, end};
    return {from, std::min(from + span, end)};
}

} // namespace

TimeWindow fitWindow(double axisEnd) {
    return {0, usableEnd(axisEnd)};
}

TimeWindow clampedWindow(TimeWindow w, double axisEnd) {
    const double end = usableEnd(axisEnd);
    if (!std::isfinite(w.from) || !std::isfinite(w.to))
        return {0, end};
    if (w.to < w.from)
        std::swap(w.from, w.to);
    const double span = usableSpan(w.to - w.from, end); // an overflow to ∞ clamps to end
    if (span != w.to - w.from)
        w.from = (w.from / 2 + w.to / 2) - span / 2; // halves first: no overflow
    return placed(w.from, span, end);
}

TimeWindow zoomedAround(TimeWindow w, double anchorMs, double factor, double axisEnd) {
    const double end = usableEnd(axisEnd);
    w = clampedWindow(w, end);
    if (std::isnan(factor) || factor <= 0)
        return w;
    const double span = w.span();
    const double anchor =
        std::isnan(anchorMs) ? w.from + span / 2 : std::clamp(anchorMs, w.from, w.to);
    const double fraction = (anchor - w.from) / span; // span > 0 after clamping
    const double newSpan = usableSpan(span / factor, end);
    if (newSpan >= end)
        return {0, end};
    return placed(anchor - fraction * newSpan, newSpan, end);
}

TimeWindow pannedBy(TimeWindow w, double deltaMs, double axisEnd) {
    const double end = usableEnd(axisEnd);
    w = clampedWindow(w, end);
    if (std::isnan(deltaMs))
        return w;
    return placed(w.from + deltaMs, w.span(), end); // ±∞ stops at an end
}

TimeWindow windowAround(double centreMs, double span, double axisEnd) {
    const double end = usableEnd(axisEnd);
    span = usableSpan(span, end);
    const double centre = std::isnan(centreMs) ? end / 2 : centreMs;
    return placed(centre - span / 2, span, end);
}

bool isFit(TimeWindow w, double axisEnd) {
    const double end = usableEnd(axisEnd);
    const double hair = end * 1e-12;
    return w.from <= hair && w.to >= end - hair;
}

double windowToX(double ms, TimeWindow w, double width) {
    const double span = w.span();
    if (!(span > 0) || !std::isfinite(span) || !(width > 0) || !std::isfinite(width))
        return 0;
    const double x = (ms - w.from) / span * width;
    return std::isnan(x) ? 0 : x;
}

double xToWindowTime(double x, TimeWindow w, double width) {
    if (!(width > 0) || !std::isfinite(width))
        return std::isnan(w.from) ? 0 : w.from;
    const double ms = w.from + x / width * w.span();
    if (!std::isnan(ms))
        return ms;
    return std::isnan(w.from) ? 0 : w.from;
}

} // namespace coroscope
