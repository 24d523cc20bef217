#pragma once

// Pictures of the timeline card, drawn by the same scene code as the window.

#include "scenario.h"
#include "timeline/timelinestyle.h"

#include <QImage>

#include <memory>

namespace coroscope {

class TimelineScene;

// The whole scene (card and page padding) at a pixel density (1 = logical pixels).
QImage renderTimeline(TimelineScene& scene, double scale, bool transparent = false);

// A scene showing a valid scenario as it is at virtual time atMs (the finished timeline for
// atMs ≥ the axis end), built from the scheduler's events like the window's.
std::unique_ptr<TimelineScene> timelineAt(const Scenario& scenario, double atMs, double cardWidth,
                                          const style::Theme& theme = style::Theme::light());

} // namespace coroscope
