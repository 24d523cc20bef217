// Validation: each rule has its own message naming the place.

#include "scenariobuilder.h"

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;
using namespace builtin;

namespace {

std::string messageFor(const Scenario& scenario) {
    const auto valid = validateScenario(scenario);
    return valid ? "valid" : valid.error().message;
}

} // namespace

TEST(ScenarioValidation, SeedIsValid) {
    EXPECT_EQ(messageFor(seedScenario()), "valid");
}

TEST(ScenarioValidation, DurationsAtTheLimitsAreValid) {
    EXPECT_EQ(messageFor(makeScenario({{"A", {{Cpu, kMinStepMs}, {Io, kMaxStepMs}}}})), "valid");
}

TEST(ScenarioValidation, EachRuleNamesItsPlace) {
    EXPECT_EQ(messageFor(makeScenario({})), "scenario: there are no tasks; a scenario needs at "
                                            "least one");
    EXPECT_EQ(messageFor(makeScenario({{"A", {{Cpu, 1}}}, {"B", {{Cpu, 5}, {Io, 0}}}})),
              "task 2 \"B\", step 2: duration 0 ms is outside 1..86400000 ms");
    EXPECT_EQ(messageFor(makeScenario({{"A", {{Http, kMaxStepMs + 1}}}})),
              "task 1 \"A\", step 1: duration 86400001 ms is outside 1..86400000 ms");
    EXPECT_EQ(messageFor(makeScenario({{"A", {{Cpu, -5}}}})),
              "task 1 \"A\", step 1: duration -5 ms is outside 1..86400000 ms");
    EXPECT_EQ(messageFor(makeScenario({{"A", {}}})),
              "task 1 \"A\": a task needs at least one step");
    EXPECT_EQ(messageFor(makeScenario({{"A", {{Cpu, 1}}}, {"", {{Cpu, 1}}}})),
              "task 2: the name is empty");
    EXPECT_EQ(
        messageFor(makeScenario({{std::string(kMaxNameBytes + 1, 'x'), {{Cpu, 1}}}})).substr(0, 6),
        "task 1");
}

TEST(ScenarioValidation, CapsBoundTheSize) {
    Scenario many = makeScenario(std::vector<Task>(kMaxTasks + 1, Task{"T", {{Cpu, 1}}}));
    EXPECT_EQ(messageFor(many), "scenario: has 100001 tasks, more than the 100000 allowed");

    Scenario longTask = makeScenario({{"T", std::vector<Step>(kMaxStepsPerTask + 1, Step{})}});
    EXPECT_EQ(messageFor(longTask), "task 1 \"T\": has 10001 steps, more than the 10000 allowed");

    Scenario total =
        makeScenario(std::vector<Task>(kMaxTotalSteps / kMaxStepsPerTask + 1,
                                       Task{"T", std::vector<Step>(kMaxStepsPerTask, Step{})}));
    EXPECT_EQ(messageFor(total),
              "task 101 \"T\": brings the scenario past the 1000000 steps allowed in all");
}

TEST(ScenarioValidation, DuplicateNamesAreAllowed) {
    EXPECT_EQ(messageFor(makeScenario({{"Same", {{Cpu, 1}}}, {"Same", {{Io, 1}}}})), "valid");
}

TEST(ScenarioTotals, SequentialTimeIsTheSumOfAllSteps) {
    EXPECT_EQ(sequentialMs(seedScenario()), 1670);
    EXPECT_EQ(totalSteps(seedScenario()), 9u);
}

TEST(StepKinds, NamesRoundTrip) {
    for (StepKind kind : kBuiltinKinds)
        EXPECT_EQ(builtinKinds().find(builtinKinds()[kind].name), kind);
    EXPECT_EQ(builtinKinds().find("CPU"), std::nullopt);
    EXPECT_EQ(builtinKinds()[Cpu].label, "Processing");
    EXPECT_EQ(builtinKinds()[Io].label, "I/O Wait");
    EXPECT_EQ(builtinKinds()[Http].label, "HTTP Wait");
}
