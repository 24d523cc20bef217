"""What a suspended task awaits, and where in the program's own code.

The kind comes from the future the task waits on (``task._fut_waiter``) and the innermost
asyncio frame of its coroutine chain: ``sleep``, ``io`` (sockets, streams, subprocess pipes),
``thread`` (an executor's or ``to_thread``'s future), ``join`` (a task or a gather), ``lock``
(Lock, Semaphore, Condition, Event, Queue), else ``wait``. The place is the innermost frame
outside asyncio, site-packages and this package, as "file.py:41" with that line's text.
"""

import asyncio
import asyncio.tasks as tasks
import linecache
import os
import types

ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
_OWN_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_LIBRARY_PARTS = (os.sep + "site-packages" + os.sep, os.sep + "dist-packages" + os.sep)

# The asyncio modules whose waits are I/O, and those whose waits are locks.
_IO_MODULES = {"streams.py", "selector_events.py", "base_events.py", "subprocess.py",
               "unix_events.py", "sslproto.py", "proactor_events.py", "staggered.py"}
_LOCK_MODULES = {"locks.py", "queues.py"}

_COROUTINE = types.CoroutineType
_GENERATOR = types.GeneratorType
_ASYNC_GENERATOR = types.AsyncGeneratorType

# Labels of the program's own code, as Coroscope keeps them: at most 200 bytes.
MAX_LABEL_BYTES = 200


def shortened(text, limit):
    """text cut to at most limit bytes of UTF-8, with "…" where it was cut."""
    data = text.encode("utf-8", "replace")
    if len(data) <= limit:
        return data.decode("utf-8")
    return data[:limit - 3].decode("utf-8", "ignore") + "\u2026"


def _chain(coro):
    """The frames of a suspended coroutine chain, outermost first (by type: a getattr that
    misses costs a raised AttributeError, and this runs at every suspension)."""
    frames = []
    while True:
        kind = type(coro)
        if kind is _COROUTINE:
            frame, coro = coro.cr_frame, coro.cr_await
        elif kind is _GENERATOR:
            frame, coro = coro.gi_frame, coro.gi_yieldfrom
        elif kind is _ASYNC_GENERATOR:
            frame, coro = coro.ag_frame, coro.ag_await
        else:
            return frames
        if frame is None:
            return frames
        frames.append(frame)


def _is_thread_future(future):
    # run_in_executor's future is chained to a concurrent.futures one by futures._chain_future.
    callbacks = getattr(future, "_callbacks", None) or ()
    for entry in callbacks:
        callback = entry[0] if isinstance(entry, tuple) else entry
        if getattr(callback, "__name__", "") == "_call_check_cancel":
            return True
    return False


class Classifier:
    def __init__(self):
        self._code = {}  # code object -> "user", or the asyncio module's file name, or "library"
        self._lines = {}  # (file, line) -> (label, "file.py:41")

    def _where(self, code):
        known = self._code.get(code)
        if known is None:
            path = code.co_filename
            if path.startswith(ASYNCIO_DIR):
                known = path[len(ASYNCIO_DIR):]
            elif path.startswith(_OWN_DIR) or any(part in path for part in _LIBRARY_PARTS):
                known = "library"
            else:
                known = "user"
            self._code[code] = known
        return known

    def _place(self, frame):
        key = (frame.f_code.co_filename, frame.f_lineno)
        known = self._lines.get(key)
        if known is None:
            text = linecache.getline(key[0], key[1]).strip()
            # "data = await reader.readline()" awaited "reader.readline()".
            awaited_at = text.find("await ")
            if awaited_at >= 0:
                text = text[awaited_at + len("await "):]
            known = (shortened(text, MAX_LABEL_BYTES),
                     shortened("%s:%d" % (os.path.basename(key[0]), key[1]), MAX_LABEL_BYTES))
            self._lines[key] = known
        return known

    def awaited(self, task):
        """(kind, class name, label, "file.py:41", joined tasks) of what task now awaits."""
        frames = _chain(task.get_coro())
        user = None
        innermost_asyncio = None
        known = self._code
        for frame in frames:
            where = known.get(frame.f_code) or self._where(frame.f_code)
            if where == "user":
                user = frame
            elif where != "library":
                innermost_asyncio = (where, frame)
        if user is None and frames:
            user = frames[-1]
        label, at = self._place(user) if user is not None else ("", "")
        waiter = task._fut_waiter
        kind, cls, joined = self._kind(waiter, innermost_asyncio)
        return kind, cls, label, at, joined

    @staticmethod
    def _kind(waiter, innermost_asyncio):
        if waiter is None:
            return "sleep", "sleep", ()  # a bare yield: asyncio.sleep(0)
        if isinstance(waiter, tasks.Task):
            return "join", "Task", (waiter,)
        children = getattr(waiter, "_children", None)
        if isinstance(waiter, tasks._GatheringFuture) and children is not None:
            return "join", "gather", tuple(c for c in children if isinstance(c, tasks.Task))
        if _is_thread_future(waiter):
            return "thread", "thread", ()
        if innermost_asyncio is not None:
            module, frame = innermost_asyncio
            name = frame.f_code.co_name
            if module == "tasks.py" and name == "sleep":
                return "sleep", "sleep", ()
            if module == "threads.py":
                return "thread", "thread", ()
            if module in _LOCK_MODULES or module in _IO_MODULES:
                owner = frame.f_locals.get("self")
                # The loop's own socket calls (sock_connect, sock_recv, ...): a socket's wait.
                cls = "socket" if owner is None or isinstance(owner, asyncio.AbstractEventLoop) \
                    else type(owner).__name__
                return ("lock" if module in _LOCK_MODULES else "io"), cls.lstrip("_"), ()
        return "wait", type(waiter).__name__.lstrip("_"), ()
