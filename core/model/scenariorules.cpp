#include "model/scenariorules.h"

#include "model/usertext.h"
#include "model/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

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

// "limit 2.5 is not a whole number", "start time 9e9 ms is outside 0..86400000 ms".
Result<void> checkWhole(std::string_view place, std::string_view what, double value,
                        std::int64_t min, std::int64_t max, bool ms) {
    const std::string unit = ms ? " ms" : "";
    const std::string quoted = std::string(what) + " " + quoteNumber(value) + unit;
    if (!std::isfinite(value) || value != std::floor(value))
        return fail(place, quoted + " is not a whole number" + (ms ? " of milliseconds" : ""));
    if (value < double(min) || value > double(max))
        return fail(place, quoted + " is outside " + std::to_string(min) + ".." +
                               std::to_string(max) + unit);
    return done();
}

bool resourceNameAllowed(std::string_view name) {
    if (name.empty() || name.size() > kMaxResourceNameBytes || name[0] < 'a' || name[0] > 'z')
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

// A task as a message quotes it: "fetch a".
std::string quoted(const Scenario& scenario, std::uint32_t task) {
    return "\"" + shortened(scenario.tasks[task].name) + "\"";
}

} // namespace

Result<void> checkThreads(std::string_view place, double threads) {
    return checkWhole(place, "threads", threads, kMinThreads, kMaxThreads, false);
}

Result<void> checkLimit(std::string_view place, double limit) {
    return checkWhole(place, "limit", limit, 1, kMaxLimit, false);
}

Result<void> checkStartMs(std::string_view place, double ms) {
    return checkWhole(place, "start time", ms, 0, kMaxStartMs, true);
}

Result<void> checkResourceName(std::string_view place, std::string_view name) {
    if (reservedKindName(name))
        return fail(place, "\"" + std::string(name) +
                               "\" is a kind of its own: a resource cannot be called cpu, "
                               "thread, spawn or join");
    if (!resourceNameAllowed(name))
        return fail(place, "a resource's name is 1 to " + std::to_string(kMaxResourceNameBytes) +
                               " characters of a-z, 0-9 and _, starting with a letter");
    return done();
}

Result<void> checkLabel(std::string_view place, std::string_view label) {
    if (label.size() > kMaxLabelBytes)
        return fail(place, "the label is longer than " + std::to_string(kMaxLabelBytes) + " bytes");
    return done();
}

Result<void> checkKindCount(std::string_view place, std::size_t kinds) {
    if (kinds > KindTable::kMaxKinds)
        return fail(place, "has " + std::to_string(kinds) + " kinds, more than the " +
                               std::to_string(KindTable::kMaxKinds) + " allowed");
    return done();
}

Result<void> checkJoinCount(std::string_view place, std::size_t tasks) {
    if (tasks == 0)
        return fail(place, "a join names at least one task");
    if (tasks > kMaxJoined)
        return fail(place, "joins " + std::to_string(tasks) + " tasks, more than the " +
                               std::to_string(kMaxJoined) + " allowed");
    return done();
}

Result<TaskIndex> indexTaskNames(const Scenario& scenario) {
    TaskIndex index;
    index.reserve(scenario.tasks.size());
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const auto [at, added] = index.try_emplace(scenario.tasks[t].name, std::uint32_t(t));
        if (!added)
            return fail(describePlace(scenario, t + 1, 0),
                        "the name is task " + std::to_string(at->second + 1) +
                            "'s too; task names are unique in a version 2 file");
    }
    return index;
}

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Where each task is spawned: the spawner and its step (0-based), or kNone for a top-level
// task. Assumes sound references.
struct Spawners {
    std::vector<std::uint32_t> task, step;
};

Spawners spawnersOf(const Scenario& scenario, StepKind spawn) {
    const std::size_t n = scenario.tasks.size();
    Spawners spawners{std::vector<std::uint32_t>(n, kNone), std::vector<std::uint32_t>(n, 0)};
    for (std::size_t t = 0; t < n; ++t) {
        const std::vector<Step>& steps = scenario.tasks[t].steps;
        for (std::size_t s = 0; s < steps.size(); ++s) {
            if (steps[s].kind == spawn) {
                spawners.task[steps[s].tasks[0]] = std::uint32_t(t);
                spawners.step[steps[s].tasks[0]] = std::uint32_t(s);
            }
        }
    }
    return spawners;
}

} // namespace

