// Properties of the version 2 loop over generated scenarios (fixed seeds), and the version 1
// subset against the version 1 scheduler's recorded output.

#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "randomscenario.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace coroscope;
using namespace coroscope::test;

namespace {

constexpr std::uint32_t kScenarios = 300;

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// The most rows of one kind (queued or not) that overlap at any moment.
std::int64_t mostAtOnce(const Timeline& timeline, StepKind kind, bool queued) {
    std::map<std::int64_t, std::int64_t> change;
    for (const Segment& s : timeline.segments)
        if (s.kind == kind && s.queued == queued) {
            ++change[s.start];
            --change[s.end];
        }
    std::int64_t now = 0, most = 0;
    for (const auto& [time, delta] : change) // ends before starts at one time: [start, end)
        most = std::max(most, now += delta);
    return most;
}

// One generated scenario's run, and when each task left and was spawned.
struct Generated {
    explicit Generated(std::uint32_t seed)
        : scenario(randomLoopScenario(seed))
        , run(simulateRun(scenario)) {
        for (const LoopEvent& e : run.events) {
            if (e.kind == LoopEventKind::Done)
                left[e.task] = e.time;
            if (e.kind == LoopEventKind::Spawned)
                spawnedAt[e.task] = e.time;
        }
    }
    Scenario scenario;
    coroscope::Run run;
    std::map<std::size_t, std::int64_t> left, spawnedAt;
};

// Each property is one test that checks every generated scenario (one process, not 300).
class LoopProperties : public testing::Test {
protected:
    template <typename Check> void forEachScenario(Check check) {
        for (std::uint32_t seed = 1; seed <= kScenarios; ++seed) {
            SCOPED_TRACE("seed " + std::to_string(seed));
            const Generated generated(seed);
            check(generated);
        }
    }
};

} // namespace

TEST_F(LoopProperties, EveryTaskLeaves) {
    forEachScenario([](const Generated& g) { EXPECT_EQ(g.left.size(), g.scenario.tasks.size()); });
}

TEST_F(LoopProperties, NoResourceHasMoreWaitsThanItsLimit) {
    forEachScenario([](const Generated& g) {
        for (StepKind kind : g.scenario.kinds.all()) {
            if (g.scenario.kinds.isResource(kind) && g.scenario.kinds[kind].limit > 0) {
                EXPECT_LE(mostAtOnce(g.run.timeline, kind, false), g.scenario.kinds[kind].limit)
                    << g.scenario.kinds[kind].name;
            }
        }
    });
}

TEST_F(LoopProperties, NoMoreThreadItemsRunThanThePoolHasWorkers) {
    forEachScenario([](const Generated& g) {
        const StepKind thread = *g.scenario.kinds.find(KindBehaviour::Thread);
        EXPECT_LE(mostAtOnce(g.run.timeline, thread, false), g.scenario.threads);
    });
}

TEST_F(LoopProperties, NoStepBeginsBeforeTheOneBeforeItEnded) {
    forEachScenario([](const Generated& g) {
        std::map<std::size_t, std::int64_t> lastEnd;
        std::map<std::size_t, std::size_t> lastStep;
        std::vector<Segment> byTask = g.run.timeline.segments;
        std::stable_sort(byTask.begin(), byTask.end(), [](const Segment& a, const Segment& b) {
            return a.task != b.task ? a.task < b.task : a.step < b.step;
        });
        for (const Segment& s : byTask) {
            if (lastEnd.count(s.task) && lastStep[s.task] != s.step) {
                EXPECT_GE(s.start, lastEnd[s.task]) << "task " << s.task << " step " << s.step;
            }
            lastEnd[s.task] = s.end;
            lastStep[s.task] = s.step;
        }
    });
}

