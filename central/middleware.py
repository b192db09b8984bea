"""Hostile input stopped before the framework sees it, each refusal a 4xx in the error format:

- a body over the limit, as sent or once decompressed (no zip bombs): 413;
- ``Content-Encoding`` other than gzip or identity: 415; a body that is not valid gzip: 400;
- a JSON body nested deeper than ``MAX_JSON_DEPTH`` (parsers and serialisers recurse; the
  protocol never nests that deep): 400;
- a JSON body that is not UTF-8, or holds NUL characters, unpaired surrogates (neither can be
  stored: PostgreSQL refuses NUL, no database encodes a lone surrogate) or non-finite numbers
  (``NaN``, ``Infinity``, ``1e999``; not JSON): 400 naming the field, e.g. ``ops.2.data.name``;
- a NUL character in the URL path or a query parameter: 400.

A body whose client went away part-way is dropped, except an upload's chunk
(``application/offset+octet-stream``, not compressed): the app gets the bytes that came, then the
disconnect, so the upload keeps them and the client resumes after them (central/api/uploads.py).

A body refused before it was read is read and discarded (up to a few times the limit) before the
reply: a client, or a reverse proxy, still sending would otherwise have the connection reset under
it and never see the answer (nginx turns that into a 502).
"""

from __future__ import annotations

import json
import math
import re
import zlib
from itertools import accumulate
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.errors import error_response
from sync.protocol import ErrorCode

MAX_JSON_DEPTH = 64
RESUMABLE_MEDIA_TYPE = "application/offset+octet-stream"  # an upload's chunk: a cut keeps what came
_DRAIN_FACTOR = 4

# JSON strings (their brackets do not nest) and every byte but brackets.
# Never fails once started (the closing quote is optional), so it runs in linear time on any input.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPENING_AS_SQUARE = bytes.maketrans(b"{", b"[")
_DEPTH_STEP = [1 if b in b"[{" else -1 for b in range(256)]
# Only a body where these occur is parsed and walked: escapes that decode to a NUL or a surrogate
# (inside strings), and numbers that may not be finite (outside strings).
_ESCAPES = re.compile(rb"\\u0000|\\u[dD][89a-fA-F]")
# ``NaN|Infinity|[eE][+-]?[0-9]{3}|[0-9]{300}``, tested piece by piece (one regex with four
# alternatives and no literal prefix tries each at every byte: slow on a batch of a few hundred KB).
_EXPONENT_3 = re.compile(rb"[eE][+-]?[0-9]{3}")
_DIGITS_ONLY = bytes.maketrans(bytes(range(256)), bytes(b if 48 <= b <= 57 else 32 for b in range(256)))
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class Refusal(Exception):
    def __init__(
        self, status: int, code: ErrorCode, message: str, field: str | None = None, close: bool = False
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.close = close


def nesting_exceeds(outside_strings: bytes, limit: int) -> bool:
    """Whether JSON text (with its strings removed) nests arrays/objects deeper than ``limit``,
    found without parsing, so without recursion, in linear time. Text that is not JSON may be
    misjudged; the parser refuses it anyway."""
    brackets = outside_strings.translate(None, _NOT_BRACKETS)
    if len(brackets) <= limit:
        return False
    if b"[" * (limit + 1) in brackets.translate(_OPENING_AS_SQUARE):
        return True
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets))) > limit


def outside_strings(body: bytes) -> bytes:
    """JSON text with each string replaced by ``""`` (an unterminated last string too)."""
    if b"\\" not in body:
        # No escapes: the quotes alone delimit the strings, so splitting at them is exact and
        # several times faster than the regular expression.
        parts = body.split(b'"')
        text = b'""'.join(parts[0::2])
        return text + b'""' if len(parts) % 2 == 0 else text
    return _STRING.sub(b'""', body)


def may_be_nonfinite(outside_strings: bytes) -> bool:
    """Whether JSON text (its strings removed) may hold a number that is not finite."""
    return (
        b"NaN" in outside_strings
        or b"Infinity" in outside_strings
        or _EXPONENT_3.search(outside_strings) is not None
        or any(len(run) >= 300 for run in outside_strings.translate(_DIGITS_ONLY).split())
    )


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def unstorable_value(document: Any) -> tuple[str | None, str] | None:
    """The first value no database can store faithfully: ``(field path, reason)``, or None."""
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if _UNSTORABLE.search(key):
                    return path or None, "a key holds a NUL character or an unpaired surrogate"
                stack.append((value, _join(path, key)))
        elif isinstance(node, list):
            stack.extend((value, _join(path, index)) for index, value in enumerate(node))
        elif isinstance(node, str):
            if _UNSTORABLE.search(node):
                return path or None, "text must not hold NUL characters or unpaired surrogates"
        elif isinstance(node, float) and not math.isfinite(node):
            return path or None, "numbers must be finite"
    return None


def _is_json(content_type: str) -> bool:
    # Wider than the framework's test (application/json, application/*+json): checking more is safe.
    return "json" in content_type.lower()


