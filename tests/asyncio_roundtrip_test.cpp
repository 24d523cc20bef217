// Export → run → open the recording: the scenario comes back as it went out, durations exact
// (a recording keeps each step's nominal ms beside what was measured), names and titles too.

#include "asyncio/asyncioprogram.h"
#include "asyncio/recording.h"
#include "pythonrun.h"
#include "resultchecks.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

Recording recorded(const Scenario& scenario, const char* stretch) {
    const ScratchFolder folder;
    writeText(folder.path("program.py"), asyncioProgram(scenario));
    const PythonRun run = runPython(folder, {folder.path("program.py"), "--stretch", stretch,
                                             "--trace", folder.path("run.json")});
    EXPECT_TRUE(succeeded(run));
    Result<Recording> recording = parseRecording(readText(folder.path("run.json")));
    EXPECT_TRUE(succeeded(recording));
    return recording ? std::move(recording).value() : Recording{};
}

TEST(AsyncioRoundTrip, TheSeedComesBackAsItWentOut) {
    Scenario seed = seedScenario();
    seed.title = "Asynchronous Task Execution";
    seed.subtitle = "Sequential CPU work, concurrent I/O & HTTP waits";
    const Recording recording = recorded(seed, "1.5");
    EXPECT_EQ(recording.scenario, seed);
    // What was measured comes along: every step, and no await returned before its wait's end.
    const MeasuredRun& measured = recording.measured;
    EXPECT_EQ(measured.stretch(), 1.5);
    EXPECT_FALSE(measured.python().empty());
    ASSERT_EQ(measured.tasks(), seed.tasks.size());
    for (std::size_t t = 0; t < seed.tasks.size(); ++t) {
        ASSERT_EQ(measured.lane(t).size(), seed.tasks[t].steps.size());
        for (const MeasuredSegment& segment : measured.lane(t))
            EXPECT_GE(segment.resumed, segment.end - 0.001) << "task " << t + 1;
    }
}

TEST(AsyncioRoundTrip, NamesAndTitlesComeBackExactly) {
    using namespace builtin;
    Scenario scenario = makeScenario({
        {"comma, \"quotes\" \\ back", {{Cpu, 3}, {Cpu, 2}, {Io, 4}}},
        {"new\nline\ttab \u202e Tâche 💥", {{Http, 5}, {Io, 1}, {Cpu, 1}}},
    });
    scenario.title = "\"\"\" title\r\n";
    scenario.subtitle = "sub'title";
    EXPECT_EQ(recorded(scenario, "2").scenario, scenario);
}

// Version 2: the kinds (a declared resource's label and colour, a restyled limit), the pool,
// arrivals, spawns and joins come back, with names that need escaping.
TEST(AsyncioRoundTrip, AVersion2ScenarioComesBackAsItWentOut) {
    using namespace builtin;
    Scenario scenario = makeScenario({});
    scenario.title = "\"\"\" v2\n";
    scenario.threads = 2;
    const StepKind db = scenario.kinds.declare("db", "DB \"query\"", 0x123abc, 1);
    scenario.kinds.restyle(StepKind::Io, "Disk", {}, 2);
    const StepKind thread = scenario.kinds.ensure(KindBehaviour::Thread);
    const StepKind spawn = scenario.kinds.ensure(KindBehaviour::Spawn);
    const StepKind join = scenario.kinds.ensure(KindBehaviour::Join);
    scenario.tasks = {
        {"parent, \"one\"", {{spawn, 0, {1}}, {db, 3}, {join, 0, {1}}, {thread, 2}}, 0},
        {"child\ttab", {{db, 2}, {Cpu, 1}, {join, 0, {2, 3}}}},
        {"late 💥", {{Io, 2}}, 4},
        {"later", {{Http, 1}, {thread, 1}}, 6},
    };
    ASSERT_EQ(formatVersion(scenario), 2);
    const Recording recording = recorded(scenario, "3");
    EXPECT_EQ(recording.scenario, scenario);
    EXPECT_EQ(recording.measured.tasks(), scenario.tasks.size());
}

} // namespace
