"""Operator actions (the ``counter-central`` command line and the enrollment endpoint)."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from central import db, records
from central.api.hello import server_epoch
from central.auth import new_token, token_hash
from central.clock import now, now_iso
from central.errors import ApiError
from counter_app.catalogue import catalogue_to_dict, check_successor, parse_catalogue
from counter_app.errors import InvalidTransition, ValidationError
from counter_app.receipts import ALPHABET, LOCAL_MARK, PREFIX_LENGTH
from counter_app.workflow import Action, Status, next_status
from sync import protocol as p

_OFFICE_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class OperatorError(Exception):
    """A refused operator action; the message says why."""


def add_office(engine: Engine, code: str, name: str) -> str:
    if not _OFFICE_CODE.match(code or ""):
        raise OperatorError("office code: 1-32 letters, digits, '-' or '_'")
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise OperatorError("office name: 1-200 characters")
    try:
        with engine.begin() as conn:
            conn.execute(db.offices.insert().values(code=code, name=name, created_at=now_iso()))
            conn.execute(db.office_counters.insert().values(office_code=code, last_cursor=0))
    except IntegrityError as exc:
        raise OperatorError(f"office {code} already exists") from exc
    return code


def _require_office(conn, code: str) -> Any:  # type: ignore[no-untyped-def]
    row = conn.execute(select(db.offices).where(db.offices.c.code == code)).first()
    if row is None:
        raise OperatorError(f"no office {code}")
    return row


def _hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


def new_enroll_code(engine: Engine, office_code: str, ttl_hours: int = 72) -> str:
    """A one-time code (shown to the installer once; stored hashed) that expires."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    created = now()
    with engine.begin() as conn:
        _require_office(conn, office_code)
        conn.execute(
            db.enroll_codes.insert().values(
                code_hash=_hash_code(code),
                office_code=office_code,
                created_at=created.isoformat(),
                expires_at=(created + timedelta(hours=ttl_hours)).isoformat(),
            )
        )
    return code


def _new_prefix() -> str:
    first = secrets.choice([c for c in ALPHABET if c != LOCAL_MARK])
    return first + "".join(secrets.choice(ALPHABET) for _ in range(PREFIX_LENGTH - 1))


def enroll_device(engine: Engine, code: str, device_name: str | None) -> p.EnrollResponse:
    token = new_token()
    device_id = str(uuid.uuid4())
    for _attempt in range(20):  # a prefix collision is possible but rare: draw again
        prefix = _new_prefix()
        try:
            with engine.begin() as conn:
                row = conn.execute(
                    select(db.enroll_codes).where(db.enroll_codes.c.code_hash == _hash_code(code))
                ).first()
                if row is None:
                    raise ApiError(400, p.ErrorCode.ENROLL_CODE_INVALID, "unknown enrollment code", "code")
                if row.used_at is not None:
                    raise ApiError(
                        400, p.ErrorCode.ENROLL_CODE_USED, "this enrollment code was used already", "code"
                    )
                if datetime.fromisoformat(row.expires_at) < now():
                    raise ApiError(
                        400, p.ErrorCode.ENROLL_CODE_EXPIRED, "this enrollment code has expired", "code"
                    )
                claimed = conn.execute(
                    db.enroll_codes.update()
                    .where(db.enroll_codes.c.code_hash == row.code_hash, db.enroll_codes.c.used_at.is_(None))
                    .values(used_at=now_iso(), device_id=device_id)
                ).rowcount
                if claimed != 1:
                    raise ApiError(
                        400, p.ErrorCode.ENROLL_CODE_USED, "this enrollment code was used already", "code"
                    )
                conn.execute(
                    db.devices.insert().values(
                        id=device_id,
                        office_code=row.office_code,
                        name=device_name,
                        token_hash=token_hash(token),
                        receipt_prefix=prefix,
                        enrolled_at=now_iso(),
                    )
                )
                office = _require_office(conn, row.office_code)
                epoch = server_epoch(conn)
            return p.EnrollResponse(
                device_id=device_id,
                token=token,
                office_code=office.code,
                office_name=office.name,
                receipt_prefix=prefix,
                server_epoch=epoch,
            )
        except IntegrityError:
            continue
    raise OperatorError("could not allocate a receipt prefix")  # pragma: no cover - 31^6 prefixes


def list_devices(engine: Engine, office_code: str | None = None) -> list[dict[str, Any]]:
    statement = select(
        db.devices.c.id,
        db.devices.c.office_code,
        db.devices.c.name,
        db.devices.c.receipt_prefix,
        db.devices.c.enrolled_at,
        db.devices.c.revoked_at,
        db.devices.c.last_seen_at,
    )
    if office_code:
        statement = statement.where(db.devices.c.office_code == office_code)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(statement.order_by(db.devices.c.enrolled_at))]


