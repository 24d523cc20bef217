#include "runrecord.h"

#include "scheduler.h"

#include <ostream>

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

std::vector<std::int64_t> eventTimes(const std::vector<LoopEvent>& events) {
    std::vector<std::int64_t> times;
    for (const LoopEvent& e : events)
        if (times.empty() || times.back() != e.time)
            times.push_back(e.time);
    return times;
}

void writeLoopEventsCsv(std::ostream& out, const Scenario& scenario,
                        const std::vector<LoopEvent>& events) {
    out << "time_ms,event,task\n";
    for (const LoopEvent& e : events) {
        out << e.time << ',' << loopEventName(e.kind) << ',';
        if (e.task != LoopEvent::kNoTask)
            out << csvField(scenario.tasks[e.task].name);
        out << '\n';
    }
}

} // namespace coroscope
