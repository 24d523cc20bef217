"""Runs until interrupted (Ctrl+C): says when its task waits."""

import asyncio


async def forever():
    print("waiting", flush=True)
    await asyncio.sleep(3600)


async def main():
    await asyncio.create_task(forever(), name="forever")


asyncio.run(main())
