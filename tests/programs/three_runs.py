"""Three asyncio.run calls, each with tasks of its own, a pause of the program between them."""

import asyncio
import time


async def nap(seconds):
    await asyncio.sleep(seconds)


async def first():
    await asyncio.gather(asyncio.create_task(nap(0.02), name="nap-a"),
                         asyncio.create_task(nap(0.03), name="nap-b"))


async def second():
    end = time.monotonic() + 0.01
    while time.monotonic() < end:  # 10 ms holding the loop
        pass


async def third():
    await asyncio.create_task(nap(0.01), name="last-nap")


asyncio.run(first())
time.sleep(0.05)
asyncio.run(second())
time.sleep(0.05)
asyncio.run(third())
print("three runs")
