"""Names and numbers a recorder must survive: markup and control characters, a 10 MB name,
100,000 tasks."""

import asyncio


async def nothing():
    pass


async def main():
    await asyncio.create_task(nothing(), name="<b>bold</b> & \x1b[31mred\x07")
    await asyncio.create_task(nothing(), name="n" * 10_000_000)
    await asyncio.gather(*(asyncio.create_task(nothing()) for _ in range(100_000)))
    print("survived")


asyncio.run(main())
