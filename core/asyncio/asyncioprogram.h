#pragma once

// A scenario as a Python 3 program (standard library only) that runs its tasks on asyncio's
// real event loop: one `async def` per task, cpu(ms) busy-waiting while it holds the loop,
// io(ms) and http(ms) awaiting asyncio.sleep(), all started with asyncio.gather() in scenario
// order. Run, it prints the timeline it observed as --print-timeline's CSV and can record the
// run as a Chrome trace (the recording format: see the program's chrome_trace()), so the
// model can be held against asyncio itself. The program's docstring says how to run it.

#include "model/scenario.h"

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace coroscope {

// The program's source (UTF-8).
std::string asyncioProgram(const Scenario& scenario);

// Lines of a text, from 0.
struct CodeLines {
    std::size_t first = 0;
    std::size_t count = 0;
    friend bool operator==(const CodeLines&, const CodeLines&) = default;
};

// The program's task coroutines alone, as it writes them (each under a comment with its task's
// name, two blank lines between them), and the lines of each task and step: what the window's
// Code dock shows and highlights as the run plays.
struct TaskFunctions {
    std::string text;
    std::vector<CodeLines> tasks;         // from its comment to its last line
    std::vector<std::size_t> stepOffsets; // task t's steps: steps[stepOffsets[t], stepOffsets[t+1])
    std::vector<CodeLines> steps;         // a line each; a limited wait two (its `async with`)

    std::span<const CodeLines> stepsOf(std::size_t task) const;
    // The (task, step) a line belongs to: step -1 on a task's comment, decorator, def or
    // arrival; (-1, -1) between two functions.
    std::pair<int, int> stepOnLine(std::size_t line) const;
};

TaskFunctions asyncioTaskFunctions(const Scenario& scenario);

} // namespace coroscope
