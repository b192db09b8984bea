"""``POST /v1/devices/enroll``: a one-time code from the office makes this device one of its counters."""

from __future__ import annotations

from fastapi import APIRouter, Request

from central import admin
from sync import protocol as p

router = APIRouter()


@router.post(
    "/v1/devices/enroll",
    response_model=p.EnrollResponse,
    tags=["devices"],
    responses={400: {"model": p.ErrorResponse}, 422: {"model": p.ErrorResponse}},
)
def enroll(body: p.EnrollRequest, request: Request) -> p.EnrollResponse:
    return admin.enroll_device(request.app.state.central.engine, body.code, body.device_name)
