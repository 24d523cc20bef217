#include "export/animationframes.h"

#include "bridge/schedulerbridge.h"

#include <cmath>
#include <limits>

namespace coroscope {

std::vector<AnimationFrame> animationFrames(double axisEnd, int fps) {
    const double wallSeconds = SchedulerBridge::kAxisWallMs / 1000;
    const int moving = int(std::lround(wallSeconds * fps));
    const auto shownBy = [fps](int frame) { return int(std::lround(frame * 100.0 / fps)); };
    std::vector<AnimationFrame> frames;
    frames.reserve(std::size_t(moving) + 1);
    for (int i = 0; i < moving; ++i)
        frames.push_back({axisEnd * i / moving, shownBy(i + 1) - shownBy(i)});
    frames.push_back({std::numeric_limits<double>::infinity(), kFinishedHoldCentiseconds});
    return frames;
}

} // namespace coroscope
