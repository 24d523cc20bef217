// The version 2 loop (LOOP.md): spawn, join, slots, the thread pool and arrivals, turn by turn
// as CPython 3.11's asyncio runs them. Expected rows were worked out by hand from the rules and
// checked against an independent model and real asyncio (tests/loopmodel).

#include "explain/explain.h"
#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "loopscript.h"
#include "view/lanes.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

using namespace coroscope;
using namespace coroscope::test;

namespace {

std::string timelineCsv(const std::string& script) {
    std::ostringstream out;
    printTimelineCsv(out, scriptScenario(script));
    return out.str();
}

std::string eventsCsv(const std::string& script) {
    std::ostringstream out;
    printLoopEventsCsv(out, scriptScenario(script));
    return out.str();
}

// LOOP.md's first example.
const char* const kSpawnJoin = "parent: spawn a, spawn b, join a b, cpu 1\n"
                               "a: cpu 10\n"
                               "b: io 5, cpu 10\n";

} // namespace

TEST(LoopV2, SpawnAndJoinRunTurnByTurn) {
    EXPECT_EQ(timelineCsv(kSpawnJoin), "task,kind,start_ms,end_ms\n"
                                       "parent,join,0,25\n"
                                       "a,cpu,0,10\n"
                                       "b,io,10,15\n"
                                       "b,cpu,15,25\n"
                                       "parent,cpu,25,26\n");
}

TEST(LoopV2, SpawnAndJoinReportEveryDecision) {
    // Turn 1: main. Turn 2: parent spawns a and b and suspends in the join. Turn 3: a runs and
    // leaves (its gather callback queued), b starts its io at 10. Turn 4: a's gather callback.
    // Turn 5: the clock jumps to 15, b's timer fires. Turn 6: b runs and leaves: the join is
    // released. Turn 7: the last gather callback. Turn 8: parent runs. "ready" is when what the
    // task waited for happened, "queued" when its step or wake-up joins the loop's queue.
    EXPECT_EQ(eventsCsv(kSpawnJoin), "time_ms,event,task\n"
                                     "0,ready,parent\n"
                                     "0,queued,parent\n"
                                     "0,run,parent\n"
                                     "0,spawned,a\n"
                                     "0,ready,a\n"
                                     "0,queued,a\n"
                                     "0,spawned,b\n"
                                     "0,ready,b\n"
                                     "0,queued,b\n"
                                     "0,join-waiting,parent\n"
                                     "0,run,a\n"
                                     "10,done,a\n"
                                     "10,run,b\n"
                                     "10,wait,b\n"
                                     "10,idle,\n"
                                     "15,ready,b\n"
                                     "15,queued,b\n"
                                     "15,run,b\n"
                                     "25,done,b\n"
                                     "25,join-released,parent\n"
                                     "25,ready,parent\n"
                                     "25,queued,parent\n"
                                     "25,run,parent\n"
                                     "26,done,parent\n");
}

TEST(LoopV2, ASpawnedTaskRunsBeforeAWaitThatEndedEarlier) {
    // LOOP.md's second example: C was queued before the loop looked at its timers.
    EXPECT_EQ(timelineCsv("B: io 5, cpu 10\n"
                          "A: cpu 10, spawn C, cpu 10\n"
                          "C: cpu 10\n"),
              "task,kind,start_ms,end_ms\n"
              "B,io,0,5\n"
              "A,cpu,0,10\n"
              "A,cpu,10,20\n"
              "C,cpu,20,30\n"
              "B,cpu,30,40\n");
}

