"""``GET /v1/hello``: what this server speaks, its limits and clock. Public: it is the connectivity probe."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import select

from central import db
from central.clock import now
from sync import protocol as p

router = APIRouter()


def server_epoch(conn) -> str:  # type: ignore[no-untyped-def]
    return conn.execute(select(db.meta.c.value).where(db.meta.c.key == "server_epoch")).scalar_one()


@router.get("/v1/hello", response_model=p.Hello, tags=["sync"])
def get_hello(request: Request) -> p.Hello:
    state = request.app.state.central
    with state.engine.connect() as conn:
        epoch = server_epoch(conn)
        etag = conn.execute(select(db.catalogues.c.etag).where(db.catalogues.c.active.is_(True))).scalar()
    return p.Hello(
        protocol_versions=list(p.SUPPORTED_VERSIONS),
        max_batch_ops=p.MAX_BATCH_OPS,
        max_body_bytes=state.settings.max_body_bytes,
        max_pull_limit=p.MAX_PULL_LIMIT,
        max_upload_bytes=p.MAX_UPLOAD_BYTES,
        catalogue_etag=etag,
        server_epoch=epoch,
        min_cursor=0,
        server_time=now(),
    )
