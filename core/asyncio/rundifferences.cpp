#include "asyncio/rundifferences.h"

namespace coroscope {

std::vector<TaskDifference> compareRuns(const Lanes& model, const std::vector<TaskTotals>& totals,
                                        const MeasuredRun& measured, const TaskMatches& matches) {
    std::vector<TaskDifference> differences;
    const std::size_t tasks = std::min({model.tasks(), totals.size(), matches.size()});
    differences.reserve(tasks);
    for (std::size_t t = 0; t < tasks; ++t) {
        if (!matches[t] || *matches[t] >= measured.tasks())
            continue;
        const std::span<const LaneSegment> planned = model.lane(t);
        const std::span<const MeasuredSegment> ran = measured.lane(*matches[t]);
        const std::size_t steps = std::min(planned.size(), ran.size());
        if (steps == 0)
            continue;
        // Both finishes are the task's return: asyncio's when its coroutine returned, the
        // model's when the loop ran its end (after its last wait's result waited for it).
        TaskDifference difference{t, 0, 0, double(totals[t].finishMs), ran.back().until(), 0};
        for (std::size_t s = 0; s < steps; ++s) {
            const double shift = ran[s].start - double(planned[s].start);
            if (std::abs(shift) > std::abs(difference.startShiftMs)) {
                difference.step = s;
                difference.startShiftMs = shift;
            }
        }
        for (const MeasuredSegment& segment : ran)
            difference.lateMs += segment.late();
        differences.push_back(difference);
    }
    std::stable_sort(
        differences.begin(), differences.end(),
        [](const TaskDifference& a, const TaskDifference& b) { return a.size() > b.size(); });
    return differences;
}

} // namespace coroscope
