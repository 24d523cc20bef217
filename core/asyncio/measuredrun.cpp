#include "asyncio/measuredrun.h"

#include <cmath>

namespace coroscope {

MeasuredRun::MeasuredRun(PerTask<MeasuredSegment> segments, std::vector<std::string> taskNames,
                         std::string python, double stretch, AwaitPlaces awaits,
                         std::size_t loopWork)
    : segments_(std::move(segments))
    , taskNames_(std::move(taskNames))
    , python_(std::move(python))
    , stretch_(stretch)
    , awaits_(std::move(awaits))
    , loopWork_(loopWork) {
    reach_.reserve(segments_.items.size());
    for (std::size_t task = 0; task < segments_.tasks(); ++task) {
        double reach = 0;
        for (const MeasuredSegment& s : segments_.of(task)) {
            reach = std::max(reach, s.until());
            reach_.push_back(reach);
        }
        end_ = std::max(end_, reach);
    }
}

std::string awaitWords(const AwaitPlace& place) {
    std::string text;
    if (!place.label.empty())
        text.append("`").append(place.label).append("`");
    if (!place.at.empty())
        text.append(text.empty() ? "at " : " at ").append(place.at);
    return text;
}

std::string describeAwait(const AwaitPlace& place) {
    const std::string words = awaitWords(place);
    return words.empty() ? "awaited" : "awaited " + words;
}

const AwaitPlace* MeasuredRun::awaited(std::size_t task, std::size_t step) const {
    const std::span<const std::uint32_t> steps = awaits_.ofStep.of(task);
    if (step >= steps.size() || steps[step] == 0)
        return nullptr;
    return &awaits_.places[steps[step] - 1];
}

std::pair<std::size_t, std::size_t> MeasuredRun::overlapping(std::size_t task, double fromMs,
                                                             double toMs) const {
    const std::span<const MeasuredSegment> lane = this->lane(task);
    if (lane.empty())
        return {0, 0};
    const auto reach = reach_.begin() + std::ptrdiff_t(segments_.offsets[task]);
    const std::size_t first =
        std::size_t(std::partition_point(reach, reach + std::ptrdiff_t(lane.size()),
                                         [&](double until) { return until <= fromMs; }) -
                    reach);
    const auto last =
        std::partition_point(lane.begin() + std::ptrdiff_t(first), lane.end(),
                             [&](const MeasuredSegment& s) { return s.start < toMs; });
    return {first, std::size_t(last - lane.begin())};
}

const MeasuredSegment* MeasuredRun::segmentAt(std::size_t task, double ms) const {
    if (task >= tasks())
        return nullptr;
    const std::span<const MeasuredSegment> lane = this->lane(task);
    // Those drawn beyond ms and starting no later: a task's segments follow one another, so
    // these are one or two, searched from the latest.
    const auto [first, last] = overlapping(task, ms, std::nextafter(ms, HUGE_VAL));
    for (std::size_t i = last; i > first; --i)
        if (lane[i - 1].start <= ms && ms < lane[i - 1].until())
            return &lane[i - 1];
    return nullptr;
}

} // namespace coroscope
