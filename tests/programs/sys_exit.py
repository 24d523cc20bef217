"""sys.exit inside the loop: the program ends with that status."""

import asyncio
import sys


async def leave():
    await asyncio.sleep(0.01)
    sys.exit(5)


async def main():
    await asyncio.create_task(leave(), name="leaving")


asyncio.run(main())
