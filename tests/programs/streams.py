"""An echo server and three clients over loopback (asyncio streams)."""

import asyncio

from busy import busy


async def handle(reader, writer):
    while line := await reader.readline():
        busy(5)
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(3):
        writer.write(b"line %d %d\n" % (n, i))
        await writer.drain()
        answer = await reader.readline()
        assert answer == b"LINE %d %d\n" % (n, i)
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await asyncio.gather(*(asyncio.create_task(client(port, n), name="client-%d" % n)
                               for n in range(3)))
    print("echoed 9 lines")


asyncio.run(main())