def check_json(body: bytes) -> None:
    if not body.strip():
        return
    encoding = json.detect_encoding(body)
    if encoding not in ("utf-8", "utf-8-sig"):
        raise Refusal(400, ErrorCode.INVALID_REQUEST, "a JSON body must be UTF-8")
    outside = outside_strings(body)
    if nesting_exceeds(outside, MAX_JSON_DEPTH):
        raise Refusal(400, ErrorCode.INVALID_REQUEST, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    if not (_ESCAPES.search(body) or may_be_nonfinite(outside)):
        return
    try:
        document = json.loads(body)
    except RecursionError as exc:
        raise Refusal(400, ErrorCode.INVALID_REQUEST, "JSON nested too deeply") from exc
    except ValueError:
        return  # malformed: the framework answers 400 with the position
    problem = unstorable_value(document)
    if problem is not None:
        field, reason = problem
        raise Refusal(400, ErrorCode.INVALID_REQUEST, reason, field)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress every gzip member; never more than ``limit`` bytes of output."""
    out = bytearray()
    while True:
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += decoder.decompress(data, limit + 1 - len(out))
        except zlib.error as exc:
            raise Refusal(400, ErrorCode.INVALID_REQUEST, "the body is not valid gzip") from exc
        if len(out) > limit or decoder.unconsumed_tail:
            raise Refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, f"decompressed body over {limit} bytes")
        if not decoder.eof:
            raise Refusal(400, ErrorCode.INVALID_REQUEST, "the gzip body is truncated")
        data = decoder.unused_data
        if not data:
            return bytes(out)


def _check_url(scope: Scope) -> None:
    if "\x00" in scope.get("path", ""):
        raise Refusal(400, ErrorCode.INVALID_REQUEST, "NUL character in the URL path")
    query = scope.get("query_string", b"")
    if b"%00" in query or b"\x00" in query:
        field = None
        for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if "\x00" in key or "\x00" in value:
                field = key.replace("\x00", "") or None
                break
        raise Refusal(400, ErrorCode.INVALID_REQUEST, "NUL character in a query parameter", field)


async def _drain(receive: Receive, limit: int) -> bool | None:
    """Discard the rest of a request body: True once it ended, False past ``limit`` bytes, None if
    the client disconnected."""
    discarded = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        discarded += len(message.get("body", b""))
        if not message.get("more_body", False):
            return True
        if discarded > limit:
            return False


def _is_resumable(headers: dict[str, str]) -> bool:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower() == RESUMABLE_MEDIA_TYPE


def _cut_short(received: bytes) -> Receive:
    """A body that stops after ``received``: its client went away."""
    messages: list[Message] = [
        {"type": "http.request", "body": received, "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive() -> Message:
        return messages.pop(0) if len(messages) > 1 else messages[0]

    return receive


class BodyMiddleware:
    def __init__(self, app: ASGIApp, max_body: int, max_raw_body: int | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.max_raw = max_raw_body or max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length", "").strip()
        complete = declared in ("", "0") and "transfer-encoding" not in headers  # no body at all
        try:
            _check_url(scope)
            if complete:
                await self.app(scope, receive, send)
                return
            encoding = headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("identity", "", "gzip", "x-gzip"):
                raise Refusal(
                    415,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    f"unsupported Content-Encoding {encoding[:40]!r} (gzip or identity)",
                )
            if declared.isdigit() and int(declared) > self.max_raw:
                # Refused unread. A client that asked before sending (Expect: 100-continue) sends
                # nothing more; one far over the limit is not worth reading: close instead.
                raise Refusal(
                    413,
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    f"request body over {self.max_raw} bytes",
                    close=int(declared) > _DRAIN_FACTOR * self.max_raw
                    or headers.get("expect", "").lower() == "100-continue",
                )
            body = bytearray()
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    if body and encoding in ("identity", "") and _is_resumable(headers):
                        await self.app(scope, _cut_short(bytes(body)), send)
                    return
                body += message.get("body", b"")
                complete = not message.get("more_body", False)
                if len(body) > self.max_raw:
                    raise Refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, f"request body over {self.max_raw} bytes")
                if complete:
                    break
            data = bytes(body)
            if encoding in ("gzip", "x-gzip"):
                data = gunzip(data, self.max_body)
                scope = dict(scope)
                scope["headers"] = [
                    (k, v)
                    for k, v in scope["headers"]
                    if k.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")
                ] + [(b"content-length", str(len(data)).encode())]
            if len(data) > self.max_body:
                raise Refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, f"request body over {self.max_body} bytes")
            if _is_json(headers.get("content-type", "")):
                check_json(data)
        except Refusal as refusal:
            close = refusal.close
            if not complete and not close:
                # Read the rest of the body before answering: a client (or a proxy) still sending
                # would otherwise have the connection reset under it and never see the answer.
                drained = await _drain(receive, _DRAIN_FACTOR * self.max_raw)
                if drained is None:
                    return  # the client is gone
                close = not drained
            response: Any = error_response(
                refusal.status,
                refusal.code.value,
                refusal.message,
                refusal.field,
                headers={"Connection": "close"} if close else None,
            )
            await response(scope, receive, send)
            return

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # the body is consumed; only a disconnect can follow
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}

        await self.app(scope, replay, send)
