#include "asyncio/asyncioprogram.h"

#include "asyncio/pythontext.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

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

// The rest of chrome_trace(), after the kinds' labels.
constexpr std::string_view kTraceEvents =
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
)py";

// What every program ends with: writing files, and main().
constexpr std::string_view kFiles = R"py(

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

// ---- Version 2 ----------------------------------------------------------------------------
// A scenario that needs version 2 (spawn, join, limited resources, the thread pool, arrivals)
// becomes a program of the same shape with more steps: kHead2 before the title and names,
// kSteps2 before the task coroutines, kRun2 before main's creating the top-level tasks,
// kReport2 after it, then the kinds' labels, kTraceEvents2 and kFiles.

constexpr std::string_view kHead2 = R"py(#!/usr/bin/env python3
"""A Coroscope scenario as an asyncio program (Python 3, the standard library only).

Each task of the scenario is a coroutine below, one step per line. cpu(ms) stands for
CPU-bound work: it busy-waits, so it holds the event loop as CPU-bound code does. io(ms),
http(ms) and wait(kind, ms) wait with asyncio.sleep(), and the loop runs other tasks meanwhile;
a resource with a limit is entered with `async with SEMAPHORES[kind]:` (an asyncio.Semaphore),
so that at most that many of its waits run at once. thread(ms) runs blocking work on the
thread pool (loop.run_in_executor) while its task awaits it. spawn() starts a task
(asyncio.create_task) and goes on at once; join() waits until tasks have left (`await task`
for one, asyncio.gather() for several). A task that arrives later first sleeps until then
(arrive(ms)). main() starts the top-level tasks in the scenario's order.

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
import concurrent.futures
import contextvars
import errno
import functools
import gc
import json
import math
import os
import platform
import sys
import tempfile
import threading
import time

)py";

constexpr std::string_view kSteps2 = R"py(
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
    await wait("io", ms)


async def http(ms):
    """Waits ms milliseconds for an HTTP response; the loop runs other tasks meanwhile."""
    await wait("http", ms)


async def wait(kind, ms):
    """Waits ms milliseconds on a resource (a database, a cache, ...); the loop runs other
    tasks meanwhile. Inside `async with SEMAPHORES[kind]:` it begins once a slot is free."""
    start = time.perf_counter()
    _record_queued(kind, start)
    await asyncio.sleep(ms * STRETCH / 1000)
    _record(kind, ms, start, time.perf_counter())


class Slots(asyncio.Semaphore):
    """asyncio.Semaphore(limit): at most limit tasks inside `async with` at once, the others
    queued in turn. It notes when a task began to queue, for the recording."""

    async def acquire(self):
        _running.get()[2] = time.perf_counter()
        return await super().acquire()


)py";

// After the semaphores and the pool.
constexpr std::string_view kSteps2b = R"py(

def blocking_work(seconds):
    """What a thread step stands for (blocking code: a library without async, a hash): it
    sleeps on a worker thread, as time.sleep(seconds) would. Returns when it began."""
    start = time.perf_counter()
    time.sleep(seconds)
    return start


async def thread(ms):
    """Blocking work for ms milliseconds on a worker of POOL (loop.run_in_executor): the task
    awaits it while the loop runs other tasks. With every worker busy, it queues for one."""
    queued = time.perf_counter()
    loop = asyncio.get_running_loop()
    start = await loop.run_in_executor(POOL, blocking_work, ms * STRETCH / 1000)
    _running.get()[2] = queued
    _record_queued("thread", start)
    _record("thread", ms, start, time.perf_counter())


TASKS = {}  # every task started so far (asyncio.Task), by its name
TASK_NUMBERS = {name: number for number, name in enumerate(TASK_NAMES)}  # from 0


def spawn(name, coroutine):
    """Starts a task (asyncio.create_task): its first step runs when the loop comes to it, and
    the task that spawns it goes on at once."""
    TASKS[name] = asyncio.create_task(coroutine)
    now = time.perf_counter()
    _record_step("spawn", 0, now, now, TASK_NUMBERS[name])


async def join(*names):
    """Waits until every task named has left: `await task` for one (a task that has left is
    not waited for), asyncio.gather() for several."""
    start = time.perf_counter()
    if len(names) == 1:
        await TASKS[names[0]]
    else:
        await asyncio.gather(*(TASKS[name] for name in names))
    joined = [TASK_NUMBERS[name] for name in names]
    _record_step("join", 0, start, time.perf_counter(), joined)


async def arrive(ms):
    """A task that arrives later (a request, say) first sleeps until then."""
    _arrivals[_running.get()[0]] = ms
    await asyncio.sleep(ms * STRETCH / 1000)


# ---- What the run records --------------------------------------------------------------------

_time_zero = 0.0  # perf_counter() when the tasks are created: the run's time 0
# Each step that ran: task and step (from 0), kind, ms, start and end (scenario ms), and what it
# names (a spawn: its task; a join: the tasks). A wait's end is when its await returned; the
# time queued for a slot or a worker ("db-slot", "thread-slot") comes before its step's row.
_steps = []
_running = contextvars.ContextVar("running")  # the running task's [index, steps, queued since]
_arrivals = {}  # the start_ms of the tasks that arrive later, by index
_left = {}  # when each task left (scenario ms), by index
_everyone_left = None  # a future that the last task to leave sets


def task(number):
    """Marks the coroutine of the scenario's task `number` (from 1): its steps are its own."""

    def mark(body):
        @functools.wraps(body)
        async def run():
            _running.set([number - 1, 0, None])  # every asyncio task has a context of its own
            await body()
            _left[number - 1] = _scenario_ms(time.perf_counter())
            if len(_left) == len(TASK_NAMES):
                _everyone_left.set_result(None)

        return run

    return mark


