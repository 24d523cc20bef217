// An edit of a big scenario is analysed in the background while the old schedule plays on; a
// result is shown only for the scenario it was computed for: one overtaken by a newer edit is
// dropped.

#include "bridge/schedulerbridge.h"
#include "randomscenario.h"

#include <QCoreApplication>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

// 12,000 tasks × 10 steps: big enough to be analysed in the background.
Scenario withFirstStep(int ms) {
    Scenario scenario = test::alternatingScenario(12'000, 10, 7);
    scenario.tasks[0].steps[0].ms = ms;
    return scenario;
}

class BackgroundUpdate : public ::testing::Test {
protected:
    BackgroundUpdate() {
        bridge.setScenario(withFirstStep(100));
        QObject::connect(
            &bridge, &SchedulerBridge::scenarioChanged,
            [this](const Scenario& scenario) { shown.push_back(scenario.tasks[0].steps[0].ms); });
    }
    // Until the wanted schedule is in, and whatever else was queued has been handled.
    void settle() {
        EXPECT_TRUE(QTest::qWaitFor([this] { return !bridge.updating(); }, 30'000));
        QTest::qWait(50);
    }
    SchedulerBridge bridge;
    std::vector<std::int64_t> shown; // the first step's duration of each schedule shown
};

TEST_F(BackgroundUpdate, TheOldScheduleStaysUntilTheNewOneIsComputed) {
    bridge.updateScenario(withFirstStep(1'100));
    EXPECT_TRUE(bridge.updating());
    EXPECT_EQ(bridge.scenario().tasks[0].steps[0].ms, 100);
    settle();
    EXPECT_EQ(shown, std::vector<std::int64_t>{1'100});
    EXPECT_EQ(bridge.scenario().tasks[0].steps[0].ms, 1'100);
}

TEST_F(BackgroundUpdate, AResultOvertakenByANewerEditIsDropped) {
    bridge.updateScenario(withFirstStep(1'100));
    QTest::qWait(20); // the first edit's analysis is under way
    bridge.updateScenario(withFirstStep(2'100));
    settle();
    EXPECT_EQ(shown, std::vector<std::int64_t>{2'100});
    EXPECT_EQ(bridge.scenario().tasks[0].steps[0].ms, 2'100);
}

TEST_F(BackgroundUpdate, AScenarioSetMeanwhileWins) {
    bridge.updateScenario(withFirstStep(1'100));
    bridge.setScenario(withFirstStep(3'100)); // File ▸ Open, say
    settle();
    EXPECT_EQ(shown, std::vector<std::int64_t>{3'100});
    EXPECT_EQ(bridge.scenario().tasks[0].steps[0].ms, 3'100);
}

} // namespace
