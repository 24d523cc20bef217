#pragma once

// Pictures of the timeline card, drawn by the same scene code as the window.

#include "asyncio/measuredrun.h"
#include "model/progress.h"
#include "model/result.h"
#include "model/scenario.h"
#include "timeline/timelinestyle.h"

#include <QImage>

#include <functional>
#include <memory>
#include <span>

namespace coroscope {

class TimelineScene;

// The whole scene (card and page padding) at a pixel density (1 = logical pixels).
QImage renderTimeline(TimelineScene& scene, double scale, bool transparent = false);

// The picture's size in pixels at a density.
QSize pictureSize(const TimelineScene& scene, double scale);

// Scenes stacked top to bottom, each under the one before, in one picture: its size, and the
// picture whole (the single-scene forms above are these with one scene).
QSize pictureSize(std::span<TimelineScene* const> scenes, double scale);
QImage renderTimeline(std::span<TimelineScene* const> scenes, double scale,
                      bool transparent = false);

// The same picture a band of rows at a time, top to bottom, so that a tall one never has to
// be in memory whole: `take` gets each band (as wide as the picture) and how many of its rows
// are the picture's. Stops at take's first failure, or when progress says stop.
using BandSink = std::function<Result<void>(const QImage& band, int rows)>;
Result<void> renderTimelineBands(TimelineScene& scene, double scale, bool transparent,
                                 const BandSink& take, const Progress& progress = {});
// Stacked scenes in bands: a band crossing from one scene to the next draws both parts.
Result<void> renderTimelineBands(std::span<TimelineScene* const> scenes, double scale,
                                 bool transparent, const BandSink& take,
                                 const Progress& progress = {});

// A scene showing a valid scenario as it is at virtual time atMs (the finished timeline for
// atMs ≥ the axis end), built from the scheduler's events like the window's; with a measured
// run over it when one is given.
std::unique_ptr<TimelineScene> timelineAt(const Scenario& scenario, double atMs, double cardWidth,
                                          const style::Theme& theme = style::Theme::light(),
                                          std::shared_ptr<const MeasuredRun> measured = {});

// The blocking comparison at atMs as the window shows it: the async card (over a measured run
// when one is given) and the blocking card, both on the shared axis, with their finish captions.
struct Comparison {
    std::unique_ptr<TimelineScene> async;
    std::unique_ptr<TimelineScene> blocking;
};
Comparison comparisonAt(const Scenario& scenario, double atMs, double cardWidth,
                        const style::Theme& theme = style::Theme::light(),
                        std::shared_ptr<const MeasuredRun> measured = {});

} // namespace coroscope