def _scenario_ms(clock):
    return (clock - _time_zero) * 1000 / STRETCH


def _record_step(kind, ms, start, end, names=None):
    running = _running.get()
    _steps.append(
        (running[0], running[1], kind, ms, _scenario_ms(start), _scenario_ms(end), names)
    )
    running[1] += 1


def _record(kind, ms, start, end):
    _record_step(kind, ms, start, end)


def _record_queued(kind, start):
    """The time the running task queued before its step began at start, if it queued."""
    running = _running.get()
    if running[2] is not None:
        queued = (running[0], running[1], kind + "-slot", 0, _scenario_ms(running[2]),
                  _scenario_ms(start), None)
        _steps.append(queued)
        running[2] = None


# ---- The tasks -------------------------------------------------------------------------------
)py";

constexpr std::string_view kRun2 = R"py(

# ---- Running them ----------------------------------------------------------------------------


def warm_up():
    """Starts every worker of POOL before the clock starts (a pool starts them only as work
    comes), and lets a worker that waits for the interpreter behind a busy loop have it within
    microseconds: its finishing reaches the loop when it happens."""
    barrier = threading.Barrier(THREADS + 1)
    started = [POOL.submit(barrier.wait) for _ in range(THREADS)]
    barrier.wait()
    for future in started:
        future.result()
    time.sleep(0.01)  # until every worker waits for work
    sys.setswitchinterval(1e-5)
    gc.disable()  # no collection in the middle of a step


async def run_all():
    """The top-level tasks in the scenario's order, time 0 when they are created; it waits
    until every task has left, those they spawn too."""
    global _time_zero, _everyone_left
    warm_up()
    _everyone_left = asyncio.get_running_loop().create_future()
    _time_zero = time.perf_counter()
)py";

constexpr std::string_view kReport2 = R"py(    await _everyone_left


def whole_ms(t):
    return math.floor(t + 0.5)  # halves up, where round() would go to the even one


def csv_field(text):
    """Quoted as `coroscope --print-timeline` quotes: when it holds a comma, a quote or a
    control character."""
    if any(c in ',"' or ord(c) < 0x20 or c == "\x7f" for c in text):
        return '"' + text.replace('"', '""') + '"'
    return text


def rows():
    """The steps that take time, as --print-timeline's rows: (task, step, part, kind, start,
    end), in scenario ms, rounded; part 0 is the time queued before the step (a -slot row),
    part 1 the step. A wait ends at its nominal end, a join when the last task it joins left; a
    spawn takes no time. The time queued, or a join's, is a row when it lasted half a ms or
    more (then at least 1 ms long): less is the noise of a task that did not wait."""
    for index, step, kind, ms, start, end, names in _steps:
        if kind == "spawn":
            continue
        if kind == "join":
            end = max(_left[i] for i in names)
        begin = whole_ms(start)
        if kind == "join" or kind.endswith("-slot"):
            if end - start < 0.5:
                continue
            finish = max(whole_ms(end), begin + 1)
        else:
            finish = whole_ms(end) if kind == "cpu" else begin + ms
        yield index, step, 0 if kind.endswith("-slot") else 1, kind, begin, finish


