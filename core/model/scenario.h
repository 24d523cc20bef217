#pragma once

#include "model/stepkind.h"
#include "model/tasklist.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace coroscope {

// What the loop does with a step is its kind's behaviour (KindTable): cpu holds the loop, a
// resource waits ms, thread runs ms on the pool, spawn starts tasks[0], join waits for tasks.
// 16 bytes: a run reads each step once, and a million of them are more than a cache holds.
struct Step {
    Step() = default;
    Step(StepKind kind, std::int64_t ms, TaskList tasks = {})
        : kind(kind)
        , ms(std::int32_t(ms))
        , tasks(std::move(tasks)) {}

    StepKind kind = StepKind::Cpu;
    std::int32_t ms = 1; // 0 for spawn and join; at most a day (kMaxStepMs) fits
    TaskList tasks;      // spawn: the child; join: the tasks joined (0-based)
    friend bool operator==(const Step&, const Step&) = default;
};

struct Task {
    std::string name;
    std::vector<Step> steps;
    std::int64_t startMs = 0; // a top-level task arrives then
    friend bool operator==(const Task&, const Task&) = default;
};

inline constexpr std::int64_t kDefaultThreads = 4;

struct Scenario {
    std::string title;
    std::string subtitle;
    std::vector<Task> tasks;
    KindTable kinds = KindTable();          // the built-in kinds, then those the scenario declares
    std::int64_t threads = kDefaultThreads; // the pool's workers, for thread steps
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

// The lowest file version that holds the scenario: 1 unless it has resources of its own, a
// restyled io or http, threads other than 4, start times, or steps of the thread, spawn or join
// kinds (a structural kind left in the table with no step of it does not count).
int formatVersion(const Scenario& scenario);
// Whether a spawn somewhere names the task: the others are top-level, started by the program.
std::vector<bool> spawnedTasks(const Scenario& scenario);

// "task 2 \"Task 2\", step 3" — how every message names a place (long names shortened).
std::string describePlace(const Scenario& scenario, std::size_t task, std::size_t step);

std::int64_t sequentialMs(const Scenario& scenario); // all steps one after another
std::size_t totalSteps(const Scenario& scenario);

} // namespace coroscope