TEST(LoopV2, AFanOutThroughALimitHandsEachSlotOnWhenItsHolderRuns) {
    std::string script = "limit http 4\nparent:";
    std::string joined;
    for (int i = 0; i < 10; ++i) {
        script += " spawn f" + std::to_string(i) + ",";
        joined += " f" + std::to_string(i);
    }
    script += " join" + joined + "\n";
    for (int i = 0; i < 10; ++i)
        script += "f" + std::to_string(i) + ": http 100, cpu 5\n";
    EXPECT_EQ(timelineCsv(script), "task,kind,start_ms,end_ms\n"
                                   "parent,join,0,350\n"
                                   "f0,http,0,100\n"
                                   "f1,http,0,100\n"
                                   "f2,http,0,100\n"
                                   "f3,http,0,100\n"
                                   "f4,http-slot,0,120\n"
                                   "f5,http-slot,0,120\n"
                                   "f6,http-slot,0,120\n"
                                   "f7,http-slot,0,120\n"
                                   "f8,http-slot,0,240\n"
                                   "f9,http-slot,0,240\n"
                                   "f0,cpu,100,105\n"
                                   "f1,cpu,105,110\n"
                                   "f2,cpu,110,115\n"
                                   "f3,cpu,115,120\n"
                                   "f4,http,120,220\n"
                                   "f5,http,120,220\n"
                                   "f6,http,120,220\n"
                                   "f7,http,120,220\n"
                                   "f4,cpu,220,225\n"
                                   "f5,cpu,225,230\n"
                                   "f6,cpu,230,235\n"
                                   "f7,cpu,235,240\n"
                                   "f8,http,240,340\n"
                                   "f9,http,240,340\n"
                                   "f8,cpu,340,345\n"
                                   "f9,cpu,345,350\n");
}

TEST(LoopV2, AWokenTaskStaysQueuedUntilItRunsAndThenWakesTheNext) {
    EXPECT_EQ(timelineCsv("limit db 2\n"
                          "A: db 10\n"
                          "B: db 10\n"
                          "C: db 10\n"
                          "E: io 10, db 5\n"
                          "F: io 10, cpu 10\n"),
              "task,kind,start_ms,end_ms\n"
              "A,db,0,10\n"
              "B,db,0,10\n"
              "C,db-slot,0,20\n"
              "E,io,0,10\n"
              "F,io,0,10\n"
              "E,db-slot,10,20\n"
              "F,cpu,10,20\n"
              "C,db,20,30\n"
              "E,db,20,25\n");
}

TEST(LoopV2, AFullPoolQueuesItemsAndAWorkerTakesTheNextWhenItFinishes) {
    EXPECT_EQ(timelineCsv("threads 1\n"
                          "A: thread 10, cpu 1\n"
                          "B: thread 5, cpu 1\n"
                          "C: io 17, cpu 1\n"),
              "task,kind,start_ms,end_ms\n"
              "A,thread,0,10\n"
              "B,thread-slot,0,10\n"
              "C,io,0,17\n"
              "A,cpu,10,11\n"
              "B,thread,10,15\n"
              "B,cpu,15,16\n"
              "C,cpu,17,18\n");
}

TEST(LoopV2, AnArrivalSleepsFromItsFirstCallback) {
    // B's sleep(5) begins when its first callback runs, after A's cpu: as in real asyncio.
    EXPECT_EQ(timelineCsv("A: cpu 10\n"
                          "B @5: cpu 5\n"
                          "C: io 12, cpu 3\n"),
              "task,kind,start_ms,end_ms\n"
              "A,cpu,0,10\n"
              "C,io,10,22\n"
              "B,cpu,15,20\n"
              "C,cpu,22,25\n");
}

