"""An aiohttp server and client on 127.0.0.1: six requests through TCPConnector(limit=2)."""

import asyncio

import aiohttp
from aiohttp import web


async def hello(request):
    await asyncio.sleep(0.05)
    return web.Response(text="hello")


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    url = "http://127.0.0.1:%d/" % port
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=2)) as session:
        texts = await asyncio.gather(*(asyncio.create_task(fetch(session, url), name="get-%d" % n)
                                       for n in range(6)))
    await runner.cleanup()
    print(" ".join(texts))


asyncio.run(main())
