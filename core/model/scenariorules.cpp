#include "model/scenariorules.h"

#include "model/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace coroscope {

namespace {

// As the loader has always quoted a file's number: up to 17 significant digits, like "%.17g"
// but without the locale (a decimal comma would make "2,5 ms").
std::string quoteNumber(double value) {
    char text[32];
    const auto written =
        std::to_chars(text, text + sizeof text, value, std::chars_format::general, 17);
    return std::string(text, written.ptr);
}

// "outside 1..86400000 ms".
std::string durationRange() {
    return "outside " + std::to_string(kMinStepMs) + ".." + std::to_string(kMaxStepMs) + " ms";
}

// At least one, at most cap: "has 12 steps, more than the 10 allowed".
Result<void> checkCount(std::string_view place, std::size_t count, std::size_t cap,
                        std::string_view what, std::string_view noneRule) {
    if (count == 0)
        return fail(place, noneRule);
    if (count > cap)
        return fail(place, "has " + std::to_string(count) + " " + std::string(what) +
                               ", more than the " + std::to_string(cap) + " allowed");
    return done();
}

} // namespace

Result<void> checkDuration(std::string_view place, double ms) {
    if (durationAllowed(ms))
        return done();
    if (!std::isfinite(ms) || ms != std::floor(ms))
        return fail(place,
                    "duration " + quoteNumber(ms) + " ms is not a whole number of milliseconds");
    return fail(place, "duration " + quoteNumber(ms) + " ms is " + durationRange());
}

Result<void> checkTaskName(std::string_view place, std::string_view name) {
    if (name.empty())
        return fail(place, "the name is empty");
    if (name.size() > kMaxNameBytes)
        return fail(place, "the name is longer than " + std::to_string(kMaxNameBytes) + " bytes");
    return done();
}

std::string copyName(std::string_view name) {
    constexpr std::string_view suffix = " (copy)";
    std::size_t keep = std::min(name.size(), kMaxNameBytes - suffix.size());
    while (keep > 0 && keep < name.size() && isUtf8Continuation(name[keep]))
        --keep; // the character starts earlier
    return std::string(name.substr(0, keep)).append(suffix);
}

Result<void> checkTitles(std::string_view title, std::string_view subtitle) {
    if (title.size() > kMaxTitleBytes || subtitle.size() > kMaxTitleBytes)
        return fail("scenario", "the title and subtitle may hold at most " +
                                    std::to_string(kMaxTitleBytes) + " bytes each");
    return done();
}

Result<void> checkTaskCount(std::string_view place, std::size_t tasks) {
    return checkCount(place, tasks, kMaxTasks, "tasks",
                      "there are no tasks; a scenario needs at least one");
}

Result<void> checkStepCount(std::string_view place, std::size_t steps) {
    return checkCount(place, steps, kMaxStepsPerTask, "steps", "a task needs at least one step");
}

Result<void> checkTotalSteps(std::string_view place, std::size_t steps) {
    if (steps > kMaxTotalSteps)
        return fail(place, "brings the scenario past the " + std::to_string(kMaxTotalSteps) +
                               " steps allowed in all");
    return done();
}

namespace {

// Whether task keeps every rule that validation checks of a task alone.
bool taskAllowed(const Task& task) {
    if (!taskNameAllowed(task.name) || !stepCountAllowed(task.steps.size()))
        return false;
    return std::all_of(task.steps.begin(), task.steps.end(),
                       [](const Step& step) { return durationAllowed(double(step.ms)); });
}

// The first rule task t (1-based) breaks, worded with its place; total counts the steps up to
// and including it.
Result<void> checkTask(const Scenario& scenario, std::size_t t, std::size_t total) {
    const Task& task = scenario.tasks[t - 1];
    const std::string place = describePlace(scenario, t, 0);
    if (auto name = checkTaskName(place, task.name); !name)
        return name;
    if (auto steps = checkStepCount(place, task.steps.size()); !steps)
        return steps;
    for (std::size_t s = 1; s <= task.steps.size(); ++s) {
        const double ms = double(task.steps[s - 1].ms);
        if (!durationAllowed(ms))
            return checkDuration(describePlace(scenario, t, s), ms);
    }
    return checkTotalSteps(place, total);
}

} // namespace

Result<void> validateScenario(const Scenario& scenario) {
    if (auto titles = checkTitles(scenario.title, scenario.subtitle); !titles)
        return titles;
    if (auto count = checkTaskCount("scenario", scenario.tasks.size()); !count)
        return count;
    std::size_t total = 0;
    for (std::size_t t = 1; t <= scenario.tasks.size(); ++t) {
        const Task& task = scenario.tasks[t - 1];
        total += task.steps.size();
        // The place is spelled out only for a message: most files break no rule.
        if (!taskAllowed(task) || !totalStepsAllowed(total))
            return checkTask(scenario, t, total);
    }
    return done();
}

} // namespace coroscope
