"""Request bodies: size limit (413), gzip decoding with the same limit (no zip bombs), and JSON that
is too deeply nested to parse refused with 400 before the framework sees it."""

from __future__ import annotations

import json
import zlib
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.errors import error_response
from sync.protocol import ErrorCode


class BodyMiddleware:
    def __init__(self, app: ASGIApp, max_body: int, max_raw_body: int | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.max_raw = max_raw_body or max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_raw:
            await self._refuse(
                scope, receive, send, 413, ErrorCode.PAYLOAD_TOO_LARGE, "request body too large"
            )
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_raw:
                await self._refuse(
                    scope, receive, send, 413, ErrorCode.PAYLOAD_TOO_LARGE, "request body too large"
                )
                return
            if not message.get("more_body", False):
                break
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding == "gzip":
            try:
                decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
                plain = decoder.decompress(bytes(body), self.max_body + 1)
                if len(plain) > self.max_body or decoder.unconsumed_tail:
                    await self._refuse(
                        scope,
                        receive,
                        send,
                        413,
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "decompressed request body too large",
                    )
                    return
                body = bytearray(plain)
            except zlib.error:
                await self._refuse(
                    scope, receive, send, 400, ErrorCode.INVALID_REQUEST, "body is not valid gzip"
                )
                return
            scope = dict(scope)
            scope["headers"] = [
                (k, v)
                for k, v in scope["headers"]
                if k.lower() not in (b"content-encoding", b"content-length")
            ] + [(b"content-length", str(len(body)).encode())]
        elif encoding not in ("identity", ""):
            await self._refuse(
                scope,
                receive,
                send,
                415,
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                f"unsupported content-encoding {encoding!r}",
            )
            return
        if len(body) > self.max_body:
            await self._refuse(
                scope, receive, send, 413, ErrorCode.PAYLOAD_TOO_LARGE, "request body too large"
            )
            return
        if "json" in headers.get("content-type", "") and body:
            try:
                json.loads(body)
            except RecursionError:
                await self._refuse(
                    scope, receive, send, 400, ErrorCode.INVALID_REQUEST, "JSON nested too deeply"
                )
                return
            except ValueError:
                pass  # the framework answers malformed JSON with 422 and the position

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # the body is consumed; only a disconnect can follow
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, status: int, code: ErrorCode, message: str
    ) -> None:
        response: Any = error_response(status, code.value, message)
        await response(scope, receive, send)
