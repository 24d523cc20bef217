"""Blocking work handed to a thread while another task keeps the loop."""

import asyncio
import time

from busy import busy


async def offload():
    await asyncio.to_thread(time.sleep, 0.1)
    busy(10)


async def executor():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0.05)


async def main():
    await asyncio.gather(asyncio.create_task(offload(), name="offload"),
                         asyncio.create_task(executor(), name="executor"))
    print("threads done")


asyncio.run(main())
