"""Two asyncio.run calls, one after the other."""

import asyncio


async def once(n):
    await asyncio.sleep(0.01)
    return n


print(asyncio.run(once(1)), asyncio.run(once(2)))
