#!/usr/bin/env python3
"""Independent Python model of Coroscope's loop, version 2.

Written from the loop rules only (the README's scheduling rules), not from the
C++ scheduler, and checked against real asyncio.  It simulates, in virtual
integer milliseconds, CPython 3.11's asyncio loop callback by callback:

  * a FIFO ready queue of callbacks and a timer heap;
  * a turn: (1) if nothing is ready, jump the clock to the next timer end or the
    next thread finishing, whichever is first; (2) move every timer with
    end <= now to the back of the queue, ordered by (end, start order);
    (3) run exactly the callbacks that were in the queue at that moment;
  * the thread pool runs beside the loop: every thread item finishing at or
    before a moment has its hand-over callback in the queue before anything
    else happens at that moment (also in the middle of a cpu step).

Usage:
    python3 loopmodel.py scenario.json             # timeline CSV
    python3 loopmodel.py scenario.json --events    # debugging event CSV
    python3 loopmodel.py scenario.json --figures   # JSON figures
Option --arrival-absolute: an arrival's timer ends at start_ms exactly
(instead of start_ms after the task's first callback ran, as real asyncio does).

Order of things at one instant (what this model decides):
  1. thread finishings at or before the instant (by finish time, then the order
     the items started on a worker) put their hand-over callbacks at the back
     of the queue, as soon as the clock reaches them (mid cpu step included);
     a freed worker takes the next queued item at its finishing moment;
  2. at the start of a turn, expired timers follow them (end, then start order);
  3. inside one callback, things happen in step order.
"""
import heapq
import json
import math
import sys
from collections import deque

UNLIMITED_BUILTIN = ("io", "http")


class Task:
    __slots__ = ("idx", "name", "steps", "start_ms", "toplevel", "pc",
                 "done", "left_at", "waiters", "mode", "slot_q_at",
                 "thread_q_at", "join_starts", "started")

    def __init__(self, idx, name, steps, start_ms):
        self.idx = idx
        self.name = name
        self.steps = steps
        self.start_ms = start_ms
        self.toplevel = True
        self.pc = 0
        self.done = False
        self.left_at = None
        self.waiters = []          # callbacks to queue when this task leaves
        self.mode = None           # what the next run of the task resumes from
        self.slot_q_at = None
        self.thread_q_at = None
        self.join_starts = {}      # step index -> moment of the join
        self.started = False


class Semaphore:
    """asyncio.Semaphore of 3.11.2 (value + deque of waiter entries)."""

    def __init__(self, name, limit):
        self.name = name
        self.value = limit
        self.waiters = deque()     # entries [task, woken]
        self.max_queued = 0

    def locked(self):
        return self.value == 0 or len(self.waiters) > 0

    def wake_up_next(self, sim):
        for entry in self.waiters:
            if not entry[1]:
                self.value -= 1
                entry[1] = True
                task = entry[0]
                sim.event("slot_handed", task, self.name)
                sim.call_soon(lambda t=task: sim.run_task(t), "wakeup(slot)", task)
                return


