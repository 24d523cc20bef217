// The scheduling rules of the design, on the seed and on hand-made edge cases.

#include "loop/timeline.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;
using namespace builtin;

namespace {

struct Row {
    std::size_t task;
    StepKind kind;
    std::int64_t start;
    std::int64_t end;
    friend bool operator==(const Row&, const Row&) = default;
    friend std::ostream& operator<<(std::ostream& os, const Row& r) {
        return os << "task" << r.task << " " << builtinKinds()[r.kind].name << " " << r.start << "-"
                  << r.end;
    }
};

// The timeline as (task, kind, start, end) rows in CSV order.
std::vector<Row> rowsOf(const Scenario& scenario) {
    std::vector<Row> rows;
    for (const Segment& s : simulate(scenario).segments)
        rows.push_back({s.task, s.kind, s.start, s.end});
    return rows;
}

} // namespace

TEST(Scheduler, SeedGivesTheDesignTimeline) {
    const std::vector<Row> expected{
        {0, Cpu, 0, 150},    {0, Io, 150, 500},  {1, Cpu, 150, 250},
        {1, Io, 250, 370},   {2, Cpu, 250, 370}, {1, Cpu, 370, 500},
        {2, Http, 370, 670}, {0, Cpu, 500, 600}, {1, Http, 500, 800},
    };
    EXPECT_EQ(rowsOf(seedScenario()), expected);
}

TEST(Scheduler, SeedReportsEventsInTheDocumentedOrder) {
    auto seg = [](std::size_t task, std::size_t step, StepKind kind, std::int64_t start,
                  std::int64_t end) {
        return Segment{task, step, kind, start, end};
    };
    const Event::Type S = Event::Started;
    const Event::Type F = Event::Finished;
    const std::vector<Event> expected{
        {S, seg(0, 0, Cpu, 0, 150)},
        {F, seg(0, 0, Cpu, 0, 150)},
        {S, seg(0, 1, Io, 150, 500)},
        {S, seg(1, 0, Cpu, 150, 250)},
        {F, seg(1, 0, Cpu, 150, 250)},
        {S, seg(1, 1, Io, 250, 370)},
        {S, seg(2, 0, Cpu, 250, 370)},
        // at 370 the CPU segment finishes before the wait, then Task 3 keeps the loop
        {F, seg(2, 0, Cpu, 250, 370)},
        {F, seg(1, 1, Io, 250, 370)},
        {S, seg(2, 1, Http, 370, 670)},
        {S, seg(1, 2, Cpu, 370, 500)},
        {F, seg(1, 2, Cpu, 370, 500)},
        {F, seg(0, 1, Io, 150, 500)},
        {S, seg(1, 3, Http, 500, 800)},
        {S, seg(0, 2, Cpu, 500, 600)},
        {F, seg(0, 2, Cpu, 500, 600)},
        {F, seg(2, 1, Http, 370, 670)},
        {F, seg(1, 3, Http, 500, 800)},
        {Event::RunFinished, {}, 800},
    };
    EventLog log;
    Scheduler scheduler(seedScenario());
    scheduler.setListener(&log);
    scheduler.runToEnd();
    EXPECT_EQ(log.events, expected);
    EXPECT_TRUE(scheduler.finished());
    EXPECT_EQ(scheduler.now(), 800);
}

TEST(Scheduler, WaitAfterWaitStartsOnlyWhenTheLoopPicksTheTask) {
    // Task 0's io ends at 100 but the CPU is busy until 300: its http begins at 300.
    const auto rows = rowsOf(makeScenario({{"A", {{Io, 100}, {Http, 50}}}, {"B", {{Cpu, 300}}}}));
    const std::vector<Row> expected{{0, Io, 0, 100}, {1, Cpu, 0, 300}, {0, Http, 300, 350}};
    EXPECT_EQ(rows, expected);
}

TEST(Scheduler, TasksMayBeginWithAWait) {
    const auto rows = rowsOf(
        makeScenario({{"A", {{Io, 100}}}, {"B", {{Http, 50}, {Cpu, 10}}}, {"C", {{Cpu, 20}}}}));
    const std::vector<Row> expected{
        {0, Io, 0, 100}, {1, Http, 0, 50}, {2, Cpu, 0, 20}, {1, Cpu, 50, 60}};
    EXPECT_EQ(rows, expected);
}

TEST(Scheduler, ConsecutiveCpuStepsRunWithoutYielding) {
    const auto rows =
        rowsOf(makeScenario({{"A", {{Cpu, 10}, {Cpu, 20}, {Io, 5}}}, {"B", {{Cpu, 5}}}}));
    const std::vector<Row> expected{
        {0, Cpu, 0, 10}, {0, Cpu, 10, 30}, {0, Io, 30, 35}, {1, Cpu, 30, 35}};
    EXPECT_EQ(rows, expected);
}

