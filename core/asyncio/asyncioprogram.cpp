#include "asyncio/asyncioprogram.h"

#include "asyncio/pythontext.h"

#include <string_view>

namespace coroscope {

namespace {

// The program around what each scenario fills in: the title and names after kHead, the task
// coroutines after kSteps, their calls inside kGather's asyncio.gather( ... ), the kinds' labels
// between kReport and kReportEnd.
//
// User text never stands on the first two lines, where Python would obey a coding comment.
constexpr std::string_view kHead = R"py(#!/usr/bin/env python3
"""A Coroscope scenario as an asyncio program (Python 3, the standard library only).

Each task of the scenario is a coroutine below, one step per line. cpu(ms) stands for
CPU-bound work: it busy-waits, so it holds the event loop as CPU-bound code does. io(ms) and
http(ms) wait with asyncio.sleep(), and the loop runs other tasks meanwhile. asyncio.gather()
starts every task, in the scenario's order.

Run it:

    python3 <this file> [--stretch X] [--trace FILE]

It prints the timeline it saw as CSV, the columns of `coroscope --print-timeline`
(task,kind,start_ms,end_ms), in the scenario's milliseconds: starts rounded to whole ms, a
wait's end its start plus its duration. --stretch X runs time X times slower (default 1),
which keeps timer delays small beside the steps. --trace FILE also records the run as a
Chrome trace: Perfetto shows it, and `coroscope FILE` opens it as the scenario it ran.
"""

import argparse
import asyncio
import contextvars
import errno
import functools
import json
import math
import os
import platform
import sys
import tempfile
import time

)py";

constexpr std::string_view kSteps = R"py(
# ---- The steps -------------------------------------------------------------------------------

STRETCH = 1.0  # real time per scenario time (--stretch)


def cpu(ms):
    """CPU-bound work for ms milliseconds. It never awaits, so no other task runs meanwhile,
    and two cpu() calls in a row run back to back."""
    start = time.perf_counter()
    while time.perf_counter() - start < ms * STRETCH / 1000:
        pass
    _record("cpu", ms, start, time.perf_counter())


async def io(ms):
    """Waits ms milliseconds for I/O; the loop runs other tasks meanwhile."""
    await _wait("io", ms)


async def http(ms):
    """Waits ms milliseconds for an HTTP response; the loop runs other tasks meanwhile."""
    await _wait("http", ms)


async def _wait(kind, ms):
    start = time.perf_counter()
    await asyncio.sleep(ms * STRETCH / 1000)
    _record(kind, ms, start, time.perf_counter())


# ---- What the run records --------------------------------------------------------------------

_time_zero = 0.0  # perf_counter() when the tasks are created: the run's time 0
_steps = []  # each step that ran: task and step (from 0), kind, ms, start and end (scenario ms)
_running = contextvars.ContextVar("running")  # the running task's [index, steps taken]


def task(number):
    """Marks the coroutine of the scenario's task `number` (from 1): its steps are its own."""

    def mark(body):
        @functools.wraps(body)
        async def run():
            _running.set([number - 1, 0])  # every asyncio task has a context of its own
            await body()

        return run

    return mark


def _scenario_ms(clock):
    return (clock - _time_zero) * 1000 / STRETCH


def _record(kind, ms, start, end):
    running = _running.get()
    _steps.append((running[0], running[1], kind, ms, _scenario_ms(start), _scenario_ms(end)))
    running[1] += 1


# ---- The tasks -------------------------------------------------------------------------------
)py";

constexpr std::string_view kGather = R"py(

# ---- Running them ----------------------------------------------------------------------------


async def run_all():
    """Every task at once, in the scenario's order; time 0 is when they are created."""
    global _time_zero
    _time_zero = time.perf_counter()
    await asyncio.gather(
)py";

constexpr std::string_view kReport = R"py(    )


def whole_ms(t):
    return math.floor(t + 0.5)  # halves up, where round() would go to the even one


def csv_field(text):
    """Quoted as `coroscope --print-timeline` quotes: when it holds a comma, a quote or a
    control character."""
    if any(c in ',"' or ord(c) < 0x20 or c == "\x7f" for c in text):
        return '"' + text.replace('"', '""') + '"'
    return text


def timeline_csv():
    """The run as --print-timeline's CSV: rows by start, then task, then step."""
    rows = []
    for index, step, kind, ms, start, end in _steps:
        start = whole_ms(start)
        end = whole_ms(end) if kind == "cpu" else start + ms  # a wait's end: its nominal end
        row = f"{csv_field(TASK_NAMES[index])},{kind},{start},{end}\n"
        rows.append((start, index, step, row))
    return "task,kind,start_ms,end_ms\n" + "".join(row for *_, row in sorted(rows))


def chrome_trace():
    """The run as `coroscope --export-trace` writes one, in the scenario's microseconds: cpu
    as measured, a wait with its nominal end and (returned_us) when its await returned."""
    events = [{"name": "process_name", "ph": "M", "pid": 1, "args": {"name": TITLE}}]
    for tid, name in enumerate(TASK_NAMES, 1):
        events.append(
            {"name": "thread_name", "ph": "M", "pid": 1, "tid": tid, "args": {"name": name}}
        )
        events.append(
            {"name": "thread_sort_index", "ph": "M", "pid": 1, "tid": tid,
             "args": {"sort_index": tid}}
        )
)py";

