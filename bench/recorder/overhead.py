"""The recorder's overhead: each program's wall time run plainly and under the recorder
(best of --runs), and the recording's size.

    python3 bench/recorder/overhead.py [--runs N] [PROGRAM.py ...]

Without programs: bench/recorder/sleep0.py (100,000 await asyncio.sleep(0)) and the realistic
programs of tests/programs."""

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
RECORDER = os.path.join(ROOT, "python")
DEFAULT = [os.path.join(HERE, "sleep0.py")] + [
    os.path.join(ROOT, "tests", "programs", p)
    for p in ("streams.py", "queue_workers.py", "blocking.py", "aiohttp_client.py")]


def best(command, runs, env):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("programs", nargs="*", default=DEFAULT)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=RECORDER, PYTHONDONTWRITEBYTECODE="1")
    out = os.path.join(tempfile.mkdtemp(), "run.json")
    print("program,plain_s,recorded_s,overhead_pct,recording_bytes")
    for program in args.programs:
        plain = best([sys.executable, program], args.runs, env)
        recorded = best([sys.executable, "-m", "coroscope_record", out, program], args.runs, env)
        print("%s,%.3f,%.3f,%.0f,%d" % (os.path.basename(program), plain, recorded,
                                        100 * (recorded - plain) / plain, os.path.getsize(out)))


if __name__ == "__main__":
    main()
