"""The ASGI application: ``create_app(engine)``. Run it with ``counter-central serve``."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from sqlalchemy import Engine

from central import errors
from central.api import audit, catalogue, devices, hello, pull, push, uploads
from central.middleware import BodyMiddleware
from sync.protocol import MAX_BODY_BYTES, PROTOCOL_VERSION


@dataclass
class Settings:
    rate_limit_per_minute: int = 1200
    max_body_bytes: int = MAX_BODY_BYTES
    enroll_code_ttl_hours: int = 72


@dataclass
class CentralState:
    engine: Engine
    settings: Settings = field(default_factory=Settings)


def create_app(engine: Engine, settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Counter central platform",
        version=f"{PROTOCOL_VERSION}",
        description="Reference implementation of Counter sync protocol v1 (see sync/protocol.py).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.central = CentralState(engine, settings or Settings())
    errors.install(app)
    for module in (hello, devices, push, pull, uploads, catalogue, audit):
        app.include_router(module.router)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BodyMiddleware, max_body=app.state.central.settings.max_body_bytes)
    return app