// The rest, after the kinds' labels.
constexpr std::string_view kReportEnd =
    R"py(    for index, step, kind, ms, start, end in sorted(_steps, key=lambda s: (s[4], s[0], s[1])):
        args = {"step": step + 1, "ms": ms}
        if kind != "cpu":
            args["returned_us"] = end * 1000
        duration = (end - start) * 1000 if kind == "cpu" else ms * 1000
        events.append(
            {"name": labels[kind], "cat": kind, "ph": "X", "pid": 1, "tid": index + 1,
             "ts": start * 1000, "dur": duration, "args": args}
        )
    return {
        "displayTimeUnit": "ms",
        "otherData": {"format": "coroscope-recording", "version": 1, "stretch": STRETCH,
                      "subtitle": SUBTITLE, "python": platform.python_version()},
        "traceEvents": events,
    }


def writable_target(path):
    """The file that writing path replaces (through a link, the file it names); OSError when
    there is none to write."""
    target = os.path.realpath(path)
    if os.path.isdir(target):
        raise OSError(errno.EISDIR, "it is a directory")
    if os.path.exists(target) and not os.path.isfile(target):
        raise OSError(errno.EINVAL, "it is not a regular file")
    if not os.path.isdir(os.path.dirname(target)):
        raise OSError(errno.ENOENT, "its folder does not exist")
    return target


def write_atomically(path, text):
    """Writes a temporary file beside the target, then renames it over the target: a reader
    sees the old file or the new one, never half of one."""
    target = writable_target(path)
    if os.path.exists(target):
        mode = os.stat(target).st_mode & 0o7777  # the replaced file keeps its permissions
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    folder, name = os.path.split(target)
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            os.fchmod(file.fileno(), mode)
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def cannot_write(what, error):
    sys.exit(f"{os.path.basename(sys.argv[0])}: {what}: cannot be written ({error.strerror})")


def stretch(text):
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"takes a number above 0, not {text!r}")
    return value


def main():
    parser = argparse.ArgumentParser(
        description="Runs the scenario's tasks on asyncio's event loop and prints the timeline "
        "it saw as CSV (task,kind,start_ms,end_ms)."
    )
    parser.add_argument(
        "--stretch", type=stretch, default=1.0, metavar="X",
        help="run time X times slower, for steadier timers (default 1)",
    )
    parser.add_argument("--trace", metavar="FILE", help="also record the run in FILE (JSON)")
    arguments = parser.parse_args()
    global STRETCH
    STRETCH = arguments.stretch
    if arguments.trace:
        try:
            writable_target(arguments.trace)  # refused now rather than after the run
        except OSError as error:
            cannot_write(arguments.trace, error)
    asyncio.run(run_all())
    if arguments.trace:
        try:
            write_atomically(arguments.trace, json.dumps(chrome_trace(), ensure_ascii=False))
        except OSError as error:
            cannot_write(arguments.trace, error)
    try:
        csv = memoryview(timeline_csv().encode())
        while csv:
            csv = csv[os.write(sys.stdout.fileno(), csv):]
    except OSError as error:
        cannot_write("standard output", error)


if __name__ == "__main__":
    main()
)py";

void appendScenario(std::string& out, const Scenario& scenario) {
    out += "TITLE = " + pythonStringLiteral(scenario.title) + "\n";
    out += "SUBTITLE = " + pythonStringLiteral(scenario.subtitle) + "\n";
    out += "TASK_NAMES = [\n";
    for (const Task& task : scenario.tasks)
        out += "    " + pythonStringLiteral(task.name) + ",\n";
    out += "]\n";
}

// A coroutine a task, under a comment with its name, a step a line.
void appendTask(std::string& out, const Task& task, const KindTable& kinds,
                const std::string& number) {
    out += "\n\n# " + pythonCommentText(task.name) + "\n";
    out += "@task(" + number + ")\nasync def task_" + number + "():\n";
    if (task.steps.empty())
        out += "    pass\n";
    for (const Step& step : task.steps) {
        const std::string ms = std::to_string(step.ms);
        if (!isWait(step.kind))
            out += "    cpu(" + ms + ")\n";
        else if (step.kind == StepKind::Io || step.kind == StepKind::Http)
            out += "    await " + kinds[step.kind].name + "(" + ms + ")\n";
        else // a kind of the scenario's own: a plain wait under its name
            out +=
                "    await _wait(" + pythonStringLiteral(kinds[step.kind].name) + ", " + ms + ")\n";
    }
}

// The trace's names of the kinds: {"cpu": "Processing", "io": "I/O Wait", ...}.
void appendLabels(std::string& out, const KindTable& kinds) {
    out += "    labels = {";
    for (StepKind kind : kinds.all()) {
        out += kind == StepKind::Cpu ? "" : ", ";
        out +=
            pythonStringLiteral(kinds[kind].name) + ": " + pythonStringLiteral(kinds[kind].label);
    }
    out += "}\n";
}

} // namespace

std::string asyncioProgram(const Scenario& scenario) {
    std::string out(kHead);
    appendScenario(out, scenario);
    out += kSteps;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        appendTask(out, scenario.tasks[t], scenario.kinds, std::to_string(t + 1));
    out += kGather;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        out += "        task_" + std::to_string(t + 1) + "(),\n";
    out += kReport;
    appendLabels(out, scenario.kinds);
    out += kReportEnd;
    return out;
}

} // namespace coroscope
