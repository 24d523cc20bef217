// The blocking run the comparison shows: every wait holds the CPU, so the tasks run one after
// another in scenario order and the run lasts as long as all steps together.

#include "loop/blocking.h"
#include "loop/figures.h"
#include "randomscenario.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

TEST(BlockingRun, OfTheSeedLasts1670MsTaskAfterTask) {
    const Timeline blocking = blockingTimeline(seedScenario());
    EXPECT_EQ(blocking.makespanMs, 1670);
    const std::vector<Segment> expected{
        {0, 0, StepKind::Cpu, 0, 150},      {0, 1, StepKind::Io, 150, 500},
        {0, 2, StepKind::Cpu, 500, 600},    {1, 0, StepKind::Cpu, 600, 700},
        {1, 1, StepKind::Io, 700, 820},     {1, 2, StepKind::Cpu, 820, 950},
        {1, 3, StepKind::Http, 950, 1250},  {2, 0, StepKind::Cpu, 1250, 1370},
        {2, 1, StepKind::Http, 1370, 1670},
    };
    EXPECT_EQ(blocking.segments, expected);
}

TEST(BlockingRun, NeverOverlapsAndLastsTheSequentialTime) {
    for (std::uint32_t seed = 1; seed <= 50; ++seed) {
        const Scenario scenario = randomScenario(1 + seed % 7, 1 + int(seed % 5), seed);
        const Timeline blocking = blockingTimeline(scenario);
        ASSERT_EQ(blocking.segments.size(), totalSteps(scenario));
        EXPECT_EQ(blocking.makespanMs, simulateFigures(scenario).sequentialMs);
        std::int64_t end = 0;
        for (const Segment& s : blocking.segments) {
            EXPECT_EQ(s.start, end) << "one segment right after another, nothing at once";
            EXPECT_EQ(s.duration(), scenario.tasks[s.task].steps[s.step].ms);
            end = s.end;
        }
    }
}

TEST(BlockingRun, OfNoTasksIsEmpty) {
    const Timeline blocking = blockingTimeline(Scenario{});
    EXPECT_TRUE(blocking.segments.empty());
    EXPECT_EQ(blocking.makespanMs, 0);
}
