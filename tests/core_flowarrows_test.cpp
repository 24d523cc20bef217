// The spawn and join arrows of a version 2 run: from the parent's moment to the child's first
// step, and from the last joined task's end to the parent's wake-up.

#include "fanout.h"
#include "loop/blocking.h"
#include "loop/timeline.h"
#include "view/flowarrows.h"

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

struct FanOutArrows : testing::Test {
    const Scenario scenario = test::fanOutScenario();
    const Lanes lanes{simulate(scenario), scenario.tasks.size()};
    const std::vector<FlowArrow> arrows = flowArrows(scenario, lanes);
};

} // namespace

TEST_F(FanOutArrows, EverySpawnGoesFromTheHandlerAtFiveMsToTheChildsFirstStep) {
    ASSERT_EQ(arrows.size(), 7u);
    for (std::uint32_t i = 0; i < 6; ++i) {
        const FlowArrow& a = arrows[i];
        EXPECT_EQ(a.kind, FlowArrow::Kind::Spawn);
        EXPECT_EQ(a.fromTask, 0u);
        EXPECT_EQ(a.step, i + 1);
        EXPECT_EQ(scenario.tasks[a.toTask].name, "f" + std::to_string(i + 1));
        EXPECT_EQ(a.fromMs, 5) << "after the handler's 5 ms of CPU";
        EXPECT_EQ(a.toMs, lanes.lane(a.toTask).front().start);
        EXPECT_GE(a.toMs, a.fromMs);
    }
}

TEST_F(FanOutArrows, TheJoinGoesFromTheLastFetchToTheHandlersWakeUp) {
    const FlowArrow& join = arrows.back();
    EXPECT_EQ(join.kind, FlowArrow::Kind::Join);
    EXPECT_EQ(join.toTask, 0u);
    EXPECT_EQ(join.step, 7u);
    std::int64_t lastEnd = 0;
    for (std::size_t t = 2; t < scenario.tasks.size(); ++t)
        lastEnd = std::max(lastEnd, lanes.lane(t).back().end);
    EXPECT_EQ(join.fromMs, lastEnd);
    EXPECT_EQ(lanes.lane(join.fromTask).back().end, lastEnd);
    // The handler's rows: its 5 ms of CPU, then the join (its step 7), which ends at the wake-up.
    ASSERT_GE(lanes.lane(0).size(), 2u);
    EXPECT_EQ(lanes.lane(0)[1].step, 7u);
    EXPECT_EQ(join.toMs, lanes.lane(0)[1].end);
}

TEST(FlowArrows, AVersionOneRunHasNone) {
    const Scenario scenario = test::scriptScenario("a: cpu 1, io 3\nb: cpu 2\n");
    EXPECT_TRUE(flowArrows(scenario, Lanes(simulate(scenario), 2)).empty());
}

TEST(FlowArrows, AJoinOfTasksAlreadyGoneDrawsNothing) {
    // b is over long before a joins it: the join never waits.
    const Scenario scenario = test::scriptScenario("a: spawn b, io 50, join b, cpu 1\nb: cpu 2\n");
    const std::vector<FlowArrow> arrows = flowArrows(scenario, Lanes(simulate(scenario), 2));
    ASSERT_EQ(arrows.size(), 1u);
    EXPECT_EQ(arrows[0].kind, FlowArrow::Kind::Spawn);
}

// The blocking run calls each child in its turn and goes on once they are all done: a spawn's
// arrow leaves the handler where the child starts, never later (it was drawn from the
// handler's last step, backwards in time).
TEST_F(FanOutArrows, InTheBlockingRunEachSpawnLeavesWhenItsChildStarts) {
    const Lanes blocking{blockingTimeline(scenario), scenario.tasks.size()};
    const std::vector<FlowArrow> called = flowArrows(scenario, blocking);
    ASSERT_EQ(called.size(), 6u) << "no join arrow: the join finds its tasks done, never waits";
    for (std::uint32_t i = 0; i < 6; ++i) {
        const FlowArrow& a = called[i];
        EXPECT_EQ(a.toMs, blocking.lane(a.toTask).front().start);
        EXPECT_EQ(a.fromMs, a.toMs) << scenario.tasks[a.toTask].name;
    }
    EXPECT_EQ(called[0].fromMs, 5) << "the first child starts after the handler's 5 ms of CPU";
}
