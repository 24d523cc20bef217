// The Explain mode's data, read off the loop's decisions: ready stretches, who holds the loop,
// the ready queue at any moment and the plain-words log. Tables for the seed (whose decisions
// are in core_loopevent_test) and properties on generated scenarios.

#include "explain/explain.h"
#include "fanout.h"
#include "loop/runrecord.h"
#include "randomscenario.h"
#include "scenariobuilder.h"
#include "view/lanes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>

namespace coroscope {

void PrintTo(const Stretch& s, std::ostream* out) {
    *out << '[' << s.start << ", " << s.end << ')';
}
void PrintTo(const Hold& h, std::ostream* out) {
    *out << '[' << h.start << ", " << h.end << ") ";
    if (h.task == LoopEvent::kNoTask)
        *out << "idle";
    else
        *out << "task " << h.task;
}
void PrintTo(const LogLine& l, std::ostream* out) {
    *out << l.time << " ms: " << l.text;
}

namespace {

constexpr std::size_t kIdle = LoopEvent::kNoTask;
using Queue = std::vector<std::size_t>;
using Range = std::pair<std::size_t, std::size_t>;

template <typename T> std::vector<T> toVector(std::span<const T> s) {
    return {s.begin(), s.end()};
}

// The seed's decisions (see core_loopevent_test):
//   0 ready 1,2,3, run 1 | 150 wait 1, run 2 | 250 wait 2, run 3 | 370 ready 2, wait 3, run 2
//   500 ready 1, wait 2, run 1 | 600 done 1, idle | 670 ready 3, run 3, done 3, idle
//   800 ready 2, run 2, done 2
std::vector<LoopEvent> seedEvents() {
    return simulateLoopEvents(test::seedScenario());
}

TEST(ReadyStretches, OfTheSeed) {
    const ReadyStretches ready(seedEvents(), 3);
    ASSERT_EQ(ready.tasks(), 3u);
    EXPECT_EQ(ready.stretchCount(), 2u);
    // Task 1 is picked at each instant it becomes ready (0, 500): never kept waiting.
    EXPECT_TRUE(ready.lane(0).empty());
    // Task 2 waits behind Task 1 from 0 to 150; at 370 it is ready and picked at once.
    EXPECT_EQ(toVector(ready.lane(1)), (std::vector<Stretch>{{0, 150}}));
    // Task 3 waits behind Tasks 1 and 2 until 250; at 670 it is picked at once.
    EXPECT_EQ(toVector(ready.lane(2)), (std::vector<Stretch>{{0, 250}}));
    EXPECT_TRUE(ready.lane(3).empty());
}

TEST(ReadyStretches, FindWhatOverlapsATimeRange) {
    const ReadyStretches ready(seedEvents(), 3);
    EXPECT_EQ(ready.overlapping(1, 149, 151), (Range{0, 1}));
    EXPECT_EQ(ready.overlapping(1, 150, 300), (Range{1, 1})); // ends at 150
    EXPECT_EQ(ready.overlapping(2, 100, 200), (Range{0, 1}));
    EXPECT_EQ(ready.overlapping(2, 250, 900), (Range{1, 1}));
    EXPECT_EQ(ready.overlapping(0, 0, 900), (Range{0, 0}));
    EXPECT_EQ(ready.overlapping(9, 0, 900), (Range{0, 0}));
}

TEST(LoopLane, OfTheSeed) {
    const LoopLane loop(seedEvents());
    // Each run holds until its task's wait or done; the idle at 600 lasts until Task 3 is
    // picked at 670, which leaves at once (no hold), and the idle at 670 until 800. Task 2 is
    // picked at 800 and leaves at once: the lane ends at the makespan.
    EXPECT_EQ(toVector(loop.holds()), (std::vector<Hold>{{0, 150, 0},
                                                         {150, 250, 1},
                                                         {250, 370, 2},
                                                         {370, 500, 1},
                                                         {500, 600, 0},
                                                         {600, 670, kIdle},
                                                         {670, 800, kIdle}}));
    EXPECT_EQ(loop.holderAt(-1), kIdle);
    EXPECT_EQ(loop.holderAt(0), 0u);
    EXPECT_EQ(loop.holderAt(149.5), 0u);
    EXPECT_EQ(loop.holderAt(150), 1u);
    EXPECT_EQ(loop.holderAt(370), 1u);
    EXPECT_EQ(loop.holderAt(599), 0u);
    EXPECT_EQ(loop.holderAt(600), kIdle);
    EXPECT_EQ(loop.holderAt(670), kIdle);
    EXPECT_EQ(loop.holderAt(800), kIdle);
    EXPECT_EQ(loop.overlapping(300, 650), (Range{2, 6}));
    EXPECT_EQ(loop.overlapping(800, 900), (Range{7, 7}));
    // The task holds, as a lane to draw: the idle ones are gaps.
    EXPECT_EQ(toVector(loop.busy()), (std::vector<LaneSegment>{{0, 150, StepKind::Cpu},
                                                               {150, 250, StepKind::Cpu},
                                                               {250, 370, StepKind::Cpu},
                                                               {370, 500, StepKind::Cpu},
                                                               {500, 600, StepKind::Cpu}}));
    std::vector<std::size_t> holders;
    for (std::size_t i = 0; i < loop.busy().size(); ++i)
        holders.push_back(loop.busyHolder(i));
    EXPECT_EQ(holders, (std::vector<std::size_t>{0, 1, 2, 1, 0}));
}

TEST(ReadyQueues, OfTheSeed) {
    const ReadyQueues queues(seedEvents());
    // Before the run nothing has joined.
    EXPECT_EQ(toVector(queues.queueAt(-1)), Queue{});
    // 0: all three start and join in scenario order; the loop picks Task 1 from the front.
    EXPECT_EQ(toVector(queues.queueAt(0)), (Queue{1, 2}));
    EXPECT_EQ(toVector(queues.queueAt(149.9)), (Queue{1, 2}));
    // 150: Task 1 yields at io(350), so it is waiting, not ready; the loop picks Task 2.
    EXPECT_EQ(toVector(queues.queueAt(150)), (Queue{2}));
    // 250: Task 2 yields at io(120); the loop picks Task 3, the last one ready.
    EXPECT_EQ(toVector(queues.queueAt(250)), Queue{});
    // 370: Task 2's I/O ends and it joins; Task 3 yields at http(300); Task 2 is picked.
    EXPECT_EQ(toVector(queues.queueAt(370)), Queue{});
    // 500: Task 1's I/O ends and it joins; Task 2 yields at http(300); Task 1 is picked.
    EXPECT_EQ(toVector(queues.queueAt(500)), Queue{});
    // 600, 670, 800: each task that joins is picked at the same instant (the loop is idle).
    EXPECT_EQ(toVector(queues.queueAt(600)), Queue{});
    EXPECT_EQ(toVector(queues.queueAt(670)), Queue{});
    EXPECT_EQ(toVector(queues.queueAt(800)), Queue{});
    EXPECT_EQ(toVector(queues.queueAt(1e9)), Queue{});
}

TEST(Narrate, TheSeed) {
    const Scenario seed = test::seedScenario();
    const std::vector<LogLine> expected{
        {0, "Task 1 starts and joins the ready queue. Task 2 starts and joins the ready queue. "
            "Task 3 starts and joins the ready queue. The loop picks Task 1."},
        {150, "Task 1 yields at io(350). The loop picks Task 2."},
        {250, "Task 2 yields at io(120). The loop picks Task 3."},
        {370, "Task 2's I/O wait is done; it joins the ready queue behind nobody. Task 3 yields "
              "at http(300). The loop picks Task 2."},
        {500, "Task 1's I/O wait is done; it joins the ready queue behind nobody. Task 2 yields "
              "at http(300). The loop picks Task 1."},
        {600, "Task 1 is done. Nothing is ready: the loop idles until Task 3's HTTP wait ends."},
        {670, "Task 3's HTTP wait is done; it joins the ready queue behind nobody. The loop picks "
              "Task 3. Task 3 is done. Nothing is ready: the loop idles until Task 2's HTTP "
              "wait ends."},
        {800, "Task 2's HTTP wait is done; it joins the ready queue behind nobody. The loop picks "
              "Task 2. Task 2 is done."},
    };
    EXPECT_EQ(narrate(seed, simulateLoopEvents(seed)), expected);
}

TEST(Narrate, TheLineOfAMomentIsTheLastInstantAtOrBeforeIt) {
    const Scenario seed = test::seedScenario();
    const std::vector<LogLine> lines = narrate(seed, simulateLoopEvents(seed));
    EXPECT_EQ(logLineAt(lines, -1), -1);
    EXPECT_EQ(logLineAt(lines, 0), 0);
    EXPECT_EQ(logLineAt(lines, 369.9), 2);
    EXPECT_EQ(logLineAt(lines, 370), 3);
    EXPECT_EQ(logLineAt(lines, 499), 3);
    EXPECT_EQ(logLineAt(lines, 1e9), 7);
    EXPECT_EQ(logLineAt({}, 100), -1);
}

// B and C wait 10 ms while A holds the loop for two cpu steps (no decision between them), so
// at 10 C joins behind B; A then yields at its http step.
Scenario queueingScenario() {
    using namespace builtin;
    return test::makeScenario({{"B", {{Io, 10}, {Cpu, 5}}},
                               {"C", {{Io, 10}, {Cpu, 5}}},
                               {"A", {{Cpu, 20}, {Cpu, 10}, {Http, 7}}}});
}

TEST(Narrate, NamesWhomATaskJoinsBehind) {
    const Scenario scenario = queueingScenario();
    const std::vector<LogLine> expected{
        {0, "B starts and joins the ready queue. C starts and joins the ready queue. A starts "
            "and joins the ready queue. The loop picks B. B yields at io(10). The loop picks C. "
            "C yields at io(10). The loop picks A."},
        {10, "B's I/O wait is done; it joins the ready queue behind nobody. C's I/O wait is "
             "done; it joins the ready queue behind B."},
        {30, "A yields at http(7). The loop picks B."},
        {35, "B is done. The loop picks C."},
        {37, "A's HTTP wait is done; it joins the ready queue behind nobody."},
        {40, "C is done. The loop picks A. A is done."},
    };
    EXPECT_EQ(narrate(scenario, simulateLoopEvents(scenario)), expected);
}

// Version 2's decisions in words: whom a join waits for and who left last, a slot given back
// and whom it wakes, the worker an item starts on (numbered as Explain's pool lane).
TEST(Narrate, TheFanOutsSlotsJoinAndWorker) {
    const Scenario scenario = test::fanOutScenario();
    std::map<std::int64_t, std::string> log;
    for (const LogLine& line : narrate(scenario, simulateLoopEvents(scenario)))
        log[line.time] = line.text;
    EXPECT_NE(log[5].find("handler waits for f1, f2, f3, f4, f5, f6."), std::string::npos);
    EXPECT_NE(log[45].find("The loop picks f1. f1 gives back its slot of db; f3 is woken for it "
                           "(2 of 2 in use); it joins the ready queue behind f2."),
              std::string::npos)
        << log[45];
    EXPECT_EQ(log[135], "f5 is done. The loop picks f6. f6 gives back its slot of db.");
    EXPECT_NE(log[137].find("handler's join is released (f6 is the last of them to leave)"),
              std::string::npos)
        << log[137];
    EXPECT_NE(log[137].find("handler's thread item starts on worker 1 (1 of 4 busy)."),
              std::string::npos)
        << log[137];
}

TEST(Narrate, AJoinOnOneTaskAndOnManyAndTheWorkersInUse) {
    std::string script = "threads 2\np: spawn a, join a, spawn b, spawn c, join b c\n"
                         "a: cpu 5\nb: thread 10\nc: thread 20\nq:";
    std::string joined;
    for (int i = 0; i < 10; ++i) {
        script += std::string(i ? "," : "") + " spawn t" + std::to_string(i);
        joined += " t" + std::to_string(i);
    }
    script += ", join" + joined + "\n";
    for (int i = 0; i < 10; ++i)
        script += "t" + std::to_string(i) + ": cpu 1\n";
    const Scenario scenario = test::scriptScenario(script);
    std::string all;
    for (const LogLine& line : narrate(scenario, simulateLoopEvents(scenario)))
        all += line.text + '\n';
    EXPECT_NE(all.find("p waits for a."), std::string::npos) << all;
    EXPECT_NE(all.find("p's join is released (a has left)"), std::string::npos) << all;
    EXPECT_NE(all.find("b's thread item starts on worker 1 (1 of 2 busy). The loop picks c. "
                       "c's thread item starts on worker 2 (2 of 2 busy)."),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("q waits for t0, t1, t2, t3, t4, t5, t6, t7 and 2 more."), std::string::npos)
        << all;
}

TEST(Explain, AQueueOfTwo) {
    const std::vector<LoopEvent> events = simulateLoopEvents(queueingScenario());
    const ReadyStretches ready(events, 3);
    EXPECT_EQ(toVector(ready.lane(0)), (std::vector<Stretch>{{10, 30}}));
    EXPECT_EQ(toVector(ready.lane(1)), (std::vector<Stretch>{{10, 35}}));
    EXPECT_EQ(toVector(ready.lane(2)), (std::vector<Stretch>{{37, 40}}));
    // B and C hold the loop for no time at 0 (they yield at once), A not at all at 40.
    EXPECT_EQ(toVector(LoopLane(events).holds()),
              (std::vector<Hold>{{0, 30, 2}, {30, 35, 0}, {35, 40, 1}}));
    const ReadyQueues queues(events);
    EXPECT_EQ(toVector(queues.queueAt(0)), Queue{});        // A picked, B and C waiting
    EXPECT_EQ(toVector(queues.queueAt(10)), (Queue{0, 1})); // B then C, while A holds the loop
    EXPECT_EQ(toVector(queues.queueAt(30)), Queue{1});      // B picked
    EXPECT_EQ(toVector(queues.queueAt(35)), Queue{});       // C picked
    EXPECT_EQ(toVector(queues.queueAt(37)), Queue{2});      // A's HTTP ends while C holds it
    EXPECT_EQ(toVector(queues.queueAt(40)), Queue{});
}

// Generated scenarios: the property tests' sizes (1–12 tasks, 1–8 steps), half of them with
// durations of 1–10 ms so that equal times (the tie rules) are common.
Scenario generated(std::uint32_t seed) {
    return test::randomScenario(1 + seed % 12, int(1 + seed / 12 % 8), seed, 1,
                                seed % 2 ? 10 : 300);
}

class ExplainProperties : public ::testing::TestWithParam<std::uint32_t> {};

// A replay of the FIFO queue from the events: each run takes the front, so a task is always
// ready before it is picked, and queueAt agrees with the replay after every instant.
TEST_P(ExplainProperties, EveryTaskIsReadyBeforeItIsPickedAndTheQueueIsFifo) {
    const std::vector<LoopEvent> events = simulateLoopEvents(generated(GetParam()));
    const ReadyQueues queues(events);
    std::deque<std::size_t> replay;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const LoopEvent& e = events[i];
        if (e.kind == LoopEventKind::Ready)
            replay.push_back(e.task);
        if (e.kind == LoopEventKind::Run) {
            ASSERT_FALSE(replay.empty()) << "picked with nothing ready at " << e.time;
            EXPECT_EQ(replay.front(), e.task) << "not the front at " << e.time;
            replay.pop_front();
        }
        if (i + 1 == events.size() || events[i + 1].time != e.time) {
            const Queue expected(replay.begin(), replay.end());
            EXPECT_EQ(toVector(queues.queueAt(double(e.time))), expected) << "at " << e.time;
            EXPECT_EQ(toVector(queues.queueAt(e.time + 0.5)), expected) << "after " << e.time;
        }
    }
    EXPECT_TRUE(replay.empty());
}

TEST_P(ExplainProperties, TheLoopNeverIdlesWhileATaskIsReady) {
    const std::vector<LoopEvent> events = simulateLoopEvents(generated(GetParam()));
    const LoopLane loop(events);
    const ReadyQueues queues(events);
    for (const LoopEvent& e : events) {
        if (loop.holderAt(double(e.time)) == kIdle) {
            EXPECT_TRUE(queues.queueAt(double(e.time)).empty()) << "at " << e.time;
        }
    }
    for (const Hold& h : loop.holds()) {
        if (h.task == kIdle) {
            EXPECT_TRUE(queues.queueAt(double(h.start)).empty()) << "idle at " << h.start;
            EXPECT_TRUE(queues.queueAt((h.start + h.end) / 2.0).empty()) << "idle at " << h.start;
        }
    }
}

// A task's life [0, done] is always one of: ready but not running, running cpu, or waiting.
TEST_P(ExplainProperties, ReadyStretchesAndSegmentsTileEachTasksLife) {
    const Scenario scenario = generated(GetParam());
    const coroscope::Run run = simulateRun(scenario);
    const std::size_t tasks = scenario.tasks.size();
    const ReadyStretches ready(run.events, tasks);
    const Lanes lanes(run.timeline, tasks);
    std::vector<std::int64_t> done(tasks, -1);
    for (const LoopEvent& e : run.events)
        if (e.kind == LoopEventKind::Done)
            done[e.task] = e.time;
    for (std::size_t t = 0; t < tasks; ++t) {
        std::vector<Stretch> pieces = toVector(ready.lane(t));
        EXPECT_TRUE(std::is_sorted(pieces.begin(), pieces.end(),
                                   [](auto& a, auto& b) { return a.start < b.start; }));
        for (const LaneSegment& s : lanes.lane(t))
            pieces.push_back({s.start, s.end});
        std::sort(pieces.begin(), pieces.end(),
                  [](const Stretch& a, const Stretch& b) { return a.start < b.start; });
        std::int64_t covered = 0;
        for (const Stretch& p : pieces) {
            EXPECT_EQ(p.start, covered) << "task " << t << ": gap or overlap at " << covered;
            covered = p.end;
        }
        EXPECT_EQ(covered, done[t]) << "task " << t;
    }
}

// The holds tile the run without overlap, and a task's holds are exactly its cpu segments
// (back-to-back cpu steps of one task make one hold: no decision between them).
TEST_P(ExplainProperties, LoopHoldsTileTheRunAndAreTheCpuSegments) {
    const coroscope::Run run = simulateRun(generated(GetParam()));
    const LoopLane loop(run.events);
    const std::span<const Hold> holds = loop.holds();
    ASSERT_FALSE(holds.empty());
    std::int64_t reached = 0;
    std::vector<Hold> taskHolds;
    for (const Hold& h : holds) {
        EXPECT_EQ(h.start, reached) << "gap or overlap";
        EXPECT_LT(h.start, h.end);
        reached = h.end;
        EXPECT_EQ(loop.holderAt(double(h.start)), h.task);
        EXPECT_EQ(loop.holderAt(h.end - 0.5), h.task);
        if (h.task != kIdle)
            taskHolds.push_back(h);
    }
    EXPECT_EQ(reached, run.timeline.makespanMs);

    std::vector<Hold> cpu;
    for (const Segment& s : run.timeline.segments) {
        if (s.kind != StepKind::Cpu)
            continue;
        if (!cpu.empty() && cpu.back().task == s.task && cpu.back().end == s.start)
            cpu.back().end = s.end;
        else
            cpu.push_back({s.start, s.end, s.task});
    }
    EXPECT_EQ(taskHolds, cpu);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ExplainProperties, ::testing::Range<std::uint32_t>(1, 201));

} // namespace
} // namespace coroscope
