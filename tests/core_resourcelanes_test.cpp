// Explain mode's lanes of the limited resources and the thread pool: who holds which slot or
// worker when, and how many queue for one, read off the loop's decisions.

#include "explain/explain.h"
#include "explain/resourcelanes.h"
#include "fanout.h"
#include "loop/runrecord.h"
#include "randomscenario.h"

#include <gtest/gtest.h>

namespace coroscope {

void PrintTo(const SlotHold& h, std::ostream* out) {
    *out << '[' << h.start << ", " << h.end << ") task " << h.task << " slot " << h.slot;
}
void PrintTo(const Level& l, std::ostream* out) {
    *out << l.value << " from " << l.time;
}

namespace {

using Holds = std::vector<SlotHold>;
using Steps = std::vector<Level>;

template <typename T> std::vector<T> toVector(std::span<const T> s) {
    return {s.begin(), s.end()};
}

ResourceLanes lanesOf(const Scenario& scenario) {
    return ResourceLanes(simulateLoopEvents(scenario), scenario);
}

// The holder of a slot at a moment, by name ("" when free).
std::string holderAt(const Scenario& scenario, const SlotLane& lane, std::size_t slot, double ms) {
    const SlotHold* hold = lane.holdAt(slot, ms);
    return hold ? scenario.tasks[hold->task].name : std::string();
}

// The fan-out (tests/fanout.h): tasks handler, request, f1..f6 (2..7). f1 and f2 take the two
// db slots at 5; each holder gives its slot back when it runs after its 40 ms wait, and the
// next queued fetch is handed it then (kept for it until it runs and begins its wait).
TEST(ResourceLanes, TheFanOutsDbSlotsAndQueue) {
    const Scenario scenario = test::fanOutScenario();
    const ResourceLanes lanes = lanesOf(scenario);
    ASSERT_EQ(lanes.lanes().size(), 2u) << "db's, then the pool's";
    const ResourceLane& db = lanes.lanes()[0];
    EXPECT_EQ(db.of, (LaneKind{*scenario.kinds.find("db"), false, 2}));
    EXPECT_EQ(db.lane.capacity(), 2);
    EXPECT_EQ(toVector(db.lane.holdsOf(0)),
              (Holds{{5, 45, 2, 0}, {45, 89, 4, 0}, {89, 133, 6, 0}}));
    EXPECT_EQ(toVector(db.lane.holdsOf(1)),
              (Holds{{5, 47, 3, 1}, {47, 91, 5, 1}, {91, 135, 7, 1}}));
    EXPECT_TRUE(db.lane.holdsOf(2).empty());
    // Four queue at 5; each one handed a slot leaves the queue.
    EXPECT_EQ(toVector(db.lane.queued().levels()),
              (Steps{{5, 4}, {45, 3}, {47, 2}, {89, 1}, {91, 0}}));
    // A slot given back and handed on at one instant stays in use.
    EXPECT_EQ(toVector(db.lane.inUse().levels()), (Steps{{5, 2}, {133, 1}, {135, 0}}));
}

TEST(ResourceLanes, TheFanOutAtThreeMoments) {
    const Scenario scenario = test::fanOutScenario();
    const ResourceLanes lanes = lanesOf(scenario);
    const SlotLane& db = lanes.lanes()[0].lane;
    struct Moment {
        double ms;
        std::string slot1, slot2;
        std::int64_t queued;
    };
    for (const Moment& m :
         {Moment{30, "f1", "f2", 4}, Moment{60, "f3", "f4", 2}, Moment{100, "f5", "f6", 0}}) {
        SCOPED_TRACE(m.ms);
        EXPECT_EQ(holderAt(scenario, db, 0, m.ms), m.slot1);
        EXPECT_EQ(holderAt(scenario, db, 1, m.ms), m.slot2);
        EXPECT_EQ(db.queued().at(m.ms), m.queued);
        EXPECT_EQ(db.inUse().at(m.ms), 2);
    }
    EXPECT_EQ(holderAt(scenario, db, 0, 140), "");
    EXPECT_EQ(db.queued().at(4), 0);
    EXPECT_EQ(db.queued().most(), 4);
}

TEST(ResourceLanes, TheFanOutsThreadItemRunsOnTheFirstWorker) {
    const Scenario scenario = test::fanOutScenario();
    const ResourceLanes lanes = lanesOf(scenario);
    ASSERT_EQ(lanes.lanes().size(), 2u);
    const ResourceLane& pool = lanes.lanes()[1];
    EXPECT_EQ(pool.of, (LaneKind{*scenario.kinds.find(KindBehaviour::Thread), true, 4}));
    EXPECT_EQ(toVector(pool.lane.holdsOf(0)), (Holds{{137, 167, 0, 0}}));
    EXPECT_TRUE(pool.lane.queued().levels().empty());
}

// As LOOP.md tells it: a worker takes the next queued item the moment it finishes; a slot
// given back goes to the lowest free slot's next holder, so a sub-row is one slot throughout.
TEST(ResourceLanes, AQueuedItemTakesTheWorkerThatFrees) {
    const Scenario scenario = test::scriptScenario("threads 2\n"
                                                   "a: thread 10\n"
                                                   "b: thread 30\n"
                                                   "c: thread 5\n");
    const ResourceLanes lanes = lanesOf(scenario);
    ASSERT_EQ(lanes.lanes().size(), 1u) << "the pool's only";
    const SlotLane& pool = lanes.lanes()[0].lane;
    EXPECT_EQ(pool.capacity(), 2);
    EXPECT_EQ(toVector(pool.holdsOf(0)), (Holds{{0, 10, 0, 0}, {10, 15, 2, 0}}));
    EXPECT_EQ(toVector(pool.holdsOf(1)), (Holds{{0, 30, 1, 1}}));
    EXPECT_EQ(toVector(pool.queued().levels()), (Steps{{0, 1}, {10, 0}}));
    EXPECT_EQ(toVector(pool.inUse().levels()), (Steps{{0, 2}, {15, 1}, {30, 0}}));
}

TEST(ResourceLanes, AFreedSlotIsTheLowestFree) {
    // a gives slot 1 back at 10 and c takes it; b keeps slot 2 until 30.
    const Scenario scenario = test::scriptScenario("limit db 2\n"
                                                   "a: db 10, cpu 1\n"
                                                   "b: db 30, cpu 1\n"
                                                   "c: db 5, cpu 1\n"
                                                   "d: io 50\n");
    const ResourceLanes lanes = lanesOf(scenario);
    ASSERT_EQ(lanes.lanes().size(), 1u) << "io has no limit: no lane; no thread item: no pool";
    const SlotLane& db = lanes.lanes()[0].lane;
    EXPECT_EQ(toVector(db.holdsOf(0)), (Holds{{0, 10, 0, 0}, {10, 16, 2, 0}}));
    EXPECT_EQ(toVector(db.holdsOf(1)), (Holds{{0, 30, 1, 1}}));
    EXPECT_EQ(toVector(db.queued().levels()), (Steps{{0, 1}, {10, 0}}));
}

TEST(ResourceLanes, AResourceWithALimitThatNoStepUsesHasNoLane) {
    const Scenario scenario = test::scriptScenario("limit db 2\nlimit http 3\na: http 5\n");
    EXPECT_EQ(slotLaneKinds(scenario), (std::vector<LaneKind>{{StepKind::Http, false, 3}}));
}

TEST(ResourceLanes, LevelsShownOverAWindow) {
    const ResourceLanes lanes = lanesOf(test::fanOutScenario());
    const Levels& queued = lanes.lanes()[0].lane.queued();
    // The level in force at the window's start, to the last starting before its end.
    EXPECT_EQ(queued.overlapping(50, 90), (std::pair<std::size_t, std::size_t>{2, 4}));
    EXPECT_EQ(queued.overlapping(0, 5), (std::pair<std::size_t, std::size_t>{0, 0}));
    EXPECT_EQ(queued.overlapping(200, 300), (std::pair<std::size_t, std::size_t>{4, 5}));
}

// Generated version 2 runs (every kind of step, a limited db, perhaps a limited http, a pool of
// 1–3 threads): each slot's holds are disjoint, the levels count them, a limited wait lies
// within its task's hold and a thread item is its worker's hold; the log numbers workers so.
class ResourceLanesProperties : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(ResourceLanesProperties, HoldsAreTheWaitsAndTheThreadItemsAndTheLevelsCountThem) {
    const Scenario scenario = test::randomLoopScenario(GetParam());
    const coroscope::Run run = simulateRun(scenario);
    const ResourceLanes lanes(run.events, scenario);
    for (const ResourceLane& lane : lanes.lanes()) {
        std::vector<SlotHold> all;
        for (std::size_t slot = 0; slot < std::size_t(lane.lane.capacity()) + 1; ++slot) {
            const std::span<const SlotHold> holds = lane.lane.holdsOf(slot);
            ASSERT_TRUE(slot < std::size_t(lane.lane.capacity()) || holds.empty());
            for (std::size_t i = 0; i < holds.size(); ++i) {
                EXPECT_EQ(holds[i].slot, slot);
                EXPECT_LE(holds[i].start, holds[i].end);
                if (i > 0) {
                    EXPECT_LE(holds[i - 1].end, holds[i].start) << "one holder at a time";
                }
            }
            all.insert(all.end(), holds.begin(), holds.end());
        }
        for (const Level& level : lane.lane.inUse().levels()) {
            const auto held = std::count_if(all.begin(), all.end(), [&](const SlotHold& h) {
                return h.start <= level.time && level.time < h.end;
            });
            EXPECT_EQ(level.value, held) << "at " << level.time;
            EXPECT_LE(level.value, lane.lane.capacity());
        }
        for (const Level& level : lane.lane.queued().levels())
            EXPECT_GE(level.value, 0);
        for (const Segment& s : run.timeline.segments) {
            if (s.kind != lane.of.kind || s.queued)
                continue;
            const auto within = std::any_of(all.begin(), all.end(), [&](const SlotHold& h) {
                return h.task == s.task && (lane.of.pool ? h.start == s.start && h.end == s.end
                                                         : h.start <= s.start && s.end <= h.end);
            });
            EXPECT_TRUE(within) << "task " << s.task << " at " << s.start;
        }
    }
}

TEST_P(ResourceLanesProperties, TheLogNumbersTheWorkersAsThePoolsLane) {
    const Scenario scenario = test::randomLoopScenario(GetParam());
    const std::vector<LoopEvent> events = simulateLoopEvents(scenario);
    const ResourceLanes lanes(events, scenario);
    if (lanes.lanes().empty() || !lanes.lanes().back().of.pool)
        return;
    const SlotLane& pool = lanes.lanes().back().lane;
    std::string log;
    for (const LogLine& line : narrate(scenario, events))
        log += line.text + '\n';
    for (std::size_t worker = 0; worker < std::size_t(pool.capacity()); ++worker)
        for (const SlotHold& hold : pool.holdsOf(worker))
            EXPECT_NE(log.find(scenario.tasks[hold.task].name + "'s thread item starts on worker " +
                               std::to_string(worker + 1) + " ("),
                      std::string::npos)
                << scenario.tasks[hold.task].name << " on worker " << worker + 1 << "\n"
                << log;
}

INSTANTIATE_TEST_SUITE_P(Seeds, ResourceLanesProperties, ::testing::Range<std::uint32_t>(1, 201));

} // namespace
} // namespace coroscope
