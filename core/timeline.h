#pragma once

#include "scenario.h"
#include "scheduler.h"
#include "segment.h"

#include <cstdint>
#include <iosfwd>
#include <vector>

namespace coroscope {

// The finished schedule: every segment, sorted by start, then task, then step.
struct Timeline {
    std::vector<Segment> segments;
    std::int64_t makespanMs = 0;
};

// Collects segments from a scheduler as they start (their end is known then), which is
// already in start order: take() only has to order tasks within equal start times.
class TimelineRecorder final : public SchedulerListener {
public:
    void segmentStarted(const Segment& segment) override { timeline_.segments.push_back(segment); }
    void segmentFinished(const Segment&) override {}
    void runFinished(std::int64_t endMs) override { timeline_.makespanMs = endMs; }
    // Sorts and hands over what was recorded.
    Timeline take();

private:
    Timeline timeline_;
};

// Runs a (valid) scenario to the end on a fresh scheduler.
Timeline simulate(const Scenario& scenario);

// The order of the CSV and of every sorted list of segments.
bool startsBefore(const Segment& a, const Segment& b);

// The --print-timeline contract: header task,kind,start_ms,end_ms, one row per segment.
void writeTimelineCsv(std::ostream& out, const Scenario& scenario, const Timeline& timeline);
// RFC 4180 quoting: only fields holding a comma, a quote or a control character (a line
// break among them) are quoted.
std::string csvField(const std::string& text);

} // namespace coroscope
