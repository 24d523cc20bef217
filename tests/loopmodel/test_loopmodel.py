"""Tests of loopmodel.py.  Run: python3 -m unittest (from tests/loopmodel).

Every expected timeline below was derived by hand from the loop rules and also checked
against real asyncio (CPython 3.11.2)."""
import json
import os
import unittest

import loopmodel

HERE = os.path.dirname(os.path.abspath(__file__))


def scen(tasks, **kw):
    d = {"format": "coroscope-scenario", "version": 2, "title": "t", "tasks": tasks}
    d.update(kw)
    return d


def T(name, *steps, start_ms=None):
    t = {"name": name, "steps": [parse(s) for s in steps]}
    if start_ms is not None:
        t["start_ms"] = start_ms
    return t


def parse(s):
    kind, arg = s.split(" ", 1)
    if kind == "spawn":
        return {"kind": "spawn", "task": arg}
    if kind == "join":
        return {"kind": "join", "tasks": arg.split("+")}
    return {"kind": kind, "ms": int(arg)}


def csv(sc, **kw):
    return loopmodel.timeline_csv(loopmodel.simulate(sc, **kw))


def table(*rows):
    return "task,kind,start_ms,end_ms\n" + "".join(r + "\n" for r in rows)


def load(name):
    with open(os.path.join(HERE, "scen", name), encoding="utf-8") as f:
        return json.load(f)


class WorkedExamples(unittest.TestCase):
    def test_spawn_join_example(self):
        sc = scen([T("parent", "spawn a", "spawn b", "join a+b", "cpu 1"),
                   T("a", "cpu 10"), T("b", "io 5", "cpu 10")])
        self.assertEqual(csv(sc), table(
            "parent,join,0,25", "a,cpu,0,10", "b,io,10,15", "b,cpu,15,25",
            "parent,cpu,25,26"))

    def test_spawned_before_timer_example(self):
        sc = scen([T("B", "io 5", "cpu 10"), T("A", "cpu 10", "spawn C", "cpu 10"),
                   T("C", "cpu 10")])
        self.assertEqual(csv(sc), table(
            "B,io,0,5", "A,cpu,0,10", "A,cpu,10,20", "C,cpu,20,30", "B,cpu,30,40"))

    def test_version1_seed(self):
        sc = {"format": "coroscope-scenario", "version": 1, "title": "seed", "tasks": [
            T("Task 1", "cpu 150", "io 350", "cpu 100"),
            T("Task 2", "cpu 100", "io 120", "cpu 130", "http 300"),
            T("Task 3", "cpu 120", "http 300")]}
        self.assertEqual(csv(sc), table(
            "Task 1,cpu,0,150", "Task 1,io,150,500", "Task 2,cpu,150,250",
            "Task 2,io,250,370", "Task 3,cpu,250,370", "Task 2,cpu,370,500",
            "Task 3,http,370,670", "Task 1,cpu,500,600", "Task 2,http,500,800"))


class FanOut(unittest.TestCase):
    def test_fanout_http_limit_4(self):
        out = csv(load("fanout.json"))
        self.assertEqual(out, table(
            "parent,cpu,0,2", "parent,join,2,267",
            "f0,http,2,102", "f1,http,2,92", "f2,http,2,112", "f3,http,2,102",
            "f4,http-slot,2,97", "f5,http-slot,2,112", "f6,http-slot,2,112",
            "f7,http-slot,2,117", "f8,http-slot,2,147", "f9,http-slot,2,162",
            "f1,cpu,92,97", "f4,http,97,157", "f0,cpu,102,107", "f3,cpu,107,112",
            "f2,cpu,112,117", "f5,http,112,212", "f6,http,112,142", "f7,http,117,217",
            "f6,cpu,142,147", "f8,http,147,227", "f4,cpu,157,162", "f9,http,162,262",
            "f5,cpu,212,217", "f7,cpu,217,222", "f8,cpu,227,232", "f9,cpu,262,267",
            "parent,cpu,267,270"))
        fig = loopmodel.figures(loopmodel.simulate(load("fanout.json")))
        self.assertEqual(fig["makespan_ms"], 270)
        self.assertEqual(fig["latency_max_ms"], 270)
        self.assertEqual(fig["max_queued"]["http"], 6)

    def test_fanout_equal_fetches(self):
        # 10 fetches of http 100, cpu 5 with limit 4: a holder releases in its
        # wake-up (waking the next, whose wake-up is queued), then runs its cpu;
        # the woken run only after the whole wave's cpu: waves at 0, 120, 240.
        tasks = [T("parent", *(["spawn f%d" % i for i in range(10)] +
                               ["join " + "+".join("f%d" % i for i in range(10))]))]
        tasks += [T("f%d" % i, "http 100", "cpu 5") for i in range(10)]
        sim = loopmodel.simulate(scen(tasks, resources=[{"name": "http", "limit": 4}]))
        rows = [(r[4], r[5], r[0], r[6]) for r in loopmodel.timeline_rows(sim)]
        http = {r[0]: r[2] for r in rows if r[1] == "http"}
        self.assertEqual([http["f%d" % i] for i in range(10)],
                         [0, 0, 0, 0, 120, 120, 120, 120, 240, 240])
        self.assertEqual(loopmodel.figures(sim)["makespan_ms"], 350)


