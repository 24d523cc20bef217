// How the scheduler scales: n tasks × 10 steps, simulated to the end with the timeline
// recorded. Target: under 100 ns per segment at 100,000 tasks, growing no faster than n log n.

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

} // namespace

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
