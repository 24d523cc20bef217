"""Two tasks take turns on an asyncio.Lock: the second waits the first's 100 ms out."""

import asyncio


async def holder(lock, held):
    async with lock:
        held.set()
        await asyncio.sleep(0.1)


async def waiter(lock, held):
    await held.wait()
    async with lock:
        pass


async def main():
    lock, held = asyncio.Lock(), asyncio.Event()
    await asyncio.gather(asyncio.create_task(holder(lock, held), name="holder"),
                         asyncio.create_task(waiter(lock, held), name="waiter"))
    print("locked and released")


asyncio.run(main())
