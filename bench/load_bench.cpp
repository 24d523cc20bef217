// How fast scenario files load: n tasks × 10 steps, as serializeScenario writes them (indented)
// and with the white space taken out (compact), parsed and validated into a Scenario.
// Reported as bytes per second of file.

#include "format/scenarioformat.h"
#include "randomscenario.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace coroscope;

namespace {

std::string indented(std::size_t tasks) {
    return serializeScenario(test::randomScenario(tasks, 10, 42));
}

// The same JSON without the white space between tokens.
std::string compact(std::size_t tasks) {
    const std::string json = indented(tasks);
    std::string out;
    out.reserve(json.size());
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString && c == '\\') {
            out.append(json, i++, 2);
            continue;
        }
        if (c == '"')
            inString = !inString;
        if (inString || (c != ' ' && c != '\n'))
            out += c;
    }
    return out;
}

void parse(benchmark::State& state, const std::string& json) {
    for (auto _ : state) {
        Result<Scenario> result = parseScenario(json);
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(result.value().tasks.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(json.size()));
    state.counters["file_MB"] = double(json.size()) / 1e6;
}

void BM_ParseIndented(benchmark::State& state) {
    parse(state, indented(std::size_t(state.range(0))));
}

void BM_ParseCompact(benchmark::State& state) {
    parse(state, compact(std::size_t(state.range(0))));
}

void BM_Serialize(benchmark::State& state) {
    const Scenario scenario = test::randomScenario(std::size_t(state.range(0)), 10, 42);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string json = serializeScenario(scenario);
        bytes = json.size();
        benchmark::DoNotOptimize(json.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}

} // namespace

BENCHMARK(BM_ParseIndented)
    ->RangeMultiplier(10)
    ->Range(1'000, 100'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseCompact)
    ->RangeMultiplier(10)
    ->Range(1'000, 100'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Serialize)->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
