#pragma once

// Writing the timeline to files: PNG and SVG pictures of the card (drawn by the window's
// scene code), the animation as a GIF, the Chrome trace, the scenario as an asyncio program
// and the web page that plays the animation (the page made by core, in the card's look; it
// takes the options' explain, theme and measured run). Every write is atomic: on failure the
// target is untouched and no temporary file is left.

#include "asyncio/measuredrun.h"
#include "export/animationframes.h"
#include "model/progress.h"
#include "model/result.h"
#include "model/scenario.h"
#include "timeline/timelinestyle.h"
#include "view/timewindow.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace coroscope {

enum class ExportFormat { Png, Svg, Gif, Trace, AsyncioProgram, WebPage };

struct ExportOptions {
    double scale = 1;           // pixel density (PNG, GIF)
    int fps = kDefaultFps;      // GIF: frames per second of wall time (animationframes.h)
    std::optional<double> atMs; // the frame at this virtual time; the finished run if empty
    // The part of the run's time the tracks show (a zoomed view); the whole axis if empty.
    std::optional<TimeWindow> range;
    double width = 1040;      // logical width of the picture: the card plus 20 px each side
    bool transparent = false; // PNG: no page behind the card
    bool explain = false;     // Explain mode: where tasks were kept waiting for the loop
    // The blocking comparison: under the card, the same tasks run the blocking way, both on
    // the axis that holds the longer run, at the same moment.
    bool compare = false;
    // A run measured under real asyncio, drawn over the model's as the window draws it.
    std::shared_ptr<const MeasuredRun> measured;
    // Pictures stay light, whatever the window shows, unless asked: they go into documents.
    style::Theme theme = style::Theme::light();
};

inline constexpr double kMinExportWidth = 400;
// Larger pictures are refused before any memory is taken: 2 GiB of pixels.
inline constexpr double kMaxExportPixels = 512.0 * 1024 * 1024;
inline constexpr double kMaxExportWidth = 10'000;

// ".png", ".svg", ".gif", ".json", ".py" or ".html".
QString extensionOf(ExportFormat format);

// Writes a valid scenario to path (bytes as the operating system takes them: see
// nativePath()); failures name the path and the cause. Pictures tell progress as they are
// drawn; stopped, they leave no file and fail as cancelled().
Result<void> exportTimeline(const Scenario& scenario, const std::string& path, ExportFormat format,
                            const ExportOptions& options, const Progress& progress = {});

} // namespace coroscope
