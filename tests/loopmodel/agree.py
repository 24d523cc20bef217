#!/usr/bin/env python3
"""The command line against the independent model (loopmodel.py) on generated
version 2 scenarios: --print-timeline byte for byte, and --print-figures'
makespan, latencies and queue peaks.

    python3 agree.py COROSCOPE [--n 150] [--seed 1]

Half the scenarios are "dense": durations on a coarse grid, one worker and a
db limit of 1, so that many events fall on one instant and the order of
things at one moment is put to the test. Exit status 1 on any difference,
with the scenario file kept and named.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import loopmodel


def gen_scenario(rng, k, dense):
    def dur():
        return rng.choice([2, 4, 6, 8, 10, 12, 20]) if dense else rng.randint(1, 30)

    n = rng.randint(4, 6) if dense else rng.randint(2, 6)
    names = ["T%d" % i for i in range(n)]
    parent = [None] * n
    for i in range(1, n):
        if rng.random() < 0.4:
            parent[i] = rng.randrange(0, i)
    toplevel = [parent[i] is None for i in range(n)]
    rank = list(range(n))
    rng.shuffle(rank)  # joins go down this order only: the run ends
    resources = [{"name": "db", "limit": 1 if dense else rng.randint(1, 2)}]
    if rng.random() < 0.5:
        resources.append({"name": "http", "limit": rng.randint(1, 2)})
    kinds = ["cpu", "cpu", "io", "http", "db", "thread"]
    tasks = []
    for i in range(n):
        steps = [{"kind": rng.choice(kinds), "ms": dur()} for _ in range(rng.randint(1, 4))]
        for c in (c for c in range(n) if parent[c] == i):
            steps.insert(rng.randint(0, len(steps)), {"kind": "spawn", "task": names[c]})
        out, spawned = [], []
        for s in steps:
            out.append(s)
            if s["kind"] == "spawn":
                spawned.append(names.index(s["task"]))
            if rng.random() < 0.35:
                cands = [c for c in spawned if rank[c] > rank[i]]
                cands += [j for j in range(n) if toplevel[j] and j != i and rank[j] > rank[i]]
                cands = sorted(set(cands))
                if cands:
                    joined = rng.sample(cands, rng.randint(1, min(3, len(cands))))
                    out.append({"kind": "join", "tasks": [names[j] for j in joined]})
        kids = [c for c in spawned if rank[c] > rank[i]]
        if kids and rng.random() < 0.5:
            out.append({"kind": "join", "tasks": [names[c] for c in kids]})
        task = {"name": names[i], "steps": out}
        if toplevel[i] and rng.random() < 0.35:
            task["start_ms"] = dur()
        tasks.append(task)
    return {"format": "coroscope-scenario", "version": 2, "title": "generated %d" % k,
            "threads": 1 if dense else rng.randint(1, 3), "resources": resources,
            "tasks": tasks}


def run(binary, path, mode):
    done = subprocess.run([binary, "--scenario", path, mode], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("%s %s: exit %d: %s" % (path, mode, done.returncode, done.stderr))
    return done.stdout


def main(argv):
    binary = argv[1]
    n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 150
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    rng = random.Random(seed)
    folder = tempfile.mkdtemp(prefix="coroscope-agree-")
    failures = 0
    for k in range(2 * n):
        scenario = gen_scenario(rng, k, dense=k % 2 == 1)
        path = os.path.join(folder, "scenario-%d.json" % k)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(scenario, f)
        sim = loopmodel.simulate(scenario)
        problems = []
        if run(binary, path, "--print-timeline") != loopmodel.timeline_csv(sim):
            problems.append("--print-timeline differs")
        ours = json.loads(run(binary, path, "--print-figures"))
        model = loopmodel.figures(sim)
        for key in ("makespan_ms", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
                    "latency_max_ms"):
            if ours.get(key) != model[key]:
                problems.append("%s: %s, the model says %s" % (key, ours.get(key), model[key]))
        for name, most in model["max_queued"].items():
            if ("max_queued_" + name) in ours and ours["max_queued_" + name] != most:
                problems.append("max_queued_%s: %s, the model says %s"
                                % (name, ours["max_queued_" + name], most))
        if problems:
            failures += 1
            print("%s: %s" % (path, "; ".join(problems)))
        else:
            os.remove(path)
    print("%d of %d generated scenarios agree with the model" % (2 * n - failures, 2 * n))
    if failures == 0:
        os.rmdir(folder)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
