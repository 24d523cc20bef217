#include "analysis/narration.h"

#include "asyncio/taskmatch.h"

namespace coroscope {

std::vector<LogLine> narrateRun(const Scenario& scenario, std::span<const LoopEvent> events,
                                const MeasuredRun* measured) {
    if (!measured)
        return narrate(scenario, events);
    const TaskMatches matches = matchTasks(scenario, *measured);
    return narrate(scenario, events, [&](std::size_t task, std::size_t step) {
        // The row of loop work awaits nothing of the program's: its waits are the loop's.
        if (task >= matches.size() || !matches[task] || measured->isLoopWork(*matches[task]))
            return std::string();
        const AwaitPlace* place = measured->awaited(*matches[task], step);
        return place ? awaitWords(*place) : std::string();
    });
}

} // namespace coroscope