def timeline_csv():
    """The run as --print-timeline's CSV: rows by start, then task, then step (a step's time
    queued first)."""
    lines = []
    for index, step, part, kind, start, end in rows():
        line = f"{csv_field(TASK_NAMES[index])},{kind},{start},{end}\n"
        lines.append((start, index, step, part, line))
    return "task,kind,start_ms,end_ms\n" + "".join(line for *_, line in sorted(lines))


def chrome_trace():
    """The run as `coroscope --export-trace` writes one, in the scenario's microseconds: cpu
    as measured, a wait or a thread step with its nominal end and (returned_us) when its await
    returned, the time queued for a slot or a worker, a spawn (the task it starts), a join (the
    tasks, until the last left)."""
    events = [{"name": "process_name", "ph": "M", "pid": 1, "args": {"name": TITLE}}]
    for tid, name in enumerate(TASK_NAMES, 1):
        args = {"name": name}
        if tid - 1 in _arrivals:
            args["start_ms"] = _arrivals[tid - 1]
        events.append({"name": "thread_name", "ph": "M", "pid": 1, "tid": tid, "args": args})
        events.append(
            {"name": "thread_sort_index", "ph": "M", "pid": 1, "tid": tid,
             "args": {"sort_index": tid}}
        )
)py";

constexpr std::string_view kTraceEvents2 =
    R"py(    kept = {(index, step, part) for index, step, part, *_ in rows()}
    for index, step, kind, ms, start, end, names in sorted(
        _steps, key=lambda s: (s[4], s[0], s[1], not s[2].endswith("-slot"))
    ):
        args = {"step": step + 1}
        if kind.endswith("-slot"):  # the time queued for a slot or a worker
            if (index, step, 0) not in kept:
                continue
            name = labels[kind[: -len("-slot")]] + ": queued"
            duration = (end - start) * 1000
        elif kind == "spawn":
            name, duration = labels[kind], 0
            args["task"] = names + 1
        elif kind == "join":
            name = labels[kind]
            args["tasks"] = [i + 1 for i in names]
            args["returned_us"] = end * 1000
            last = max(_left[i] for i in names)
            duration = (last - start) * 1000 if (index, step, 1) in kept else 0
        else:
            name = labels[kind]
            args["ms"] = ms
            if kind != "cpu":
                args["returned_us"] = end * 1000
            duration = (end - start) * 1000 if kind == "cpu" else ms * 1000
        events.append(
            {"name": name, "cat": kind, "ph": "X", "pid": 1, "tid": index + 1,
             "ts": start * 1000, "dur": duration, "args": args}
        )
    return {
        "displayTimeUnit": "ms",
        "otherData": {"format": "coroscope-recording", "version": 2, "stretch": STRETCH,
                      "subtitle": SUBTITLE, "python": platform.python_version(),
                      "threads": THREADS, "kinds": KINDS},
        "traceEvents": events,
    }
)py";

// "#8e24aa".
std::string colorText(Rgb color) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string text = "#";
    for (int shift = 20; shift >= 0; shift -= 4)
        text += digits[(color >> shift) & 0xf];
    return text;
}

void appendScenario(std::string& out, const Scenario& scenario) {
    out += "TITLE = " + pythonStringLiteral(scenario.title) + "\n";
    out += "SUBTITLE = " + pythonStringLiteral(scenario.subtitle) + "\n";
    out += "TASK_NAMES = [\n";
    for (const Task& task : scenario.tasks)
        out += "    " + pythonStringLiteral(task.name) + ",\n";
    out += "]\n";
}

// Writes the task functions a line at a time, noting where each task and step stands.
class FunctionWriter {
public:
    explicit FunctionWriter(TaskFunctions& functions)
        : f_(functions) {}
    void line(std::string_view text) {
        f_.text += text;
        f_.text += '\n';
        ++lines_;
    }
    // A task's function begins: two blank lines after the one before.
    void beginTask() {
        if (!f_.tasks.empty()) {
            line("");
            line("");
        }
        f_.tasks.push_back({lines_, 0});
        f_.stepOffsets.push_back(f_.steps.size());
    }
    void endTask() { f_.tasks.back().count = lines_ - f_.tasks.back().first; }
    // The lines written from here on, until the next beginStep(), are a step's.
    void beginStep() {
        endStep();
        f_.steps.push_back({lines_, 0});
        inStep_ = true;
    }
    void endStep() {
        if (std::exchange(inStep_, false))
            f_.steps.back().count = lines_ - f_.steps.back().first;
    }
    void finish() { f_.stepOffsets.push_back(f_.steps.size()); }

private:
    TaskFunctions& f_;
    std::size_t lines_ = 0;
    bool inStep_ = false;
};

