#include "view/flowarrows.h"

#include <algorithm>

namespace coroscope {

namespace {

// A lane's segments in time order are in step order too: the first of a step or a later one.
std::span<const LaneSegment>::iterator firstOfStep(std::span<const LaneSegment> lane,
                                                   std::size_t step) {
    return std::partition_point(lane.begin(), lane.end(),
                                [&](const LaneSegment& s) { return s.step < step; });
}

} // namespace

std::optional<std::int64_t> reachedAt(const Lanes& lanes, std::size_t task, std::size_t step) {
    const std::span<const LaneSegment> lane = lanes.lane(task);
    const auto later = firstOfStep(lane, step);
    if (later != lane.end())
        return later->start;
    if (lane.empty())
        return std::nullopt;
    return lane.back().end;
}

std::vector<FlowArrow> flowArrows(const Scenario& scenario, const Lanes& lanes) {
    std::vector<FlowArrow> arrows;
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    const std::optional<StepKind> join = scenario.kinds.find(KindBehaviour::Join);
    if (!spawn && !join)
        return arrows;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const std::vector<Step>& steps = scenario.tasks[t].steps;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const Step& step = steps[i];
            if (step.tasks.empty())
                continue;
            if (step.kind == spawn) {
                const std::uint32_t child = *step.tasks.begin();
                const std::optional<std::int64_t> at = reachedAt(lanes, t, i);
                if (at && !lanes.lane(child).empty()) {
                    // No child starts before it is spawned: where the parent's next segment
                    // comes after the child's start (the blocking run calls each child in its
                    // turn, and the parent goes on once they are done), the spawn is that start.
                    const std::int64_t childStart = lanes.lane(child).front().start;
                    arrows.push_back({FlowArrow::Kind::Spawn, std::uint32_t(t), child,
                                      std::uint32_t(i), std::min(*at, childStart), childStart});
                }
            } else if (step.kind == join) {
                // The join's own segment ends when the parent wakes; without one, it never
                // waited (everyone had left).
                const std::span<const LaneSegment> lane = lanes.lane(t);
                const auto waited = firstOfStep(lane, i);
                if (waited == lane.end() || waited->step != i)
                    continue;
                std::uint32_t last = *step.tasks.begin();
                for (std::uint32_t joined : step.tasks)
                    if (!lanes.lane(joined).empty() &&
                        (lanes.lane(last).empty() ||
                         lanes.lane(joined).back().end > lanes.lane(last).back().end))
                        last = joined;
                if (lanes.lane(last).empty())
                    continue;
                arrows.push_back({FlowArrow::Kind::Join, last, std::uint32_t(t), std::uint32_t(i),
                                  lanes.lane(last).back().end, waited->end});
            }
        }
    }
    return arrows;
}

} // namespace coroscope
