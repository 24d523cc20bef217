// The CSV contract and the figures.

#include "figures.h"
#include "scenariobuilder.h"
#include "seedexpectations.h"
#include "timeline.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace coroscope;
using namespace coroscope::test;
using enum StepKind;

TEST(TimelineCsv, SeedMatchesTheDesignTable) {
    std::ostringstream out;
    const Scenario seed = seedScenario();
    writeTimelineCsv(out, seed, simulate(seed));
    EXPECT_EQ(out.str(), kSeedCsv);
}

TEST(TimelineCsv, QuotesNamesThatNeedIt) {
    const Scenario scenario = makeScenario({{"Fetch \"users\", page 1", {{Io, 5}}},
                                            {"two\nlines", {{Cpu, 5}}},
                                            {"plain", {{Cpu, 1}}}});
    std::ostringstream out;
    writeTimelineCsv(out, scenario, simulate(scenario));
    EXPECT_EQ(out.str(), "task,kind,start_ms,end_ms\n"
                         "\"Fetch \"\"users\"\", page 1\",io,0,5\n"
                         "\"two\nlines\",cpu,0,5\n"
                         "plain,cpu,5,6\n");
}

TEST(Figures, SeedFigures) {
    const Scenario seed = seedScenario();
    const Figures f = computeFigures(seed, simulate(seed));
    EXPECT_EQ(f.makespanMs, 800);
    EXPECT_EQ(f.cpuBusyMs, 600);
    EXPECT_DOUBLE_EQ(f.cpuBusyPct, 75.0);
    EXPECT_EQ(f.sequentialMs, 1670);
    EXPECT_DOUBLE_EQ(f.speedup, 1670.0 / 800.0);
    EXPECT_EQ(f.tasks, 3u);
    EXPECT_EQ(f.segments, 9u);
}

TEST(Figures, AllCpuWorkGainsNothing) {
    const Scenario scenario = makeScenario({{"A", {{Cpu, 30}}}, {"B", {{Cpu, 70}}}});
    const Figures f = computeFigures(scenario, simulate(scenario));
    EXPECT_EQ(f.makespanMs, 100);
    EXPECT_DOUBLE_EQ(f.cpuBusyPct, 100.0);
    EXPECT_DOUBLE_EQ(f.speedup, 1.0);
}

TEST(Figures, OverlappingWaitsGainTheirCount) {
    const Scenario scenario =
        makeScenario({{"A", {{Io, 100}}}, {"B", {{Http, 100}}}, {"C", {{Io, 100}}}});
    const Figures f = computeFigures(scenario, simulate(scenario));
    EXPECT_EQ(f.makespanMs, 100);
    EXPECT_EQ(f.cpuBusyMs, 0);
    EXPECT_DOUBLE_EQ(f.speedup, 3.0);
}
