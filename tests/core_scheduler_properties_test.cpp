// Properties of the scheduler on many generated scenarios (fixed seeds), checked against an
// independent, deliberately simple model of the design's rules.

#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <random>

using namespace coroscope;
using namespace coroscope::test;

namespace {

Scenario randomScenario(std::uint32_t seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Scenario scenario = makeScenario({});
    const int taskCount = pick(1, 12);
    // Small durations from a short list make equal end times (the tie rules) common.
    const int durations[] = {1, 5, 10, 10, 20, 25, 50, 100};
    for (int t = 0; t < taskCount; ++t) {
        Task task{"T" + std::to_string(t), {}};
        const int steps = pick(1, 8);
        for (int s = 0; s < steps; ++s)
            task.steps.push_back({kBuiltinKinds[std::size_t(pick(0, 2))], durations[pick(0, 7)]});
        scenario.tasks.push_back(task);
    }
    return scenario;
}

// The design's rules, written out as plainly as possible (quadratic, for small inputs).
std::vector<Segment> referenceModel(const Scenario& scenario) {
    struct Wait {
        std::int64_t end;
        std::uint64_t order;
        std::size_t task;
    };
    std::vector<Segment> segments;
    std::vector<std::size_t> next(scenario.tasks.size(), 0);
    std::deque<std::size_t> ready;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        ready.push_back(t);
    std::vector<Wait> waits;
    std::uint64_t order = 0;
    std::int64_t now = 0;
    while (!ready.empty() || !waits.empty()) {
        if (ready.empty()) { // the CPU idles until the first wait ends
            now = std::max(now, std::min_element(waits.begin(), waits.end(), [](auto& a, auto& b) {
                                    return a.end < b.end;
                                })->end);
        }
        std::sort(waits.begin(), waits.end(), [](const Wait& a, const Wait& b) {
            return a.end != b.end ? a.end < b.end : a.order < b.order;
        });
        while (!waits.empty() && waits.front().end <= now) {
            ready.push_back(waits.front().task);
            waits.erase(waits.begin());
        }
        const std::size_t task = ready.front();
        ready.pop_front();
        const auto& steps = scenario.tasks[task].steps;
        while (next[task] < steps.size()) {
            const Step step = steps[next[task]];
            segments.push_back({task, next[task], step.kind, now, now + step.ms});
            ++next[task];
            if (step.kind != StepKind::Cpu) {
                waits.push_back({now + step.ms, order++, task});
                break;
            }
            now += step.ms;
        }
    }
    std::sort(segments.begin(), segments.end(), startsBefore);
    return segments;
}

// Whether [from, to) lies inside the union of sorted, disjoint cpu segments.
bool coveredByCpu(const std::vector<Segment>& cpu, std::int64_t from, std::int64_t to) {
    std::int64_t reached = from;
    for (const Segment& s : cpu) {
        if (s.start > reached)
            break;
        reached = std::max(reached, s.end);
        if (reached >= to)
            return true;
    }
    return reached >= to;
}

class SchedulerProperties : public ::testing::TestWithParam<std::uint32_t> {};

} // namespace

TEST_P(SchedulerProperties, MatchesTheReferenceModel) {
    const Scenario scenario = randomScenario(GetParam());
    EXPECT_EQ(simulate(scenario).segments, referenceModel(scenario));
}

TEST_P(SchedulerProperties, CpuSegmentsNeverOverlap) {
    std::vector<Segment> cpu;
    for (const Segment& s : simulate(randomScenario(GetParam())).segments)
        if (s.kind == StepKind::Cpu)
            cpu.push_back(s);
    for (std::size_t i = 1; i < cpu.size(); ++i)
        EXPECT_LE(cpu[i - 1].end, cpu[i].start) << "cpu segment " << i;
}

TEST_P(SchedulerProperties, EveryStepAppearsOnceInOrderWithItsDuration) {
    const Scenario scenario = randomScenario(GetParam());
    const Timeline timeline = simulate(scenario);
    EXPECT_EQ(timeline.segments.size(), totalSteps(scenario));
    std::vector<std::vector<Segment>> perTask(scenario.tasks.size());
    for (const Segment& s : timeline.segments)
        perTask[s.task].push_back(s);
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const auto& steps = scenario.tasks[t].steps;
        ASSERT_EQ(perTask[t].size(), steps.size()) << "task " << t;
        for (std::size_t s = 0; s < steps.size(); ++s) {
            EXPECT_EQ(perTask[t][s].step, s);
            EXPECT_EQ(perTask[t][s].kind, steps[s].kind);
            EXPECT_EQ(perTask[t][s].duration(), steps[s].ms);
            if (s > 0) {
                EXPECT_GE(perTask[t][s].start, perTask[t][s - 1].end) << "overlap in task " << t;
            }
        }
    }
}

