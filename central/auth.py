"""Device authentication (``Authorization: Bearer <token>``) and the per-device rate limit.

Tokens are 256 random bits shown once at enrollment; only their SHA-256 is stored, so a copy of
the database does not let anyone act as a device. Revoked devices get 401 ``device_revoked``.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from central import db
from central.errors import ApiError
from sync.protocol import ErrorCode


@dataclass(frozen=True)
class Device:
    id: str
    office_code: str
    receipt_prefix: str


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# Documents the scheme in the OpenAPI document; the checks are ours (a missing or malformed header
# is the same 401 in the error format as an unknown token).
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="DeviceToken",
    description="The device token from POST /v1/devices/enroll.",
)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,200}")


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, ErrorCode.UNAUTHORIZED, message, headers={"WWW-Authenticate": "Bearer"})


def _bearer(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None:
        raise _unauthorized("a device token is required (Authorization: Bearer …)")
    token = credentials.credentials.strip()
    if not _TOKEN.fullmatch(token):
        raise _unauthorized("unknown device token")  # not one we could have issued
    return token


def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Device:
    """FastAPI dependency: the device behind the bearer token (and one tick of its rate limit)."""
    state = request.app.state.central
    token = _bearer(credentials)
    with state.engine.connect() as conn:
        row = conn.execute(
            select(
                db.devices.c.id,
                db.devices.c.office_code,
                db.devices.c.receipt_prefix,
                db.devices.c.revoked_at,
            ).where(db.devices.c.token_hash == token_hash(token))
        ).first()
    if row is None:
        raise _unauthorized("unknown device token")
    if row.revoked_at is not None:
        raise ApiError(401, ErrorCode.DEVICE_REVOKED, "this device has been revoked; enroll it again")
    device = Device(row.id, row.office_code, row.receipt_prefix)
    check_rate(state, device.id)
    return device


def _count_statement(postgres: bool) -> Any:
    table = db.rate_limits
    insert = (postgresql.insert if postgres else sqlite.insert)(table)
    return (
        insert.values(device_id=bindparam("rate_device"), window=bindparam("rate_window"), count=1)
        .on_conflict_do_update(
            index_elements=[table.c.device_id, table.c.window], set_={"count": table.c.count + 1}
        )
        .returning(table.c.count)
    )


# Built once, the values bound at each call: a statement built per request (``count + 1`` with a
# Python int) left a reference cycle of 5 objects (~660 bytes) for the cyclic collector each time.
_COUNT = {postgres: _count_statement(postgres) for postgres in (False, True)}
_FORGET = db.rate_limits.delete().where(
    db.rate_limits.c.device_id == bindparam("rate_device"), db.rate_limits.c.window < bindparam("rate_window")
)


def check_rate(state, device_id: str) -> None:  # type: ignore[no-untyped-def]
    """A fixed one-minute window per device, counted in the database (shared by every server process).

    The minute is read from ``state.clock`` (the wall clock unless ``create_app`` was given another)."""
    limit = state.settings.rate_limit_per_minute
    if limit <= 0:
        return
    seconds = int(state.clock().timestamp())
    window = seconds // 60
    engine = state.engine
    postgres = db.is_postgres(engine)
    params = {"rate_device": device_id, "rate_window": window}
    with engine.begin() as conn:
        if postgres:
            # A count lost in a crash is harmless (a minute's window at most): the request does not
            # wait for this commit to reach the disk, as it waits for its own data's.
            conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        count = conn.execute(_COUNT[postgres], params).scalar_one()
        if count == 1:  # first request of a new window: forget old windows of this device
            conn.execute(_FORGET, params)
    if count > limit:
        retry = 60 - seconds % 60
        raise ApiError(
            429,
            ErrorCode.RATE_LIMITED,
            f"more than {limit} requests a minute; retry in {retry} s",
            headers={"Retry-After": str(retry)},
        )


CurrentDevice = Annotated[Device, Depends(authenticate)]
