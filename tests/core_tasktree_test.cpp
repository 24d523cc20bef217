// The timeline's rows in tree order: spawned tasks under their parent in spawn order,
// top-level tasks in scenario order, folded subtrees on their task's row, merged.

#include "loop/timeline.h"
#include "loopscript.h"
#include "view/tasktree.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace coroscope;

namespace {

// handler spawns c then a (in that order), a spawns b; late is top-level, between them in
// the file.
Scenario family() {
    return test::scriptScenario("a: spawn b, cpu 4\n"
                                "handler: cpu 5, spawn c, spawn a, join a c, cpu 1\n"
                                "late @6: cpu 10\n"
                                "b: io 2\n"
                                "c: cpu 3, io 6, cpu 1\n");
}

std::vector<std::string> namesOf(const Scenario& scenario, std::span<const std::uint32_t> tasks) {
    std::vector<std::string> names;
    for (std::uint32_t t : tasks)
        names.push_back(scenario.tasks[t].name);
    return names;
}

using Names = std::vector<std::string>;

} // namespace

TEST(TaskTree, PutsSpawnedTasksUnderTheirParentInSpawnOrder) {
    const Scenario scenario = family();
    const TaskTree tree(scenario);
    EXPECT_EQ(namesOf(scenario, tree.order()), (Names{"handler", "c", "a", "b", "late"}));
    EXPECT_EQ(tree.parent(0), 1u); // a under handler
    EXPECT_EQ(tree.parent(1), TaskTree::kNone);
    EXPECT_EQ(tree.depth(3), 2u); // b under a under handler
    EXPECT_EQ(tree.depth(4), 1u);
    EXPECT_EQ(tree.subtreeSize(1), 4u);
    EXPECT_TRUE(tree.hasChildren(0));
    EXPECT_FALSE(tree.hasChildren(2));
    EXPECT_EQ(namesOf(scenario, tree.subtree(0)), (Names{"a", "b"}));
}

TEST(TaskTree, WithoutSpawnsIsTheScenariosOrder) {
    const Scenario scenario = test::scriptScenario("x: cpu 1\ny: io 2\nz: cpu 3\n");
    const TaskTree tree(scenario);
    EXPECT_EQ(namesOf(scenario, tree.order()), (Names{"x", "y", "z"}));
    EXPECT_EQ(TreeRows(tree, {}).rows(), 3);
}

TEST(TaskTree, AChainOfManySpawnsIsWalkedWithoutRecursion) {
    Scenario scenario{"chain", "", {}};
    const StepKind spawn = scenario.kinds.ensure(KindBehaviour::Spawn);
    constexpr std::uint32_t kTasks = 100'000;
    for (std::uint32_t t = 0; t < kTasks; ++t) {
        Task task{"t" + std::to_string(t), {{StepKind::Cpu, 1}}};
        if (t + 1 < kTasks)
            task.steps.push_back({spawn, 0, TaskList{t + 1}});
        scenario.tasks.push_back(std::move(task));
    }
    const TaskTree tree(scenario);
    EXPECT_EQ(tree.depth(kTasks - 1), kTasks - 1);
    EXPECT_EQ(tree.subtreeSize(0), kTasks);
    std::vector<bool> folded(kTasks, false);
    folded[1] = true;
    const TreeRows rows(tree, folded);
    EXPECT_EQ(rows.rows(), 2);
    EXPECT_EQ(rows.rowOf(kTasks - 1), 1);
}

TEST(TreeRows, AFoldedTaskHidesItsSubtreeOnItsRow) {
    const Scenario scenario = family();
    const TaskTree tree(scenario);
    std::vector<bool> folded(scenario.tasks.size(), false);
    folded[0] = true; // a, with b under it
    const TreeRows rows(tree, folded);
    EXPECT_EQ(namesOf(scenario, rows.rowTasks()), (Names{"handler", "c", "a", "late"}));
    EXPECT_EQ(rows.rowOf(3), 2) << "b shows on a's row";
    EXPECT_EQ(rows.rowOf(2), 3);
    folded[1] = true; // the handler's whole family
    EXPECT_EQ(namesOf(scenario, TreeRows(tree, folded).rowTasks()), (Names{"handler", "late"}));
}

TEST(MergedLane, ShowsTheSubtreesActivityInOneSortedLane) {
    const Scenario scenario = family();
    const Lanes lanes(simulate(scenario), scenario.tasks.size());
    const TaskTree tree(scenario);
    const std::vector<LaneSegment> merged = mergedLane(lanes, tree.subtree(1));
    ASSERT_FALSE(merged.empty());
    for (std::size_t i = 1; i < merged.size(); ++i)
        EXPECT_LE(merged[i - 1].end, merged[i].start) << "disjoint, in time order";
    // Every moment some task of the family is busy is covered, and no other.
    for (std::int64_t ms = 0; ms < 40; ++ms) {
        bool busy = false;
        for (std::uint32_t t : tree.subtree(1))
            busy = busy || lanes.stepAt(t, double(ms)) >= 0;
        const bool covered = std::any_of(merged.begin(), merged.end(), [&](const LaneSegment& s) {
            return s.start <= ms && ms < s.end;
        });
        EXPECT_EQ(covered, busy) << ms << " ms";
    }
}

TEST(MergedLane, AJoinShowsOnlyWhereNoOtherTaskIsBusy) {
    const Scenario scenario = family();
    const Lanes lanes(simulate(scenario), scenario.tasks.size());
    const TaskTree tree(scenario);
    const StepKind join = *scenario.kinds.find(KindBehaviour::Join);
    const std::vector<LaneSegment> merged = mergedLane(lanes, tree.subtree(1), join);
    for (std::size_t i = 1; i < merged.size(); ++i)
        EXPECT_LE(merged[i - 1].end, merged[i].start) << "disjoint, in time order";
    bool joinShown = false, childShown = false;
    for (const LaneSegment& m : merged) {
        if (m.kind != join) {
            childShown = childShown || m.kind == StepKind::Io;
            continue;
        }
        joinShown = true;
        for (std::uint32_t t : tree.subtree(1))
            for (const LaneSegment& s : lanes.lane(t))
                if (s.kind != join) {
                    EXPECT_FALSE(s.start < m.end && m.start < s.end)
                        << scenario.tasks[t].name << " is busy under the join at " << m.start;
                }
    }
    EXPECT_TRUE(childShown) << "the children's waits show";
    EXPECT_TRUE(joinShown) << "the handler's join shows where everyone else waits for the loop";
}
