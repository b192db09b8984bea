"""Applying a pushed batch: idempotent, conflict-aware, one transaction per batch.

Per op, in order:
  - an op id seen before returns its stored result (``duplicate``), or ``idempotency_mismatch`` if
    the payload differs;
  - an op on a record that already has a conflict (or missing attachments) earlier in this batch
    waits (``deferred``): nothing after a conflict is applied to that record;
  - otherwise the op is validated (``rejected`` names the field), its attachments must be held
    (``missing_attachments``), and a stale ``base_version`` is compared field by field: fields
    changed since ``base_version`` by another writer (another device, or the back office) that the
    op changes too are a hard ``conflict`` carrying the server's record; disjoint fields merge.
A device's own later ops never conflict with its own earlier ones: it made them in that order.
The results ``applied``, ``conflict`` and ``rejected`` are stored with the op id in the same
transaction as the change, so a retried batch (after a timeout or a 5xx) is never applied twice.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from central import db, records
from central.auth import Device
from central.clock import now_iso
from central.validation import Rejected, check_data
from counter_app.errors import InvalidTransition
from counter_app.receipts import LOCAL_MARK
from counter_app.workflow import Action, Status, next_status
from sync import protocol as p

# Fields every op carries that never make two writers' changes overlap.
NO_CONFLICT = frozenset({"updated_at", "action"})
# Not stored in the record: the name of the lifecycle step that produced the change.
TRANSIENT = frozenset({"action", "suspension_reason"})
STORED_STATUSES = ("applied", "conflict", "rejected")
# Reference fields and the entity they must point to.
LINKS = {"applicant_id": "applicant", "application_id": "application", "rating_id": "rating"}


def payload_hash(op: p.Op) -> str:
    body = json.dumps(op.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def push(conn: Connection, device: Device, ops: list[p.Op]) -> list[p.OpResult]:
    records.lock_office(conn, device.office_code)
    waiting: set[str] = set()
    results = []
    for op in ops:
        digest = payload_hash(op)
        stored = conn.execute(
            select(db.applied_ops.c.payload_hash, db.applied_ops.c.result).where(
                db.applied_ops.c.op_id == op.op_id
            )
        ).first()
        if stored is not None:
            if stored.payload_hash != digest:
                results.append(
                    p.OpResult(
                        op_id=op.op_id,
                        status="idempotency_mismatch",
                        message="this op id was used before with another payload",
                    )
                )
            else:
                previous = p.OpResult.model_validate_json(stored.result)
                if previous.status == "conflict":
                    waiting.add(op.entity_id)
                results.append(p.OpResult(op_id=op.op_id, status="duplicate", stored=previous))
            continue
        if op.entity_id in waiting:
            results.append(
                p.OpResult(
                    op_id=op.op_id, status="deferred", message="an earlier op on this record did not apply"
                )
            )
            continue
        result = _apply(conn, device, op)
        if result.status in ("conflict", "missing_attachments"):
            waiting.add(op.entity_id)
        if result.status in STORED_STATUSES:
            conn.execute(
                db.applied_ops.insert().values(
                    op_id=op.op_id,
                    device_id=device.id,
                    payload_hash=digest,
                    result=result.model_dump_json(exclude_none=True),
                    applied_at=now_iso(),
                )
            )
        results.append(result)
    return results


def _rejected(op: p.Op, code: str, field: str | None, message: str) -> p.OpResult:
    return p.OpResult(op_id=op.op_id, status="rejected", code=code, field=field, message=message)


def _apply(conn: Connection, device: Device, op: p.Op) -> p.OpResult:
    record = records.load(conn, op.entity_id)
    if record is not None and record.office_code != device.office_code and op.op == "update":
        record = None  # another office's record is answered exactly like a record that does not exist
    if record is not None and (record.office_code != device.office_code or record.entity != op.entity):
        # Never tell a device anything about another office's records.
        return _rejected(op, p.ErrorCode.ALREADY_EXISTS.value, "entity_id", "this id is taken")
    try:
        check_data(op.entity, op.data, creating=op.op == "create")
        if op.op == "create":
            if record is not None:
                raise Rejected("entity_id", "the record exists already", p.ErrorCode.ALREADY_EXISTS)
            _check_create_links(conn, device, op)
        else:
            if record is None:
                raise Rejected("entity_id", "no such record", p.ErrorCode.UNKNOWN_RECORD)
            if op.base_version > record.version:
                raise Rejected("base_version", f"newer than the server's version {record.version}")
    except Rejected as refusal:
        return _rejected(op, refusal.code, refusal.field, refusal.message)

    if record is not None:
        # A stale op that changes what another writer changed since its base is a conflict, even if
        # its lifecycle step no longer fits the server's status: the clerk must see the server's record.
        overlap = _overlap(device, op, record)
        if overlap:
            return p.OpResult(
                op_id=op.op_id,
                status="conflict",
                fields=overlap,
                server_record=p.ServerRecord(
                    entity=record.entity, id=record.id, version=record.version, data=record.data
                ),
            )
        try:
            _check_transition(record, op.data)
        except Rejected as refusal:
            return _rejected(op, refusal.code, refusal.field, refusal.message)

    missing = _missing_blobs(conn, op)
    if missing:
        return p.OpResult(op_id=op.op_id, status="missing_attachments", missing=missing)

    stamp = now_iso()
    changes = {k: v for k, v in op.data.items() if k not in TRANSIENT}
    if record is None:
        version = 1
        record = records.Record(
            entity=op.entity,
            id=op.entity_id,
            office_code=device.office_code,
            version=version,
            data=changes,
            field_versions={k: [version, device.id] for k in changes},
            cursor=records.next_cursor(conn, device.office_code),
            receipt_no=changes.get("receipt_no") if op.entity == "application" else None,
            created_at=stamp,
            updated_at=stamp,
        )
        prefix = (record.receipt_no or "")[:6]
        if record.receipt_no and prefix != device.receipt_prefix and not prefix.startswith(LOCAL_MARK):
            # Numbers made before enrollment carry a local "L" prefix; after it, the device's own.
            return _rejected(
                op, p.ErrorCode.INVALID_FIELD.value, "receipt_no", "not this device's receipt prefix"
            )
        if record.receipt_no and records.find_by_receipt(conn, record.receipt_no) is not None:
            return _rejected(
                op, p.ErrorCode.ALREADY_EXISTS.value, "receipt_no", "receipt number already used"
            )
        records.save(conn, record, origin_device=device.id, is_new=True)
        return p.OpResult(op_id=op.op_id, status="applied", new_version=version)

    merged = op.base_version < record.version
    if "materials" in changes and isinstance(record.data.get("materials"), dict):
        changes["materials"] = {**record.data["materials"], **changes["materials"]}
    record.version += 1
    record.data.update(changes)
    record.field_versions.update({k: [record.version, device.id] for k in changes})
    record.cursor = records.next_cursor(conn, device.office_code)
    record.updated_at = stamp
    records.save(conn, record, origin_device=device.id, is_new=False)
    return p.OpResult(op_id=op.op_id, status="applied", new_version=record.version, merged=merged or None)


def _overlap(device: Device, op: p.Op, record: records.Record) -> list[str]:
    """Fields this op changes that another writer changed after the op's base version."""
    if op.base_version >= record.version:
        return []
    return sorted(
        name
        for name in op.data.keys() - NO_CONFLICT - TRANSIENT
        if name in record.field_versions
        and record.field_versions[name][0] > op.base_version
        and record.field_versions[name][1] != device.id
    )


