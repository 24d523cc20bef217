// How the scheduler scales: n tasks × 10 steps, simulated to the end with the timeline
// recorded. Target: under 100 ns per segment at 100,000 tasks, growing no faster than n log n.
// And what an edit in the window costs besides (BM_Analysis/<part>, 100,000 tasks × 10): the
// parts of analyseRun, each alone, to see which of them the window's 300 ms goes to. And
// Explain's slot and worker lanes of the version 2 workload (BM_SlotLanes, 100,000 requests
// through a db of 20 connections and a pool of 8 threads): one pass over the run's decisions.

#include "analysis/runanalysis.h"
#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "randomscenario.h"

#include <benchmark/benchmark.h>

using namespace coroscope;

namespace {

// Counts reports, so the listener calls are paid for but nothing is stored.
class CountingListener final : public SchedulerListener {
public:
    void segmentStarted(const Segment&) override { ++started; }
    void segmentFinished(const Segment&) override { ++finished; }
    void runFinished(std::int64_t) override {}
    std::size_t started = 0;
    std::size_t finished = 0;
};

void perSegment(benchmark::State& state, std::size_t segments) {
    state.SetComplexityN(state.range(0));
    state.counters["per_segment"] =
        benchmark::Counter(double(segments), benchmark::Counter::kIsIterationInvariantRate |
                                                 benchmark::Counter::kInvert);
}

void BM_RunToEnd(benchmark::State& state) {
    const Scenario scenario = test::randomScenario(std::size_t(state.range(0)), 10, 42);
    Scheduler scheduler(scenario);
    CountingListener listener;
    scheduler.setListener(&listener);
    for (auto _ : state) {
        scheduler.reset();
        scheduler.runToEnd();
        benchmark::DoNotOptimize(listener.finished);
    }
    perSegment(state, totalSteps(scenario));
}

void BM_SimulateTimeline(benchmark::State& state) {
    const Scenario scenario = test::randomScenario(std::size_t(state.range(0)), 10, 42);
    for (auto _ : state) {
        Timeline timeline = simulate(scenario);
        benchmark::DoNotOptimize(timeline.segments.data());
    }
    perSegment(state, totalSteps(scenario));
}

enum class Part { Whole, Simulation, Figures, Totals, Lanes, Explanation };

void BM_Analysis(benchmark::State& state, Part part) {
    const Scenario scenario = test::alternatingScenario(100'000, 10, 7);
    const std::size_t tasks = scenario.tasks.size();
    const Run run = simulateRun(scenario);
    for (auto _ : state) {
        switch (part) {
        case Part::Whole:
            benchmark::DoNotOptimize(analyseRun(scenario, {}).axisEnd);
            break;
        case Part::Simulation:
            benchmark::DoNotOptimize(simulateRun(scenario).events.data());
            break;
        case Part::Figures:
            benchmark::DoNotOptimize(computeFigures(scenario, run.timeline, run.events));
            break;
        case Part::Totals:
            benchmark::DoNotOptimize(taskTotals(run, scenario).data());
            break;
        case Part::Lanes:
            benchmark::DoNotOptimize(Lanes(run.timeline, tasks));
            break;
        case Part::Explanation:
            benchmark::DoNotOptimize(Explanation(run.events, scenario));
            break;
        }
    }
}

void BM_SlotLanes(benchmark::State& state) {
    const Scenario scenario = test::requestsScenario(100'000, 7);
    const Run run = simulateRun(scenario);
    for (auto _ : state)
        benchmark::DoNotOptimize(ResourceLanes(run.events, scenario));
}

} // namespace

BENCHMARK(BM_SlotLanes)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analysis, whole, Part::Whole)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analysis, simulation, Part::Simulation)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analysis, figures, Part::Figures)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analysis, totals, Part::Totals)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analysis, lanes, Part::Lanes)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analysis, explanation, Part::Explanation)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RunToEnd)
    ->RangeMultiplier(10)
    ->Range(1'000, 100'000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);
BENCHMARK(BM_SimulateTimeline)
    ->RangeMultiplier(10)
    ->Range(1'000, 100'000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);

BENCHMARK_MAIN();
