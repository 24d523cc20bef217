// The command line's print modes end to end: the built coroscope executable run as a user
// runs it, on n tasks × 10 steps (each task alternating cpu 1..200 ms with an io or http wait
// of 1..500 ms), standard output to /dev/null. Wall time per run, from start to exit; each
// repetition is one run, reported as median, p95 and min.
// Targets: --print-timeline under 30 ms at 10,000 tasks and under 250 ms at 100,000;
// --print-figures below --print-timeline; a version 2 workload of 100,000 requests (arrivals,
// a slot-limited wait and a thread step each) under a second. BM_CliExport writes the big
// exports of a million steps (100,000 tasks), and the animations (the GIF of 1,000 tasks, the
// web page of 100,000): its counter peak_MB is the run's maximum resident memory, to be under
// 600 MB for --export-trace and for --export-svg --compare --explain.
//
// The BM_Stage_* benchmarks time each stage of a print inside one process (reading the file,
// simulating, writing the CSV, and simulating while writing as the prints do), to see where
// the time of a run goes; BM_CliVersion is the cost of starting the process alone (the
// launcher and the full program it starts for --version).
// COROSCOPE_BENCH_EXECUTABLE=path runs another build of coroscope on the same files.

#include "format/scenarioformat.h"
#include "loop/figures.h"
#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "randomscenario.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace coroscope;

namespace {

constexpr int kStepsPerTask = 10;
constexpr std::uint32_t kSeed = 42;

// The generated scenario files, written once into a temporary folder removed at exit.
class ScenarioFiles {
public:
    ~ScenarioFiles() {
        if (!dir_.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(dir_, ignored);
        }
    }

    const std::string& path(std::size_t tasks) {
        auto [it, added] = paths_.try_emplace(tasks);
        if (added) {
            it->second = folder() + "/tasks-" + std::to_string(tasks) + ".json";
            std::ofstream(it->second, std::ios::binary)
                << serializeScenario(test::alternatingScenario(tasks, kStepsPerTask, kSeed));
        }
        return it->second;
    }
    // The version 2 workload of that many requests.
    const std::string& requestsPath(std::size_t requests) {
        auto [it, added] = requestPaths_.try_emplace(requests);
        if (added) {
            it->second = folder() + "/requests-" + std::to_string(requests) + ".json";
            std::ofstream(it->second, std::ios::binary)
                << serializeScenario(test::requestsScenario(requests, kSeed));
        }
        return it->second;
    }

    // A file to write, beside the scenarios.
    std::string output(const std::string& name) { return folder() + "/" + name; }

private:
    const std::string& folder() {
        if (dir_.empty()) {
            std::string pattern =
                (std::filesystem::temp_directory_path() / "cli_bench-XXXXXX").string();
            if (!::mkdtemp(pattern.data())) {
                std::perror("cli_bench: mkdtemp");
                std::exit(1);
            }
            dir_ = pattern;
        }
        return dir_;
    }