// A coroutine a task, under a comment with its name, a step a line.
void writeTask(FunctionWriter& out, const Task& task, const KindTable& kinds,
               const std::string& number) {
    out.beginTask();
    out.line("# " + pythonCommentText(task.name));
    out.line("@task(" + number + ")");
    out.line("async def task_" + number + "():");
    if (task.steps.empty())
        out.line("    pass");
    for (const Step& step : task.steps) {
        const std::string ms = std::to_string(step.ms);
        out.beginStep();
        if (!isWait(step.kind))
            out.line("    cpu(" + ms + ")");
        else if (step.kind == StepKind::Io || step.kind == StepKind::Http)
            out.line("    await " + kinds[step.kind].name + "(" + ms + ")");
        else // a kind of the scenario's own: a plain wait under its name
            out.line("    await _wait(" + pythonStringLiteral(kinds[step.kind].name) + ", " + ms +
                     ")");
    }
    out.endStep();
    out.endTask();
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

// The scenario's constants of a version 2 program: the titles and names, the pool's size, and
// the kinds after cpu as the recording names them (a colour given only where it is the kind's
// own: a built-in kind keeps its look unless restyled; thread, spawn and join look fixed).
void appendScenario2(std::string& out, const Scenario& scenario) {
    appendScenario(out, scenario);
    out += "THREADS = " + std::to_string(scenario.threads) + "  # the thread pool's workers\n";
    out += "KINDS = [  # the kinds after cpu, for the recording\n";
    for (StepKind kind : scenario.kinds.all()) {
        const KindSpec& spec = scenario.kinds[kind];
        if (kind == StepKind::Cpu)
            continue;
        out += "    {\"name\": " + pythonStringLiteral(spec.name);
        if (scenario.kinds.isResource(kind)) {
            out += ", \"label\": " + pythonStringLiteral(spec.label);
            if (spec.shade == shadeOf(spec.color))
                out += ", \"color\": \"" + colorText(spec.color) + "\"";
            if (spec.limit > 0)
                out += ", \"limit\": " + std::to_string(spec.limit);
        }
        out += "},\n";
    }
    out += "]\n";
}

// The semaphores of the resources with a limit, and the pool.
void appendSlots(std::string& out, const KindTable& kinds) {
    out += "SEMAPHORES = {";
    bool first = true;
    for (StepKind kind : kinds.all()) {
        if (!kinds.isResource(kind) || kinds[kind].limit == 0)
            continue;
        out += first ? "" : ", ";
        out += pythonStringLiteral(kinds[kind].name) + ": Slots(" +
               std::to_string(kinds[kind].limit) + ")";
        first = false;
    }
    out += "}  # the resources with a limit\n";
    out +=
        "POOL = concurrent.futures.ThreadPoolExecutor(max_workers=THREADS)  # for thread steps\n";
}

// A task's coroutine in a version 2 program: its arrival, then a step a line (a limited
// resource's wait inside its semaphore).
void writeTask2(FunctionWriter& out, const Scenario& scenario, std::size_t t, bool spawned) {
    const Task& task = scenario.tasks[t];
    const KindTable& kinds = scenario.kinds;
    const std::string number = std::to_string(t + 1);
    out.beginTask();
    out.line("# " + pythonCommentText(task.name));
    out.line("@task(" + number + ")");
    out.line("async def task_" + number + "():");
    if (!spawned && task.startMs > 0)
        out.line("    await arrive(" + std::to_string(task.startMs) + ")");
    if (task.steps.empty())
        out.line("    pass");
    const auto named = [&](std::uint32_t u) { return pythonStringLiteral(scenario.tasks[u].name); };
    for (const Step& step : task.steps) {
        const std::string ms = std::to_string(step.ms);
        out.beginStep();
        switch (kinds.behaviour(step.kind)) {
        case KindBehaviour::HoldsLoop:
            out.line("    cpu(" + ms + ")");
            break;
        case KindBehaviour::Waits: {
            std::string indent = "    ";
            if (kinds[step.kind].limit > 0) {
                out.line("    async with SEMAPHORES[" + pythonStringLiteral(kinds[step.kind].name) +
                         "]:");
                indent += "    ";
            }
            if (step.kind == StepKind::Io || step.kind == StepKind::Http)
                out.line(indent + "await " + kinds[step.kind].name + "(" + ms + ")");
            else
                out.line(indent + "await wait(" + pythonStringLiteral(kinds[step.kind].name) +
                         ", " + ms + ")");
            break;
        }
        case KindBehaviour::Thread:
            out.line("    await thread(" + ms + ")");
            break;
        case KindBehaviour::Spawn:
            out.line("    spawn(" + named(step.tasks.front()) + ", task_" +
                     std::to_string(step.tasks.front() + 1) + "())");
            break;
        case KindBehaviour::Join: {
            std::string line = "    await join(";
            for (std::size_t i = 0; i < step.tasks.size(); ++i)
                line += (i ? ", " : "") + named(step.tasks[i]);
            out.line(line + ")");
            break;
        }
        }
    }
    out.endStep();
    out.endTask();
}

// The task functions after the program's "The tasks" heading, two blank lines before each.
void appendFunctions(std::string& out, const TaskFunctions& functions) {
    if (!functions.tasks.empty())
        out += "\n\n" + functions.text;
}

std::string asyncioProgram2(const Scenario& scenario) {
    std::string out(kHead2);
    appendScenario2(out, scenario);
    out += kSteps2;
    appendSlots(out, scenario.kinds);
    out += kSteps2b;
    appendFunctions(out, asyncioTaskFunctions(scenario));
    out += kRun2;
    const std::vector<bool> spawned = spawnedTasks(scenario);
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        if (!spawned[t])
            out += "    TASKS[" + pythonStringLiteral(scenario.tasks[t].name) +
                   "] = asyncio.create_task(task_" + std::to_string(t + 1) + "())\n";
    out += kReport2;
    appendLabels(out, scenario.kinds);
    out += kTraceEvents2;
    out += kFiles;
    return out;
}

} // namespace

