#pragma once

// Changes to a scenario that keep its spawns and joins pointing at the same tasks and its
// steps at the same kinds: spawn and join steps name tasks by their place, steps name kinds
// by theirs, so a task or kind that comes, goes or moves renumbers them. The editor's model
// makes every edit of this kind through these, and its undo too.

#include "model/scenario.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace coroscope {

// A step of the scenario: its task and its place in it (0-based).
struct StepPlace {
    std::size_t task = 0, step = 0;
    friend bool operator==(const StepPlace&, const StepPlace&) = default;
};

// Puts task at `at`. Its own spawns and joins are numbered as the scenario is before it comes.
void insertTask(Scenario& scenario, std::size_t at, Task task);
// Takes task t out and returns it, its spawns and joins numbered as the scenario is without
// it (so that insertTask puts it back). No step may name t (see stepsNaming).
Task eraseTask(Scenario& scenario, std::size_t t);
void relocateTask(Scenario& scenario, std::size_t from, std::size_t to);

// The spawn and join steps that name task t, in scenario order.
std::vector<StepPlace> stepsNaming(const Scenario& scenario, std::uint32_t t);
// The steps of this kind, in scenario order.
std::vector<StepPlace> stepsOfKind(const Scenario& scenario, StepKind kind);
// Who spawns each task ("handler" spawns "fetch a"): the spawner's index, or -1 for a task
// that starts by itself.
std::vector<std::int64_t> spawnerOf(const Scenario& scenario);

// The kind at `at` out of the table (no step may be of it), or put back there.
void eraseKind(Scenario& scenario, StepKind at);
void insertKind(Scenario& scenario, StepKind at, KindSpec spec);

// "Task 4": the first "Task N" from N = the number of tasks + 1 that no task has.
std::string freeTaskName(const Scenario& scenario);

} // namespace coroscope
