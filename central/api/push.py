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
        results = service.push(conn, device, list(body.ops))
    reply = p.PushResponse(batch_id=body.batch_id, results=results, server_time=now())
    # Built from validated models already: serialise once, without FastAPI validating it again.
    return Response(reply.model_dump_json(exclude_none=True), media_type="application/json")
