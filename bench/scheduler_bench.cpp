// How the scheduler scales: n tasks × 10 steps, simulated to the end with the timeline
// recorded. Target: under 100 ns per segment at 100,000 tasks, growing no faster than n log n.

#include "timeline.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace coroscope;

namespace {

Scenario generated(std::size_t tasks) {
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> kind(0, 2);
    std::uniform_int_distribution<int> ms(1, 500);
    Scenario scenario{"bench", "", {}};
    scenario.tasks.reserve(tasks);
    for (std::size_t t = 0; t < tasks; ++t) {
        Task task{"Task " + std::to_string(t + 1), {}};
        for (int s = 0; s < 10; ++s)
            task.steps.push_back({kAllStepKinds[std::size_t(kind(rng))], ms(rng)});
        scenario.tasks.push_back(std::move(task));
    }
    return scenario;
}

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
    const Scenario scenario = generated(std::size_t(state.range(0)));
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
    const Scenario scenario = generated(std::size_t(state.range(0)));
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
