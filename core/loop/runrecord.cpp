#include "loop/runrecord.h"

#include "loop/scheduler.h"

namespace coroscope {

namespace {

// Decisions only, or with the segments too (through a TimelineRecorder).
class LoopEventRecorder final : public SchedulerListener {
public:
    explicit LoopEventRecorder(TimelineRecorder* segments = nullptr)
        : segments_(segments) {}
    void segmentStarted(const Segment& s) override {
        if (segments_)
            segments_->segmentStarted(s);
    }
    void segmentFinished(const Segment&) override {}
    void runFinished(std::int64_t endMs) override {
        if (segments_)
            segments_->runFinished(endMs);
    }
    void loopEvent(const LoopEvent& event) override { events.push_back(event); }
    std::vector<LoopEvent> events;

private:
    TimelineRecorder* segments_;
};

} // namespace

std::vector<LoopEvent> simulateLoopEvents(const Scenario& scenario) {
    LoopEventRecorder recorder;
    playToEnd(scenario, recorder);
    return std::move(recorder.events);
}

Run simulateRun(const Scenario& scenario) {
    TimelineRecorder segments;
    LoopEventRecorder recorder(&segments);
    playToEnd(scenario, recorder);
    return {segments.take(), std::move(recorder.events)};
}

std::vector<TaskTotals> taskTotals(const Run& run, const Scenario& scenario) {
    const std::size_t tasks = scenario.tasks.size();
    std::vector<TaskTotals> totals(tasks, {std::vector<std::int64_t>(scenario.kinds.size()), 0, 0});
    for (const Segment& s : run.timeline.segments)
        totals[s.task].kindMs[s.kind.index] += s.duration();
    std::vector<std::int64_t> readySince(tasks, 0);
    for (const LoopEvent& e : run.events) {
        if (e.kind == LoopEventKind::Ready)
            readySince[e.task] = e.time;
        else if (e.kind == LoopEventKind::Run)
            totals[e.task].readyMs += e.time - readySince[e.task];
        else if (e.kind == LoopEventKind::Done)
            totals[e.task].finishMs = e.time;
    }
    return totals;
}

std::vector<std::int64_t> eventTimes(const std::vector<LoopEvent>& events) {
    std::vector<std::int64_t> times;
    for (const LoopEvent& e : events)
        if (times.empty() || times.back() != e.time)
            times.push_back(e.time);
    return times;
}

void writeLoopEventsCsv(std::ostream& out, const Scenario& scenario,
                        const std::vector<LoopEvent>& events) {
    CsvWriter csv(out, scenario);
    csv.text("time_ms,event,task\n");
    for (const LoopEvent& e : events)
        csv.loopEvent(e);
}

} // namespace coroscope
