"""ASGI middleware of the app: the request body limit, the response cache keyed by the
store file's state, and the security headers (CSP).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from fastapi import HTTPException
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from eventwire.web.app import _State


_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'")


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                response = JSONResponse({"error": f"request body is over {self.limit} bytes"},
                                        status_code=413)
                await response(scope, receive, send)
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, f"request body is over {self.limit} bytes")
            return message

        await self.app(scope, limited, send)


class ResponseCache:
    """Keep the last `size` successful ``GET /api/...`` answers, keyed by path, query and the
    store's generation: this app's write count and the size and modification time of the store
    file and its WAL. Another process (an ingest) can only change the store by writing the
    file, which changes the key, so a committed batch is never hidden by the cache.
    """

    def __init__(self, app: ASGIApp, state: _State, size: int = 256) -> None:
        self.app = app
        self.state = state
        self.size = size
        self.entries: OrderedDict[tuple[tuple[int, ...], str, bytes], tuple[Message, bytes]] = (
            OrderedDict())
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope.get("method") != "GET"
                or not path.startswith("/api/") or path.endswith((".csv", ".jsonl"))):
            await self.app(scope, receive, send)
            return
        key = (self.state.generation(), path, scope.get("query_string", b""))
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
        if hit is not None:  # fresh copies: outer middleware (gzip) edits headers in place
            await send({**hit[0], "headers": list(hit[0].get("headers", []))})
            await send({"type": "http.response.body", "body": hit[1]})
            return
        start: Message = {}
        body: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = {**message, "headers": list(message.get("headers", []))}
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    with self.lock:
                        self.entries[key] = (start, b"".join(body))
                        while len(self.entries) > self.size:
                            self.entries.popitem(last=False)
            await send(message)

        await self.app(scope, receive, keep)


class SecurityHeaders:
    """A strict Content-Security-Policy: the page may load nothing but its own assets."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", _CSP.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