TEST_F(LoopProperties, AJoinEndsWhenTheLastJoinedTaskLeaves) {
    forEachScenario([](const Generated& g) {
        const StepKind join = *g.scenario.kinds.find(KindBehaviour::Join);
        for (const Segment& s : g.run.timeline.segments) {
            if (s.kind != join)
                continue;
            std::int64_t last = 0;
            for (std::uint32_t t : g.scenario.tasks[s.task].steps[s.step].tasks)
                last = std::max(last, g.left.at(t));
            EXPECT_EQ(s.end, last) << g.scenario.tasks[s.task].name;
        }
    });
}

TEST_F(LoopProperties, ASpawnedTaskRunsAtOrAfterItsSpawn) {
    forEachScenario([](const Generated& g) {
        for (const Segment& s : g.run.timeline.segments) {
            if (g.spawnedAt.count(s.task)) {
                EXPECT_GE(s.start, g.spawnedAt.at(s.task)) << g.scenario.tasks[s.task].name;
            }
        }
    });
}

TEST_F(LoopProperties, ATopLevelTaskStartsNoEarlierThanItArrives) {
    forEachScenario([](const Generated& g) {
        for (const Segment& s : g.run.timeline.segments)
            EXPECT_GE(s.start, g.scenario.tasks[s.task].startMs);
    });
}

TEST(LoopVersion1, EqualsTheVersion1SchedulersOutputOn300Scenarios) {
    std::ifstream fixtures(COROSCOPE_FIXTURES "/v1-scheduler-hashes.txt");
    ASSERT_TRUE(fixtures) << "fixtures missing";
    const ScenarioShape shapes[] = {{1, 8, 1, 8, 1, 40}, {1, 30, 1, 20, 1, 500}};
    int checked = 0;
    for (std::string line; std::getline(fixtures, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        int shape = 0;
        std::uint32_t seed = 0;
        std::string timeline, events;
        fields >> shape >> seed >> timeline >> events;
        const Scenario scenario = randomScenario(shapes[shape], seed);
        std::ostringstream t, e;
        printTimelineCsv(t, scenario);
        printLoopEventsCsv(e, scenario);
        char hex[2][17];
        std::snprintf(hex[0], sizeof hex[0], "%016llx", (unsigned long long)fnv1a(t.str()));
        std::snprintf(hex[1], sizeof hex[1], "%016llx", (unsigned long long)fnv1a(e.str()));
        EXPECT_EQ(hex[0], timeline) << "shape " << shape << " seed " << seed;
        EXPECT_EQ(hex[1], events) << "shape " << shape << " seed " << seed;
        ++checked;
    }
    EXPECT_EQ(checked, 300);
}

namespace {

// Everything a listener hears, as text.
class Transcript final : public SchedulerListener {
public:
    void segmentStarted(const Segment& s) override { line("started", s); }
    void segmentFinished(const Segment& s) override { line("finished", s); }
    void runFinished(std::int64_t end) override { text += "end " + std::to_string(end) + '\n'; }
    void loopEvent(const LoopEvent& e) override {
        text += std::to_string(e.time) + ' ' + std::string(loopEventName(e.kind)) + ' ' +
                std::to_string(e.task) + '\n';
    }
    std::string text;

private:
    void line(const char* what, const Segment& s) {
        text += std::string(what) + ' ' + std::to_string(s.task) + '/' + std::to_string(s.step) +
                (s.queued ? " queued " : " ") + std::to_string(s.start) + '-' +
                std::to_string(s.end) + '\n';
    }
};

} // namespace

TEST_F(LoopProperties, PlayingInStepsAndAfterAResetReportsWhatOneRunDoes) {
    // The window plays a run a frame at a time and seeks back with reset().
    forEachScenario([](const Generated& g) {
        Transcript whole;
        {
            Scheduler scheduler(g.scenario);
            scheduler.setListener(&whole);
            scheduler.runToEnd();
        }
        Scheduler scheduler(g.scenario);
        Transcript stepped;
        scheduler.setListener(&stepped);
        scheduler.runUntil(7);
        scheduler.reset();
        stepped.text.clear();
        for (std::int64_t t = 0; !scheduler.finished(); t += 3)
            scheduler.runUntil(t);
        EXPECT_EQ(stepped.text, whole.text);
    });
}
