// Our scheduler against the real asyncio: the exported program runs on Python's event loop in
// real time, stretched 4× so that a timer's millisecond of delay stays small beside the steps,
// and the timeline it prints must be the model's: the same order of tasks on the CPU, every
// segment starting within 3 ms + 0.5 % of the model's start. Real time is real: these runs take
// about 20 s in all and run alone (RUN_SERIAL), since a busy second core makes timers late.

#include "asyncio/asyncioprogram.h"
#include "loop/timeline.h"
#include "pythonrun.h"
#include "randomscenario.h"
#include "scenariobuilder.h"
#include "timelinecsv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iostream>
#include <random>
#include <sstream>

using namespace coroscope;
using namespace coroscope::test;

namespace {

constexpr double kStretch = 4;
constexpr double kAllowedMs = 3;
constexpr double kAllowedShare = 0.005;

// The generated scenarios: at least five, of 3–6 tasks of 2–6 steps of 5–150 ms, short
// enough that all the runs, stretched, take about 20 s.
constexpr ScenarioShape kShape{3, 6, 2, 6, 5, 150};
constexpr std::size_t kGenerated = 6;
constexpr std::int64_t kMaxMakespanMs = 800;
constexpr double kBudgetSeconds = 25;

// How late real steps may end in these runs, in scenario ms: a timer fires a millisecond or
// two late, a busy-wait overruns when the process is descheduled at its end.
constexpr int kLatenessMs = 2;

// Which task holds the loop, cpu segment after cpu segment.
std::vector<std::size_t> cpuOrder(const Timeline& timeline) {
    std::vector<std::size_t> tasks;
    for (const Segment& s : timeline.segments)
        if (s.kind == StepKind::Cpu)
            tasks.push_back(s.task);
    return tasks;
}

// Two tasks whose waits end together (or within a timer's delay) take the loop in the order
// the model's rule says, but asyncio decides it by which timer the clock reaches first: real
// noise. A scenario is a fair comparison when its CPU order stays the same with every step up
// to kLatenessMs late (drawn in 10 µs units, many times over).
bool orderSurvivesLateness(const Scenario& scenario) {
    constexpr int kUnitsPerMs = 100;
    const std::vector<std::size_t> order = cpuOrder(simulate(scenario));
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> lateness(0, kLatenessMs * kUnitsPerMs);
    for (int trial = 0; trial < 50; ++trial) {
        Scenario late = scenario;
        for (Task& task : late.tasks)
            for (Step& step : task.steps)
                step.ms = step.ms * kUnitsPerMs + lateness(rng);
        if (cpuOrder(simulate(late)) != order)
            return false;
    }
    return true;
}

struct Compared {
    std::uint32_t seed;
    Scenario scenario;
};

// The first kGenerated seeds whose scenarios fit the time budget and compare fairly.
const std::vector<Compared>& generatedScenarios() {
    static const std::vector<Compared> chosen = [] {
        std::vector<Compared> scenarios;
        for (std::uint32_t seed = 1; scenarios.size() < kGenerated; ++seed) {
            Scenario scenario = randomScenario(kShape, seed);
            if (simulate(scenario).makespanMs <= kMaxMakespanMs && orderSurvivesLateness(scenario))
                scenarios.push_back({seed, std::move(scenario)});
        }
        return scenarios;
    }();
    return chosen;
}

using Row = TimelineRow;

// The observed rows against the model: each task's rows in start order are its steps; waits
// end at start + ms; starts within the allowance; the same CPU order. largestDeviationMs: how
// far the furthest start was from the model's.
testing::AssertionResult matchesModel(const Scenario& scenario, const std::vector<Row>& rows,
                                      double& largestDeviationMs) {
    const Timeline model = simulate(scenario);
    if (rows.size() != model.segments.size())
        return testing::AssertionFailure()
               << rows.size() << " rows for " << model.segments.size() << " steps";
    std::vector<std::size_t> stepsSeen(scenario.tasks.size(), 0);
    std::vector<std::size_t> order;
    for (const Row& row : rows) {
        const std::size_t step = stepsSeen[row.task]++;
        if (step >= scenario.tasks[row.task].steps.size())
            return testing::AssertionFailure() << "more rows than steps for task " << row.task + 1;
        const auto modelled =
            std::find_if(model.segments.begin(), model.segments.end(),
                         [&](const Segment& s) { return s.task == row.task && s.step == step; });
        const Step& nominal = scenario.tasks[row.task].steps[step];
        const std::string place =
            scenario.tasks[row.task].name + " step " + std::to_string(step + 1) + ": ";
        if (row.kind != builtinKinds()[nominal.kind].name)
            return testing::AssertionFailure()
                   << place << row.kind << " instead of " << builtinKinds()[nominal.kind].name;
        if (isWait(nominal.kind) && row.end != row.start + nominal.ms)
            return testing::AssertionFailure()
                   << place << "a wait from " << row.start << " ends at " << row.end;
        const double deviation = std::abs(double(row.start - modelled->start));
        const double allowed = kAllowedMs + kAllowedShare * double(modelled->start);
        largestDeviationMs = std::max(largestDeviationMs, deviation);
        if (deviation > allowed)
            return testing::AssertionFailure()
                   << place << "started at " << row.start << " ms, the model says "
                   << modelled->start << " (at most " << allowed << " ms apart)";
        if (row.kind == "cpu")
            order.push_back(row.task);
    }
    if (order != cpuOrder(model))
        return testing::AssertionFailure() << "the tasks took the CPU in another order";
    return testing::AssertionSuccess();
}

std::string modelCsv(const Scenario& scenario) {
    std::ostringstream csv;
    writeTimelineCsv(csv, scenario, simulate(scenario));
    return csv.str();
}

void runAndCompare(const Scenario& scenario) {
    const ScratchFolder folder;
    writeText(folder.path("program.py"), asyncioProgram(scenario));
    const PythonRun run =
        runPython(folder, {folder.path("program.py"), "--stretch", std::to_string(kStretch),
                           "--trace", folder.path("run.json")});
    ASSERT_TRUE(succeeded(run));
    std::vector<Row> rows;
    ASSERT_TRUE(parseTimeline(run.out, scenario, rows)) << run.out;
    double largestDeviationMs = 0;
    EXPECT_TRUE(matchesModel(scenario, rows, largestDeviationMs)) << "asyncio's timeline:\n"
                                                                  << run.out << "the model's:\n"
                                                                  << modelCsv(scenario);
    EXPECT_FALSE(readText(folder.path("run.json")).empty());
    std::cout << "python3 ran for " << run.seconds << " s; the furthest start was "
              << largestDeviationMs << " ms from the model's\n";
}

TEST(RealAsyncio, RunsTheSeedAsTheModelDoes) {
    Scenario seed = seedScenario();
    seed.title = "Asynchronous Task Execution";
    runAndCompare(seed);
}

class GeneratedScenario : public ::testing::TestWithParam<std::size_t> {};

TEST_P(GeneratedScenario, RunsAsTheModelDoes) {
    runAndCompare(generatedScenarios()[GetParam()].scenario);
}

INSTANTIATE_TEST_SUITE_P(RealAsyncio, GeneratedScenario,
                         ::testing::Range<std::size_t>(0, kGenerated),
                         [](const testing::TestParamInfo<std::size_t>& info) {
                             return "Seed" + std::to_string(generatedScenarios()[info.param].seed);
                         });

// The comparison means something only if the scenarios hold what the model's rules are about.
TEST(RealAsyncio, TheGeneratedScenariosHoldEveryKindOfNeighbourWithinTheBudget) {
    double seconds = double(simulate(seedScenario()).makespanMs) * kStretch / 1000;
    bool cpuThenCpu = false;
    bool waitThenWait = false;
    std::size_t fewest = kShape.maxTasks;
    std::size_t most = 0;
    for (const auto& [seed, scenario] : generatedScenarios()) {
        seconds += double(simulate(scenario).makespanMs) * kStretch / 1000;
        fewest = std::min(fewest, scenario.tasks.size());
        most = std::max(most, scenario.tasks.size());
        for (const Task& task : scenario.tasks) {
            for (std::size_t s = 1; s < task.steps.size(); ++s) {
                const bool waits[] = {isWait(task.steps[s - 1].kind), isWait(task.steps[s].kind)};
                cpuThenCpu = cpuThenCpu || (!waits[0] && !waits[1]);
                waitThenWait = waitThenWait || (waits[0] && waits[1]);
            }
        }
    }
    EXPECT_TRUE(cpuThenCpu);
    EXPECT_TRUE(waitThenWait);
    EXPECT_LT(fewest, most);
    EXPECT_LE(seconds, kBudgetSeconds);
}

} // namespace
