#include "loop/figures.h"

#include <algorithm>
#include <optional>

namespace coroscope {

namespace {

// Follows the decisions of a run for LoopFigures.
class LoopFiguresCounter {
public:
    explicit LoopFiguresCounter(const Scenario& scenario)
        : scenario_(scenario)
        , spawned_(spawnedTasks(scenario))
        , waitingForWorker_(scenario.tasks.size(), false)
        , slotQueued_(scenario.tasks.size(), kNone)
        , queued_(scenario.kinds.size(), 0)
        , most_(scenario.kinds.size(), 0) {
        latencies_.reserve(scenario.tasks.size());
    }
    void note(const LoopEvent& e) {
        switch (e.kind) {
        case LoopEventKind::Done:
            if (!spawned_[e.task])
                latencies_.push_back(e.time - scenario_.tasks[e.task].startMs);
            break;
        case LoopEventKind::SlotQueued:
            slotQueued_[e.task] = e.resource.index;
            queue(e.resource, +1);
            break;
        case LoopEventKind::Wait: // queued until its wait begins, as its "-slot" row
            if (slotQueued_[e.task] != kNone) {
                queue(StepKind{slotQueued_[e.task]}, -1);
                slotQueued_[e.task] = kNone;
            }
            break;
        case LoopEventKind::ThreadQueued:
            waitingForWorker_[e.task] = true;
            queue(thread(), +1);
            break;
        case LoopEventKind::ThreadStarted:
            if (waitingForWorker_[e.task]) {
                waitingForWorker_[e.task] = false;
                queue(thread(), -1);
            }
            break;
        default:
            break;
        }
    }
    LoopFigures finish() {
        LoopFigures f;
        f.shown = formatVersion(scenario_) > 1;
        f.arrivals = std::any_of(scenario_.tasks.begin(), scenario_.tasks.end(),
                                 [](const Task& task) { return task.startMs > 0; });
        std::sort(latencies_.begin(), latencies_.end());
        f.latencyP50Ms = nearestRank(latencies_, 50);
        f.latencyP95Ms = nearestRank(latencies_, 95);
        f.latencyP99Ms = nearestRank(latencies_, 99);
        f.latencyMaxMs = latencies_.empty() ? 0 : latencies_.back();
        for (StepKind kind : scenario_.kinds.all())
            if (scenario_.kinds.isResource(kind) && scenario_.kinds[kind].limit > 0)
                f.mostQueued.push_back({scenario_.kinds[kind].name, most_[kind.index]});
        if (auto pool = scenario_.kinds.find(KindBehaviour::Thread))
            f.mostQueued.push_back({scenario_.kinds[*pool].name, most_[pool->index]});
        return f;
    }

private:
    StepKind thread() const { return *scenario_.kinds.find(KindBehaviour::Thread); }
    void queue(StepKind kind, int delta) {
        queued_[kind.index] += delta;
        most_[kind.index] = std::max(most_[kind.index], queued_[kind.index]);
    }

    const Scenario& scenario_;
    std::vector<bool> spawned_;
    static constexpr std::uint16_t kNone = 0xffff;
    std::vector<bool> waitingForWorker_;    // by task
    std::vector<std::uint16_t> slotQueued_; // by task: the resource it queues for
    std::vector<std::int64_t> latencies_;
    std::vector<std::int64_t> queued_, most_; // by kind
};

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

// Adds up the segments as they start (and follows the decisions of a version 2 run).
class FiguresCounter final : public SchedulerListener {
public:
    explicit FiguresCounter(const Scenario& scenario) {
        if (formatVersion(scenario) > 1)
            loop.emplace(scenario);
    }
    void loopEvent(const LoopEvent& e) override {
        if (loop)
            loop->note(e);
    }
    void segmentStarted(const Segment& s) override {
        ++figures.segments;
        if (s.kind == StepKind::Cpu)
            figures.cpuBusyMs += s.duration();
    }
    void segmentFinished(const Segment&) override {}
    void runFinished(std::int64_t endMs) override { figures.makespanMs = endMs; }
    Figures figures;
    std::optional<LoopFiguresCounter> loop;
};

} // namespace

std::int64_t nearestRank(std::span<const std::int64_t> sorted, std::size_t percent) {
    const std::size_t n = sorted.size();
    return n == 0 ? 0 : sorted[std::max<std::size_t>((percent * n + 99) / 100, 1) - 1];
}

Figures computeFigures(const Scenario& scenario, const Timeline& timeline,
                       std::span<const LoopEvent> events) {
    Figures f;
    if (formatVersion(scenario) > 1) {
        LoopFiguresCounter loop(scenario);
        for (const LoopEvent& e : events)
            loop.note(e);
        f.loop = loop.finish();
    }
    f.makespanMs = timeline.makespanMs;
    for (const Segment& s : timeline.segments) {
        if (s.kind == StepKind::Cpu)
            f.cpuBusyMs += s.duration();
    }
    f.segments = timeline.segments.size();
    return completed(f, scenario);
}

Figures simulateFigures(const Scenario& scenario) {
    FiguresCounter counter(scenario);
    playToEnd(scenario, counter);
    if (counter.loop)
        counter.figures.loop = counter.loop->finish();
    return completed(counter.figures, scenario);
}

} // namespace coroscope
