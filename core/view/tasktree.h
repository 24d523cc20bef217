#pragma once

// The timeline's rows in tree order: every spawned task under the task that spawns it (in the
// order of its spawns), top-level tasks in scenario order; a folded task's subtree hidden, its
// row showing the subtree's activity merged into one lane. Built in time linear in the tasks
// (and, for a fold, in the subtree's segments), without recursion: a chain of 100,000 spawns
// is as deep as a tree gets.

#include "model/scenario.h"
#include "view/lanes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace coroscope {

class TaskTree {
public:
    static constexpr std::uint32_t kNone = std::uint32_t(-1);

    TaskTree() = default;
    explicit TaskTree(const Scenario& scenario);

    std::size_t tasks() const { return parent_.size(); }
    // The task whose spawn starts a task, or kNone for a top-level task.
    std::uint32_t parent(std::size_t task) const { return parent_[task]; }
    // How many spawns down from a top-level task (0 for one).
    std::uint32_t depth(std::size_t task) const { return depth_[task]; }
    bool hasChildren(std::size_t task) const { return subtreeSize(task) > 1; }
    // The task and its descendants.
    std::size_t subtreeSize(std::size_t task) const { return subtreeEnd_[task] - position_[task]; }
    // Every task in tree order (a task before its descendants).
    std::span<const std::uint32_t> order() const { return order_; }
    // The subtree of a task, the task first, in tree order.
    std::span<const std::uint32_t> subtree(std::size_t task) const {
        return std::span(order_).subspan(position_[task], subtreeSize(task));
    }

private:
    std::vector<std::uint32_t> parent_;
    std::vector<std::uint32_t> depth_;
    std::vector<std::uint32_t> order_;
    std::vector<std::uint32_t> position_;   // per task: its place in order_
    std::vector<std::uint32_t> subtreeEnd_; // per task: one past its last descendant's place
};

// The rows shown: the tree's order without the descendants of folded tasks.
class TreeRows {
public:
    TreeRows() = default;
    // folded: per task, whether its subtree is folded (empty: nothing folded).
    TreeRows(const TaskTree& tree, const std::vector<bool>& folded);

    int rows() const { return int(rowTasks_.size()); }
    std::size_t task(int row) const { return rowTasks_[std::size_t(row)]; }
    // The row showing a task (its own, or its folded ancestor's).
    int rowOf(std::size_t task) const { return taskRows_[task]; }
    std::span<const std::uint32_t> rowTasks() const { return rowTasks_; }

private:
    std::vector<std::uint32_t> rowTasks_;
    std::vector<int> taskRows_;
};

// A folded subtree's activity as one lane: every segment of its tasks in time order, each
// moment showing the one of them that started first (the others' overlap cut away), so that
// the lane stays sorted and disjoint; segments of the background kind (a join: the parent
// only waits for the others) show only where nothing else does. Steps are those of the
// segments' own tasks.
std::vector<LaneSegment> mergedLane(const Lanes& lanes, std::span<const std::uint32_t> tasks,
                                    std::optional<StepKind> background = std::nullopt);

} // namespace coroscope
