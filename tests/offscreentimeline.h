#pragma once

// The window's animation without the window: bridge, scene and a 1280×800 view on the
// offscreen platform, driven by a clock the caller moves. For benchmarks and soak runs.

#include "bridge/schedulerbridge.h"
#include "model/scenario.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

namespace coroscope::test {

struct OffscreenTimeline {
    explicit OffscreenTimeline(const Scenario& scenario)
        : bridge(nullptr, [this] { return wall; })
        , view(&scene) {
        scene.follow(&bridge);
        view.resize(1280, 800);
        view.show();
        bridge.setScenario(scenario);
    }

    qint64 wall = 0; // the monotonic clock, in ms
    SchedulerBridge bridge;
    TimelineScene scene;
    TimelineView view;
};

} // namespace coroscope::test
