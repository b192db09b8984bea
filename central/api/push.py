"""``POST /v1/sync/push``: a batch of outbox ops; one result per op, in order."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from central import push as service
from central.auth import CurrentDevice
from central.clock import now
from central.errors import ApiError
from sync import protocol as p

router = APIRouter()


@router.post(
    "/v1/sync/push",
    response_model=p.PushResponse,
    response_model_exclude_none=True,
    tags=["sync"],
    responses={
        401: {"model": p.ErrorResponse},
        403: {"model": p.ErrorResponse},
        413: {"model": p.ErrorResponse},
        422: {"model": p.ErrorResponse},
    },
)
def push(body: p.PushRequest, request: Request, device: CurrentDevice) -> Response:
    if len(body.ops) > p.MAX_BATCH_OPS:
        raise ApiError(413, p.ErrorCode.PAYLOAD_TOO_LARGE, f"at most {p.MAX_BATCH_OPS} ops per batch", "ops")
    if body.device_id != device.id:
        raise ApiError(403, p.ErrorCode.FORBIDDEN, "device_id is not the device of this token", "device_id")
    with request.app.state.central.engine.begin() as conn:
        pushed = service.push(conn, device, list(body.ops))
    # The results are JSON already (each as pydantic writes an OpResult): the reply is the envelope
    # as pydantic writes it, with them in place of its empty list (the ids are UUIDs, so the marker
    # appears once), never validated or serialised again.
    envelope = p.PushResponse(
        batch_id=body.batch_id,
        results=[],
        server_time=now(),
        cursor_before=pushed.cursor_before,
        cursor_after=pushed.cursor_after,
    )
    reply = envelope.model_dump_json(exclude_none=True).replace(
        _EMPTY_RESULTS, '"results":[' + ",".join(pushed.results) + "]", 1
    )
    return Response(reply, media_type="application/json")


_EMPTY_RESULTS = '"results":[]'