TEST_P(SchedulerProperties, CpuNeverIdlesWhileATaskIsReady) {
    const Scenario scenario = randomScenario(GetParam());
    const Timeline timeline = simulate(scenario);
    std::vector<Segment> cpu;
    std::vector<std::vector<Segment>> perTask(scenario.tasks.size());
    for (const Segment& s : timeline.segments) {
        perTask[s.task].push_back(s);
        if (s.kind == StepKind::Cpu)
            cpu.push_back(s);
    }
    for (const auto& segments : perTask) {
        // Before its first step and after each wait a task is ready: the CPU must be busy
        // for as long as it is kept waiting.
        std::int64_t readySince = 0;
        for (const Segment& s : segments) {
            if (s.start > readySince) {
                EXPECT_TRUE(coveredByCpu(cpu, readySince, s.start))
                    << "task " << s.task << " waited from " << readySince << " to " << s.start;
            }
            readySince = s.end;
        }
    }
    // And after a cpu step the same task goes on at once.
    for (const auto& segments : perTask) {
        for (std::size_t i = 1; i < segments.size(); ++i) {
            if (segments[i - 1].kind == StepKind::Cpu) {
                EXPECT_EQ(segments[i].start, segments[i - 1].end);
            }
        }
    }
}

TEST_P(SchedulerProperties, RunUntilInPiecesGivesTheSameEventsAsOneRun) {
    const Scenario scenario = randomScenario(GetParam());
    EventLog whole;
    Scheduler a(scenario);
    a.setListener(&whole);
    a.runToEnd();

    EventLog pieces;
    Scheduler b(scenario);
    b.setListener(&pieces);
    std::mt19937 rng(GetParam());
    for (std::int64_t t = 0; !b.finished(); t += std::uniform_int_distribution<int>(0, 40)(rng)) {
        b.runUntil(t);
        for (const Event& e : pieces.events) {
            if (e.type == Event::Started) {
                EXPECT_LE(e.segment.start, t);
            }
            if (e.type == Event::Finished) {
                EXPECT_LE(e.segment.end, t);
            }
        }
    }
    EXPECT_EQ(pieces.events, whole.events);
}

TEST_P(SchedulerProperties, ResetAndRerunGivesTheSameEvents) {
    const Scenario scenario = randomScenario(GetParam());
    EventLog log;
    Scheduler scheduler(scenario);
    scheduler.setListener(&log);
    scheduler.runToEnd();
    const std::vector<Event> first = log.events;

    scheduler.reset();
    log.events.clear();
    scheduler.runUntil(first.size() > 2 ? first[first.size() / 2].segment.start : 0);
    scheduler.reset(); // half way: a seek backwards
    log.events.clear();
    scheduler.runToEnd();
    EXPECT_EQ(log.events, first);
}

// Each task's life, from 0 to when it leaves, is tiled by its segments and the stretches in
// which it is ready but not running (from ready to run): no gap, no overlap.
TEST_P(SchedulerProperties, ReadyStretchesAndSegmentsTileEachTasksLife) {
    const Scenario scenario = randomScenario(GetParam());
    const std::vector<LoopEvent> events = simulateLoopEvents(scenario);
    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> pieces(scenario.tasks.size());
    std::vector<std::int64_t> readySince(scenario.tasks.size(), -1);
    std::vector<std::int64_t> left(scenario.tasks.size(), -1);
    for (const LoopEvent& e : events) {
        if (e.kind == LoopEventKind::Ready) {
            EXPECT_EQ(readySince[e.task], -1) << "ready twice";
            readySince[e.task] = e.time;
        } else if (e.kind == LoopEventKind::Run) {
            ASSERT_NE(readySince[e.task], -1) << "picked before it was ready";
            if (e.time > readySince[e.task])
                pieces[e.task].push_back({readySince[e.task], e.time});
            readySince[e.task] = -1;
        } else if (e.kind == LoopEventKind::Done) {
            left[e.task] = e.time;
        }
    }
    for (const Segment& s : simulate(scenario).segments)
        pieces[s.task].push_back({s.start, s.end});
    for (std::size_t t = 0; t < pieces.size(); ++t) {
        std::sort(pieces[t].begin(), pieces[t].end());
        std::int64_t covered = 0;
        for (const auto& [from, to] : pieces[t]) {
            EXPECT_EQ(from, covered) << "task " << t << ": gap or overlap at " << covered;
            covered = to;
        }
        EXPECT_EQ(covered, left[t]) << "task " << t;
    }
}

// The loop idles only when nothing is ready, and never twice in a row.
TEST_P(SchedulerProperties, TheLoopNeverIdlesWhileATaskIsReady) {
    const Scenario scenario = randomScenario(GetParam());
    std::size_t ready = 0;
    bool idle = false;
    for (const LoopEvent& e : simulateLoopEvents(scenario)) {
        if (e.kind == LoopEventKind::Ready)
            ++ready;
        if (e.kind == LoopEventKind::Run) {
            --ready;
            idle = false;
        }
        if (e.kind == LoopEventKind::Idle) {
            EXPECT_EQ(ready, 0u) << "idle at " << e.time << " with a task ready";
            EXPECT_FALSE(idle) << "idle twice at " << e.time;
            idle = true;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SchedulerProperties, ::testing::Range<std::uint32_t>(1, 201));
