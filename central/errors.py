"""Every refusal is a 4xx with ``{"error": {"code", "field", "message"}}`` (sync.protocol.ErrorResponse).

That covers the framework's own answers too: unknown paths (404), wrong methods (405, with
``Allow``), malformed JSON (400), a body that is not JSON where JSON is expected (415) and values
that fail validation (422, ``field`` names the value, e.g. ``ops.3.op_id``). Whatever escapes as an
exception is a bug: it is logged with its traceback and answered ``500 internal_error`` in the same
format (a 5xx tells the client to retry the same request later).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import ErrorCode

log = logging.getLogger("central.errors")

INTERNAL_ERROR = "internal_error"
UNAVAILABLE = "unavailable"
MAX_MESSAGE = 300


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: ErrorCode | str,
        message: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code.value if isinstance(code, ErrorCode) else code
        self.message = message
        self.field = field
        self.headers = headers


def error_response(
    status: int, code: str, message: str, field: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        status_code=status,
        content={"error": {"code": code, "field": field, "message": message[:MAX_MESSAGE]}},
        headers=headers,
    )


def field_path(location: tuple[Any, ...] | list[Any]) -> str | None:
    """``("body", "ops", 3, "op_id")`` -> ``"ops.3.op_id"``; ``("query", "cursor")`` -> ``"cursor"``."""
    parts = list(location)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(str(p) for p in parts) or None


_HTTP_CODES = {
    400: ErrorCode.INVALID_REQUEST,
    401: ErrorCode.UNAUTHORIZED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    429: ErrorCode.RATE_LIMITED,
}


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    first = dict(errors[0]) if errors else {"loc": (), "msg": "invalid request", "type": ""}
    kind = str(first.get("type", ""))
    location = tuple(first.get("loc", ()))
    if kind == "json_invalid":
        # FastAPI puts the character position where the field would be: report it in the message.
        position = location[1] if len(location) > 1 else "?"
        reason = (first.get("ctx") or {}).get("error", "invalid JSON")
        return error_response(
            400, ErrorCode.INVALID_REQUEST.value, f"malformed JSON body: {reason} (at character {position})"
        )
    if location == ("body",) and isinstance(exc.body, bytes | bytearray):
        # A body was sent but not as JSON (no or another Content-Type): FastAPI left it as bytes.
        return error_response(
            415,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE.value,
            "the request body must be JSON (Content-Type: application/json)",
        )
    message = str(first.get("msg", "invalid request"))
    field = field_path(location)
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return error_response(422, ErrorCode.INVALID_REQUEST.value, message, field)


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _allowed_methods(request: Request) -> list[str]:
    """The methods documented at this path (Starlette's 405 names only the first route's)."""
    table = getattr(request.app.state, "allowed_methods", None)
    if table is None:
        table = [
            (re.compile("^" + re.sub(r"\\{[^}/]+\\}", "[^/]+", re.escape(path)) + "$"), item)
            for path, item in request.app.openapi().get("paths", {}).items()
        ]
        request.app.state.allowed_methods = table
    path = request.url.path
    return sorted(
        {m.upper() for pattern, item in table if pattern.match(path) for m in item if m in _METHODS}
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.field, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        if status < 400:  # e.g. 304: not an error, no body
            return Response(status_code=status, headers=exc.headers)
        code = _HTTP_CODES.get(status, ErrorCode.INVALID_REQUEST if status < 500 else None)
        headers = exc.headers
        if status == 405:
            headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
        return error_response(
            status, code.value if code else INTERNAL_ERROR, str(exc.detail), headers=headers
        )

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError) -> JSONResponse:
        # The database refused a value that validation let through (PostgreSQL: too long, out of
        # range, a NUL character...). Retrying cannot help, so it is the client's 400 - and a gap in
        # validation, logged so it gets fixed.
        log.warning("database refused a value on %s %s: %s", request.method, request.url.path, exc.orig)
        return error_response(400, ErrorCode.INVALID_REQUEST.value, "a value cannot be stored")

    @app.exception_handler(OperationalError)
    async def _unavailable(request: Request, exc: OperationalError) -> JSONResponse:
        log.error("database unavailable on %s %s: %s", request.method, request.url.path, exc.orig)
        return error_response(
            503, UNAVAILABLE, "the database is unavailable; retry later", headers={"Retry-After": "5"}
        )

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        # Starlette still re-raises after this, so the traceback reaches the server log.
        return error_response(500, INTERNAL_ERROR, "internal error; retry later")
