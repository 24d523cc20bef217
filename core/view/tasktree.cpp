#include "view/tasktree.h"

#include <algorithm>
#include <limits>

namespace coroscope {

TaskTree::TaskTree(const Scenario& scenario) {
    const std::size_t n = scenario.tasks.size();
    parent_.assign(n, kNone);
    depth_.assign(n, 0);
    position_.assign(n, kNone);
    subtreeEnd_.assign(n, 0);
    order_.reserve(n);
    // Each task's children in the order of its spawns, as slices of one array.
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    std::vector<std::uint32_t> firstChild(n + 1, 0);
    std::vector<std::uint32_t> children;
    for (std::size_t t = 0; t < n; ++t) {
        if (spawn)
            for (const Step& step : scenario.tasks[t].steps) {
                if (step.kind != *spawn || step.tasks.empty())
                    continue;
                const std::uint32_t child = *step.tasks.begin();
                if (child < n && child != t && parent_[child] == kNone) {
                    parent_[child] = std::uint32_t(t);
                    children.push_back(child);
                }
            }
        firstChild[t + 1] = std::uint32_t(children.size());
    }
    // Depth first from each root, without recursion; the roots are the top-level tasks in
    // scenario order, then (were spawns ever to form a loop no one starts) any task not
    // reached yet, which then counts as one.
    std::vector<std::uint32_t> stack;
    const auto walk = [&](std::uint32_t root) {
        stack.push_back(root);
        while (!stack.empty()) {
            const std::uint32_t t = stack.back();
            stack.pop_back();
            position_[t] = std::uint32_t(order_.size());
            order_.push_back(t);
            for (std::uint32_t c = firstChild[t + 1]; c-- > firstChild[t];) {
                const std::uint32_t child = children[c];
                if (position_[child] != kNone || parent_[child] != t)
                    continue;
                depth_[child] = depth_[t] + 1;
                stack.push_back(child);
            }
        }
    };
    for (std::size_t t = 0; t < n; ++t)
        if (parent_[t] == kNone)
            walk(std::uint32_t(t));
    for (std::size_t t = 0; t < n; ++t)
        if (position_[t] == kNone) {
            parent_[t] = kNone;
            walk(std::uint32_t(t));
        }
    // A subtree's places run from its task's to its last descendant's: sizes gathered from the
    // leaves up, in reverse tree order.
    std::vector<std::uint32_t> size(n, 1);
    for (std::size_t i = n; i-- > 0;) {
        const std::uint32_t t = order_[i];
        if (parent_[t] != kNone)
            size[parent_[t]] += size[t];
        subtreeEnd_[t] = position_[t] + size[t];
    }
}

TreeRows::TreeRows(const TaskTree& tree, const std::vector<bool>& folded) {
    const std::span<const std::uint32_t> order = tree.order();
    taskRows_.assign(tree.tasks(), -1);
    rowTasks_.reserve(order.size());
    for (std::size_t i = 0; i < order.size();) {
        const std::uint32_t t = order[i];
        const int row = int(rowTasks_.size());
        rowTasks_.push_back(t);
        const bool isFolded = t < folded.size() && folded[t];
        const std::size_t shown = isFolded ? tree.subtreeSize(t) : 1;
        for (std::size_t j = i; j < i + shown; ++j)
            taskRows_[order[j]] = row;
        i += shown;
    }
}

namespace {

// Segments in start order made disjoint: each moment keeps the one that started first.
std::vector<LaneSegment> firstComeFirst(std::vector<LaneSegment> all) {
    std::stable_sort(all.begin(), all.end(),
                     [](const LaneSegment& a, const LaneSegment& b) { return a.start < b.start; });
    std::vector<LaneSegment> merged;
    std::int64_t coveredTo = std::numeric_limits<std::int64_t>::min();
    for (LaneSegment s : all) {
        if (s.end <= coveredTo)
            continue; // hidden under one that started before it
        s.start = std::max(s.start, coveredTo);
        coveredTo = s.end;
        merged.push_back(s);
    }
    return merged;
}

} // namespace

std::vector<LaneSegment> mergedLane(const Lanes& lanes, std::span<const std::uint32_t> tasks,
                                    std::optional<StepKind> background) {
    std::vector<LaneSegment> front, back;
    for (std::uint32_t t : tasks)
        for (const LaneSegment& s : lanes.lane(t))
            (s.kind == background ? back : front).push_back(s);
    std::vector<LaneSegment> merged = firstComeFirst(std::move(front));
    if (back.empty())
        return merged;
    // The background's pieces in the gaps the others leave.
    const std::vector<LaneSegment> shown = firstComeFirst(std::move(back));
    std::vector<LaneSegment> gaps;
    for (const LaneSegment& s : shown) {
        auto it = std::partition_point(merged.begin(), merged.end(),
                                       [&](const LaneSegment& m) { return m.end <= s.start; });
        std::int64_t from = s.start;
        for (; it != merged.end() && it->start < s.end; ++it) {
            if (it->start > from)
                gaps.push_back({from, it->start, s.kind, s.queued, s.step});
            from = std::max(from, it->end);
        }
        if (from < s.end)
            gaps.push_back({from, s.end, s.kind, s.queued, s.step});
    }
    merged.insert(merged.end(), gaps.begin(), gaps.end());
    std::sort(merged.begin(), merged.end(),
              [](const LaneSegment& a, const LaneSegment& b) { return a.start < b.start; });
    return merged;
}

} // namespace coroscope
