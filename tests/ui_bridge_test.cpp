// The signal bridge: the seed's events as signals, paced by an injected clock.

#include "bridge/schedulerbridge.h"
#include "files/scenariofile.h"
#include "qstringprinter.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

// Every signal of the bridge, in emission order, as text.
class SignalLog : public QObject {
public:
    explicit SignalLog(SchedulerBridge* bridge) {
        auto seg = [](const Segment& s) {
            return QStringLiteral("T%1.%2 %3 %4-%5")
                .arg(s.task + 1)
                .arg(s.step + 1)
                .arg(QString::fromUtf8(builtinKinds()[s.kind].name.data()))
                .arg(s.start)
                .arg(s.end);
        };
        connect(bridge, &SchedulerBridge::segmentStarted, this,
                [this, seg](const Segment& s) { lines << "start " + seg(s); });
        connect(bridge, &SchedulerBridge::segmentFinished, this,
                [this, seg](const Segment& s) { lines << "finish " + seg(s); });
        connect(bridge, &SchedulerBridge::runFinished, this,
                [this](qint64 end) { lines << QStringLiteral("run finished %1").arg(end); });
        connect(bridge, &SchedulerBridge::cycleRestarted, this, [this] { lines << "restart"; });
        connect(bridge, &SchedulerBridge::cycleEnded, this, [this] { lines << "cycle ended"; });
    }
    QStringList take() { return std::exchange(lines, {}); }
    QStringList lines;
};

const QStringList kSeedEvents{
    "start T1.1 cpu 0-150",    "finish T1.1 cpu 0-150",    "start T1.2 io 150-500",
    "start T2.1 cpu 150-250",  "finish T2.1 cpu 150-250",  "start T2.2 io 250-370",
    "start T3.1 cpu 250-370",  "finish T3.1 cpu 250-370",  "finish T2.2 io 250-370",
    "start T3.2 http 370-670", "start T2.3 cpu 370-500",   "finish T2.3 cpu 370-500",
    "finish T1.2 io 150-500",  "start T2.4 http 500-800",  "start T1.3 cpu 500-600",
    "finish T1.3 cpu 500-600", "finish T3.2 http 370-670", "finish T2.4 http 500-800",
    "run finished 800",
};

class BridgeTest : public ::testing::Test {
protected:
    BridgeTest()
        : bridge(nullptr, [this] { return wall; })
        , log(&bridge) {
        bridge.setScenario(ScenarioFile::builtInDefault());
        log.take();
    }
    qint64 wall = 1'000; // any start: only differences count
    SchedulerBridge bridge;
    SignalLog log;
};

} // namespace

TEST_F(BridgeTest, AxisOfTheSeedIsOneSecond) {
    EXPECT_EQ(bridge.makespan(), 800);
    EXPECT_EQ(bridge.axisEnd(), 1000);
}

TEST_F(BridgeTest, EmitsTheSeedEventsAtTheirTimes) {
    bridge.play();
    QSignalSpy time(&bridge, &SchedulerBridge::timeAdvanced);
    // At 1× the 1000 ms axis plays in 10 s: 10 wall ms per virtual ms.
    wall += 1'499;
    bridge.tick();
    EXPECT_EQ(log.take(), QStringList{});
    ASSERT_EQ(time.count(), 1);
    EXPECT_DOUBLE_EQ(time.takeFirst().at(0).toDouble(), 149.9);

    wall += 1;
    bridge.tick();
    EXPECT_EQ(log.take(), (QStringList{"finish T1.1 cpu 0-150", "start T1.2 io 150-500",
                                       "start T2.1 cpu 150-250"}));
    wall += 3'700; // t = 520
    bridge.tick();
    EXPECT_EQ(log.take(), kSeedEvents.mid(4, 11));
}

TEST_F(BridgeTest, ALargeJumpEmitsEverythingInBetweenInOrder) {
    bridge.setScenario(ScenarioFile::builtInDefault()); // starts a cycle at t = 0
    bridge.play();
    wall += 9'999;
    bridge.tick();
    EXPECT_EQ(log.take(), QStringList{"restart"} + kSeedEvents);
    EXPECT_TRUE(bridge.isPlaying());
}

TEST_F(BridgeTest, LoopsAfterAPauseAndReplaysIdentically) {
    bridge.play();
    wall += 10'000; // the axis end
    bridge.tick();
    QStringList first = log.take();
    EXPECT_EQ(first.last(), "cycle ended");
    wall += SchedulerBridge::kPauseMs - 1;
    bridge.tick();
    EXPECT_EQ(log.take(), QStringList{});
    wall += 1;
    bridge.tick();
    EXPECT_EQ(log.take(), (QStringList{"restart", "start T1.1 cpu 0-150"}));
    wall += 10'000;
    bridge.tick();
    EXPECT_EQ(log.take(), first);
}

TEST_F(BridgeTest, WithoutLoopPlaybackStopsAtTheEnd) {
    bridge.setLoop(false);
    bridge.play();
    QSignalSpy playing(&bridge, &SchedulerBridge::playingChanged);
    wall += 60'000;
    bridge.tick();
    EXPECT_FALSE(bridge.isPlaying());
    ASSERT_EQ(playing.count(), 1);
    EXPECT_FALSE(playing.at(0).at(0).toBool());
    EXPECT_EQ(bridge.now(), 1000);
}

