"""Its arguments and a line of standard input go to standard output; it exits with the first
argument as its status."""

import asyncio
import sys


async def main():
    line = await asyncio.to_thread(sys.stdin.readline)
    print(sys.argv[1:], line.strip())


asyncio.run(main())
sys.exit(int(sys.argv[1]))