def _check_create_links(conn: Connection, device: Device, op: p.Op) -> None:
    """References to other records must point into the device's own office."""
    for name, entity in LINKS.items():
        target_id = op.data.get(name)
        if target_id is None:
            continue
        target = records.load(conn, target_id)
        if target is None or target.office_code != device.office_code or target.entity != entity:
            raise Rejected(name, f"no such {entity} in this office", p.ErrorCode.UNKNOWN_RECORD)
    if op.entity == "application":
        version = op.data["catalogue_version"]
        document = conn.execute(
            select(db.catalogues.c.document).where(db.catalogues.c.version == version)
        ).scalar()
        if document is not None and op.data["item_code"] not in _item_codes(document):
            raise Rejected("item_code", f"not in catalogue {version}", p.ErrorCode.UNKNOWN_ITEM)


def _item_codes(document: str) -> set[str]:
    return {item["code"] for item in json.loads(document).get("items", [])}


def _check_transition(record: records.Record, data: dict[str, Any]) -> None:
    if record.entity != "application" or "status" not in data:
        return
    current = record.data.get("status")
    action = data.get("action")
    try:
        expected = next_status(
            Action(action),
            Status(current),
            resume_to=Status(record.data["resume_status"]) if record.data.get("resume_status") else None,
        )
    except (ValueError, InvalidTransition) as exc:
        raise Rejected(
            "status", f"cannot {action} an application that is {current}", p.ErrorCode.INVALID_TRANSITION
        ) from exc
    # SUPPLEMENT keeps the status, or ends 容缺 (accepted_pending -> accepted).
    allowed = {expected.value}
    if action == Action.SUPPLEMENT.value and current == Status.ACCEPTED_PENDING.value:
        allowed.add(Status.ACCEPTED.value)
    if data["status"] not in allowed:
        raise Rejected(
            "status",
            f"{action} leads to {expected.value}, not {data['status']}",
            p.ErrorCode.INVALID_TRANSITION,
        )


def _missing_blobs(conn: Connection, op: p.Op) -> list[str]:
    wanted = {ref.sha256 for ref in op.attachments}
    if not wanted:
        return []
    held = set(conn.execute(select(db.blobs.c.sha256).where(db.blobs.c.sha256.in_(wanted))).scalars())
    return sorted(wanted - held)
