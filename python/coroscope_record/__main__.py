"""python3 -m coroscope_record OUT.json SCRIPT.py [ARG...]: runs SCRIPT.py (as python3 would,
with its arguments, standard input and output) and records what its event loops did into
OUT.json. The exit status is the script's; the recording is written however it ends (normal
end, an exception, sys.exit, Ctrl+C)."""

import os
import runpy
import sys

from .hooks import Recorder, install
from .recording import check_target, python_version, trace, write_recording

USAGE = "usage: python3 -m coroscope_record OUT.json SCRIPT.py [ARG...]\n"


def _default_threads():
    return min(32, (os.cpu_count() or 1) + 4)  # ThreadPoolExecutor's default


def main(argv):
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        sys.stderr.write(USAGE)
        return 2
    out, script = argv[0], argv[1]
    problem = check_target(out)
    if problem is None and not os.path.isfile(script):
        problem = "%s: no such script" % script
    if problem is not None:
        sys.stderr.write("coroscope-record: " + problem + "\n")
        return 1
    recorder = install(Recorder())
    sys.argv = [script] + argv[2:]
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    try:
        runpy.run_path(script, run_name="__main__")
    finally:
        recorder.end_run()
        title = os.path.basename(script)
        subtitle = "Recorded on Python %s: %s" % (python_version(), " ".join([title] + argv[2:]))
        try:
            write_recording(out, *trace(recorder, title, subtitle, python_version(),
                                        _default_threads()))
        except OSError as error:
            sys.stderr.write("coroscope-record: %s: cannot be written (%s)\n"
                             % (out, error.strerror or error))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
