"""A callback-heavy loop: 100 tasks, each awaiting asyncio.sleep(0) 1,000 times (100,000 in
all, each a step of its own and a trip through the loop's queue)."""

import asyncio


async def spin():
    for _ in range(1000):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(spin() for _ in range(100)))


asyncio.run(main())
