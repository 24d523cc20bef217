#include "loop/figures.h"

namespace coroscope {

namespace {

// Fills in what follows from makespanMs, cpuBusyMs and segments.
Figures completed(Figures f, const Scenario& scenario) {
    f.sequentialMs = sequentialMs(scenario);
    if (f.makespanMs > 0) {
        f.cpuBusyPct = 100.0 * static_cast<double>(f.cpuBusyMs) / static_cast<double>(f.makespanMs);
        f.speedup = static_cast<double>(f.sequentialMs) / static_cast<double>(f.makespanMs);
    }
    f.tasks = scenario.tasks.size();
    return f;
}

// Adds up the segments as they start.
class FiguresCounter final : public SchedulerListener {
public:
    void segmentStarted(const Segment& s) override {
        ++figures.segments;
        if (s.kind == StepKind::Cpu)
            figures.cpuBusyMs += s.duration();
    }
    void segmentFinished(const Segment&) override {}
    void runFinished(std::int64_t endMs) override { figures.makespanMs = endMs; }
    Figures figures;
};

} // namespace

Figures computeFigures(const Scenario& scenario, const Timeline& timeline) {
    Figures f;
    f.makespanMs = timeline.makespanMs;
    for (const Segment& s : timeline.segments) {
        if (s.kind == StepKind::Cpu)
            f.cpuBusyMs += s.duration();
    }
    f.segments = timeline.segments.size();
    return completed(f, scenario);
}

Figures simulateFigures(const Scenario& scenario) {
    FiguresCounter counter;
    playToEnd(scenario, counter);
    return completed(counter.figures, scenario);
}

} // namespace coroscope
