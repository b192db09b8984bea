"""The ASGI application: ``create_app(engine)``. Run it with ``counter-central serve``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from sqlalchemy import Engine

from central import errors
from central.api import audit, catalogue, devices, hello, pull, push, uploads
from central.clock import Clock, now
from central.middleware import BodyMiddleware
from sync.protocol import MAX_BODY_BYTES, PROTOCOL_VERSION, ErrorResponse


@dataclass
class Settings:
    rate_limit_per_minute: int = 1200
    max_body_bytes: int = MAX_BODY_BYTES
    enroll_code_ttl_hours: int = 72


@dataclass
class CentralState:
    engine: Engine
    settings: Settings = field(default_factory=Settings)
    clock: Clock = now  # what the rate limiter reads; tests pass a fake one (central/clock.py)


ERROR_SCHEMA_REF = "#/components/schemas/ErrorResponse"

# The refusals every operation may get, by what it takes (see central/errors.py, central/middleware.py).
_ANY_REQUEST = {400: "Malformed request (NUL in the URL, ...)"}
_WITH_BODY = {
    400: "Malformed body: not JSON, not valid gzip, nested too deeply, NUL or unpaired surrogate in text",
    413: "Body too large (as sent or decompressed)",
    415: "Unsupported Content-Type or Content-Encoding",
    422: "A value failed validation; error.field names it",
}
_WITH_PARAMETERS = {422: "A parameter failed validation; error.field names it"}
_AUTHENTICATED = {
    401: "Missing, unknown or revoked device token",
    429: "Rate limit exceeded; see Retry-After",
}


def _document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Every operation lists the refusals it can get, each with the ErrorResponse body; FastAPI's
    own validation-error schema (never sent: see central/errors.py) is dropped."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    if "ErrorResponse" not in components:
        error_schema = ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(error_schema.pop("$defs", {}))
        components["ErrorResponse"] = error_schema
    error_content = {"application/json": {"schema": {"$ref": ERROR_SCHEMA_REF}}}
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if method not in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
                continue
            wanted = dict(_ANY_REQUEST)
            if "requestBody" in operation:
                wanted.update(_WITH_BODY)
            if operation.get("parameters"):
                wanted.update(_WITH_PARAMETERS)
            if operation.get("security"):
                wanted.update(_AUTHENTICATED)
            responses = operation.setdefault("responses", {})
            for status, description in wanted.items():
                responses.setdefault(str(status), {"description": description})
            for status, response in responses.items():
                if status[0] in "45" and method == "head":
                    response.pop("content", None)  # a reply to HEAD has no body: the status tells
                elif status[0] in "45":
                    if response.get("description") in (None, "", "Validation Error"):
                        response["description"] = wanted.get(int(status), "Error")
                    response["content"] = error_content
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    return schema


def create_app(engine: Engine, settings: Settings | None = None, *, clock: Clock = now) -> FastAPI:
    app = FastAPI(
        title="Counter central platform",
        version=f"{PROTOCOL_VERSION}",
        description="Reference implementation of Counter sync protocol v1 (see sync/protocol.py). "
        'Every refusal is a 4xx with {"error": {"code", "field", "message"}}; a 5xx means retry later.',
        docs_url=None,
        redoc_url=None,
    )
    app.state.central = CentralState(engine, settings or Settings(), clock)
    errors.install(app)
    for module in (hello, devices, push, pull, uploads, catalogue, audit):
        app.include_router(module.router)
    # Level 6, not 9: half the CPU per pulled change (11 µs less on a page of 500) for ~6 % more
    # bytes down; a server answering a province's counters at once is bound by its CPU.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(BodyMiddleware, max_body=app.state.central.settings.max_body_bytes)

    build_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _document_errors(build_openapi())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


# What ``counter-central serve --workers N`` hands to each worker process through the environment:
# uvicorn starts the workers itself and builds the app in each from an import string.
WORKER_DB_ENV = "COUNTER_CENTRAL_WORKER_DB"
WORKER_RATE_LIMIT_ENV = "COUNTER_CENTRAL_WORKER_RATE_LIMIT"


# A server's requests allocate a few dicts and lists per field of every op and change, almost none
# in cycles: the youngest generation is collected every SERVER_GC_THRESHOLD new containers instead
# of 700 (about 15 % less CPU per pushed op), and what exists once the app is built (the framework,
# the models, the catalogue cache) is left out of the collector's passes.
SERVER_GC_THRESHOLD = 50_000


def tune_collector() -> None:
    """For a server process, once its app is built (``counter-central serve`` and each worker)."""
    import gc

    gc.freeze()
    gc.set_threshold(SERVER_GC_THRESHOLD, *gc.get_threshold()[1:])


def create_worker_app() -> FastAPI:
    """The app of one worker process of ``serve --workers N`` (an import-string factory for uvicorn).

    The database was migrated once by the parent before the workers started; each worker opens its
    own engine (its own connection pool)."""
    import os

    from central.db import make_engine

    engine = make_engine(os.environ[WORKER_DB_ENV])
    limit = int(os.environ.get(WORKER_RATE_LIMIT_ENV, Settings.rate_limit_per_minute))
    app = create_app(engine, Settings(rate_limit_per_minute=limit))
    tune_collector()
    return app
