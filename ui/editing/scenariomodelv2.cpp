// The version 2 edits of the scenario model: resources, the thread pool, start times, spawns
// and joins. Each is judged on the scenario it would make (validateScenario), so a refused
// edit changes nothing and says which rule it breaks.

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"
#include "model/scenariorules.h"

#include <QColor>

#include <algorithm>

namespace coroscope {

namespace {

// How many of the first tasks a new spawn or join tries before it makes or asks for another.
constexpr int kTriedTasks = 8;

} // namespace

std::vector<StepKind> ScenarioModel::resources() const {
    std::vector<StepKind> kinds;
    for (StepKind kind : scenario_.kinds.all())
        if (scenario_.kinds.isResource(kind))
            kinds.push_back(kind);
    return kinds;
}

QString ScenarioModel::resourceLabel(StepKind kind) const {
    return toQString(scenario_.kinds[kind].name);
}

std::vector<StepPlace> ScenarioModel::stepsNaming(int task) const {
    return coroscope::stepsNaming(scenario_, std::uint32_t(task));
}

const std::vector<std::int64_t>& ScenarioModel::spawners() const {
    if (!spawners_)
        spawners_ = spawnerOf(scenario_);
    return *spawners_;
}

void ScenarioModel::pushKinds(const QString& text, const KindTable& kinds) {
    const KindTable old = scenario_.kinds;
    push(
        text, [=, this] { applyKinds(kinds); }, [=, this] { applyKinds(old); });
}

bool ScenarioModel::addResource() {
    KindTable kinds = scenario_.kinds;
    std::string name;
    for (int n = 1; name.empty() || kinds.find(name); ++n)
        name = "resource" + std::to_string(n);
    if (const Result<void> count = checkKindCount("scenario", kinds.size() + 1); !count)
        return refuse(count.error().message);
    kinds.declare(name);
    if (!allows([&](Scenario& s) { s.kinds = kinds; }))
        return false;
    pushKinds(tr("Add resource %1").arg(toQString(name)), kinds);
    return true;
}

bool ScenarioModel::removeResource(StepKind kind) {
    const std::string place = "resource \"" + scenario_.kinds[kind].name + "\"";
    if (kind.index < kBuiltinKinds.size())
        return refuse(place + ": io and http are built in; they can be restyled, not removed");
    const std::vector<StepPlace> users = stepsOfKind(scenario_, kind);
    if (!users.empty()) {
        const std::size_t more = users.size() - 1;
        return refuse(place + ": " +
                      describePlace(scenario_, users[0].task + 1, users[0].step + 1) +
                      (more ? " and " + std::to_string(more) + " more steps wait" : " waits") +
                      " on it; give them another kind first");
    }
    const KindSpec spec = scenario_.kinds[kind];
    push(
        tr("Remove resource %1").arg(resourceLabel(kind)), [=, this] { removeKind(kind); },
        [=, this] { restoreKind(kind, spec); });
    return true;
}

bool ScenarioModel::setResourceName(StepKind kind, const QString& name) {
    const KindSpec& spec = scenario_.kinds[kind];
    const std::string newName = name.toStdString();
    if (newName == spec.name)
        return true;
    if (kind.index < kBuiltinKinds.size())
        return refuse("resource \"" + spec.name + "\": io and http keep their names");
    KindTable kinds = scenario_.kinds;
    kinds.rename(kind, newName);
    if (spec.label == spec.name) // the label was the name: it follows
        kinds.restyle(kind, newName, std::nullopt, spec.limit);
    if (!allows([&](Scenario& s) { s.kinds = kinds; }))
        return false;
    pushKinds(tr("Rename resource %1 to %2").arg(resourceLabel(kind), name), kinds);
    return true;
}

bool ScenarioModel::setResourceLabel(StepKind kind, const QString& label) {
    const KindSpec& spec = scenario_.kinds[kind];
    // Empty: the name, or for io and http their own words ("I/O Wait").
    const std::string fallback =
        kind.index < kBuiltinKinds.size() ? builtinKinds()[kind].label : spec.name;
    const std::string newLabel = label.isEmpty() ? fallback : label.toStdString();
    if (newLabel == spec.label)
        return true;
    KindTable kinds = scenario_.kinds;
    kinds.restyle(kind, newLabel, std::nullopt, spec.limit);
    if (!allows([&](Scenario& s) { s.kinds = kinds; }))
        return false;
    pushKinds(tr("Set the label of %1 to “%2”").arg(resourceLabel(kind), toQString(newLabel)),
              kinds);
    return true;
}

bool ScenarioModel::setResourceColor(StepKind kind, Rgb color) {
    const KindSpec& spec = scenario_.kinds[kind];
    if (color == spec.color)
        return true;
    KindTable kinds = scenario_.kinds;
    kinds.restyle(kind, {}, color, spec.limit);
    if (!allows([&](Scenario& s) { s.kinds = kinds; }))
        return false;
    pushKinds(tr("Set the colour of %1 to %2")
                  .arg(resourceLabel(kind), QColor::fromRgb(QRgb(color)).name()),
              kinds);
    return true;
}

bool ScenarioModel::setResourceLimit(StepKind kind, std::int64_t limit) {
    const KindSpec& spec = scenario_.kinds[kind];
    if (limit == spec.limit)
        return true;
    const std::string place = "resource \"" + spec.name + "\"";
    if (limit != 0)
        if (const Result<void> rule = checkLimit(place, double(limit)); !rule)
            return refuse(rule.error().message);
    KindTable kinds = scenario_.kinds;
    kinds.restyle(kind, {}, std::nullopt, limit);
    if (!allows([&](Scenario& s) { s.kinds = kinds; }))
        return false;
    pushKinds(limit == 0 ? tr("Remove the limit of %1").arg(resourceLabel(kind))
                         : tr("Set limit of %1 to %L2").arg(resourceLabel(kind)).arg(limit),
              kinds);
    return true;
}

bool ScenarioModel::setThreads(std::int64_t threads) {
    if (threads == scenario_.threads)
        return true;
    if (const Result<void> rule = checkThreads("scenario", double(threads)); !rule)
        return refuse(rule.error().message);
    if (!allows([&](Scenario& s) { s.threads = threads; }))
        return false;
    const std::int64_t old = scenario_.threads;
    push(
        tr("Set the thread pool to %L1 threads").arg(threads), [=, this] { applyThreads(threads); },
        [=, this] { applyThreads(old); });
    return true;
}

bool ScenarioModel::setStartMs(int t, std::int64_t ms) {
    if (t < 0 || t >= rowCount())
        return false;
    const std::int64_t old = scenario_.tasks[std::size_t(t)].startMs;
    if (ms == old)
        return true;
    if (const Result<void> rule = checkStartMs(place(t), double(ms)); !rule)
        return refuse(rule.error().message);
    if (!allows([&](Scenario& s) { s.tasks[std::size_t(t)].startMs = ms; }))
        return false;
    push(
        tr("Set the start of %1 to %L2 ms").arg(taskLabel(t)).arg(ms),
        [=, this] { applyStart(t, ms); }, [=, this] { applyStart(t, old); });
    return true;
}

void ScenarioModel::pushStep(const QString& text, int t, int s, Step updated,
                             const KindTable& kinds, std::optional<Task> newTask) {
    const Step old = scenario_.tasks[std::size_t(t)].steps[std::size_t(s)];
    const KindTable oldKinds = scenario_.kinds;
    const int added = rowCount(); // where a new task goes
    push(
        text,
        [=, this] {
            applyKinds(kinds);
            if (newTask)
                insertTask(added, *newTask);
            applyStep(t, s, updated);
        },
        [=, this] {
            applyStep(t, s, old);
            if (newTask)
                eraseTask(added);
            applyKinds(oldKinds);
        });
}

namespace {

// The scenario with step s of task t made `updated`, the kinds it needs and a task it makes.
auto stepChange(int t, int s, const Step& updated, const KindTable& kinds,
                const std::optional<Task>& newTask) {
    return [=](Scenario& c) {
        c.kinds = kinds;
        if (newTask)
            c.tasks.push_back(*newTask);
        c.tasks[std::size_t(t)].steps[std::size_t(s)] = updated;
    };
}

Task freshTask(const Scenario& scenario) {
    return Task{freeTaskName(scenario), {{StepKind::Cpu, 100}}};
}

} // namespace

bool ScenarioModel::setStepKind(int t, int s, StepKind kind, KindTable kinds) {
    const Step& old = scenario_.tasks[std::size_t(t)].steps[std::size_t(s)];
    const KindBehaviour behaviour = kinds.behaviour(kind);
    const QString step = tr("step %1 of %2").arg(s + 1).arg(taskLabel(t));
    std::optional<Task> newTask;
    // Whether the step naming `tasks` keeps every rule (no refusal: the next task is tried).
    auto fits = [&](TaskList tasks) {
        Scenario candidate = scenario_;
        stepChange(t, s, Step(kind, 0, tasks), kinds, newTask)(candidate);
        return validateScenario(candidate).ok();
    };
    if (behaviour == KindBehaviour::Spawn) {
        // The first task that starts by itself at 0 and may be spawned here, else a new one.
        int tried = 0;
        for (int u = 0; u < rowCount() && tried < kTriedTasks; ++u) {
            if (u == t || spawners()[std::size_t(u)] >= 0 ||
                scenario_.tasks[std::size_t(u)].startMs)
                continue;
            ++tried;
            if (fits({std::uint32_t(u)})) {
                const Step updated(kind, 0, {std::uint32_t(u)});
                pushStep(tr("Make %1 spawn %2").arg(step, taskLabel(u)), t, s, updated, kinds);
                return true;
            }
        }
        newTask = freshTask(scenario_);
        const Step updated(kind, 0, {std::uint32_t(rowCount())});
        if (!allows(stepChange(t, s, updated, kinds, newTask)))
            return false;
        pushStep(tr("Make %1 spawn a new task “%2”").arg(step, toQString(newTask->name)), t, s,
                 updated, kinds, newTask);
        return true;
    }
    if (behaviour == KindBehaviour::Join) {
        // The tasks this task spawned before the step and has not joined yet; else the first
        // task it may join.
        std::vector<std::uint32_t> joined;
        const auto& steps = scenario_.tasks[std::size_t(t)].steps;
        for (int before = 0; before < s; ++before) {
            const KindBehaviour b = scenario_.kinds.behaviour(steps[std::size_t(before)].kind);
            for (std::uint32_t u : steps[std::size_t(before)].tasks) {
                if (b == KindBehaviour::Spawn)
                    joined.push_back(u);
                else if (b == KindBehaviour::Join)
                    joined.erase(std::remove(joined.begin(), joined.end(), u), joined.end());
            }
        }
        for (int u = 0; joined.empty() && u < std::min(rowCount(), kTriedTasks + 1); ++u)
            if (u != t && fits({std::uint32_t(u)}))
                joined.push_back(std::uint32_t(u));
        if (joined.empty())
            return refuse(describePlace(scenario_, std::size_t(t) + 1, std::size_t(s) + 1) +
                          ": no task can be joined here: a join waits for tasks that are "
                          "started and end");
        return setJoinedTasks(t, s, joined, kinds);
    }
    Step updated(kind, old.ms == 0 ? 100 : old.ms); // a timed kind: spawns and joins had no ms
    const auto change = stepChange(t, s, updated, kinds, std::nullopt);
    const bool wasTimed = scenario_.kinds.hasRows(old.kind) &&
                          scenario_.kinds.behaviour(old.kind) != KindBehaviour::Join;
    if (!(wasTimed && kinds == scenario_.kinds ? allowsInVersion2(change) : allows(change)))
        return false;
    pushStep(tr("Make %1 %2").arg(step, toQString(kinds[kind].label)), t, s, updated, kinds);
    return true;
}

bool ScenarioModel::setSpawnedTask(int t, int s, int spawned) {
    if (t < 0 || t >= rowCount() || s < 0 || s >= rowCount(taskIndex(t)) || spawned < kNewTask ||
        spawned >= rowCount())
        return false;
    const Step& old = scenario_.tasks[std::size_t(t)].steps[std::size_t(s)];
    if (scenario_.kinds.behaviour(old.kind) != KindBehaviour::Spawn)
        return false;
    std::optional<Task> newTask;
    if (spawned == kNewTask)
        newTask = freshTask(scenario_);
    const int target = newTask ? rowCount() : spawned;
    if (!old.tasks.empty() && int(old.tasks[0]) == target)
        return true;
    const Step updated(old.kind, 0, {std::uint32_t(target)});
    if (!allows(stepChange(t, s, updated, scenario_.kinds, newTask)))
        return false;
    const QString step = tr("step %1 of %2").arg(s + 1).arg(taskLabel(t));
    pushStep(newTask ? tr("Make %1 spawn a new task “%2”").arg(step, toQString(newTask->name))
                     : tr("Make %1 spawn %2").arg(step, taskLabel(target)),
             t, s, updated, scenario_.kinds, newTask);
    return true;
}

bool ScenarioModel::setJoinedTasks(int t, int s, const std::vector<std::uint32_t>& joined) {
    if (t < 0 || t >= rowCount() || s < 0 || s >= rowCount(taskIndex(t)))
        return false;
    const Step& old = scenario_.tasks[std::size_t(t)].steps[std::size_t(s)];
    if (scenario_.kinds.behaviour(old.kind) != KindBehaviour::Join)
        return false;
    if (TaskList(joined) == old.tasks)
        return true;
    return setJoinedTasks(t, s, joined, scenario_.kinds);
}

bool ScenarioModel::setJoinedTasks(int t, int s, const std::vector<std::uint32_t>& joined,
                                   const KindTable& kinds) {
    const std::string place = describePlace(scenario_, std::size_t(t) + 1, std::size_t(s) + 1);
    if (const Result<void> count = checkJoinCount(place, joined.size()); !count)
        return refuse(count.error().message);
    for (std::uint32_t u : joined)
        if (u >= scenario_.tasks.size())
            return false;
    const Step updated(*kinds.find(KindBehaviour::Join), 0, joined);
    if (!allows(stepChange(t, s, updated, kinds, std::nullopt)))
        return false;
    QStringList names;
    for (std::uint32_t u : joined)
        names << taskLabel(int(u));
    const QString tasks =
        joined.size() <= 3 ? names.join(tr(", ")) : tr("%L1 tasks").arg(joined.size());
    pushStep(tr("Make step %1 of %2 join %3").arg(s + 1).arg(taskLabel(t), tasks), t, s, updated,
             kinds);
    return true;
}

// ---- primitives ----

void ScenarioModel::applyKinds(const KindTable& kinds) {
    if (kinds == scenario_.kinds)
        return;
    scenario_.kinds = kinds;
    for (int t = 0; t < rowCount(); ++t) // labels and swatches
        emit dataChanged(stepIndex(t, 0, KindColumn),
                         stepIndex(t, rowCount(taskIndex(t)) - 1, KindColumn));
}

void ScenarioModel::applyThreads(std::int64_t threads) {
    scenario_.threads = threads;
}

void ScenarioModel::applyStart(int t, std::int64_t ms) {
    scenario_.tasks[std::size_t(t)].startMs = ms;
    emit dataChanged(taskIndex(t, StartColumn), taskIndex(t, StartColumn));
}

void ScenarioModel::removeKind(StepKind kind) {
    eraseKind(scenario_, kind);
}

void ScenarioModel::restoreKind(StepKind kind, const KindSpec& spec) {
    insertKind(scenario_, kind, spec);
}

} // namespace coroscope
