"""A task raises: the program ends with the traceback and status 1."""

import asyncio


async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("no such thing")


async def main():
    print("before")
    await asyncio.create_task(fail(), name="failing")


asyncio.run(main())
