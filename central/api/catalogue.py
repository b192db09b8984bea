"""``GET /v1/catalogue``: the active service catalogue with its working-day calendar overrides.
``If-None-Match`` with the current ETag answers 304, so counters poll it cheaply."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy import select

from central import db
from central.auth import CurrentDevice
from central.errors import ApiError
from sync import protocol as p

router = APIRouter()


@router.get(
    "/v1/catalogue",
    tags=["catalogue"],
    responses={
        200: {"content": {"application/json": {}}, "description": "the catalogue document"},
        304: {"description": "unchanged"},
        401: {"model": p.ErrorResponse},
        404: {"model": p.ErrorResponse},
    },
)
def get_catalogue(request: Request, _device: CurrentDevice) -> Response:
    with request.app.state.central.engine.connect() as conn:
        row = conn.execute(
            select(db.catalogues.c.etag, db.catalogues.c.document).where(db.catalogues.c.active.is_(True))
        ).first()
    if row is None:
        raise ApiError(404, p.ErrorCode.NOT_FOUND, "no catalogue has been published")
    etag = f'"{row.etag}"'
    wanted = [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in wanted or "*" in wanted:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(
        content=row.document.encode("utf-8"),
        media_type="application/json",
        headers={"ETag": etag, "Cache-Control": "no-cache"},
    )
