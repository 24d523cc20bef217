"""Work that holds the event loop for a known time, as CPU-bound code does."""

import time


def busy(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass
