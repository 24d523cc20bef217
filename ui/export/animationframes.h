#pragma once

// The moments an animation export shows, paced as the window plays: the whole axis in 10 s of
// wall time at speed 1, frames at a steady rate, then the finished timeline held a while.

#include <vector>

namespace coroscope {

struct AnimationFrame {
    double atMs;           // virtual time; infinity for the finished timeline
    int delayCentiseconds; // how long it shows (GIF delays are in hundredths of a second)
};

inline constexpr int kMinFps = 1;
inline constexpr int kMaxFps = 50; // a 2 cs delay, the shortest viewers honour
inline constexpr int kDefaultFps = 10;
// Longer than the window's 400 ms pause: on a slide the finished timeline is read, not glanced at.
inline constexpr int kFinishedHoldCentiseconds = 200;

// 10 s × fps frames from 0 towards axisEnd, then the finished timeline. Delays are rounded so
// that their sum stays on the wall clock (3 fps: 33, 34, 33, ...).
std::vector<AnimationFrame> animationFrames(double axisEnd, int fps);

} // namespace coroscope
