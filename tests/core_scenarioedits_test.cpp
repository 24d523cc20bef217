// The editor's changes to a scenario keep spawns and joins pointing at the same tasks and
// steps at the same kinds, however tasks and kinds come, go or move.

#include "model/scenarioedits.h"
#include "model/scenariorules.h"
#include "resultchecks.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// handler spawns a and b, then joins both; c starts by itself; db is declared.
struct FanOut {
    FanOut() {
        const StepKind spawn = scenario.kinds.ensure(KindBehaviour::Spawn);
        const StepKind join = scenario.kinds.ensure(KindBehaviour::Join);
        db = scenario.kinds.declare("db");
        scenario.tasks = {
            {"handler", {{StepKind::Cpu, 5}, {spawn, 0, {1}}, {spawn, 0, {2}}, {join, 0, {1, 2}}}},
            {"a", {{db, 10}}},
            {"b", {{StepKind::Http, 20}}},
            {"c", {{StepKind::Cpu, 1}}}};
    }
    // The names a task's spawn or join step points at.
    std::vector<std::string> named(std::size_t t, std::size_t s) const {
        std::vector<std::string> names;
        for (std::uint32_t u : scenario.tasks[t].steps[s].tasks)
            names.push_back(scenario.tasks[u].name);
        return names;
    }
    Scenario scenario = makeScenario({});
    StepKind db;
};

using Names = std::vector<std::string>;

} // namespace

TEST(ScenarioEdits, MovingATaskKeepsItsSpawnsAndJoinsPointingAtIt) {
    FanOut f;
    relocateTask(f.scenario, 0, 3); // handler last
    EXPECT_EQ(f.scenario.tasks[3].name, "handler");
    EXPECT_EQ(f.named(3, 1), Names{"a"});
    EXPECT_EQ(f.named(3, 3), (Names{"a", "b"}));
    relocateTask(f.scenario, 2, 0); // c first
    EXPECT_EQ(f.named(3, 2), Names{"b"});
    EXPECT_TRUE(succeeded(validateScenario(f.scenario)));
}

TEST(ScenarioEdits, ATaskTakenOutAndPutBackRestoresTheScenario) {
    FanOut f;
    const Scenario before = f.scenario;
    const Task c = eraseTask(f.scenario, 3);
    EXPECT_EQ(f.named(0, 3), (Names{"a", "b"}));
    insertTask(f.scenario, 0, c); // another place: references follow
    EXPECT_EQ(f.named(1, 3), (Names{"a", "b"}));
    const Task moved = eraseTask(f.scenario, 0);
    insertTask(f.scenario, 3, moved);
    EXPECT_EQ(f.scenario, before);
}

TEST(ScenarioEdits, StepsNamingATaskAndItsSpawner) {
    FanOut f;
    EXPECT_EQ(stepsNaming(f.scenario, 2), (std::vector<StepPlace>{{0, 2}, {0, 3}}));
    EXPECT_TRUE(stepsNaming(f.scenario, 3).empty());
    EXPECT_EQ(spawnerOf(f.scenario), (std::vector<std::int64_t>{-1, 0, 0, -1}));
    EXPECT_EQ(stepsOfKind(f.scenario, f.db), (std::vector<StepPlace>{{1, 0}}));
}

TEST(ScenarioEdits, AKindTakenOutAndPutBackRenumbersTheSteps) {
    FanOut f;
    const Scenario before = f.scenario;
    const StepKind spawn = *f.scenario.kinds.find(KindBehaviour::Spawn);
    const KindSpec spec = f.scenario.kinds[spawn];
    f.scenario.tasks[0].steps.erase(f.scenario.tasks[0].steps.begin() + 1,
                                    f.scenario.tasks[0].steps.begin() + 3);
    const Scenario withoutSpawns = f.scenario;
    eraseKind(f.scenario, spawn);
    EXPECT_EQ(f.scenario.kinds[f.scenario.tasks[1].steps[0].kind].name, "db");
    EXPECT_EQ(f.scenario.kinds.behaviour(f.scenario.tasks[0].steps[1].kind), KindBehaviour::Join);
    insertKind(f.scenario, spawn, spec);
    EXPECT_EQ(f.scenario, withoutSpawns);
    EXPECT_NE(f.scenario, before);
}

TEST(ScenarioEdits, AFreeTaskNameSkipsTheNamesTaken) {
    Scenario scenario = makeScenario({{"Task 2", {{StepKind::Cpu, 1}}}});
    EXPECT_EQ(freeTaskName(scenario), "Task 3");
    scenario.tasks.push_back({"Task 3", {{StepKind::Cpu, 1}}});
    EXPECT_EQ(freeTaskName(scenario), "Task 4");
}
