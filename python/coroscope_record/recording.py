"""The recording a Recorder writes: a Coroscope recording, version 3 (see the README).

It is a Chrome trace shaped as version 2's, so that Coroscope derives a scenario from it and
draws the measured run over the model's: each task a thread (in the order of the tree of who
created whom), its creation as its start_ms, each stretch it held the loop a ``cpu`` event,
and each await between them an event of its kind's resource (named after the class awaited),
``thread`` or ``join``, from the moment it suspended (``ts``) to the moment its wake-up was
queued (``ts + dur``) and the moment it resumed (``args.returned_us``). A step's ``args.ms``,
the model's duration, is its measured length in whole ms, at least 1. Written atomically: a
temporary file beside the target, synced, then renamed over it.
"""

import json
import os
import re
import stat
import sys
import tempfile

from .awaited import shortened
from .hooks import MAX_TASKS

FORMAT = "coroscope-recording"
VERSION = 3
CALLBACKS_ROW = "(callbacks)"
MAX_NAME_BYTES = 200
MAX_TITLE_BYTES = 500
MAX_JOINED = 1000
MAX_KINDS = 64
MAX_STEP_MS = 86_400_000
MAX_RESOURCE_NAME = 32
# The look of each kind's resources; the kinds Coroscope draws in its own colours have none.
_COLORS = {"sleep": "#78909c", "io": "#ffa726", "lock": "#8e24aa", "wait": "#6d4c41",
           "idle": "#cfd8dc"}
_RESERVED = {"cpu", "thread", "spawn", "join"}


def _ms(seconds):
    """The model's whole ms for a measured length: at least 1, at most a day."""
    ms = int(seconds * 1000 + 0.5)
    return 1 if ms < 1 else ms if ms < MAX_STEP_MS else MAX_STEP_MS


class _Kinds:
    """The table of kinds after cpu: io and http, then thread, join and the resources."""

    def __init__(self):
        self.table = [{"name": "io"}, {"name": "http"}]
        self.names = {}  # (kind, class) -> cat
        self.kind_of = {"io": "io"}  # a resource's name -> the kind it is of

    def _has(self, name):
        return any(e["name"] == name for e in self.table)

    def cat(self, kind, cls):
        key = (kind, cls)
        known = self.names.get(key)
        if known is not None:
            return known
        if kind in ("thread", "join"):
            name, entry = kind, {"name": kind}
        else:
            name = re.sub(r"[^a-z0-9_]", "_", cls.lower())[:MAX_RESOURCE_NAME]
            if not name or not name[0].isalpha() or name in _RESERVED or name == "http":
                name = ("r" + name)[:MAX_RESOURCE_NAME]
            if self.kind_of.setdefault(name, kind) != kind:  # one class awaited two ways
                name = name[:MAX_RESOURCE_NAME - len(kind) - 1] + "_" + kind
                self.kind_of[name] = kind
            entry = {"name": name, "label": shortened(cls, MAX_NAME_BYTES),
                     "color": _COLORS[kind]}
        if len(self.table) + 2 >= MAX_KINDS and not self._has(name):
            # With cpu and "other" the table is full: later classes share "other".
            name, entry = "other", {"name": "other", "label": "Other awaits",
                                    "color": _COLORS["wait"]}
        if name == "io":
            self.table[0] = entry
        elif not self._has(name):
            self.table.append(entry)
        self.names[key] = name
        return name


def _task_order(records):
    """The recorded tasks (those that ran) in the order of the tree of creators."""
    ran = [r for r in records if r.events]
    children = {}
    roots = []
    known = set(id(r) for r in ran)
    for r in ran:
        if r.creator is not None and id(r.creator) in known:
            children.setdefault(id(r.creator), []).append(r)
        else:
            roots.append(r)
    order = []
    stack = list(reversed(roots))
    while stack:
        r = stack.pop()
        order.append(r)
        stack.extend(reversed(children.get(id(r), ())))
    return order


def _name(text):
    return shortened(text, MAX_NAME_BYTES) if text else "(unnamed)"


class _Events:
    """The events as lines of JSON, made from templates: a recording has up to a million, and
    json.dumps of a dict each would take longer than many programs run. Text is escaped by
    json.dumps (every character outside ASCII too), once for each place in the program."""

    _CPU = ('{"name": "cpu", "ph": "X", "pid": 1, "tid": %d, "cat": "cpu", "ts": %.3f, '
            '"dur": %.3f, "args": {"step": %d, "ms": %d}}')

    def __init__(self, t0):
        self.t0 = t0
        self.lines = []
        self._awaits = {}  # (cat, kind, class, label, at) -> its template

    def us(self, seconds):
        return max(0.0, (seconds - self.t0) * 1e6)

    def cpu(self, tid, step, start, end):
        length = end - start
        self.lines.append(self._CPU % (tid, (start - self.t0) * 1e6, length * 1e6, step,
                                       _ms(length)))

    def _template(self, key):
        cat, kind, cls, label, at = key
        texts = [json.dumps(t).replace("%", "%%") for t in (label or cat, cat, cls, label, at)]
        return ('{"name": %s, "ph": "X", "pid": 1, "tid": %%d, "cat": %s, "ts": %%.3f, '
                '"dur": %%.3f, "args": {"step": %%d, %%s, "returned_us": %%.3f, '
                '"queued_us": %%.3f, "await": "%s", "class": %s, "label": %s, "at": %s%%s}}'
                % (texts[0], texts[1], kind, texts[2], texts[3], texts[4]))

    def awaited(self, tid, step, key, suspended, queued, resumed, joined=None,
                unfinished=False):
        template = self._awaits.get(key)
        if template is None:
            template = self._awaits[key] = self._template(key)
        length = ('"tasks": %s' % json.dumps(joined)) if joined is not None \
            else '"ms": %d' % _ms(queued - suspended)
        t0 = self.t0
        self.lines.append(template % (
            tid, (suspended - t0) * 1e6, (queued - suspended) * 1e6, step, length,
            (resumed - t0) * 1e6, (queued - t0) * 1e6,
            ', "unfinished": true' if unfinished else ""))

    def thread(self, tid, args):
        self.lines.append(json.dumps({"name": "thread_name", "ph": "M", "pid": 1, "tid": tid,
                                      "args": args}))