    std::string dir_;
    std::map<std::size_t, std::string> paths_, requestPaths_;
};

ScenarioFiles& files() {
    static ScenarioFiles instance;
    return instance;
}

// The program to run: the one built with this benchmark, or COROSCOPE_BENCH_EXECUTABLE (to
// compare another build on the same files).
const char* executable() {
    const char* other = std::getenv("COROSCOPE_BENCH_EXECUTABLE");
    return other && *other ? other : COROSCOPE_EXECUTABLE;
}

// Runs coroscope with arguments, stdout to /dev/null; its exit status (-1 when it could not be
// run or did not exit). usage, if given, receives what the run used (its peak memory).
int runCoroscope(std::vector<const char*> arguments, rusage* usage = nullptr) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    arguments.insert(arguments.begin(), executable());
    arguments.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, executable(), &actions, nullptr,
                                    const_cast<char* const*>(arguments.data()), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    int status = 0;
    while (wait4(pid, &status, 0, usage) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void BM_Cli(benchmark::State& state, const char* mode) {
    const std::string& scenario = files().path(std::size_t(state.range(0)));
    for (auto _ : state) {
        if (const int status = runCoroscope({"--scenario", scenario.c_str(), mode}); status != 0) {
            state.SkipWithError(("coroscope exited with " + std::to_string(status)).c_str());
            break;
        }
    }
    state.counters["segments"] = double(state.range(0) * kStepsPerTask);
}

// Version 2, end to end: requests arriving over time, each with a wait on a database of 20
// connections and a thread step (target: 100,000 requests printed in under a second).
void BM_CliRequests(benchmark::State& state, const char* mode) {
    const std::string& scenario = files().requestsPath(std::size_t(state.range(0)));
    for (auto _ : state) {
        if (const int status = runCoroscope({"--scenario", scenario.c_str(), mode}); status != 0) {
            state.SkipWithError(("coroscope exited with " + std::to_string(status)).c_str());
            break;
        }
    }
}

// An export of the benchmark's argument's tasks × 10 steps (with its options), written into the
// benchmark's folder; peak_MB is the run's maximum resident set size.
template <class... Options>
void BM_CliExport(benchmark::State& state, const char* mode, const char* file, Options... options) {
    const std::string& scenario = files().path(std::size_t(state.range(0)));
    const std::string out = files().output(file);
    const std::vector<const char*> arguments{"--scenario", scenario.c_str(), mode, out.c_str(),
                                             options...};
    rusage usage{};
    for (auto _ : state) {
        if (const int status = runCoroscope(arguments, &usage); status != 0) {
            state.SkipWithError(("coroscope exited with " + std::to_string(status)).c_str());
            break;
        }
    }
    state.counters["peak_MB"] = double(usage.ru_maxrss) / 1024; // ru_maxrss is in KiB
}

// The 95th percentile of the repetitions (nearest rank).
double p95(const std::vector<double>& values) {
    if (values.empty())
        return 0;
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = std::size_t(0.95 * double(sorted.size()) + 0.999999);
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double minimum(const std::vector<double>& values) {
    return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

// Every run is a repetition of one iteration, so that the statistics are over single runs.
void perRun(benchmark::internal::Benchmark* b) {
    b->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1)
        ->ComputeStatistics("p95", p95)
        ->ComputeStatistics("min", minimum)
        ->ReportAggregatesOnly(true);
}

void cliRuns(benchmark::internal::Benchmark* b) {
    perRun(b);
    b->Arg(10'000)->Arg(100'000)->Repetitions(30);
}

// `coroscope --version`: the cost of starting the process (loading its libraries) alone.
void BM_CliVersion(benchmark::State& state) {
    for (auto _ : state) {
        if (const int status = runCoroscope({"--version"}); status != 0) {
            state.SkipWithError(("coroscope exited with " + std::to_string(status)).c_str());
            break;
        }
    }
}

// ---- Stages, in process ------------------------------------------------------------------

void stages(benchmark::internal::Benchmark* b) {
    b->Unit(benchmark::kMillisecond)->UseRealTime()->Arg(10'000)->Arg(100'000);
}

Scenario loaded(std::size_t tasks) {
    Result<Scenario> result = readScenarioFile(files().path(tasks));
    if (!result) {
        std::fprintf(stderr, "cli_bench: %s\n", result.error().message.c_str());
        std::exit(1);
    }
    return std::move(result).value();
}

void BM_Stage_ReadFile(benchmark::State& state) {
    const std::string& path = files().path(std::size_t(state.range(0)));
    for (auto _ : state) {
        Result<Scenario> result = readScenarioFile(path);
        benchmark::DoNotOptimize(result);
    }
}

void BM_Stage_Simulate(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    for (auto _ : state) {
        Timeline timeline = simulate(scenario);
        benchmark::DoNotOptimize(timeline.segments.data());
    }
}

void BM_Stage_SimulateLoopEvents(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    for (auto _ : state) {
        std::vector<LoopEvent> events = simulateLoopEvents(scenario);
        benchmark::DoNotOptimize(events.data());
    }
}

void BM_Stage_WriteTimelineCsv(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    const Timeline timeline = simulate(scenario);
    std::ofstream out("/dev/null", std::ios::binary);
    for (auto _ : state)
        writeTimelineCsv(out, scenario, timeline);
}

void BM_Stage_WriteLoopEventsCsv(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    const std::vector<LoopEvent> events = simulateLoopEvents(scenario);
    std::ofstream out("/dev/null", std::ios::binary);
    for (auto _ : state)
        writeLoopEventsCsv(out, scenario, events);
}

// What the command line does after reading: simulate and write at once, keeping nothing.
void BM_Stage_PrintTimelineCsv(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    std::ofstream out("/dev/null", std::ios::binary);
    for (auto _ : state)
        printTimelineCsv(out, scenario);
}

void BM_Stage_PrintLoopEventsCsv(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    std::ofstream out("/dev/null", std::ios::binary);
    for (auto _ : state)
        printLoopEventsCsv(out, scenario);
}

void BM_Stage_SimulateFigures(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    for (auto _ : state) {
        Figures figures = simulateFigures(scenario);
        benchmark::DoNotOptimize(figures);
    }
}

// What freeing a loaded scenario costs (the program does it before it exits).
void BM_Stage_FreeScenario(benchmark::State& state) {
    const Scenario scenario = loaded(std::size_t(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        auto copy = std::make_unique<Scenario>(scenario);
        state.ResumeTiming();
        copy.reset();
    }
}

} // namespace

BENCHMARK_CAPTURE(BM_Cli, timeline, "--print-timeline")->Apply(cliRuns);
BENCHMARK_CAPTURE(BM_Cli, figures, "--print-figures")->Apply(cliRuns);
BENCHMARK_CAPTURE(BM_Cli, events, "--print-events")->Apply(cliRuns);
BENCHMARK_CAPTURE(BM_CliRequests, timeline, "--print-timeline")
    ->Apply(perRun)
    ->Arg(100'000)
    ->Repetitions(5);
BENCHMARK_CAPTURE(BM_CliRequests, events, "--print-events")
    ->Apply(perRun)
    ->Arg(100'000)
    ->Repetitions(5);
BENCHMARK(BM_CliVersion)->Apply(perRun)->Repetitions(30);
BENCHMARK_CAPTURE(BM_CliExport, trace, "--export-trace", "trace.json")->Apply(perRun)->Arg(100'000);
BENCHMARK_CAPTURE(BM_CliExport, svgComparedExplained, "--export-svg", "picture.svg", "--compare",
                  "--explain")
    ->Apply(perRun)
    ->Arg(100'000);
BENCHMARK_CAPTURE(BM_CliExport, gif, "--export-gif", "animation.gif")->Apply(perRun)->Arg(1'000);
BENCHMARK_CAPTURE(BM_CliExport, webPage, "--export-html", "page.html")->Apply(perRun)->Arg(100'000);

BENCHMARK(BM_Stage_ReadFile)->Apply(stages);
BENCHMARK(BM_Stage_Simulate)->Apply(stages);
BENCHMARK(BM_Stage_SimulateLoopEvents)->Apply(stages);
BENCHMARK(BM_Stage_WriteTimelineCsv)->Apply(stages);
BENCHMARK(BM_Stage_WriteLoopEventsCsv)->Apply(stages);
BENCHMARK(BM_Stage_PrintTimelineCsv)->Apply(stages);
BENCHMARK(BM_Stage_PrintLoopEventsCsv)->Apply(stages);
BENCHMARK(BM_Stage_SimulateFigures)->Apply(stages);
BENCHMARK(BM_Stage_FreeScenario)->Apply(stages);

BENCHMARK_MAIN();
