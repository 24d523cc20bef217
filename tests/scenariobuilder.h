#pragma once

// Helpers shared by the core tests: compact scenario literals and an event recorder.

#include "loop/scheduler.h"
#include "model/scenario.h"
#include "model/scenariorules.h"

#include <ostream>
#include <string>
#include <vector>

namespace coroscope::test {

// {"T1", {{cpu, 150}, {io, 350}}} style literals.
inline Scenario makeScenario(std::vector<Task> tasks) {
    return Scenario{"title", "subtitle", std::move(tasks)};
}

inline Scenario seedScenario() {
    using namespace builtin;
    return makeScenario({{"Task 1", {{Cpu, 150}, {Io, 350}, {Cpu, 100}}},
                         {"Task 2", {{Cpu, 100}, {Io, 120}, {Cpu, 130}, {Http, 300}}},
                         {"Task 3", {{Cpu, 120}, {Http, 300}}}});
}

inline std::string toString(const Segment& s) {
    return "task" + std::to_string(s.task) + "/step" + std::to_string(s.step) + " " +
           std::string(builtinKinds()[s.kind].name) + " " + std::to_string(s.start) + "-" +
           std::to_string(s.end);
}

} // namespace coroscope::test

namespace coroscope {
// GoogleTest prints segments readably (found by argument-dependent lookup).
inline void PrintTo(const Segment& s, std::ostream* os) {
    *os << test::toString(s);
}
} // namespace coroscope

namespace coroscope::test {

// One report of the scheduler, comparable and printable.
struct Event {
    enum Type { Started, Finished, RunFinished } type;
    Segment segment;
    std::int64_t endMs = 0; // RunFinished only
    friend bool operator==(const Event&, const Event&) = default;
};

inline std::string toString(const Event& e) {
    if (e.type == Event::RunFinished)
        return "runFinished@" + std::to_string(e.endMs);
    return std::string(e.type == Event::Started ? "started " : "finished ") + toString(e.segment);
}

inline void PrintTo(const Event& e, std::ostream* os) {
    *os << toString(e);
}

class EventLog final : public SchedulerListener {
public:
    void segmentStarted(const Segment& s) override { events.push_back({Event::Started, s}); }
    void segmentFinished(const Segment& s) override { events.push_back({Event::Finished, s}); }
    void runFinished(std::int64_t endMs) override {
        events.push_back({Event::RunFinished, {}, endMs});
    }
    std::vector<Event> events;
};

} // namespace coroscope::test