TEST_F(BridgeTest, SpeedScalesVirtualTimeFromTheCurrentMoment) {
    bridge.play();
    wall += 2'000; // t = 200
    bridge.tick();
    bridge.setSpeed(4);
    wall += 500; // 500 wall ms × 0.4 = 200 more
    bridge.tick();
    EXPECT_DOUBLE_EQ(bridge.now(), 400);
}

TEST_F(BridgeTest, PausedClockDoesNotMoveTime) {
    bridge.play();
    wall += 1'000;
    bridge.tick();
    bridge.pause();
    wall += 5'000;
    bridge.tick();
    EXPECT_DOUBLE_EQ(bridge.now(), 100);
    bridge.play();
    wall += 1'000;
    bridge.tick();
    EXPECT_DOUBLE_EQ(bridge.now(), 200);
}

TEST_F(BridgeTest, SeekForwardEmitsTheEventsBetweenAndBackwardReplaysFromZero) {
    bridge.seek(150);
    EXPECT_EQ(log.take(), kSeedEvents.mid(1, 3));
    bridge.seek(100);
    EXPECT_EQ(log.take(), (QStringList{"restart", "start T1.1 cpu 0-150"}));
    EXPECT_DOUBLE_EQ(bridge.now(), 100);
    bridge.seek(5'000); // clamped to the axis end
    EXPECT_DOUBLE_EQ(bridge.now(), 1000);
    EXPECT_EQ(log.take(), kSeedEvents.mid(1));
}

TEST_F(BridgeTest, StepsLandExactlyOnTheSeedsEventTimes) {
    const std::vector<std::int64_t> seedTimes{0, 150, 250, 370, 500, 600, 670, 800};
    EXPECT_EQ(bridge.eventTimes(), seedTimes);
    bridge.seek(0);
    std::vector<double> visited;
    for (std::size_t i = 1; i < seedTimes.size() + 2; ++i) {
        bridge.stepForward();
        visited.push_back(bridge.now());
    }
    EXPECT_FALSE(bridge.isPlaying());
    EXPECT_EQ(visited, (std::vector<double>{150, 250, 370, 500, 600, 670, 800, 800, 800}));
    visited.clear();
    bridge.seek(420); // between two events: back goes to the one before
    for (int i = 0; i < 6; ++i) {
        bridge.stepBack();
        visited.push_back(bridge.now());
    }
    EXPECT_EQ(visited, (std::vector<double>{370, 250, 150, 0, 0, 0}));
}

TEST_F(BridgeTest, TheLoopsDecisionsArriveAsTheyHappen) {
    QStringList decisions;
    QObject::connect(&bridge, &SchedulerBridge::loopEvent, &bridge, [&](const LoopEvent& e) {
        decisions << QStringLiteral("%1 %2 %3")
                         .arg(e.time)
                         .arg(QString::fromUtf8(loopEventName(e.kind).data()))
                         .arg(e.task == LoopEvent::kNoTask ? 0 : e.task + 1);
    });
    bridge.seek(0);
    decisions.clear();
    bridge.seek(370);
    EXPECT_EQ(decisions, (QStringList{"150 wait 1", "150 run 2", "250 wait 2", "250 run 3",
                                      "370 ready 2", "370 wait 3", "370 run 2"}));
}

// #22 item 5: why tasks wait is a quarter of an edit's analysis at 100,000 tasks, so it is
// computed only while a view (Explain mode, the Code dock) wants it.
TEST_F(BridgeTest, ExplainsTheRunOnlyWhileAViewWantsIt) {
    QSignalSpy explained(&bridge, &SchedulerBridge::explanationChanged);
    const auto last = [&] {
        return explained.takeLast().at(0).value<std::shared_ptr<const Explanation>>();
    };
    bridge.setScenario(ScenarioFile::builtInDefault());
    ASSERT_EQ(explained.size(), 1);
    EXPECT_EQ(last(), nullptr) << "nobody asked";

    QObject view;
    bridge.wantExplanation(&view, true);
    ASSERT_EQ(explained.size(), 1) << "at once, for the run shown";
    const std::shared_ptr<const Explanation> why = last();
    ASSERT_NE(why, nullptr);
    // The seed: Task 2 is ready from 0 until the loop picks it at 150 ms.
    ASSERT_FALSE(why->ready.lane(1).empty());
    EXPECT_EQ(why->ready.lane(1).front().start, 0);
    EXPECT_EQ(why->ready.lane(1).front().end, 150);

    bridge.wantExplanation(&view, true);
    EXPECT_EQ(explained.size(), 0) << "nothing new to tell";
    bridge.updateScenario(ScenarioFile::builtInDefault());
    ASSERT_EQ(explained.size(), 1);
    EXPECT_NE(last(), nullptr) << "every new run, while wanted";

    bridge.wantExplanation(&view, false);
    bridge.setScenario(ScenarioFile::builtInDefault());
    ASSERT_EQ(explained.size(), 1);
    EXPECT_EQ(last(), nullptr) << "no longer";
}