class Sim:
    def __init__(self, scenario, arrival_absolute=False, perturb=None):
        self.arrival_absolute = arrival_absolute
        self.now = 0
        self.ready = deque()       # entries (fn, label, task)
        self.timers = []           # heap of (end, seq, fn, label, task)
        self.seq = 0
        self.rows = []             # (start, task_idx, step_idx, sub, task_name, kind, end)
        self.events = []
        self.turn = 0
        tasks = scenario["tasks"]
        self.tasks = []
        self.by_name = {}
        for i, t in enumerate(tasks):
            steps = [dict(s) for s in t["steps"]]
            task = Task(i, t["name"], steps, int(t.get("start_ms", 0) or 0))
            self.tasks.append(task)
            self.by_name[task.name] = task
        if perturb:
            perturb(self.tasks)
        for task in self.tasks:
            for s in task.steps:
                if s["kind"] == "spawn":
                    self.by_name[s["task"]].toplevel = False
        self.sems = {}
        for r in scenario.get("resources", []) or []:
            if r.get("limit") is not None:
                self.sems[r["name"]] = Semaphore(r["name"], int(r["limit"]))
        # thread pool
        self.nthreads = int(scenario.get("threads", 4) or 4)
        self.free_workers = self.nthreads
        self.pool_queue = deque()  # (task, step_idx, ms, queued_at)
        self.running = []          # heap of (finish, start_seq, task, step_idx, start)
        self.tseq = 0
        self.pool_max_queued = 0

    # ------------------------------------------------------------ plumbing
    def event(self, what, task=None, detail=""):
        self.events.append((self.now, self.turn, what,
                            task.name if task is not None else "", detail))

    def call_soon(self, fn, label, task=None):
        self.ready.append((fn, label, task))

    def add_row(self, task, step_idx, kind, start, end, sub=1):
        # sub 0 = the "-slot" row, sorted before the step's own row
        self.rows.append((start, task.idx, step_idx, sub, task.name, kind, end))

    def advance(self, ms):
        """A cpu step: the clock moves; deliver thread finishings on the way."""
        self.now += ms
        self.deliver_threads()

    def deliver_threads(self):
        while self.running and self.running[0][0] <= self.now:
            finish, _, task, step_idx, start = heapq.heappop(self.running)
            saved = self.now
            self.now = finish
            self.event("thread_finished", task, "step %d" % step_idx)
            self.call_soon(lambda t=task: self.hand_over(t), "hand-over", task)
            self.free_workers += 1
            if self.pool_queue:
                self.start_thread_item(*self.pool_queue.popleft())
            self.now = saved

    def start_thread_item(self, task, step_idx, ms, queued_at):
        self.free_workers -= 1
        start = self.now
        if start > queued_at:
            self.add_row(task, step_idx, "thread-slot", queued_at, start, 0)
        self.add_row(task, step_idx, "thread", start, start + ms)
        self.event("thread_started", task, "step %d" % step_idx)
        self.tseq += 1
        heapq.heappush(self.running, (start + ms, self.tseq, task, step_idx, start))

    def hand_over(self, task):
        self.call_soon(lambda: self.run_task(task), "wakeup(thread)", task)

    def call_later(self, ms, fn, label, task):
        self.seq += 1
        heapq.heappush(self.timers, (self.now + ms, self.seq, fn, label, task))

    def timer_fire(self, task):
        # the timer handle runs: the future's result is set, the task's
        # wake-up goes to the back of the queue
        self.call_soon(lambda: self.run_task(task), "wakeup(timer)", task)

    # ------------------------------------------------------------ tasks
    def start_task(self, task):
        """Queue a task's first step (create_task)."""
        task.started = True
        self.call_soon(lambda: self.first_step(task), "first-step", task)

    def first_step(self, task):
        if task.toplevel and task.start_ms > 0:
            task.mode = "arrived"
            ms = task.start_ms
            if self.arrival_absolute:
                ms = task.start_ms - self.now
            self.event("arrival_wait", task, "until %d" % (self.now + ms))
            self.call_later(ms, lambda: self.timer_fire(task), "timer(arrival)", task)
            return
        self.run_task(task)

    def run_task(self, task):
        """The task runs from where it stopped until it awaits something not done."""
        mode, task.mode = task.mode, None
        if mode == "waited":
            step = task.steps[task.pc]
            sem = self.sems.get(step["kind"])
            if sem is not None:
                sem.value += 1
                self.event("slot_released", task, sem.name)
                sem.wake_up_next(self)
            task.pc += 1
        elif mode == "slot":
            step = task.steps[task.pc]
            sem = self.sems[step["kind"]]
            for i, entry in enumerate(sem.waiters):
                if entry[0] is task:
                    del sem.waiters[i]
                    break
            if self.now > task.slot_q_at:
                self.add_row(task, task.pc, step["kind"] + "-slot", task.slot_q_at, self.now, 0)
            self.event("slot_taken", task, sem.name)
            if sem.value > 0:
                sem.wake_up_next(self)
            self.start_wait(task, step)
            return
        elif mode in ("thread", "join"):
            task.pc += 1
        elif mode == "arrived":
            pass
        while task.pc < len(task.steps):
            step = task.steps[task.pc]
            kind = step["kind"]
            if kind == "cpu":
                start = self.now
                self.event("cpu_start", task, "step %d" % task.pc)
                self.advance(int(step["ms"]))
                self.add_row(task, task.pc, "cpu", start, self.now)
                task.pc += 1
                continue
            if kind == "spawn":
                child = self.by_name[step["task"]]
                self.event("spawn", task, child.name)
                self.start_task(child)
                task.pc += 1
                continue
            if kind == "join":
                names = step["tasks"]
                joined = [self.by_name[n] for n in names]
                task.join_starts[task.pc] = self.now
                if len(joined) == 1:
                    j = joined[0]
                    if j.done:
                        self.event("join_done_at_once", task, j.name)
                        task.pc += 1
                        continue
                    task.mode = "join"
                    self.event("join_wait", task, j.name)
                    j.waiters.append(lambda t=task: self.call_soon(
                        lambda: self.run_task(t), "wakeup(join)", t))
                    return
                # gather: one callback per task
                task.mode = "join"
                counter = {"n": 0, "of": len(joined)}
                self.event("join_wait", task, "gather " + "|".join(names))

                def gather_cb(t=task, counter=counter):
                    counter["n"] += 1
                    if counter["n"] == counter["of"]:
                        self.call_soon(lambda: self.run_task(t), "wakeup(gather)", t)

                for j in joined:
                    if j.done:
                        self.call_soon(gather_cb, "gather-cb(%s)" % j.name, task)
                    else:
                        j.waiters.append(lambda t=task, cb=gather_cb, jn=j.name:
                                         self.call_soon(cb, "gather-cb(%s)" % jn, t))
                return
            if kind == "thread":
                ms = int(step["ms"])
                task.mode = "thread"
                if self.free_workers > 0:
                    self.start_thread_item(task, task.pc, ms, self.now)
                else:
                    self.event("thread_queued", task, "step %d" % task.pc)
                    self.pool_queue.append((task, task.pc, ms, self.now))
                    self.pool_max_queued = max(self.pool_max_queued, len(self.pool_queue))
                return
            # a resource wait
            sem = self.sems.get(kind)
            if sem is not None:
                if not sem.locked():
                    sem.value -= 1
                    self.event("slot_taken", task, sem.name)
                else:
                    task.slot_q_at = self.now
                    task.mode = "slot"
                    sem.waiters.append([task, False])
                    sem.max_queued = max(sem.max_queued, len(sem.waiters))
                    self.event("slot_queued", task, sem.name)
                    return
            self.start_wait(task, step)
            return
        self.leave(task)

    def start_wait(self, task, step):
        ms = int(step["ms"])
        self.add_row(task, task.pc, step["kind"], self.now, self.now + ms)
        task.mode = "waited"
        self.event("wait_start", task, "%s until %d" % (step["kind"], self.now + ms))
        self.call_later(ms, lambda: self.timer_fire(task), "timer", task)

    def leave(self, task):
        task.done = True
        task.left_at = self.now
        self.event("leave", task)
        waiters, task.waiters = task.waiters, []
        for w in waiters:
            w()

    # ------------------------------------------------------------ loop
    def main(self):
        self.event("main")
        for task in self.tasks:
            if task.toplevel:
                self.start_task(task)

    def run(self):
        self.call_soon(self.main, "main")
        while True:
            if not self.ready:
                nxt = []
                if self.timers:
                    nxt.append(self.timers[0][0])
                if self.running:
                    nxt.append(self.running[0][0])
                if not nxt:
                    break
                t = min(nxt)
                if t > self.now:
                    self.now = t
                self.deliver_threads()
            self.turn += 1
            while self.timers and self.timers[0][0] <= self.now:
                end, _, fn, label, task = heapq.heappop(self.timers)
                self.call_soon(fn, label, task)
            n = len(self.ready)
            for _ in range(n):
                fn, label, task = self.ready.popleft()
                self.events.append((self.now, self.turn, "callback", task.name if task else "", label))
                fn()
        return self


