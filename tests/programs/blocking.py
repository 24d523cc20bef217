"""A blocking call in the loop: time.sleep(0.2) holds it, and everyone else waits behind it."""

import asyncio
import time

from busy import busy


async def blocker():
    await asyncio.sleep(0.01)
    time.sleep(0.2)  # the mistake: a blocking call inside a coroutine


async def sleeper():
    await asyncio.sleep(0.05)
    busy(20)


async def main():
    tasks = [asyncio.create_task(blocker(), name="blocker")]
    tasks += [asyncio.create_task(sleeper(), name="sleeper-%d" % n) for n in range(3)]
    await asyncio.gather(*tasks)
    print("blocked")


asyncio.run(main())
