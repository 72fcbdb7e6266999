"""An httpx transport that calls the ASGI app in this process (tests, the sync fuzzer, benchmarks that
leave the network out). The app runs on one event loop in a background thread; each request is sent to it
whole and its reply read whole, exactly what a real connection delivers."""

from __future__ import annotations

import asyncio
import threading

import httpx


class InProcessTransport(httpx.BaseTransport):
    def __init__(self, app):
        self.inner = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="asgi-loop", daemon=True)
        self.thread.start()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)
        return asyncio.run_coroutine_threadsafe(self._send(copy), self.loop).result(timeout=600)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        resp = await self.inner.handle_async_request(request)
        content = await resp.aread()
        await resp.aclose()
        return httpx.Response(resp.status_code, headers=resp.headers, content=content, request=request)

    def close(self) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
        if not self.loop.is_running() and not self.loop.is_closed():
            self.loop.close()


def client(app, base_url: str = "http://province.test") -> httpx.Client:
    return httpx.Client(transport=InProcessTransport(app), base_url=base_url)