def trace(recorder, title, subtitle, python, threads):
    """The recording: its otherData (a dict) and its events (lines of JSON, in file order)."""
    t0 = recorder.t0 or 0.0
    end_of_all = max([r.end for r in recorder.runs if r.end is not None] + [t0])
    order = _task_order(recorder.records)
    tids = {id(r): i + 1 for i, r in enumerate(order)}
    kinds = _Kinds()
    events = _Events(t0)
    events.lines.append(json.dumps({"name": "process_name", "ph": "M", "pid": 1, "tid": 0,
                                    "args": {"name": shortened(title, MAX_TITLE_BYTES)}}))
    for r in order:
        events.thread(tids[id(r)], {
            "name": _name(r.name),
            "start_ms": min(MAX_STEP_MS, round(max(0.0, r.created - t0) * 1000)),
            "created_us": round(events.us(r.created), 3),
            "creator": tids.get(id(r.creator), 0) if r.creator else 0, "run": r.run})
    callbacks_tid = len(order) + 1
    if recorder.callbacks and callbacks_tid <= MAX_TASKS:
        events.thread(callbacks_tid, {"name": CALLBACKS_ROW, "start_ms": 0, "creator": 0})
    for r in order:
        tid = tids[id(r)]
        rows = r.events
        if r.pending is not None and not r.full:
            # Still waiting when the program ended: the await lasts until then.
            end = max(r.pending[0], end_of_all)
            rows = rows + [("await", r.pending, end, None)]
        for number, row in enumerate(rows, 1):
            if row[0] == "cpu":
                events.cpu(tid, number, row[1], row[2])
                continue
            _, (suspended, kind, cls, label, at, joined), queued, resumed = row
            unfinished = resumed is None
            if unfinished:
                resumed = queued
            joined_tids = None
            if kind == "join":
                joined_tids = [tids[id(j._coroscope)] for j in joined
                               if getattr(j, "_coroscope", None) and id(j._coroscope) in tids]
                if not joined_tids:
                    kind, joined_tids = "wait", None  # only asyncio's own tasks
            events.awaited(tid, number, (kinds.cat(kind, cls), kind, cls, label, at),
                           suspended, queued, resumed, joined_tids and joined_tids[:MAX_JOINED],
                           unfinished)
    if recorder.callbacks and callbacks_tid <= MAX_TASKS:
        # Loop work of no task, and between its stretches the wait for the next one.
        gap = (kinds.cat("idle", "Between callbacks"), "wait", "callback", "next callback", "")
        number = 0
        previous_end = None
        for queued, start, end in recorder.callbacks:
            if previous_end is not None:
                number += 1
                waited_to = min(max(queued, previous_end), start)
                events.awaited(callbacks_tid, number, gap, previous_end, waited_to, start)
            number += 1
            events.cpu(callbacks_tid, number, start, end)
            previous_end = end
    other = {"format": FORMAT, "version": VERSION, "source": "coroscope-record",
             "stretch": 1, "subtitle": shortened(subtitle, MAX_TITLE_BYTES), "python": python,
             "threads": threads, "kinds": kinds.table,
             "runs": [{"start_us": round(events.us(r.start), 3),
                       "end_us": round(events.us(r.end if r.end is not None else end_of_all), 3)}
                      for r in recorder.runs],
             "complete": not recorder.notes, "notes": recorder.notes}
    return other, events.lines


def check_target(path):
    """Why the recording cannot be written to path, or None (checked before the program runs)."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return "%s: the folder %s does not exist" % (path, folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return "%s: no permission to write in %s" % (path, folder)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return "%s: cannot be written (%s)" % (path, error.strerror)
    if not stat.S_ISREG(mode):
        return "%s: is not a regular file (a folder, device or pipe is never replaced)" % path
    if not os.access(path, os.W_OK):
        return "%s: no permission" % path
    return None


def write_recording(path, other, lines):
    """Writes a recording (its otherData and its events' lines) to path atomically; raises
    OSError when it cannot."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".",
                                         suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write('{"otherData": ' + json.dumps(other) + ', "traceEvents": [\n')
            out.write(",\n".join(lines))
            out.write("\n]}\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def python_version():
    return "%d.%d.%d" % sys.version_info[:3]