TEST(Scheduler, CpuHolderContinuesBeforeAWaitEndingAtTheSameTime) {
    // At 50 A's io ends and B's first cpu step ends: B keeps the loop for its second one.
    const auto rows =
        rowsOf(makeScenario({{"A", {{Io, 50}, {Cpu, 10}}}, {"B", {{Cpu, 50}, {Cpu, 10}}}}));
    const std::vector<Row> expected{
        {0, Io, 0, 50}, {1, Cpu, 0, 50}, {1, Cpu, 50, 60}, {0, Cpu, 60, 70}};
    EXPECT_EQ(rows, expected);
}

TEST(Scheduler, WaitsEndingTogetherResumeInTheOrderTheyStarted) {
    // B's http (started at 30) and A's second io (started just after) both end at 70:
    // B goes first although A comes first in the scenario.
    const auto rows = rowsOf(makeScenario(
        {{"A", {{Io, 10}, {Io, 40}, {Cpu, 5}}}, {"B", {{Cpu, 30}, {Http, 40}, {Cpu, 5}}}}));
    const std::vector<Row> expected{{0, Io, 0, 10},    {1, Cpu, 0, 30},  {0, Io, 30, 70},
                                    {1, Http, 30, 70}, {1, Cpu, 70, 75}, {0, Cpu, 75, 80}};
    EXPECT_EQ(rows, expected);
}

TEST(Scheduler, ReadyQueueIsFirstInFirstOut) {
    // C is queued from t = 0; A joins when its io ends at 50; C still runs first.
    const auto rows = rowsOf(
        makeScenario({{"A", {{Io, 50}, {Cpu, 10}}}, {"B", {{Cpu, 100}}}, {"C", {{Cpu, 10}}}}));
    const std::vector<Row> expected{
        {0, Io, 0, 50}, {1, Cpu, 0, 100}, {2, Cpu, 100, 110}, {0, Cpu, 110, 120}};
    EXPECT_EQ(rows, expected);
}

TEST(Scheduler, OneStepTasks) {
    // Even a wait needs the loop to begin: B's http starts when A's cpu step is over.
    const Scenario scenario = makeScenario({{"A", {{Cpu, 5}}}, {"B", {{Http, 7}}}});
    const std::vector<Row> expected{{0, Cpu, 0, 5}, {1, Http, 5, 12}};
    EXPECT_EQ(rowsOf(scenario), expected);
    EXPECT_EQ(simulate(scenario).makespanMs, 12);
}

TEST(Scheduler, RunUntilStopsTheClockAndReportsEverythingUpToIt) {
    EventLog log;
    Scheduler scheduler(seedScenario());
    scheduler.setListener(&log);
    scheduler.runUntil(150);
    EXPECT_EQ(scheduler.now(), 150);
    ASSERT_EQ(log.events.size(), 4u); // T1 cpu start/finish, T1 io start, T2 cpu start
    EXPECT_EQ(log.events.back(), (Event{Event::Started, {1, 0, Cpu, 150, 250}}));
    scheduler.runUntil(100); // backwards: nothing happens
    EXPECT_EQ(scheduler.now(), 150);
    EXPECT_EQ(log.events.size(), 4u);
    EXPECT_FALSE(scheduler.finished());
}

TEST(Scheduler, HandWrittenCoroutinesGiveTheSeedTimeline) {
    EventLog fromScenario;
    Scheduler a(seedScenario());
    a.setListener(&fromScenario);
    a.runToEnd();

    EventLog handWritten;
    Scheduler b(3, [](std::size_t task) -> TaskCoroutine {
        switch (task) {
        case 0:
            co_await cpu(150);
            co_await io(350);
            co_await cpu(100);
            break;
        case 1:
            co_await cpu(100);
            co_await io(120);
            co_await cpu(130);
            co_await http(300);
            break;
        default:
            co_await cpu(120);
            co_await http(300);
        }
    });
    b.setListener(&handWritten);
    b.runToEnd();
    EXPECT_EQ(handWritten.events, fromScenario.events);
}

TEST(Scheduler, ExceptionInATaskReachesTheCaller) {
    Scheduler scheduler(1, [](std::size_t) -> TaskCoroutine {
        co_await cpu(10);
        throw std::runtime_error("task failed");
    });
    EXPECT_THROW(scheduler.runToEnd(), std::runtime_error);
}
