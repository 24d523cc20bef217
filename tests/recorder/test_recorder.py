"""coroscope --record on real programs (tests/programs): what the recorder writes, and that
Coroscope opens it. COROSCOPE names the launcher; python3 on PATH runs the programs."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import unittest

COROSCOPE = os.environ["COROSCOPE"]
PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "programs")
# What a loaded machine adds to a measured stretch beyond the work itself, in ms (a test run
# beside others, on a sanitizer build's machine, is descheduled for tens of milliseconds).
SLACK_MS = 50
# A thread item starts running when it is submitted, before the task that awaits it suspends:
# its measured await may be short of the work by the rest of the task's step.
THREAD_START_MS = 10


def python_has(module):
    return subprocess.run(["python3", "-c", "import " + module],
                          capture_output=True).returncode == 0


class Recorded:
    """A program's run under coroscope --record and the recording it left."""

    def __init__(self, folder, program, *args, stdin="", env=None):
        self.path = os.path.join(folder, "run.json")
        self.process = subprocess.run(
            [COROSCOPE, "--record", self.path, os.path.join(PROGRAMS, program), *args],
            input=stdin, capture_output=True, text=True, timeout=300,
            env=dict(os.environ, **(env or {})))
        with open(self.path, encoding="utf-8") as f:
            self.data = json.load(f)
        self.names = {}
        self.rows = {}
        for event in self.data["traceEvents"]:
            if event["name"] == "thread_name":
                self.names[event["tid"]] = event["args"]["name"]
            elif event["ph"] == "X":
                self.rows.setdefault(event["tid"], []).append(event)

    def task(self, name):
        """The rows of the task of that name, each with its times in ms."""
        tids = [tid for tid, n in self.names.items() if n == name]
        assert len(tids) == 1, "%r: %d tasks of that name" % (name, len(tids))
        return [Row(e) for e in self.rows.get(tids[0], [])]

    def awaits(self, name, kind=None):
        return [r for r in self.task(name) if r.cat != "cpu" and kind in (None, r.kind)]

    def timeline(self, *options):
        """What coroscope --print-timeline prints of the recording (with options)."""
        printed = subprocess.run([COROSCOPE, self.path, "--print-timeline", *options],
                                 capture_output=True, timeout=300)
        assert printed.returncode == 0, printed.stderr
        return printed.stdout.decode("utf-8").splitlines()

    def tasks_printed(self, *options):
        """The tasks --print-timeline names, in order, each once."""
        names = []
        for line in self.timeline(*options)[1:]:
            name = line.split(",")[0]
            if name not in names:
                names.append(name)
        return names


class Row:
    def __init__(self, event):
        args = event["args"]
        self.cat = event["cat"]
        self.kind = args.get("await", "cpu")
        self.cls = args.get("class")
        self.label = args.get("label")
        self.at = args.get("at")
        self.start = event["ts"] / 1000
        self.end = (event["ts"] + event["dur"]) / 1000  # a wait's: its wake-up queued
        self.ms = event["dur"] / 1000
        self.resumed = args.get("returned_us", event["ts"] + event["dur"]) / 1000
        self.ready = self.resumed - self.end


class RecorderTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()

    def record(self, program, *args, **kwargs):
        run = Recorded(self.folder, program, *args, **kwargs)
        self.assertEqual(os.listdir(self.folder), ["run.json"])  # no temporary left behind
        return run

    def assertAbout(self, ms, expected, what, early=1):
        self.assertGreaterEqual(ms, expected - early, what)
        self.assertLessEqual(ms, expected + SLACK_MS, what)

    def test_streams_over_loopback(self):
        run = self.record("streams.py")
        self.assertEqual(run.process.returncode, 0, run.process.stderr)
        self.assertEqual(run.process.stdout, "echoed 9 lines\n")
        for n in range(3):
            reads = [r for r in run.awaits("client-%d" % n, "io") if r.cls == "StreamReader"]
            self.assertEqual(len(reads), 3)
            self.assertEqual({(r.label, r.at) for r in reads},
                             {("reader.readline()", "streams.py:22")})
        handlers = [n for n in run.names.values() if n.startswith("Task-")]
        # A busy(5) for each line (a loaded machine may stretch another row past 5 ms too).
        busy = [r.ms for name in handlers for r in run.task(name)
                if r.cat == "cpu" and 5 - 0.01 <= r.ms <= 5 + SLACK_MS]
        self.assertGreaterEqual(len(busy), 9, busy)
        self.assertIn("(callbacks)", run.names.values())
        self.assertTrue(any(line.startswith("client-0,streamreader,") for line in run.timeline()))

    def test_to_thread_and_executor(self):
        run = self.record("to_thread.py")
        self.assertEqual(run.process.returncode, 0, run.process.stderr)
        [offload] = run.awaits("offload")
        self.assertEqual((offload.kind, offload.cat, offload.at), ("thread", "thread",
                                                                   "to_thread.py:10"))
        self.assertEqual(offload.label, "asyncio.to_thread(time.sleep, 0.1)")
        self.assertAbout(offload.ms, 100, "to_thread(time.sleep, 0.1)", THREAD_START_MS)
        self.assertAbout(run.task("offload")[-1].ms, 10, "busy(10) after it")
        [executor] = run.awaits("executor")
        self.assertEqual(executor.kind, "thread")
        self.assertAbout(executor.ms, 50, "run_in_executor(time.sleep, 0.05)",
                         THREAD_START_MS)
        kinds = {k["name"] for k in run.data["otherData"]["kinds"]}
        self.assertIn("thread", kinds)
        self.assertTrue(any(line.startswith("offload,thread,") for line in run.timeline()))

    def test_queue_with_workers(self):
        run = self.record("queue_workers.py")
        self.assertEqual(run.process.returncode, 0, run.process.stderr)
        self.assertEqual(run.process.stdout, "items [0, 1, 2, 3, 4, 5]\n")
        items = 0
        for n in range(3):
            gets = run.awaits("worker-%d" % n)
            self.assertTrue(gets)
            self.assertEqual({(r.kind, r.cls, r.at, r.cat) for r in gets},
                             {("lock", "Queue", "queue_workers.py:17", "queue")})
            work = [r for r in run.task("worker-%d" % n) if r.cat == "cpu" and r.ms > 1]
            for r in work:
                self.assertAbout(r.ms, 3, "a worker's busy(3)")
            items += len(work)
        self.assertEqual(items, 6)
        sleeps = run.awaits("producer", "sleep")
        self.assertEqual(len(sleeps), 6)
        for r in sleeps:
            self.assertAbout(r.ms, 20, "the producer's sleep(0.02) until its timer was due")
        run.timeline()

    def test_lock(self):
        run = self.record("lock.py")
        self.assertEqual(run.process.returncode, 0, run.process.stderr)
        [lock] = run.awaits("waiter")  # held.wait() found the event set: no suspension
        self.assertEqual((lock.kind, lock.cls, lock.at, lock.label),
                         ("lock", "Lock", "lock.py:14", "async with lock:"))
        self.assertAbout(lock.ms, 100, "the waiter's wait for the lock the holder keeps 100 ms")
        [sleep] = run.awaits("holder")
        self.assertEqual((sleep.kind, sleep.label), ("sleep", "asyncio.sleep(0.1)"))

    def test_blocking_call_holds_the_loop(self):
        run = self.record("blocking.py")
        self.assertEqual(run.process.returncode, 0, run.process.stderr)
        held = max(run.task("blocker"), key=lambda r: r.ms)
        self.assertEqual(held.cat, "cpu")
        self.assertAbout(held.ms, 200, "time.sleep(0.2) held the loop")
        for n in range(3):
            [sleep] = run.awaits("sleeper-%d" % n)
            # Due after its 50 ms, ready from then, but resumed only once the loop was free.
            self.assertAbout(sleep.ms, 50, "sleep(0.05) until its timer was due")
            self.assertGreaterEqual(sleep.resumed, held.end - 0.01)
            self.assertGreaterEqual(sleep.ready, held.end - sleep.end - 0.01)
            self.assertGreater(sleep.ready, 100)
            if n == 0:  # the first in line runs as soon as the blocker is done
                self.assertAbout(sleep.ready, held.end - sleep.end, "ready behind the blocker")
        rows = [line.split(",") for line in run.timeline()[1:]]
        [blocked] = [r for r in rows if r[0] == "blocker" and int(r[3]) - int(r[2]) > 100]
        self.assertAbout(int(blocked[3]) - int(blocked[2]), 200, "the model's blocker")

    def test_exception(self):
        run = self.record("exception.py")
        self.assertEqual(run.process.returncode, 1)
        self.assertEqual(run.process.stdout, "before\n")
        self.assertIn("ValueError: no such thing", run.process.stderr)
        self.assertEqual(run.task("failing")[-1].cat, "cpu")
        run.timeline()

    def test_sys_exit_inside_the_loop(self):
        run = self.record("sys_exit.py")
        self.assertEqual(run.process.returncode, 5)
        [sleep] = run.awaits("leaving")
        self.assertEqual(sleep.kind, "sleep")
        run.timeline()

    def test_arguments_input_and_status_pass_through(self):
        run = self.record("arguments.py", "3", "two words", stdin="typed\n")
        self.assertEqual(run.process.returncode, 3)
        self.assertEqual(run.process.stdout, "['3', 'two words'] typed\n")
        self.assertEqual(run.data["otherData"]["subtitle"],
                         "Recorded on Python %d.%d.%d: arguments.py 3 two words"
                         % sys.version_info[:3])

    def test_interrupted_with_ctrl_c(self):
        path = os.path.join(self.folder, "run.json")
        process = subprocess.Popen([COROSCOPE, "--record", path,
                                    os.path.join(PROGRAMS, "interrupted.py")],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(process.stdout.readline(), "waiting\n")
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
        self.assertEqual(process.returncode, -signal.SIGINT)
        run = Recorded.__new__(Recorded)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        names = [e["args"]["name"] for e in data["traceEvents"] if e["name"] == "thread_name"]
        self.assertIn("forever", names)
        self.assertTrue(any(e["args"].get("label") == "asyncio.sleep(3600)"
                            for e in data["traceEvents"] if e["ph"] == "X"))
        del run

    def test_two_runs(self):
        run = self.record("two_runs.py")
        self.assertEqual(run.process.stdout, "1 2\n")
        self.assertEqual(len(run.data["otherData"]["runs"]), 2)
        runs = sorted(e["args"]["run"] for e in run.data["traceEvents"]
                      if e["name"] == "thread_name" and "run" in e["args"])
        self.assertEqual(runs, [1, 2])

    def test_three_runs_each_opened_by_its_number(self):
        run = self.record("three_runs.py")
        self.assertEqual(run.process.stdout, "three runs\n")
        self.assertEqual(len(run.data["otherData"]["runs"]), 3)
        # The first run opens; --run N another, each with its own tasks, times from its start.
        first = run.tasks_printed()
        self.assertIn("nap-a", first)
        self.assertIn("nap-b", first)
        self.assertNotIn("last-nap", first)
        self.assertEqual(first, run.tasks_printed("--run", "1"))
        second = run.tasks_printed("--run", "2")
        self.assertFalse({"nap-a", "nap-b", "last-nap"} & set(second), second)
        rows = [line.split(",") for line in run.timeline("--run", "2")[1:]]
        busy = [r for r in rows if r[1] == "cpu" and int(r[3]) - int(r[2]) >= 10]
        self.assertEqual(len(busy), 1, rows)
        self.assertLess(int(busy[0][2]), 5, "run 2's time starts with run 2")
        third = run.tasks_printed("--run", "3")
        self.assertIn("last-nap", third)
        self.assertNotIn("nap-a", third)
        beyond = subprocess.run([COROSCOPE, run.path, "--print-timeline", "--run", "4"],
                                capture_output=True, text=True)
        self.assertEqual((beyond.returncode, beyond.stdout), (2, ""))
        self.assertIn("--run 4: the recording holds 3 runs of asyncio.run (--run 1 to 3)",
                      beyond.stderr)

    @unittest.skipUnless(python_has("aiohttp"), "aiohttp is not installed (python3-aiohttp)")
    def test_aiohttp_with_a_connection_limit(self):
        run = self.record("aiohttp_client.py")
        self.assertEqual(run.process.returncode, 0, run.process.stderr)
        self.assertEqual(run.process.stdout, "hello hello hello hello hello hello\n")
        first_waits = []
        for n in range(6):
            rows = run.awaits("get-%d" % n)
            self.assertEqual({r.at for r in rows}, {"aiohttp_client.py:15"})
            self.assertIn("io", {r.kind for r in rows})
            first_waits.append(rows[0].ms)
        # Two connections: four requests first wait for one to be free (a 50 ms answer).
        self.assertEqual(sum(ms > 40 for ms in first_waits), 4, first_waits)
        run.timeline()

    def test_hostile_names_and_many_tasks(self):
        run = self.record("hostile.py")
        self.assertEqual(run.process.returncode, 0, run.process.stderr)
        self.assertEqual(run.process.stdout, "survived\n")
        self.assertIn("more than 99999 tasks", run.process.stderr)
        self.assertEqual(len(run.names), 100_000)
        names = list(run.names.values())
        self.assertIn("<b>bold</b> & \x1b[31mred\x07", names)
        [long_name] = [n for n in names if n.startswith("nnn")]
        self.assertEqual(long_name, "n" * 197 + "\u2026")
        self.assertFalse(run.data["otherData"]["complete"])
        marked = [line for line in run.timeline()
                  if line.startswith("\"<b>bold</b> & \x1b[31mred\x07\",cpu,")]
        self.assertEqual(len(marked), 1)

    def test_event_cap(self):
        run = self.record("queue_workers.py", env={"COROSCOPE_RECORD_MAX_EVENTS": "40"})
        self.assertEqual(run.process.returncode, 0)
        self.assertIn("coroscope-record: the cap of 40 events is reached", run.process.stderr)
        self.assertEqual(run.process.stdout, "items [0, 1, 2, 3, 4, 5]\n")
        self.assertLessEqual(sum(len(rows) for rows in run.rows.values()), 40 + 10)
        run.timeline()

    def test_usage_and_unwritable_target(self):
        lone = subprocess.run([COROSCOPE, "--record"], capture_output=True, text=True)
        self.assertEqual(lone.returncode, 2)
        self.assertIn("--record needs OUT.json and SCRIPT.py", lone.stderr)
        missing = subprocess.run([COROSCOPE, "--record", "/nonexistent/run.json",
                                  os.path.join(PROGRAMS, "two_runs.py")],
                                 capture_output=True, text=True)
        self.assertEqual((missing.returncode, missing.stdout), (1, ""))  # the script never ran
        self.assertIn("the folder /nonexistent does not exist", missing.stderr)


if __name__ == "__main__":
    unittest.main()