Result<void> checkTaskReferences(const Scenario& scenario) {
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    const std::optional<StepKind> join = scenario.kinds.find(KindBehaviour::Join);
    if (!spawn && !join)
        return done();
    const std::size_t n = scenario.tasks.size();
    std::vector<std::uint32_t> spawner(n, kNone), spawnStep(n, 0);
    std::vector<std::uint32_t> inJoin(n, 0); // the number of the last join that named the task
    std::uint32_t joins = 0;
    for (std::size_t t = 0; t < n; ++t) {
        const std::vector<Step>& steps = scenario.tasks[t].steps;
        for (std::size_t s = 0; s < steps.size(); ++s) {
            const Step& step = steps[s];
            if (step.kind != spawn && step.kind != join)
                continue;
            const auto place = [&] { return describePlace(scenario, t + 1, s + 1); };
            const std::string_view verb = step.kind == spawn ? "spawns" : "joins";
            if (step.kind == spawn && step.tasks.size() != 1)
                return fail(place(), "a spawn names exactly one task");
            if (step.kind == join && !(step.tasks.size() >= 1 && step.tasks.size() <= kMaxJoined))
                return checkJoinCount(place(), step.tasks.size());
            ++joins;
            for (const std::uint32_t u : step.tasks) {
                if (u >= n)
                    return fail(place(), std::string(verb) + " task " + std::to_string(u + 1) +
                                             ", which is not in the scenario");
                if (u == t)
                    return fail(place(), std::string(verb) + " itself");
                if (step.kind == join) {
                    if (inJoin[u] == joins)
                        return fail(place(), "joins " + quoted(scenario, u) + " twice");
                    inJoin[u] = joins;
                } else if (spawner[u] != kNone) {
                    return fail(place(),
                                "spawns " + quoted(scenario, u) + ", which " +
                                    describePlace(scenario, spawner[u] + 1, spawnStep[u] + 1) +
                                    " spawns already (a task is spawned at most once)");
                } else {
                    spawner[u] = std::uint32_t(t);
                    spawnStep[u] = std::uint32_t(s);
                }
            }
        }
    }
    for (std::size_t c = 0; c < n; ++c) {
        if (spawner[c] != kNone && scenario.tasks[c].startMs != 0)
            return fail(describePlace(scenario, c + 1, 0),
                        "a spawned task has no start time (" +
                            describePlace(scenario, spawner[c] + 1, spawnStep[c] + 1) +
                            " spawns it)");
    }
    return done();
}

namespace {

// "\"a\" and \"b\"", "\"a\", \"b\" and \"c\"": at most kNamed names, then how many more.
std::string nameList(const Scenario& scenario, const std::vector<std::uint32_t>& tasks) {
    constexpr std::size_t kNamed = 10;
    const std::size_t named = tasks.size() > kNamed ? kNamed : tasks.size();
    std::string list;
    for (std::size_t i = 0; i < named; ++i) {
        if (i > 0)
            list += i + 1 == named && named == tasks.size() ? " and " : ", ";
        list += quoted(scenario, tasks[i]);
    }
    if (named < tasks.size())
        list += " and " + std::to_string(tasks.size() - named) + " more";
    return list;
}

// The tasks that run for ever, explained: from the first of them, every one waits for another
// (a blocked task for the first unfinished task its join names, a task never started for its
// spawner), so following that leads into a circle, which the message names.
Error whyTheRunNeverEnds(const Scenario& scenario, const std::vector<std::uint8_t>& state,
                         const std::vector<std::uint32_t>& at, const Spawners& spawners) {
    constexpr std::uint8_t kNotStarted = 0, kFinished = 2;
    const auto waitsFor = [&](std::uint32_t t) {
        if (state[t] == kNotStarted)
            return spawners.task[t];
        for (const std::uint32_t u : scenario.tasks[t].steps[at[t]].tasks)
            if (state[u] != kFinished)
                return u;
        return kNone; // not reached: a blocked task waits for an unfinished one
    };
    std::uint32_t task = 0;
    while (state[task] == kFinished)
        ++task;
    std::vector<std::uint32_t> path;
    std::vector<std::uint32_t> onPath(scenario.tasks.size(), kNone);
    while (onPath[task] == kNone) {
        onPath[task] = std::uint32_t(path.size());
        path.push_back(task);
        task = waitsFor(task);
    }
    std::vector<std::uint32_t> circle(path.begin() + onPath[task], path.end());
    const bool spawnsOnly = std::all_of(circle.begin(), circle.end(),
                                        [&](std::uint32_t t) { return state[t] == kNotStarted; });
    if (spawnsOnly) // told spawner first
        std::reverse(circle.begin(), circle.end());
    std::rotate(circle.begin(), std::min_element(circle.begin(), circle.end()), circle.end());
    const std::string names = nameList(scenario, circle);
    const bool two = circle.size() == 2;
    if (spawnsOnly)
        return fail("scenario", "tasks " + names + " spawn each other" +
                                    (two ? ", so neither is ever started"
                                         : " in a circle, so none is ever started"));
    for (std::size_t i = 0; i < circle.size(); ++i) {
        const std::uint32_t joiner = circle[(i + circle.size() - 1) % circle.size()];
        if (state[circle[i]] == kNotStarted && state[joiner] != kNotStarted)
            return fail(describePlace(scenario, joiner + 1, at[joiner] + 1),
                        "joins " + quoted(scenario, circle[i]) + ", which is never started");
    }
    return fail("scenario", "tasks " + names + " join each other" + (two ? "" : " in a circle"));
}

} // namespace