class Rules(unittest.TestCase):
    def test_thread_handover_before_timers_of_next_turn(self):
        self.assertEqual(csv(load("thread_vs_timer.json")), table(
            "D,io,0,5", "A,thread,0,5", "B,cpu,0,10", "A,cpu,10,20", "D,cpu,20,30"))

    def test_thread_handover_before_what_the_cpu_step_adds(self):
        self.assertEqual(csv(load("thread_vs_spawn.json")), table(
            "A,thread,0,5", "B,cpu,0,10", "C,io,10,11", "E,cpu,10,20",
            "A,cpu,20,30", "C,cpu,30,40"))

    def test_thread_finishing_at_the_end_of_a_cpu_step(self):
        # the thread ends at 10 exactly when B's cpu ends: the hand-over is
        # queued before C (spawned by B right after its cpu).
        sc = scen([T("A", "thread 10", "cpu 1"), T("B", "cpu 10", "spawn C"),
                   T("C", "cpu 1")])
        ev = loopmodel.simulate(sc).events
        order = [e for e in ev if e[2] == "callback" and e[4] in ("hand-over", "first-step")
                 and e[3] in ("A", "C")]
        self.assertEqual([e[3] + ":" + e[4] for e in order], ["A:first-step", "A:hand-over", "C:first-step"])
        self.assertEqual(csv(sc), table("A,thread,0,10", "B,cpu,0,10", "C,cpu,10,11", "A,cpu,11,12"))

    def test_thread_and_timer_at_the_same_instant_when_idle(self):
        # both end at 5 while the loop is idle: the hand-over is queued first.
        sc = scen([T("D", "io 5", "cpu 1"), T("A", "thread 5", "cpu 1")])
        self.assertEqual(csv(sc), table("D,io,0,5", "A,thread,0,5", "A,cpu,5,6", "D,cpu,6,7"))

    def test_semaphore_woken_task_stays_queued_and_wakes_next(self):
        self.assertEqual(csv(load("sem_woken.json")), table(
            "A,db,0,10", "B,db,0,10", "C,db-slot,0,20", "E,io,0,10", "F,io,0,10",
            "E,db-slot,10,20", "F,cpu,10,20", "C,db,20,30", "E,db,20,25"))

    def test_join_one_done_goes_straight_on(self):
        self.assertEqual(csv(load("join_one_done.json")), table(
            "P,io,0,1", "Q,io,0,1", "a,cpu,0,5", "P,cpu,5,10", "Q,cpu,10,20"))

    def test_join_several_done_goes_through_gather(self):
        self.assertEqual(csv(load("join_two_done.json")), table(
            "P,io,0,1", "Q,io,0,1", "R,io,0,1", "a,cpu,0,2", "b,cpu,2,5",
            "Q,cpu,5,15", "R,cpu,15,16", "P,cpu,16,21", "R,io,16,17", "R,cpu,21,31"))

    def test_arrival_sleep_starts_in_first_callback(self):
        self.assertEqual(csv(load("arrival.json")), table(
            "A,cpu,0,10", "C,io,10,22", "B,cpu,15,20", "C,cpu,22,25"))
        # the alternative reading (arrival timer ends at start_ms exactly)
        self.assertEqual(csv(load("arrival.json"), arrival_absolute=True), table(
            "A,cpu,0,10", "B,cpu,10,15", "C,io,10,22", "C,cpu,22,25"))

    def test_pool_fifo_and_jump_to_thread(self):
        self.assertEqual(csv(load("pool_fifo.json")), table(
            "A,thread,0,10", "B,thread-slot,0,10", "C,io,0,17", "A,cpu,10,11",
            "B,thread,10,15", "B,cpu,15,16", "C,cpu,17,18"))

    def test_waiters_in_order_they_began_to_wait(self):
        self.assertEqual(csv(load("waiters_order.json")), table(
            "X,io,0,10", "Q,join,0,10", "P,join,0,10", "Y,cpu,0,1",
            "P,cpu,10,15", "Q,cpu,15,20"))

    def test_join_on_task_that_already_left_no_row(self):
        sc = scen([T("P", "spawn a", "io 20", "join a", "join a", "cpu 1"),
                   T("a", "cpu 3")])
        self.assertEqual(csv(sc), table("P,io,0,20", "a,cpu,0,3", "P,cpu,20,21"))

    def test_mid_cpu_thread_start_when_worker_frees(self):
        # one worker: B's item starts the moment A's finishes, mid B-less cpu.
        sc = scen([T("A", "thread 3", "cpu 1"), T("B", "thread 4", "cpu 1"),
                   T("X", "cpu 10")], threads=1)
        self.assertEqual(csv(sc), table(
            "A,thread,0,3", "B,thread-slot,0,3", "X,cpu,0,10", "B,thread,3,7",
            "A,cpu,10,11", "B,cpu,11,12"))


class Output(unittest.TestCase):
    def test_quoting_and_sort(self):
        sc = scen([T('a,"b"', "io 2"), T("c\td", "io 1"), T("plain", "cpu 1")])
        self.assertEqual(csv(sc), table('"a,""b""",io,0,2', '"c\td",io,0,1', "plain,cpu,0,1"))

    def test_slot_row_before_own_row_same_start(self):
        sc = scen([T("A", "db 5"), T("B", "db 5", "cpu 1")],
                  resources=[{"name": "db", "limit": 1}])
        self.assertEqual(csv(sc), table("A,db,0,5", "B,db-slot,0,5", "B,db,5,10", "B,cpu,10,11"))

    def test_figures_nearest_rank(self):
        tasks = [T("t%d" % i, "io %d" % (10 * (i + 1)), start_ms=i) for i in range(20)]
        fig = loopmodel.figures(loopmodel.simulate(scen(tasks)))
        # latencies 10..200 step 10 (an arrival sleep starts at 0 here)
        self.assertEqual((fig["latency_p50_ms"], fig["latency_p95_ms"],
                          fig["latency_p99_ms"], fig["latency_max_ms"]), (100, 190, 200, 200))
        self.assertEqual(fig["makespan_ms"], 19 + 200)


if __name__ == "__main__":
    unittest.main()
