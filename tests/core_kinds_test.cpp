// Step kinds are data: the built-in three are entries of a table that a scenario extends with
// wait kinds of its own (a database, a cache), each with a label, a colour and a limit. A
// declared kind runs as a wait, is printed under its name and narrated under its label.

#include "analysis/runanalysis.h"
#include "explain/explain.h"
#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace coroscope;
using namespace coroscope::test;
using namespace coroscope::builtin;

namespace {

// A waits on a database between two cpu steps while B waits on it too.
Scenario withDatabase() {
    Scenario scenario = makeScenario({});
    const StepKind db = scenario.kinds.declare("db", "DB query", 0x8e24aa);
    scenario.tasks = {{"A", {{Cpu, 10}, {db, 50}, {Cpu, 5}}}, {"B", {{db, 20}}}};
    return scenario;
}

} // namespace

TEST(Kinds, TheBuiltInKindsComeFirstWithTheirNamesLabelsAndColours) {
    const KindTable& kinds = builtinKinds();
    ASSERT_EQ(kinds.size(), 3u);
    EXPECT_EQ(kinds[Cpu].name, "cpu");
    EXPECT_EQ(kinds[Io].label, "I/O Wait");
    EXPECT_EQ(kinds[Http].color, 0xef5350u);
    EXPECT_EQ(kinds[Http].shade, 0xe53935u);
    EXPECT_TRUE(kinds.holdsLoop(Cpu));
    EXPECT_FALSE(kinds.holdsLoop(Io));
    EXPECT_EQ(kinds.waitNoun(Io), "I/O");
    EXPECT_EQ(kinds.waitNoun(Http), "HTTP");
}

TEST(Kinds, ADeclaredKindIsAWaitWithItsOwnLabelColourAndLimit) {
    KindTable kinds;
    const StepKind db = kinds.declare("db", "DB query", 0x8e24aa, 2);
    EXPECT_EQ(db, StepKind{3});
    EXPECT_EQ(kinds.find("db"), db);
    EXPECT_EQ(kinds[db].label, "DB query");
    EXPECT_EQ(kinds[db].limit, 2);
    EXPECT_EQ(kinds[db].shade, shadeOf(0x8e24aa));
    EXPECT_FALSE(kinds.holdsLoop(db));
    EXPECT_EQ(kinds.waitNoun(db), "DB query");
    // No label: its name; no colour: the palette's next, none of the built-ins'.
    const StepKind cache = kinds.declare("cache");
    EXPECT_EQ(kinds[cache].label, "cache");
    for (StepKind builtIn : kBuiltinKinds)
        EXPECT_NE(kinds[cache].color, kinds[builtIn].color);
    EXPECT_NE(kinds[cache].color, kinds[db].color);
}

TEST(Kinds, RestylingABuiltInWaitKeepsWhatIsNotGiven) {
    KindTable kinds;
    kinds.restyle(Http, "", std::nullopt, 3);
    EXPECT_EQ(kinds[Http].label, "HTTP Wait");
    EXPECT_EQ(kinds[Http].color, 0xef5350u);
    EXPECT_EQ(kinds[Http].limit, 3);
    kinds.restyle(Io, "Disk", 0x123456, 0);
    EXPECT_EQ(kinds[Io].label, "Disk");
    EXPECT_EQ(kinds[Io].shade, shadeOf(0x123456));
}

TEST(Kinds, ShadeIsTheSameHueALittleDarker) {
    EXPECT_EQ(shadeOf(0x000000), 0x000000u);
    EXPECT_EQ(shadeOf(0xffffff), 0xe5e5e5u);
    EXPECT_EQ(shadeOf(0x8e24aa), 0x7f2099u);
}

TEST(Kinds, ADeclaredKindRunsAsAWaitAndPrintsUnderItsName) {
    std::ostringstream printed;
    printTimelineCsv(printed, withDatabase());
    EXPECT_EQ(printed.str(), "task,kind,start_ms,end_ms\n"
                             "A,cpu,0,10\n"
                             "A,db,10,60\n"
                             "B,db,10,30\n"
                             "A,cpu,60,65\n");
    std::ostringstream written;
    writeTimelineCsv(written, withDatabase(), simulate(withDatabase()));
    EXPECT_EQ(written.str(), printed.str());
}

TEST(Kinds, TheNarrationAndTheTotalsNameADeclaredKind) {
    const Scenario scenario = withDatabase();
    const coroscope::Run run = simulateRun(scenario);
    std::string told;
    for (const LogLine& line : narrate(scenario, run.events))
        told += std::to_string(line.time) + ": " + line.text + "\n";
    EXPECT_NE(told.find("10: A yields at db(50)."), std::string::npos) << told;
    EXPECT_NE(told.find("60: A's DB query wait is done"), std::string::npos) << told;
    const std::vector<TaskTotals> totals = taskTotals(run, scenario);
    ASSERT_EQ(totals.size(), 2u);
    EXPECT_EQ(totals[0].kindMs, (std::vector<std::int64_t>{15, 0, 0, 50}));
    EXPECT_EQ(totals[1].kindMs, (std::vector<std::int64_t>{0, 0, 0, 20}));
}

TEST(Analysis, OneCallGivesTheWholeRunOfTheSeed) {
    const RunAnalysis seed = analyseRun(seedScenario(), {});
    EXPECT_EQ(seed.figures.makespanMs, 800);
    EXPECT_EQ(seed.figures.sequentialMs, 1670);
    EXPECT_EQ(seed.eventTimes, (std::vector<std::int64_t>{0, 150, 250, 370, 500, 600, 670, 800}));
    ASSERT_EQ(seed.taskTotals.size(), 3u);
    EXPECT_EQ(seed.taskTotals[1].readyMs, 150);
    ASSERT_EQ(seed.lanes->tasks(), 3u);
    EXPECT_EQ(seed.lanes->lane(2).back().end, 670); // Task 3: http 370–670
    EXPECT_EQ(seed.events->size(), simulateLoopEvents(seedScenario()).size());
    EXPECT_EQ(seed.blocking, nullptr);
    EXPECT_EQ(seed.axisEnd, 1000);
}

TEST(Analysis, ComparingAddsTheBlockingRunAndWidensTheAxis) {
    const RunAnalysis compared = analyseRun(seedScenario(), {.comparing = true});
    ASSERT_NE(compared.blocking, nullptr);
    EXPECT_EQ(compared.blocking->lane(2).back().end, 1670);
    EXPECT_EQ(compared.axisEnd, 2000);
    EXPECT_EQ(shownAxisEnd(compared.figures, {.comparing = true}), 2000);
    EXPECT_EQ(shownAxisEnd(compared.figures, {}), 1000);
}
