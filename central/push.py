"""Applying a pushed batch: idempotent, conflict-aware, one transaction per batch.

Per op, in order:
  - an op id seen before returns its stored result (``duplicate``), or ``idempotency_mismatch`` if
    the payload differs;
  - an op on a record that already has a conflict (or missing attachments) earlier in this batch
    waits (``deferred``): nothing after a conflict is applied to that record;
  - otherwise the op is validated (``rejected`` names the field), its attachments must be held
    (``missing_attachments``), and a stale ``base_version`` is compared field by field: fields
    changed since ``base_version`` by another writer (another device, or the back office) that the
    op changes too are a hard ``conflict`` carrying the server's record; disjoint fields merge;
  - a change of state must be a step the record's rules allow from its state here
    (``_check_transition``: an application's lifecycle, a rectification task's open → closed).
A rejection of an op on a record of the device's office carries the server's record as well (as a
conflict does): the counter changed its copy when it queued the op, and puts the platform's back.
A device's own later ops never conflict with its own earlier ones: it made them in that order.
The results ``applied``, ``conflict`` and ``rejected`` are stored with the op id in the same
transaction as the change, so a retried batch (after a timeout or a 5xx) is never applied twice.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from central import db, records
from central.auth import Device
from central.clock import now_iso
from central.validation import Rejected, check_data
from counter_app import entity_fields
from counter_app.errors import InvalidTransition
from counter_app.receipts import LOCAL_MARK
from counter_app.workflow import Action, Status, next_status
from sync import protocol as p

# Not stored in the record: what a change did (the lifecycle step, a suspension's reason).
TRANSIENT = entity_fields.transient_names()
# Fields every op carries that never make two writers' changes overlap.
NO_CONFLICT = frozenset({"updated_at"}) | TRANSIENT
STORED_STATUSES = ("applied", "conflict", "rejected")
RECTIFICATION_OPEN, RECTIFICATION_CLOSED = "open", "closed"
# Reference fields and the entity they must point to, per entity.
LINKS = {entity: entity_fields.links(entity) for entity in entity_fields.ENTITIES}
# Item codes of a catalogue document, by its ETag (the sha256 of its content, so never stale): only
# a cache of what the database holds, to spare parsing the whole document for every batch.
_CODES_BY_ETAG: dict[str, frozenset[str]] = {}
_CODES_CACHE_SIZE = 16
_CODES_LOCK = threading.Lock()  # requests are served on several threads


def payload_hash(op: p.Op) -> str:
    """A replayed op is byte-for-byte the op first sent (the client stores it), so hashing the model's
    own serialisation (field order fixed by the model, ``data`` in the client's order) is stable."""
    return hashlib.sha256(op.model_dump_json().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Applied:
    """The result of an applied op, the common case, kept out of pydantic: ``json()`` is
    ``p.OpResult(op_id=…, status="applied", new_version=…, merged=…).model_dump_json(exclude_none=True)``
    byte for byte (tested), without building the model (its id is a UUID: nothing to escape)."""

    op_id: str
    new_version: int
    merged: bool | None = None
    status: str = "applied"

    def json(self) -> str:
        merged = ',"merged":true' if self.merged else ""
        return f'{{"op_id":"{self.op_id}","status":"applied","new_version":{self.new_version}{merged}}}'


def result_json(result: p.OpResult | Applied) -> str:
    """A result as the reply carries it and as it is stored for replay (``exclude_none``)."""
    return result.json() if isinstance(result, Applied) else result.model_dump_json(exclude_none=True)


@dataclass(frozen=True)
class Pushed:
    """What a batch did: each op's result as JSON (an ``OpResult`` without its empty fields), in
    order, and the office's last change cursor before and after its writes (every cursor in between
    is a record of this batch: the office's lock was held from the first to the last)."""

    results: list[str]
    cursor_before: int
    cursor_after: int


def push(conn: Connection, device: Device, ops: list[p.Op]) -> Pushed:
    """Apply a batch; the caller holds the transaction. Reads what the batch touches in a few
    queries, applies the ops in memory, and writes every changed record once at the end."""
    before = records.lock_office(conn, device.office_code)
    batch = _Batch(conn, device, ops)
    waiting: set[str] = set()
    results: list[str] = []
    for op in ops:
        digest = payload_hash(op)
        stored = batch.stored.get(op.op_id)
        if stored is not None:
            if stored[0] != digest:
                mismatch = p.OpResult(
                    op_id=op.op_id,
                    status="idempotency_mismatch",
                    message="this op id was used before with another payload",
                    server_record=_own_record(batch, op),
                )
                results.append(result_json(mismatch))
            else:
                previous = p.OpResult.model_validate_json(stored[1])
                if previous.status == "conflict":
                    waiting.add(op.entity_id)
                results.append(result_json(p.OpResult(op_id=op.op_id, status="duplicate", stored=previous)))
            continue
        if op.entity_id in waiting:
            deferred = p.OpResult(
                op_id=op.op_id, status="deferred", message="an earlier op on this record did not apply"
            )
            results.append(result_json(deferred))
            continue
        result = _apply(batch, op)
        if result.status in ("conflict", "missing_attachments"):
            waiting.add(op.entity_id)
        answer = result_json(result)
        if result.status in STORED_STATUSES:
            batch.stored[op.op_id] = (digest, answer)
            batch.applied.append((op.op_id, device.id, digest, answer, batch.stamp))
        results.append(answer)
    after = batch.write()
    return Pushed(results, before, before if after is None else after)


class _Batch:
    """What one batch reads and changes, loaded up front and written once."""

    def __init__(self, conn: Connection, device: Device, ops: list[p.Op]) -> None:
        self.conn = conn
        self.device = device
        self.stamp = now_iso()
        # An op id first used by a device of another office is answered like a changed payload: its
        # stored result (which may hold that office's record) is never shown here.
        found = records.keyed(
            conn, "applied_ops", "op_id", "op_id, payload_hash, result, device_id", [op.op_id for op in ops]
        )
        own_devices = {
            row[0]
            for row in records.keyed(conn, "devices", "id", "id, office_code", {row[3] for row in found})
            if row[1] == device.office_code
        }
        self.stored: dict[str, tuple[str, str]] = {
            op_id: (payload_hash if device_id in own_devices else "", result)
            for op_id, payload_hash, result, device_id in found
        }
        wanted = {op.entity_id for op in ops}
        wanted |= {
            op.data[name] for op in ops for name in LINKS[op.entity] if isinstance(op.data.get(name), str)
        }
        self.records: dict[str, records.Record | None] = dict.fromkeys(wanted)
        for record in records.load_many(conn, list(wanted)):
            self.records[record.id] = record
        receipts = {
            op.data["receipt_no"]
            for op in ops
            if op.entity == "application" and isinstance(op.data.get("receipt_no"), str)
        }
        self.receipts_taken = {
            row[0] for row in records.keyed(conn, "records", "receipt_no", "receipt_no", receipts)
        }
        keys = {key for op in ops if op.op == "create" and (key := records.unique_key(op.entity, op.data))}
        self.keys_taken = {row[0] for row in records.keyed(conn, "records", "unique_key", "unique_key", keys)}
        # Receipt numbers carry the prefix of the device that made them: this device's, one it had
        # before it was enrolled again, or the local "L" prefix of a device not yet enrolled.
        self.prefixes = set(
            conn.execute(
                select(db.devices.c.receipt_prefix).where(db.devices.c.office_code == device.office_code)
            ).scalars()
        )
        shas = {ref.sha256 for op in ops for ref in op.attachments}
        self.blobs = {row[0] for row in records.keyed(conn, "blobs", "sha256", "sha256", shas)}
        self._item_codes: dict[str, frozenset[str] | None] = {}
        self.new: dict[str, records.Record] = {}
        self.changed: dict[str, records.Record] = {}
        self.applied: list[tuple[str, str, str, str, str]] = []  # applied_ops rows

    def record(self, record_id: str) -> records.Record | None:
        return self.records.get(record_id)

    def item_codes(self, version: str) -> frozenset[str] | None:
        if version not in self._item_codes:
            # The ETag is the sha256 of the catalogue's content: the codes parsed from one document
            # are kept by it (a version published again with other content has another ETag).
            etag = self.conn.execute(
                select(db.catalogues.c.etag).where(db.catalogues.c.version == version)
            ).scalar()
            with _CODES_LOCK:
                codes = None if etag is None else _CODES_BY_ETAG.get(etag)
            if etag is not None and codes is None:
                document = self.conn.execute(
                    select(db.catalogues.c.document).where(db.catalogues.c.version == version)
                ).scalar()
                if document is not None:
                    codes = frozenset(_item_codes(document))
                    with _CODES_LOCK:
                        if len(_CODES_BY_ETAG) >= _CODES_CACHE_SIZE:
                            _CODES_BY_ETAG.pop(next(iter(_CODES_BY_ETAG)))
                        _CODES_BY_ETAG[etag] = codes
            self._item_codes[version] = codes
        return self._item_codes[version]

    def created(self, record: records.Record) -> None:
        self.records[record.id] = record
        self.new[record.id] = record
        if record.receipt_no:
            self.receipts_taken.add(record.receipt_no)
        key = records.unique_key(record.entity, record.data)
        if key is not None:
            self.keys_taken.add(key)

    def touched(self, record: records.Record) -> None:
        if record.id not in self.new:
            self.changed.pop(record.id, None)
            self.changed[record.id] = record  # keep the order of last change: cursors follow it

    def write(self) -> int | None:
        """Write what the batch changed; returns the office's last cursor after it (None: no record
        changed)."""
        touched = list(self.new.values()) + list(self.changed.values())
        last = None
        if touched:
            last = records.reserve_cursors(self.conn, self.device.office_code, len(touched))
            for offset, record in enumerate(touched, start=last - len(touched) + 1):
                record.cursor = offset
            records.save_many(
                self.conn, list(self.new.values()), list(self.changed.values()), origin_device=self.device.id
            )
        records.insert_rows(
            self.conn,
            "applied_ops",
            ("op_id", "device_id", "payload_hash", "result", "applied_at"),
            self.applied,
        )
        return last


def _rejected(
    op: p.Op, code: str, field: str | None, message: str, record: records.Record | None = None
) -> p.OpResult:
    """A refusal naming the field; with ``record`` (the device's office's record the op is about, as it
    is now) the server's copy goes with it, so the counter can put it back in place of its change."""
    return p.OpResult(
        op_id=op.op_id,
        status="rejected",
        code=code,
        field=field,
        message=message,
        server_record=None if record is None else _server_record(record),
    )


def _server_record(record: records.Record) -> p.ServerRecord:
    return p.ServerRecord(entity=record.entity, id=record.id, version=record.version, data=record.data)


def _own_record(batch: _Batch, op: p.Op) -> p.ServerRecord | None:
    """The server's copy of the op's record, if it is one of the device's office (never another's)."""
    record = batch.record(op.entity_id)
    if record is None or record.office_code != batch.device.office_code or record.entity != op.entity:
        return None
    return _server_record(record)


def _apply(batch: _Batch, op: p.Op) -> p.OpResult | Applied:
    device = batch.device
    record = batch.record(op.entity_id)
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
            _check_create_links(batch, op)
            _check_created_state(batch, op)
        else:
            if record is None:
                raise Rejected("entity_id", "no such record", p.ErrorCode.UNKNOWN_RECORD)
            if op.base_version > record.version:
                raise Rejected("base_version", f"newer than the server's version {record.version}")
    except Rejected as refusal:
        return _rejected(op, refusal.code, refusal.field, refusal.message, record)

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
            return _rejected(op, refusal.code, refusal.field, refusal.message, record)

    missing = sorted({ref.sha256 for ref in op.attachments} - batch.blobs)
    if missing:
        return p.OpResult(op_id=op.op_id, status="missing_attachments", missing=missing)

    changes = {k: v for k, v in op.data.items() if k not in TRANSIENT}
    if record is None:
        receipt_no = changes.get("receipt_no") if op.entity == "application" else None
        prefix = (receipt_no or "")[:6]
        if receipt_no and prefix not in batch.prefixes and not prefix.startswith(LOCAL_MARK):
            return _rejected(
                op, p.ErrorCode.INVALID_FIELD.value, "receipt_no", "not a receipt prefix of this office"
            )
        key = records.unique_key(op.entity, changes)
        if key is not None and key in batch.keys_taken:
            field = records.UNIQUE_PER[op.entity]
            return _rejected(op, p.ErrorCode.ALREADY_EXISTS.value, field, f"this {field} has its {op.entity}")
        if receipt_no and receipt_no in batch.receipts_taken:
            return _rejected(
                op, p.ErrorCode.ALREADY_EXISTS.value, "receipt_no", "receipt number already used"
            )
        batch.created(
            records.Record(
                entity=op.entity,
                id=op.entity_id,
                office_code=device.office_code,
                version=1,
                data=changes,
                field_versions={k: [1, device.id] for k in changes},
                cursor=0,  # assigned when the batch is written
                receipt_no=receipt_no,
                created_at=batch.stamp,
                updated_at=batch.stamp,
            )
        )
        return Applied(op.op_id, 1)

    merged = op.base_version < record.version
    if "materials" in changes and isinstance(record.data.get("materials"), dict):
        changes["materials"] = {**record.data["materials"], **changes["materials"]}
    record.version += 1
    record.data.update(changes)
    record.field_versions.update({k: [record.version, device.id] for k in changes})
    record.updated_at = batch.stamp
    batch.touched(record)
    return Applied(op.op_id, record.version, merged or None)


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


def _check_create_links(batch: _Batch, op: p.Op) -> None:
    """References to other records must point to the right kind of record in the device's office."""
    for name, entity in LINKS[op.entity].items():
        target_id = op.data.get(name)
        if target_id is None:
            continue
        target = batch.record(target_id)
        if target is None or target.office_code != batch.device.office_code or target.entity != entity:
            raise Rejected(name, f"no such {entity} in this office", p.ErrorCode.UNKNOWN_RECORD)
    if op.entity == "application":
        version = op.data["catalogue_version"]
        codes = batch.item_codes(version)
        if codes is not None and op.data["item_code"] not in codes:
            raise Rejected("item_code", f"not in catalogue {version}", p.ErrorCode.UNKNOWN_ITEM)


def _item_codes(document: str) -> set[str]:
    return {item["code"] for item in json.loads(document).get("items", [])}


def _check_created_state(batch: _Batch, op: p.Op) -> None:
    """A record is created in its first state: a rectification task open, for its rating's case."""
    if op.entity != "rectification":
        return
    if op.data.get("status") != RECTIFICATION_OPEN:
        raise Rejected(
            "status", f"a rectification task is created {RECTIFICATION_OPEN}", p.ErrorCode.INVALID_TRANSITION
        )
    _check_rectification_fields(op.data)
    rating = batch.record(op.data["rating_id"])  # checked by _check_create_links: this office's rating
    if rating is not None and rating.data.get("application_id") != op.data["application_id"]:
        raise Rejected("application_id", "not the application of the task's rating")


def _check_transition(record: records.Record, data: dict[str, Any]) -> None:
    """A change of a record's state must be a step its rules allow from the state it has here.

    The counter asks the same before it sends "keep mine" again after a conflict
    (``counter_app/services/conflicts.py`` ``step_refusal``); tests/sync/test_conflicts_steps.py
    fails when the two disagree."""
    if record.entity == "application":
        _check_application_step(record.data, data)
    elif record.entity == "rectification":
        _check_rectification_step(record.data, data)


def _check_application_step(current_data: dict[str, Any], data: dict[str, Any]) -> None:
    if "status" not in data:
        return
    current = current_data.get("status")
    action = data.get("action")
    resume_status = current_data.get("resume_status")
    try:
        expected = next_status(
            Action(action), Status(current), resume_to=Status(resume_status) if resume_status else None
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


def _check_rectification_step(current_data: dict[str, Any], data: dict[str, Any]) -> None:
    """A task goes from open to closed, once: never back, never closed again."""
    if "status" in data:
        step = (current_data.get("status"), data["status"])
        if step != (RECTIFICATION_OPEN, RECTIFICATION_CLOSED):
            raise Rejected(
                "status",
                f"a rectification task that is {step[0]} cannot become {step[1]}: only open to closed",
                p.ErrorCode.INVALID_TRANSITION,
            )
    _check_rectification_fields({**current_data, **data})


def _check_rectification_fields(task: dict[str, Any]) -> None:
    """A closed task says what was done and when; an open one neither."""
    closed = task.get("status") == RECTIFICATION_CLOSED
    for name in ("resolution", "closed_at"):
        value = task.get(name)
        blank = value is None or (isinstance(value, str) and not value.strip())
        if closed and blank:
            raise Rejected(name, "required to close a rectification task")
        if not closed and not blank:
            raise Rejected(name, "only a closed rectification task has one")
