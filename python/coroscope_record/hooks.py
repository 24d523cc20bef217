"""The hooks into asyncio and what they measure.

Every callback of an event loop runs through ``asyncio.events.Handle._run``; a task's callbacks
are its step and its wake-up, bound methods whose ``__self__`` is the task. Timing each call
gives the stretches a task held the loop; what the task waits on when its step returns
(``task._fut_waiter`` and its coroutine chain) says what it awaited; and the moment the
wake-up's Handle was queued says when it became ready, so that the wait for the loop after it
is measured. A Handle is stamped when it is made (a subclass with one more slot) or queued
again (a reader's or writer's Handle, by ``_add_callback``); a Handle made by loop plumbing (a
timer, a thread's hand-over, a gather's callback) takes the moment that plumbing was due, so a
wake-up delayed by a busy loop counts as ready from when its timer expired.
"""

import asyncio
import asyncio.base_events as base_events
import asyncio.events as events
import asyncio.tasks as tasks
import os
import sys
import threading
import time

from .awaited import ASYNCIO_DIR, Classifier

_now = time.monotonic  # the loop's own clock (loop.time()), so timers' due times compare
_get_ident = threading.get_ident

# Caps that keep a recording within what Coroscope opens (a scenario's caps): tasks, steps of
# one task, and steps in all (the default; COROSCOPE_RECORD_MAX_EVENTS lowers it).
MAX_TASKS = 100_000
MAX_STEPS_PER_TASK = 10_000
MAX_EVENTS = 1_000_000 - MAX_TASKS - MAX_STEPS_PER_TASK // 2  # room for the rows added at the end


class TaskRecord:
    """One task as recorded: who made it and when, and its rows in order."""

    __slots__ = ("name", "creator", "created", "run", "events", "pending", "full")

    def __init__(self, name, creator, created, run):
        self.name = name
        self.creator = creator  # the TaskRecord that created it, or None
        self.created = created
        self.run = run
        # ("cpu", start, end) and ("await", pending, queued, resumed), in time order.
        self.events = []
        # The await it is suspended in: (suspended, kind, cls, label, at, joined tasks).
        self.pending = None
        self.full = False  # its step cap was reached: nothing more is recorded of it


class Run:
    """One event loop: asyncio.run, or a loop made and run by hand."""

    __slots__ = ("start", "end")

    def __init__(self, start):
        self.start = start
        self.end = None