def simulate(scenario, arrival_absolute=False, perturb=None):
    sim = Sim(scenario, arrival_absolute, perturb)
    sim.run()
    return sim


def timeline_rows(sim):
    """Sorted rows as tuples (start, task_idx, step_idx, sub, name, kind, end)."""
    rows = list(sim.rows)
    rows.extend(sim_join_rows(sim))
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return rows


def sim_join_rows(sim):
    out = []
    for task in sim.tasks:
        for pc, start in task.join_starts.items():
            step = task.steps[pc]
            end = max(sim.by_name[n].left_at for n in step["tasks"])
            if end > start:
                out.append((start, task.idx, pc, 1, task.name, "join", end))
    return out


def csv_field(s):
    if any(c in s for c in ',"\r\n') or any(ord(c) < 32 or ord(c) == 127 for c in s):
        return '"' + s.replace('"', '""') + '"'
    return s


def timeline_csv(sim):
    lines = ["task,kind,start_ms,end_ms"]
    for start, _, _, _, name, kind, end in timeline_rows(sim):
        lines.append("%s,%s,%d,%d" % (csv_field(name), kind, start, end))
    return "\n".join(lines) + "\n"


def events_csv(sim):
    lines = ["time_ms,turn,event,task,detail"]
    for t, turn, what, name, detail in sim.events:
        lines.append("%d,%d,%s,%s,%s" % (t, turn, what, csv_field(name), csv_field(detail)))
    return "\n".join(lines) + "\n"


def figures(sim):
    lat = sorted(t.left_at - t.start_ms for t in sim.tasks if t.toplevel)
    n = len(lat)

    def pct(p):
        rank = max(1, math.ceil(p / 100 * n))
        return lat[rank - 1]

    fig = {
        "makespan_ms": max(t.left_at for t in sim.tasks if t.left_at is not None),
        "latency_p50_ms": pct(50),
        "latency_p95_ms": pct(95),
        "latency_p99_ms": pct(99),
        "latency_max_ms": lat[-1],
        "max_queued": dict({name: s.max_queued for name, s in sim.sems.items()},
                           thread=sim.pool_max_queued),
    }
    return fig


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = [a for a in argv[1:] if a.startswith("--")]
    with open(args[0], encoding="utf-8") as f:
        scenario = json.load(f)
    sim = simulate(scenario, arrival_absolute="--arrival-absolute" in opts)
    out = sys.stdout
    if "--events" in opts:
        out.write(events_csv(sim))
    elif "--figures" in opts:
        out.write(json.dumps(figures(sim), indent=2) + "\n")
    else:
        out.write(timeline_csv(sim))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
