#include "figures.h"

namespace coroscope {

Figures computeFigures(const Scenario& scenario, const Timeline& timeline) {
    Figures f;
    f.makespanMs = timeline.makespanMs;
    for (const Segment& s : timeline.segments) {
        if (s.kind == StepKind::Cpu)
            f.cpuBusyMs += s.duration();
    }
    f.sequentialMs = sequentialMs(scenario);
    if (f.makespanMs > 0) {
        f.cpuBusyPct = 100.0 * static_cast<double>(f.cpuBusyMs) / static_cast<double>(f.makespanMs);
        f.speedup = static_cast<double>(f.sequentialMs) / static_cast<double>(f.makespanMs);
    }
    f.tasks = scenario.tasks.size();
    f.segments = timeline.segments.size();
    return f;
}

} // namespace coroscope