TaskFunctions asyncioTaskFunctions(const Scenario& scenario) {
    TaskFunctions functions;
    functions.tasks.reserve(scenario.tasks.size());
    functions.steps.reserve(totalSteps(scenario));
    FunctionWriter out(functions);
    if (formatVersion(scenario) == 2) {
        const std::vector<bool> spawned = spawnedTasks(scenario);
        for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
            writeTask2(out, scenario, t, spawned[t]);
    } else {
        for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
            writeTask(out, scenario.tasks[t], scenario.kinds, std::to_string(t + 1));
    }
    out.finish();
    return functions;
}

std::span<const CodeLines> TaskFunctions::stepsOf(std::size_t task) const {
    return {steps.data() + stepOffsets[task], stepOffsets[task + 1] - stepOffsets[task]};
}

std::pair<int, int> TaskFunctions::stepOnLine(std::size_t line) const {
    const auto after =
        std::upper_bound(tasks.begin(), tasks.end(), line,
                         [](std::size_t l, const CodeLines& c) { return l < c.first; });
    if (after == tasks.begin() || line >= std::prev(after)->first + std::prev(after)->count)
        return {-1, -1}; // between two functions
    const std::size_t task = std::size_t(std::prev(after) - tasks.begin());
    const std::span<const CodeLines> own = stepsOf(task);
    const auto step =
        std::upper_bound(own.begin(), own.end(), line,
                         [](std::size_t l, const CodeLines& c) { return l < c.first; });
    if (step == own.begin()) // its comment, decorator, def, arrival
        return {int(task), -1};
    return {int(task), int(std::prev(step) - own.begin())};
}

std::string asyncioProgram(const Scenario& scenario) {
    if (formatVersion(scenario) == 2)
        return asyncioProgram2(scenario);
    std::string out(kHead);
    appendScenario(out, scenario);
    out += kSteps;
    appendFunctions(out, asyncioTaskFunctions(scenario));
    out += kGather;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        out += "        task_" + std::to_string(t + 1) + "(),\n";
    out += kReport;
    appendLabels(out, scenario.kinds);
    out += kTraceEvents;
    out += kFiles;
    return out;
}

} // namespace coroscope
