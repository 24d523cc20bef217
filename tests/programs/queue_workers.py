"""A producer and three workers on an asyncio.Queue."""

import asyncio

from busy import busy


async def producer(queue):
    for item in range(6):
        await asyncio.sleep(0.02)
        await queue.put(item)
    for _ in range(3):
        await queue.put(None)


async def worker(queue, done):
    while (item := await queue.get()) is not None:
        busy(3)
        done.append(item)


async def main():
    queue = asyncio.Queue()
    done = []
    tasks = [asyncio.create_task(producer(queue), name="producer")]
    tasks += [asyncio.create_task(worker(queue, done), name="worker-%d" % n) for n in range(3)]
    await asyncio.gather(*tasks)
    print("items", sorted(done))


asyncio.run(main())