class Recorder:
    def __init__(self, max_events=None):
        if max_events is None:
            max_events = int(os.environ.get("COROSCOPE_RECORD_MAX_EVENTS", MAX_EVENTS))
        self.max_events = max(1, min(max_events, MAX_EVENTS))
        self.t0 = None
        self.runs = []
        self.records = []  # every TaskRecord, in creation order
        self.callbacks = []  # (queued, start, end) of callbacks of no task, coalesced
        self.events = 0
        self.full = False
        self.notes = []  # what the recording left out, for the user
        self.current = None  # the TaskRecord whose step runs now
        self.origin = None  # (thread, due, io) while loop plumbing runs
        self.adopted = {}  # id(task) -> (task, record) of tasks made by another factory
        self.classifier = Classifier()

    # --- caps -----------------------------------------------------------------------------
    def _note(self, text):
        if text not in self.notes:
            self.notes.append(text)
            sys.stderr.write("coroscope-record: " + text + "\n")

    def _reached_cap(self):
        self.full = True
        self._note("the cap of %d events is reached: the recording keeps what came before it"
                   % self.max_events)

    # --- runs and tasks --------------------------------------------------------------------
    def new_run(self):
        now = _now()
        if self.t0 is None:
            self.t0 = now
        self.runs.append(Run(now))

    def end_run(self):
        if self.runs and self.runs[-1].end is None:
            self.runs[-1].end = _now()

    def new_task(self, task):
        if len(self.records) >= MAX_TASKS - 1:  # one row stays for (callbacks)
            self._note("more than %d tasks: the later ones are not recorded" % (MAX_TASKS - 1))
            return None
        if self.t0 is None:
            self.new_run()
        record = TaskRecord(None, self.current, _now(), len(self.runs))
        self.records.append(record)
        return record

    def adopt(self, task):
        """The record of a task that our factory did not make (another factory was set)."""
        known = self.adopted.get(id(task))
        if known is not None and known[0] is task:
            return known[1]
        record = self.new_task(task)
        if record is not None:
            self.adopted[id(task)] = (task, record)
        return record

    # --- what the hooks report --------------------------------------------------------------
    def task_ran(self, record, task, queued, start, end):
        # Runs after every step of every task: kept to the least work.
        if record.full or self.full:
            return
        events = record.events
        if len(events) >= MAX_STEPS_PER_TASK - 3:  # an await, a cpu and a last await
            record.full = True
            self._note("a task reached %d steps: its later ones are not recorded"
                       % MAX_STEPS_PER_TASK)
            return
        if self.events + 2 > self.max_events:
            self._reached_cap()
            return
        pending = record.pending
        if pending is None:
            record.name = task.get_name()  # given by now (create_task names it after the factory)
        else:
            events.append(("await", pending, queued if queued > pending[0] else pending[0],
                           start))
            self.events += 1
        events.append(("cpu", start, end))
        self.events += 1
        if task.done():
            record.pending = None
            record.name = task.get_name()
        else:
            record.pending = (end,) + self.classifier.awaited(task)

    def woken_by_io(self, record):
        """A wait whose wake-up came from a socket's or pipe's callback is I/O (a library's
        protocol resolving its own future: the socket's wait)."""
        pending = record.pending
        if pending is not None and pending[1] == "wait":
            record.pending = pending[:1] + ("io", "socket") + pending[3:]

    def callback_ran(self, queued, start, end):
        if self.full:
            return
        calls = self.callbacks
        # Callbacks run back to back (one loop turn's plumbing) are one stretch.
        if calls and start - calls[-1][2] < 50e-6:
            calls[-1] = (calls[-1][0], calls[-1][1], end)
        elif self.events >= self.max_events:
            self._reached_cap()
        elif len(calls) < MAX_STEPS_PER_TASK // 2:
            self.events += 1
            calls.append((queued, start, end))
        else:
            self._note("the (callbacks) row reached %d stretches: later ones are not recorded"
                       % (MAX_STEPS_PER_TASK // 2))


class _RecordedTask(tasks.Task):
    """asyncio's Task (the C one) with its record at hand."""

    __slots__ = ("_coroscope",)

    def __init__(self, coro, *, loop=None, name=None, context=None, recorder=None):
        # Set before Task.__init__, which already queues the first step. asyncio's own tasks
        # (a Runner's shutting down) are loop work, not the program's: False.
        own = coro.cr_code.co_filename.startswith(ASYNCIO_DIR) if hasattr(coro, "cr_code") \
            else False
        self._coroscope = False if own else recorder.new_task(self)
        super().__init__(coro, loop=loop, name=name, context=context)


_installed = None


def install(recorder):
    """Hooks asyncio for recorder (once a process)."""
    global _installed
    if _installed is not None:
        raise RuntimeError("the recorder is installed already")
    _installed = recorder
    R = recorder
    original_handle = events.Handle
    timer_handle = events.TimerHandle
    original_run = original_handle._run
    original_init = original_handle.__init__

    class _StampedHandle(original_handle):
        """A Handle that knows when it was queued, and whether I/O queued it."""

        __slots__ = ("_coroscope_queued", "_coroscope_io")

        def __init__(self, callback, args, loop, context=None):
            original_init(self, callback, args, loop, context)
            origin = R.origin
            if origin is not None and origin[0] == _get_ident():
                self._coroscope_queued = origin[1]
                self._coroscope_io = origin[2]
            else:
                self._coroscope_queued = _now()
                self._coroscope_io = False

    def _run(self):
        start = _now()
        callback = self._callback
        owner = getattr(callback, "__self__", None)
        if type(self) is _StampedHandle:
            queued = self._coroscope_queued
        elif type(self) is timer_handle:
            queued = min(self._when, start)
        else:
            queued = start
        record = None
        if owner is not None and isinstance(owner, tasks.Task):
            record = getattr(owner, "_coroscope", None)
            if record is None:
                record = R.adopt(owner)
        if not record:
            io = type(self) is _StampedHandle and self._coroscope_io
            R.origin = (_get_ident(), queued, io)
            try:
                original_run(self)
            finally:
                R.origin = None
                R.callback_ran(queued, start, _now())
            return
        if type(self) is _StampedHandle and self._coroscope_io:
            R.woken_by_io(record)
        outer = R.current
        R.current = record
        try:
            original_run(self)
        finally:
            R.current = outer
            R.task_ran(record, owner, queued, start, _now())

    def _add_callback(self, handle, _original=base_events.BaseEventLoop._add_callback):
        # A reader's or writer's Handle is made once and queued at every event: stamp it now.
        if type(handle) is _StampedHandle:
            handle._coroscope_queued = _now()
            handle._coroscope_io = True
        _original(self, handle)

    def factory(loop, coro, context=None):
        return _RecordedTask(coro, loop=loop, context=context, recorder=R)

    loop_init = base_events.BaseEventLoop.__init__
    loop_close = base_events.BaseEventLoop.close

    def __init__(self, *args, **kwargs):
        loop_init(self, *args, **kwargs)
        self._task_factory = factory
        R.new_run()

    def close(self):
        R.end_run()
        loop_close(self)

    original_handle._run = _run
    events.Handle = _StampedHandle
    base_events.BaseEventLoop._add_callback = _add_callback
    base_events.BaseEventLoop.__init__ = __init__
    base_events.BaseEventLoop.close = close
    return R
