"""``POST /v1/audit/heads``: a device reports the head of its audit hash chain. The server keeps
every head; a head whose sequence number goes backwards means events were removed from the end of
the device's chain, and is refused (409 ``audit_regressed``) so the operator sees it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import func, select

from central import db
from central.auth import CurrentDevice
from central.clock import now_iso
from central.errors import ApiError
from sync import protocol as p

router = APIRouter()


@router.post(
    "/v1/audit/heads",
    response_model=p.AuditHeadAck,
    tags=["audit"],
    responses={
        401: {"model": p.ErrorResponse},
        409: {"model": p.ErrorResponse},
        422: {"model": p.ErrorResponse},
    },
)
def report_head(body: p.AuditHead, request: Request, device: CurrentDevice) -> p.AuditHeadAck:
    heads = db.audit_heads
    with request.app.state.central.engine.begin() as conn:
        highest = conn.execute(select(func.max(heads.c.seq)).where(heads.c.device_id == device.id)).scalar()
        if highest is not None and body.seq < highest:
            raise ApiError(
                409,
                p.ErrorCode.AUDIT_REGRESSED,
                f"the audit chain ended at {highest} before; events were removed",
                "seq",
            )
        if highest is not None and body.seq == highest:
            same = conn.execute(
                select(heads.c.hash).where(heads.c.device_id == device.id, heads.c.seq == body.seq)
            ).scalar()
            if same != body.hash:
                raise ApiError(409, p.ErrorCode.AUDIT_REGRESSED, "the audit chain was rewritten", "hash")
            return p.AuditHeadAck(accepted=True, highest_seq=highest)
        conn.execute(
            heads.insert().values(
                device_id=device.id,
                seq=body.seq,
                hash=body.hash,
                device_ts=body.device_ts,
                received_at=now_iso(),
            )
        )
    return p.AuditHeadAck(accepted=True, highest_seq=body.seq)