TEST(LoopV2, TheLogSaysEveryNewDecision) {
    std::string script = "limit http 4\nparent:";
    std::string joined;
    for (int i = 0; i < 6; ++i) {
        script += " spawn f" + std::to_string(i) + ",";
        joined += " f" + std::to_string(i);
    }
    script += " join" + joined + ", thread 5\n";
    for (int i = 0; i < 6; ++i)
        script += "f" + std::to_string(i) + ": http 100, cpu 5\n";
    script += "late @300: cpu 1\n";
    const Scenario scenario = scriptScenario(script);
    std::map<std::int64_t, std::string> log;
    for (const LogLine& line : narrate(scenario, simulateLoopEvents(scenario)))
        log[line.time] = line.text;
    EXPECT_NE(log[0].find("f1 is spawned; it joins the ready queue behind f0."), std::string::npos);
    EXPECT_NE(log[0].find("parent waits for f0, f1, f2, f3, f4, f5."), std::string::npos);
    EXPECT_NE(log[0].find("f4 queues for a slot of http (4 of 4 in use)."), std::string::npos);
    EXPECT_NE(log[100].find("The loop picks f0. f0 gives back its slot of http; f4 is woken for it "
                            "(4 of 4 in use); it joins the ready queue behind f3."),
              std::string::npos);
    EXPECT_NE(log[230].find("parent's join is released (f5 is the last of them to leave); it "
                            "joins the ready queue behind nobody."),
              std::string::npos);
    EXPECT_NE(log[230].find("parent's thread item starts on worker 1 (1 of 4 busy). Nothing is "
                            "ready: the loop idles until parent's thread item is done."),
              std::string::npos);
    EXPECT_EQ(log[235], "parent's thread item is done; it joins the ready queue behind nobody. "
                        "The loop picks parent. parent is done. Nothing is ready: the loop idles "
                        "until late arrives.");
    EXPECT_EQ(log[300], "late arrives and joins the ready queue. The loop picks late.");
}

TEST(LoopV2, TheReadyQueueHoldsTheWakeUpsQueuedAndAReadyTaskWaitsForItsTimer) {
    // LOOP.md's second example: B's wait ends at 5, but its timer moves to the queue only at
    // 20, behind C (spawned at 10), and its wake-up joins the queue at 30, after C's run.
    const Scenario scenario = scriptScenario("B: io 5, cpu 10\n"
                                             "A: cpu 10, spawn C, cpu 10\n"
                                             "C: cpu 10\n");
    const std::vector<LoopEvent> events = simulateLoopEvents(scenario);
    const Explanation explanation(events, scenario);
    using Queue = std::vector<std::size_t>;
    auto queueAt = [&](double ms) {
        const auto queue = explanation.queues.queueAt(ms);
        return Queue(queue.begin(), queue.end());
    };
    EXPECT_EQ(queueAt(10), (Queue{2}));
    EXPECT_EQ(queueAt(20), Queue{});
    EXPECT_EQ(queueAt(30), Queue{});
    const auto b = explanation.ready.lane(0);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0], (Stretch{5, 30}));
    const auto c = explanation.ready.lane(2);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0], (Stretch{10, 20}));
}

TEST(LoopV2, EachLaneHoldsItsTasksRowsInTimeOrder) {
    // A spawn has no row and a slot-limited wait has two: the lanes do not go by step index.
    const Scenario scenario = scriptScenario("limit db 1\n"
                                             "parent: spawn a, spawn b, join a b, cpu 1\n"
                                             "a: db 10\n"
                                             "b: db 10\n");
    const Lanes lanes(simulate(scenario), scenario.tasks.size());
    const StepKind db = *scenario.kinds.find("db");
    const StepKind join = *scenario.kinds.find(KindBehaviour::Join);
    using Rows = std::vector<LaneSegment>;
    const auto rows = [&](std::size_t task) {
        return Rows(lanes.lane(task).begin(), lanes.lane(task).end());
    };
    // Each row knows its step (the spawns have none) and whether it is queued time.
    EXPECT_EQ(rows(0), (Rows{{0, 20, join, false, 2}, {20, 21, StepKind::Cpu, false, 3}}));
    EXPECT_EQ(rows(1), (Rows{{0, 10, db, false, 0}}));
    EXPECT_EQ(rows(2), (Rows{{0, 10, db, true, 0}, {10, 20, db, false, 0}})); // queued, then
}