Result<void> checkRunEnds(const Scenario& scenario) {
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    const std::optional<StepKind> join = scenario.kinds.find(KindBehaviour::Join);
    if (!spawn && !join)
        return done();
    const std::size_t n = scenario.tasks.size();
    // Who joins each task: the joins naming task u are waiting[from[u] .. from[u + 1]).
    struct Joiner {
        std::uint32_t task, step;
    };
    std::vector<std::uint32_t> from(n + 1, 0);
    for (const Task& task : scenario.tasks)
        for (const Step& step : task.steps)
            if (step.kind == join)
                for (const std::uint32_t u : step.tasks)
                    ++from[u + 1];
    for (std::size_t u = 0; u < n; ++u)
        from[u + 1] += from[u];
    std::vector<Joiner> waiting(from[n]);
    {
        std::vector<std::uint32_t> next(from.begin(), from.end() - 1);
        for (std::size_t t = 0; t < n; ++t) {
            const std::vector<Step>& steps = scenario.tasks[t].steps;
            for (std::size_t s = 0; s < steps.size(); ++s)
                if (steps[s].kind == join)
                    for (const std::uint32_t u : steps[s].tasks)
                        waiting[next[u]++] = {std::uint32_t(t), std::uint32_t(s)};
        }
    }
    const Spawners spawners =
        spawn ? spawnersOf(scenario, *spawn)
              : Spawners{std::vector<std::uint32_t>(n, kNone), std::vector<std::uint32_t>(n, 0)};

    constexpr std::uint8_t kNotStarted = 0, kStarted = 1, kFinished = 2;
    std::vector<std::uint8_t> state(n, kNotStarted);
    std::vector<std::uint32_t> at(n, 0);      // the step a started task has come to
    std::vector<std::uint32_t> pending(n, 0); // how many of its join's tasks have not finished
    std::vector<std::uint32_t> ready;         // started or released, to be run on
    for (std::size_t t = 0; t < n; ++t) {
        if (spawners.task[t] == kNone) {
            state[t] = kStarted;
            ready.push_back(std::uint32_t(t));
        }
    }
    std::size_t finished = 0;
    while (!ready.empty()) {
        const std::uint32_t t = ready.back();
        ready.pop_back();
        const std::vector<Step>& steps = scenario.tasks[t].steps;
        for (; at[t] < steps.size(); ++at[t]) {
            const Step& step = steps[at[t]];
            if (step.kind == spawn && state[step.tasks[0]] == kNotStarted) {
                state[step.tasks[0]] = kStarted;
                ready.push_back(step.tasks[0]);
            } else if (step.kind == join) {
                pending[t] = std::uint32_t(
                    std::count_if(step.tasks.begin(), step.tasks.end(),
                                  [&](std::uint32_t u) { return state[u] != kFinished; }));
                if (pending[t] > 0)
                    break;
            }
        }
        if (at[t] < steps.size())
            continue; // blocked at a join
        state[t] = kFinished;
        ++finished;
        for (std::uint32_t i = from[t]; i < from[t + 1]; ++i) {
            const Joiner w = waiting[i];
            if (state[w.task] == kStarted && at[w.task] == w.step && pending[w.task] > 0 &&
                --pending[w.task] == 0) {
                ++at[w.task];
                ready.push_back(w.task);
            }
        }
    }
    if (finished == n)
        return done();
    return whyTheRunNeverEnds(scenario, state, at, spawners);
}

