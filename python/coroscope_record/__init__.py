"""Coroscope's recorder: runs an asyncio program and records what its event loop did.

Standard library only, for Python 3.11 (no sys.monitoring): it hooks the loop where every
callback runs (asyncio.events.Handle._run) and the task factory of every new loop, and writes a
Coroscope recording (version 3, see the README) when the program ends. Use it as
``python3 -m coroscope_record OUT.json SCRIPT.py [ARG...]`` or ``coroscope --record ...``.
"""

from .hooks import Recorder, install
from .recording import write_recording

__all__ = ["Recorder", "install", "write_recording"]