def revoke_device(engine: Engine, device_id: str) -> None:
    with engine.begin() as conn:
        changed = conn.execute(
            db.devices.update()
            .where(db.devices.c.id == device_id, db.devices.c.revoked_at.is_(None))
            .values(revoked_at=now_iso())
        ).rowcount
    if changed != 1:
        raise OperatorError(f"no active device {device_id}")


def publish_catalogue(engine: Engine, document: dict[str, Any]) -> str:
    """Validate and activate a catalogue version; items still used by applications may only be retired."""
    try:
        catalogue = parse_catalogue(document)
    except ValidationError as exc:
        raise OperatorError(f"catalogue: {exc}") from exc
    with engine.begin() as conn:
        active = conn.execute(
            select(db.catalogues.c.document).where(db.catalogues.c.active.is_(True))
        ).scalar()
        if active is not None:
            in_use = {
                json.loads(data).get("item_code")
                for (data,) in conn.execute(
                    select(db.records.c.data).where(db.records.c.entity == "application")
                )
            }
            try:
                check_successor(parse_catalogue(json.loads(active)), catalogue, {c for c in in_use if c})
            except ValidationError as exc:
                raise OperatorError(f"catalogue: {exc}") from exc
        conn.execute(db.catalogues.update().values(active=False))
        existing = conn.execute(
            select(db.catalogues.c.version).where(db.catalogues.c.version == catalogue.version)
        ).scalar()
        values = {
            "etag": catalogue.etag,
            "document": records.dumps(catalogue_to_dict(catalogue)),
            "published_at": now_iso(),
            "active": True,
        }
        if existing:
            conn.execute(
                db.catalogues.update().where(db.catalogues.c.version == catalogue.version).values(**values)
            )
        else:
            conn.execute(db.catalogues.insert().values(version=catalogue.version, **values))
    return catalogue.version


def decide(engine: Engine, receipt_no: str, approve: bool, reason: str = "") -> dict[str, Any]:
    """A back-office decision: the application is completed (granted or denied); counters pull it."""
    reason = (reason or "").strip()
    if not approve and not reason:
        raise OperatorError("a denial needs --reason")
    with engine.begin() as conn:
        found = records.find_by_receipt(conn, receipt_no)
        if found is None or found.entity != "application":
            raise OperatorError(f"no application with receipt number {receipt_no}")
        records.lock_office(conn, found.office_code)
        record = records.load(conn, found.id)  # re-read under the office lock
        assert record is not None
        try:
            status = next_status(Action.COMPLETE, Status(record.data.get("status", "")))
        except (InvalidTransition, ValueError) as exc:
            raise OperatorError(
                f"{receipt_no} is {record.data.get('status')}: it cannot be decided now"
            ) from exc
        stamp = now_iso()
        changes = {
            "status": status.value,
            "result": "granted" if approve else "denied",
            "result_reason": reason or None,
            "completed_at": stamp,
            "updated_at": stamp,
        }
        record.version += 1
        record.data.update(changes)
        # [version, writer] like push.py; the back office is no device, so every device conflicts with it
        record.field_versions.update({k: [record.version, None] for k in changes})
        record.cursor = records.next_cursor(conn, record.office_code)
        record.updated_at = stamp
        records.save(conn, record, origin_device=None, is_new=False)
    return {"id": record.id, "receipt_no": receipt_no, "status": status.value, "version": record.version}


def export_office(engine: Engine, office_code: str) -> dict[str, Any]:
    with engine.connect() as conn:
        _require_office(conn, office_code)
        rows = conn.execute(
            select(db.records.c.id, db.records.c.version, db.records.c.data)
            .where(db.records.c.office_code == office_code, db.records.c.entity == "application")
            .order_by(db.records.c.receipt_no)
        ).all()
    applications = []
    for row in rows:
        data = json.loads(row.data)
        applications.append(
            {
                "id": row.id,
                "receipt_no": data.get("receipt_no"),
                "status": data.get("status"),
                "version": int(row.version),
                "item_code": data.get("item_code"),
                "applicant_id": data.get("applicant_id"),
                "result": data.get("result"),
                "created_at": data.get("created_at"),
            }
        )
    return {"office": office_code, "applications": applications}


def prune_uploads(engine: Engine, older_than: timedelta = timedelta(hours=48)) -> int:
    """Delete uploads a device started but never finished, begun more than ``older_than`` ago, with
    the chunks they hold. A counter that comes back later finds its upload gone (404) and starts a
    new one, so nothing is lost; finished uploads are never touched. Returns how many were removed.
    (``created_at`` is always ``now_iso()``: UTC, one format, so the strings compare as times.)"""
    cutoff = (now() - older_than).isoformat(timespec="milliseconds")
    uploads = db.uploads
    stale = select(uploads.c.id).where(uploads.c.completed_at.is_(None), uploads.c.created_at < cutoff)
    with engine.begin() as conn:
        conn.execute(db.upload_chunks.delete().where(db.upload_chunks.c.upload_id.in_(stale)))
        return conn.execute(uploads.delete().where(uploads.c.id.in_(stale))).rowcount