namespace {

// What validation needs to know of each kind: whether its steps take time (all but spawn and
// join, whose steps name tasks instead).
std::vector<bool> timedKinds(const KindTable& kinds) {
    std::vector<bool> timed;
    for (StepKind kind : kinds.all())
        timed.push_back(kinds.behaviour(kind) != KindBehaviour::Spawn &&
                        kinds.behaviour(kind) != KindBehaviour::Join);
    return timed;
}

bool stepAllowed(const Step& step, const std::vector<bool>& timed) {
    if (step.kind.index >= timed.size())
        return false;
    return timed[step.kind.index] ? durationAllowed(double(step.ms)) && step.tasks.empty()
                                  : step.ms == 0;
}

// Whether task keeps every rule that validation checks of a task alone.
bool taskAllowed(const Task& task, const std::vector<bool>& timed) {
    if (!taskNameAllowed(task.name) || !stepCountAllowed(task.steps.size()) ||
        !startAllowed(double(task.startMs)))
        return false;
    return std::all_of(task.steps.begin(), task.steps.end(),
                       [&](const Step& step) { return stepAllowed(step, timed); });
}

// The first rule step s (1-based) of task t breaks.
Result<void> checkStep(const Scenario& scenario, std::size_t t, std::size_t s,
                       const std::vector<bool>& timed) {
    const Step& step = scenario.tasks[t - 1].steps[s - 1];
    const std::string place = describePlace(scenario, t, s);
    if (step.kind.index >= timed.size())
        return fail(place, "kind " + std::to_string(step.kind.index) +
                               " is not in the scenario's table of kinds");
    const std::string& name = scenario.kinds[step.kind].name;
    if (!timed[step.kind.index])
        return fail(place,
                    "a " + name + " step takes no time, not " + std::to_string(step.ms) + " ms");
    if (!step.tasks.empty())
        return fail(place, "a " + name + " step names no tasks");
    return checkDuration(place, double(step.ms));
}

// The first rule task t (1-based) breaks, worded with its place; total counts the steps up to
// and including it.
Result<void> checkTask(const Scenario& scenario, std::size_t t, std::size_t total,
                       const std::vector<bool>& timed) {
    const Task& task = scenario.tasks[t - 1];
    const std::string place = describePlace(scenario, t, 0);
    if (auto name = checkTaskName(place, task.name); !name)
        return name;
    if (auto start = checkStartMs(place, double(task.startMs)); !start)
        return start;
    if (auto steps = checkStepCount(place, task.steps.size()); !steps)
        return steps;
    for (std::size_t s = 1; s <= task.steps.size(); ++s) {
        if (!stepAllowed(task.steps[s - 1], timed))
            return checkStep(scenario, t, s, timed);
    }
    return checkTotalSteps(place, total);
}

// The scenario's own kinds and the restyled io and http keep the resource rules.
Result<void> checkKinds(const KindTable& kinds) {
    if (auto count = checkKindCount("scenario", kinds.size()); !count)
        return count;
    for (StepKind kind : kinds.all()) {
        const KindSpec& spec = kinds[kind];
        if (kind == StepKind::Cpu || spec.behaviour != KindBehaviour::Waits)
            continue;
        const std::string place = "resource \"" + shortened(spec.name) + "\"";
        if (kind.index >= kBuiltinKinds.size()) {
            if (auto name = checkResourceName(place, spec.name); !name)
                return name;
            if (kinds.find(spec.name) != kind)
                return fail(place, "the name is listed twice");
        }
        if (auto label = checkLabel(place, spec.label); !label)
            return label;
        if (spec.color > 0xffffff)
            return fail(place, "the colour is not #rrggbb");
        if (spec.limit != 0) {
            if (auto limit = checkLimit(place, double(spec.limit)); !limit)
                return limit;
        }
    }
    return done();
}

} // namespace

Result<void> validateScenario(const Scenario& scenario) {
    if (auto titles = checkTitles(scenario.title, scenario.subtitle); !titles)
        return titles;
    if (auto count = checkTaskCount("scenario", scenario.tasks.size()); !count)
        return count;
    if (auto threads = checkThreads("scenario", double(scenario.threads)); !threads)
        return threads;
    if (auto kinds = checkKinds(scenario.kinds); !kinds)
        return kinds;
    const std::vector<bool> timed = timedKinds(scenario.kinds);
    std::size_t total = 0;
    for (std::size_t t = 1; t <= scenario.tasks.size(); ++t) {
        const Task& task = scenario.tasks[t - 1];
        total += task.steps.size();
        // The place is spelled out only for a message: most files break no rule.
        if (!taskAllowed(task, timed) || !totalStepsAllowed(total))
            return checkTask(scenario, t, total, timed);
    }
    if (formatVersion(scenario) == 2) {
        if (auto names = indexTaskNames(scenario); !names)
            return names.error();
    }
    if (auto references = checkTaskReferences(scenario); !references)
        return references;
    return checkRunEnds(scenario);
}

} // namespace coroscope
