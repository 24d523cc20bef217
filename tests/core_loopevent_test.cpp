// The event loop's decisions: the seed's stream as a table, the CSV, and properties that hold
// for every generated scenario (see core_scheduler_properties_test for the generator).

#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace coroscope;
using namespace coroscope::test;

namespace {

constexpr std::size_t kNone = LoopEvent::kNoTask;
// Short names for the tables (LoopEventKind::Run would clash with the test fixture's Run()).
constexpr LoopEventKind Ready = LoopEventKind::Ready;
constexpr LoopEventKind Picked = LoopEventKind::Run;
constexpr LoopEventKind Wait = LoopEventKind::Wait;
constexpr LoopEventKind Done = LoopEventKind::Done;
constexpr LoopEventKind Idle = LoopEventKind::Idle;

} // namespace

namespace coroscope {
void PrintTo(const LoopEvent& e, std::ostream* out) {
    *out << e.time << ' ' << loopEventName(e.kind);
    if (e.task != LoopEvent::kNoTask)
        *out << " task " << e.task;
}
} // namespace coroscope

TEST(LoopEvents, TheSeedsDecisionsInOrder) {
    const std::vector<LoopEvent> expected{
        {0, Ready, 0},   {0, Ready, 1},    {0, Ready, 2},    {0, Picked, 0},
        {150, Wait, 0},  {150, Picked, 1}, {250, Wait, 1},   {250, Picked, 2},
        {370, Ready, 1}, {370, Wait, 2},   {370, Picked, 1}, {500, Ready, 0},
        {500, Wait, 1},  {500, Picked, 0}, {600, Done, 0},   {600, Idle, kNone},
        {670, Ready, 2}, {670, Picked, 2}, {670, Done, 2},   {670, Idle, kNone},
        {800, Ready, 1}, {800, Picked, 1}, {800, Done, 1},
    };
    EXPECT_EQ(simulateLoopEvents(seedScenario()), expected);
}

TEST(LoopEvents, TheCsvNamesTasksAsTheTimelineDoes) {
    const Scenario scenario = makeScenario({{"A, \"quoted\"", {{StepKind::Io, 5}}}});
    std::ostringstream csv;
    writeLoopEventsCsv(csv, scenario, simulateLoopEvents(scenario));
    EXPECT_EQ(csv.str(), "time_ms,event,task\n"
                         "0,ready,\"A, \"\"quoted\"\"\"\n"
                         "0,run,\"A, \"\"quoted\"\"\"\n"
                         "0,wait,\"A, \"\"quoted\"\"\"\n"
                         "0,idle,\n"
                         "5,ready,\"A, \"\"quoted\"\"\"\n"
                         "5,run,\"A, \"\"quoted\"\"\"\n"
                         "5,done,\"A, \"\"quoted\"\"\"\n");
}

TEST(LoopEvents, AWaitThatEndsWhileTheLoopIsHeldWaitsInTheQueue) {
    // B's wait ends at 10 while A holds the loop: B is ready at 10 but runs at 30.
    const Scenario scenario = makeScenario(
        {{"B", {{StepKind::Io, 10}, {StepKind::Cpu, 5}}}, {"A", {{StepKind::Cpu, 30}}}});
    const std::vector<LoopEvent> expected{
        {0, Ready, 0},  {0, Ready, 1}, {0, Picked, 0},  {0, Wait, 0},  {0, Picked, 1},
        {10, Ready, 0}, {30, Done, 1}, {30, Picked, 0}, {35, Done, 0},
    };
    EXPECT_EQ(simulateLoopEvents(scenario), expected);
}

TEST(LoopEvents, EachTasksTotalsOfTheSeed) {
    const std::vector<TaskTotals> expected{
        {{250, 350, 0}, 0, 600}, // Task 1: never kept waiting
        {{230, 120, 300}, 150, 800},
        {{120, 0, 300}, 250, 670},
    };
    EXPECT_EQ(taskTotals(simulateRun(seedScenario()), seedScenario()), expected);
}
