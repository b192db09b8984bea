"""``GET /v1/sync/pull`` (the office's changes after a cursor, in commit order) and
``GET /v1/sync/verify`` (count and digest of the office's ``(entity, id, version)``)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import and_, case, select

from central import db
from central.api.hello import server_epoch
from central.auth import CurrentDevice
from sync import protocol as p

router = APIRouter()
_ERRORS = {401: {"model": p.ErrorResponse}, 422: {"model": p.ErrorResponse}}


@router.get("/v1/sync/pull", response_model=p.PullResponse, tags=["sync"], responses=_ERRORS)
def pull(
    request: Request,
    device: CurrentDevice,
    cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=p.MAX_PULL_LIMIT)] = p.DEFAULT_PULL_LIMIT,
    own: Annotated[
        p.OwnChanges,
        Query(
            description="stub: a record whose latest version this device wrote comes without its data"
            " (`data` null; not attachments): the device holds it already, unless it lost it, and"
            " then asks for the page again with full"
        ),
    ] = "full",
) -> Response:
    r = db.records
    data = r.c.data
    if own == "stub":  # the device's own writes: not read, not sent
        data = case((and_(r.c.origin_device == device.id, r.c.entity != "attachment"), None), else_=r.c.data)
    with request.app.state.central.engine.connect() as conn:
        rows = conn.execute(
            select(
                r.c.cursor,
                r.c.entity,
                r.c.id,
                r.c.version,
                data.label("data"),
                r.c.origin_device,
                r.c.updated_at,
            )
            .where(r.c.office_code == device.office_code, r.c.cursor > cursor)
            .order_by(r.c.cursor)
            .limit(limit + 1)
        ).all()
        epoch = server_epoch(conn)
    has_more = len(rows) > limit
    rows = rows[:limit]
    # The stored ``data`` is JSON this server wrote: it goes into the reply as it is, without being
    # parsed and serialised again (the reply is the PullResponse model, field for field).
    changes = ",".join(
        "{"
        f'"cursor":{int(row.cursor)},"entity":{json.dumps(row.entity)},"id":{json.dumps(row.id)},'
        f'"version":{int(row.version)},"data":{row.data or "null"},'
        f'"origin_device":{json.dumps(row.origin_device)},'
        f'"updated_at":{json.dumps(row.updated_at)}'
        "}"
        for row in rows
    )
    next_cursor = int(rows[-1].cursor) if rows else cursor
    body = (
        f'{{"changes":[{changes}],"next_cursor":{next_cursor},"has_more":{json.dumps(has_more)},'
        f'"server_epoch":{json.dumps(epoch)},"min_cursor":0}}'
    )
    return Response(body.encode("utf-8"), media_type="application/json")


@router.get(
    "/v1/sync/verify",
    response_model=p.VerifyResponse,
    response_model_exclude_none=True,
    tags=["sync"],
    responses=_ERRORS,
)
def verify(
    request: Request,
    device: CurrentDevice,
    digest: Annotated[
        p.VerifyDigest,
        Query(
            description="xor: the XOR digest central keeps as records change (one row read); sorted: "
            "the SHA-256 of the sorted list, read from every record of the office"
        ),
    ] = "sorted",
) -> p.VerifyResponse:
    counters = db.office_counters
    with request.app.state.central.engine.connect() as conn:
        if digest == "xor":
            row = conn.execute(
                select(counters.c.record_count, counters.c.record_xor, counters.c.last_cursor).where(
                    counters.c.office_code == device.office_code
                )
            ).one()
            return p.VerifyResponse(
                count=int(row.record_count), digest=row.record_xor, cursor=int(row.last_cursor or 0)
            )
        r = db.records
        rows = conn.execute(
            select(r.c.entity, r.c.id, r.c.version).where(r.c.office_code == device.office_code)
        ).all()
        last = conn.execute(
            select(counters.c.last_cursor).where(counters.c.office_code == device.office_code)
        ).scalar()
    count, sorted_hash = p.records_digest((row.entity, row.id, int(row.version)) for row in rows)
    return p.VerifyResponse(count=count, hash=sorted_hash, cursor=int(last or 0))
