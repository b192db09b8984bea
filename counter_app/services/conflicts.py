"""Sync conflicts and rejected operations: what the platform did not take, for a supervisor to decide.

A conflict is an op the platform refused because another writer changed the same fields. Both versions
wait (encrypted) in ``conflicts`` until someone keeps this counter's change (``mine``), takes the
platform's record (``server``), or edits the conflicting fields and keeps the result (``edit``). Every
resolution goes out as an op on top of the platform's version; the conflict row, with both versions,
stays in the table.

A rejected op was refused for good (a field the platform does not accept, a step its record no longer
allows). It stays in the outbox, listed with the platform's field and reason, until someone
acknowledges it; acknowledging marks it seen and changes nothing else.

Keeping this counter's change is refused (``StepNotAllowed``, naming the field) when a lifecycle step
among the record's waiting ops is not allowed from the platform's state any more (the back office
decided the case meanwhile): the platform would reject it for good, so the only choice is to take
its version. The rules are the platform's own (``step_refusal``, as central/push.py
``_check_transition``).

Permissions: reading a conflict shows citizens' personal data on both sides, so it takes
``RUN_SYNC`` and ``VIEW_PERSONAL_DATA`` (a supervisor; not a clerk, who does not run sync, nor an
administrator, who reads no citizen's data) and each reading is audited (``conflict.view``), like
``ApplicantService.reveal``. Keeping one side takes ``RUN_SYNC``; editing takes both, like reading.
Rejected ops are listed by name and reason only (no values), with ``RUN_SYNC``.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from counter_app import ids
from counter_app.accounts import Actor, Permission
from counter_app.entity_fields import FIELDS_BY_NAME, Field, Kind, stored_fields
from counter_app.errors import InvalidTransition, NotFound, ValidationError
from counter_app.records import ConflictField, RejectedOp, SyncConflict
from counter_app.services.context import Context
from counter_app.store.conflicts import ConflictRepo
from counter_app.store.outbox import PENDING, REJECTED, OutboxOp
from counter_app.store.sync_records import SyncRecordRepo
from counter_app.workflow import Action, Status, next_status

KEEP_MINE, KEEP_SERVER, EDIT = "mine", "server", "edit"
# Fields a lifecycle step changes, never an edit: the platform checks each status change against
# the step that makes it (central/push.py ``_check_transition``).
_LIFECYCLE = {"application": frozenset({"status", "resume_status"}), "rectification": frozenset({"status"})}
TASK_OPEN, TASK_CLOSED = "open", "closed"  # a rectification task's states


class StepNotAllowed(ValidationError):
    """This counter's change cannot be kept: its lifecycle step (``step``: an application's action,
    ``close`` for a rectification task) is not allowed from the platform's ``platform_status``, so
    the platform would reject it. ``field`` names the field at fault (the status, as a rule)."""

    def __init__(self, entity: str, field: str, reason: str, step: str | None, platform_status: Any) -> None:
        super().__init__(
            field,
            f"{reason} on the platform: keep the platform's version instead",
            code="invalid_transition",
        )
        self.entity = entity
        self.step = step
        self.platform_status = platform_status


class ConflictService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.repo = ConflictRepo(ctx.store, ctx.cipher)
        self.records = SyncRecordRepo(ctx.store, ctx.cipher)

    # --- counts for the status bar (no personal data, no permission) ------------------------------
    def count(self) -> int:
        """Open conflicts: their ops wait for someone to decide."""
        return self.repo.count_open()

    def count_rejected(self) -> int:
        """Rejected ops nobody has acknowledged yet."""
        return self.ctx.outbox.count_rejected_unacknowledged()

    # --- conflicts -----------------------------------------------------------------------------
    def open(self, actor: Actor) -> list[dict[str, Any]]:
        """The open conflicts as stored (``local``: the op and the record; ``server``: the
        platform's record). Audited like ``list_open``."""
        self._may_read(actor)
        conflicts = self.repo.open()
        self._audit_views(actor, conflicts)
        return conflicts

    def list_open(self, actor: Actor) -> list[SyncConflict]:
        """The open conflicts, oldest first, each with its field-by-field comparison."""
        self._may_read(actor)
        conflicts = self.repo.open()
        self._audit_views(actor, conflicts)
        return [self._record(conflict) for conflict in conflicts]

    def get(self, actor: Actor, conflict_id: int) -> SyncConflict:
        """One open conflict with its comparison (``NotFound`` once it is resolved)."""
        self._may_read(actor)
        conflict = self._open_conflict(conflict_id)
        self._audit_views(actor, [conflict])
        return self._record(conflict)

    def resolve(self, actor: Actor, conflict_id: int, keep: str) -> None:
        """``keep="server"``: take the server's record, drop this record's waiting ops.
        ``keep="mine"``: send the refused op again on top of the server's version; ``StepNotAllowed``
        (naming the field, nothing changed) if its lifecycle step, or a later waiting op's, is not
        allowed from the platform's state."""
        self.ctx.require(actor, Permission.RUN_SYNC)
        if keep not in (KEEP_SERVER, KEEP_MINE):
            raise ValidationError("keep", "server or mine", code="choice")
        with self.ctx.store.transaction():
            # Read in the transaction: another process (the app, the command line) may have just
            # resolved it, and a conflict is resolved once.
            conflict = self._open_conflict(conflict_id)
            if keep == KEEP_SERVER:
                self._keep_server(conflict)
            else:
                self._keep_mine(conflict, {})
            self.repo.resolve(conflict_id, keep, self.ctx.now_iso())
            self.ctx.audit(
                actor, "sync.resolve_conflict", conflict["entity"], conflict["entity_id"], keep=keep
            )

    def edit_and_keep(self, actor: Actor, conflict_id: int, values: Mapping[str, Any]) -> None:
        """Keep this counter's change with the conflicting fields set to ``values``: the refused op
        goes out again on top of the platform's version carrying them (and so do the record's later
        waiting ops, with any of those fields they set overridden), so the record ends with them.

        ``values`` may only name fields in conflict; each is checked against its kind and limits
        (``ValidationError`` names the field). Typed text: ``edit_and_keep_text``."""
        self._may_read(actor)
        with self.ctx.store.transaction():
            conflict = self._open_conflict(conflict_id)
            edits = check_edits(conflict["entity"], conflict["fields"], values)
            self._keep_mine(conflict, edits)
            self.repo.resolve(conflict_id, EDIT, self.ctx.now_iso())
            self.ctx.audit(
                actor,
                "sync.resolve_conflict",
                conflict["entity"],
                conflict["entity_id"],
                keep=EDIT,
                fields=sorted(edits),
            )

    def edit_and_keep_text(self, actor: Actor, conflict_id: int, texts: Mapping[str, str]) -> None:
        """``edit_and_keep`` with values typed as text (the command line's ``--set``, edit boxes),
        each read as its field's kind by ``parse_value``."""
        self._may_read(actor)
        entity = self._open_conflict(conflict_id)["entity"]
        values = {name: parse_value(entity, name, text) for name, text in texts.items()}
        self.edit_and_keep(actor, conflict_id, values)

    # --- rejected operations ---------------------------------------------------------------------
    def rejected(self, actor: Actor, *, include_acknowledged: bool = False) -> list[RejectedOp]:
        """Ops the platform refused, oldest first: not yet acknowledged, or all of them."""
        self.ctx.require(actor, Permission.RUN_SYNC)
        out = []
        for op, result, answered_at in self.ctx.outbox.rejected(include_acknowledged=include_acknowledged):
            receipt_no, name = self.repo.labels(op.entity, op.entity_id)
            out.append(
                RejectedOp(
                    op_id=op.op_id,
                    seq=op.seq,
                    entity=op.entity,
                    record_id=op.entity_id,
                    op=op.op,
                    receipt_no=receipt_no,
                    applicant_name=name,
                    made_at=op.client_ts,
                    made_by=op.user_id,
                    rejected_at=answered_at,
                    fields=tuple(op.data),
                    field=result.get("field"),
                    code=str(result.get("code") or result.get("status") or "rejected"),
                    message=str(result.get("message") or ""),
                    acknowledged_at=result.get("acknowledged_at"),
                    acknowledged_by=result.get("acknowledged_by"),
                )
            )
        return out

    def acknowledge(self, actor: Actor, op_id: str) -> bool:
        """Mark a rejected op as seen: it leaves the default listing and the count, and is kept as
        it was. False (and nothing written) if it was acknowledged before."""
        self.ctx.require(actor, Permission.RUN_SYNC)
        with self.ctx.store.transaction():
            op = self.ctx.outbox.get(op_id)
            if op is None or op.state != REJECTED:
                raise NotFound("rejected op", op_id)
            if not self.ctx.outbox.acknowledge_rejected(op_id, self.ctx.now_iso(), actor.audit_name):
                return False
            self.ctx.audit(actor, "sync.acknowledge_rejected", op.entity, op.entity_id, op_id=op_id)
        return True

    # --- helpers -----------------------------------------------------------------------------------
    def _may_read(self, actor: Actor) -> None:
        self.ctx.require(actor, Permission.RUN_SYNC)
        self.ctx.require(actor, Permission.VIEW_PERSONAL_DATA)

    def _open_conflict(self, conflict_id: int) -> dict[str, Any]:
        conflict = self.repo.get_open(conflict_id)
        if conflict is None:
            raise NotFound("conflict", conflict_id)
        return conflict

    def _audit_views(self, actor: Actor, conflicts: list[dict[str, Any]]) -> None:
        if not conflicts:
            return
        with self.ctx.store.transaction():
            for conflict in conflicts:
                self.ctx.audit(
                    actor, "conflict.view", conflict["entity"], conflict["entity_id"], conflict=conflict["id"]
                )

    def _record(self, conflict: dict[str, Any]) -> SyncConflict:
        entity, record_id = conflict["entity"], conflict["entity_id"]
        op = dict(conflict["local"].get("op") or {})
        record = conflict["local"].get("record") or {}
        server = conflict["server"]
        in_conflict = set(conflict["fields"])
        rows = []
        for field in stored_fields(entity):
            local = record[field.name] if field.name in record else op.get(field.name)
            platform = server.get(field.name)
            rows.append(
                ConflictField(
                    name=field.name,
                    local=local,
                    platform=platform,
                    differs=local != platform,
                    personal=field.personal,
                    in_conflict=field.name in in_conflict,
                )
            )
        receipt_no, name = self.repo.labels(entity, record_id)
        if entity == "applicant" and name is None:
            name = server.get("name") or op.get("name")
        if entity == "application" and receipt_no is None:
            receipt_no = server.get("receipt_no") or op.get("receipt_no")
        return SyncConflict(
            id=conflict["id"],
            entity=entity,
            record_id=record_id,
            receipt_no=receipt_no,
            applicant_name=name,
            detected_at=conflict["detected_at"],
            op_id=conflict["op_id"],
            op_data=op,
            conflict_fields=tuple(conflict["fields"]),
            platform_version=conflict["server_version"],
            fields=tuple(rows),
        )

    def _keep_server(self, conflict: dict[str, Any]) -> None:
        record_id = conflict["entity_id"]
        # A field only our refused or waiting ops set is one the server's record lacks: it goes back
        # to unset, or this copy would keep it (an upsert sets the fields it gets).
        server = dict(conflict["server"])
        for op in self.ctx.outbox.for_entity(record_id):
            if op.state == PENDING or op.op_id == conflict["op_id"]:
                for name in op.data:
                    server.setdefault(name, None)
        self.ctx.outbox.supersede(record_id)
        self.records.upsert(conflict["entity"], record_id, conflict["server_version"], server)

    def _keep_mine(self, conflict: dict[str, Any], edits: dict[str, Any]) -> None:
        """The refused op goes out again in its place in the queue, on top of the server's version (a
        new op id: its payload changed), and so do the record's later ops; ``edits`` replace what
        those ops set for the edited fields. ``StepNotAllowed`` (nothing changed) when one of
        those ops takes a lifecycle step the platform's record no longer allows."""
        entity, record_id = conflict["entity"], conflict["entity_id"]
        waiting = [
            _edited(op, edits, every=op.op_id == conflict["op_id"])
            for op in self.ctx.outbox.for_entity(record_id)
            if op.op_id == conflict["op_id"] or op.state == PENDING
        ]
        check_steps(entity, conflict["server"], waiting)
        resent = str(uuid.uuid4())
        self.ctx.outbox.rebase(conflict["op_id"], resent, conflict["server_version"])
        if edits:
            for op in self.ctx.outbox.for_entity(record_id):
                if op.state != PENDING:
                    continue
                if op.op_id == resent:
                    self.ctx.outbox.replace_data(resent, {**op.data, **edits})
                elif edits.keys() & op.data.keys():
                    changed = {**op.data, **{k: v for k, v in edits.items() if k in op.data}}
                    self.ctx.outbox.replace_data(op.op_id, changed, new_op_id=str(uuid.uuid4()))
        # The record becomes the server's with our waiting changes on top: what central will hold
        # once they are applied (so the other writer's other fields are not lost here).
        merged = dict(conflict["server"])
        for op in self.ctx.outbox.for_entity(record_id):
            if op.state != PENDING:
                continue
            changes = dict(op.data)
            materials = merged.get("materials")
            if isinstance(changes.get("materials"), dict) and isinstance(materials, dict):
                changes["materials"] = {**materials, **changes["materials"]}  # as central merges them
            merged.update(changes)
        self.records.upsert(entity, record_id, conflict["server_version"], merged)
        self.records.set_sync_state(entity, record_id, "pending")


def _edited(op: OutboxOp, edits: Mapping[str, Any], *, every: bool) -> OutboxOp:
    """``op`` as ``_keep_mine`` sends it: with all ``edits`` (the refused op) or those of the fields
    it sets (a later one)."""
    changed = {name: value for name, value in edits.items() if every or name in op.data}
    return dataclasses.replace(op, data={**op.data, **changed}) if changed else op


# --- lifecycle steps on top of the platform's record ------------------------------------------------
def check_steps(entity: str, platform: Mapping[str, Any], ops: list[OutboxOp]) -> None:
    """``ops`` (a record's, in order) sent again on top of the platform's record ``platform``: each
    update's step must be allowed from the state the ones before it leave; ``StepNotAllowed`` names
    the first that is not."""
    state = dict(platform)
    for op in ops:
        if op.op != "update":
            continue
        refusal = step_refusal(entity, state, op.data)
        if refusal is not None:
            raise StepNotAllowed(
                entity, *refusal, step=_step(entity, op.data), platform_status=state.get("status")
            )
        state.update(op.data)


def keep_mine_refusal(conflict: SyncConflict) -> StepNotAllowed | None:
    """Why "keep mine" (and "edit and keep") would be refused for this conflict's own op, from what
    the conflict shows: the platform's record and the op. None when its step is allowed (the record's
    later waiting ops are checked when it is resolved)."""
    platform = {row.name: row.platform for row in conflict.fields}
    refusal = step_refusal(conflict.entity, platform, conflict.op_data)
    if refusal is None:
        return None
    step = _step(conflict.entity, conflict.op_data)
    return StepNotAllowed(conflict.entity, *refusal, step=step, platform_status=platform.get("status"))


def step_refusal(entity: str, platform: Mapping[str, Any], data: Mapping[str, Any]) -> tuple[str, str] | None:
    """``(field, reason)`` if the platform would reject an update ``data`` of a record that is
    ``platform`` there, as a step its state does not allow; None if it takes it.

    The platform's own rules (central/push.py ``_check_transition``, which the counter may not import):
    an application's status follows its action from ``counter_app.workflow``; a rectification task
    goes from open to closed only, and a closed task has a resolution and a closing time while an
    open one has neither. tests/sync/test_conflicts_steps.py compares the two on every step."""
    if entity == "application":
        return _application_step(platform, data)
    if entity == "rectification":
        return _rectification_step(platform, data)
    return None


def _application_step(platform: Mapping[str, Any], data: Mapping[str, Any]) -> tuple[str, str] | None:
    if "status" not in data:
        return None
    current, action, resume_status = platform.get("status"), data.get("action"), platform.get("resume_status")
    try:
        expected = next_status(
            Action(action), Status(current), resume_to=Status(resume_status) if resume_status else None
        )
    except (ValueError, InvalidTransition):
        return "status", f"cannot {action} an application that is {current}"
    allowed = {expected.value}
    if action == Action.SUPPLEMENT.value and current == Status.ACCEPTED_PENDING.value:
        allowed.add(Status.ACCEPTED.value)  # the last pending material ends 容缺
    if data["status"] not in allowed:
        return "status", f"{action} leads to {expected.value}, not {data['status']}"
    return None


def _rectification_step(platform: Mapping[str, Any], data: Mapping[str, Any]) -> tuple[str, str] | None:
    if "status" in data and (platform.get("status"), data["status"]) != (TASK_OPEN, TASK_CLOSED):
        return (
            "status",
            f"a rectification task that is {platform.get('status')} cannot become {data['status']}",
        )
    task = {**platform, **data}
    closed = task.get("status") == TASK_CLOSED
    for name in ("resolution", "closed_at"):
        value = task.get(name)
        blank = value is None or (isinstance(value, str) and not value.strip())
        if closed and blank:
            return name, "required to close a rectification task"
        if not closed and not blank:
            return name, "only a closed rectification task has one"
    return None


def _step(entity: str, data: Mapping[str, Any]) -> str | None:
    """The step an op takes, in the words of its entity's lifecycle."""
    if entity == "rectification":
        return "close" if data.get("status") == TASK_CLOSED else None
    action = data.get("action")
    return action if isinstance(action, str) else None


# --- edited values ------------------------------------------------------------------------------------
def parse_value(entity: str, name: str, text: str) -> Any:
    """A value typed as text as its field's kind: blank is no value, an integer field's text is a
    number, an object or list field's text is JSON, anything else stays text (checked later)."""
    field = _field(entity, name)
    if not text.strip():
        return None
    if field.kind == Kind.INTEGER:
        try:
            return int(text.strip())
        except ValueError:
            raise ValidationError(name, "a whole number", code="integer") from None
    if field.kind in (Kind.OBJECT, Kind.LIST):
        try:
            return json.loads(text)
        except ValueError:
            raise ValidationError(name, "JSON expected", code="json") from None
    return text


def check_edits(entity: str, conflicting: list[str], values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` checked field by field as an op's data would be (kinds and limits from
    ``entity_fields``); the first field at fault raises ``ValidationError`` naming it."""
    if not values:
        raise ValidationError("values", "nothing to change", code="required")
    edits: dict[str, Any] = {}
    for name, value in values.items():
        field = _field(entity, name)
        if field.immutable:
            raise ValidationError(name, "fixed when the record was created", code="immutable")
        if not field.stored or name in _LIFECYCLE.get(entity, ()):
            raise ValidationError(name, "changed only by a step of the record's lifecycle", code="lifecycle")
        if name not in conflicting:
            raise ValidationError(name, "not one of the fields in conflict", code="not_in_conflict")
        edits[name] = _checked(field, value)
    return edits


def _field(entity: str, name: str) -> Field:
    field = FIELDS_BY_NAME.get(entity, {}).get(name)
    if field is None:
        raise ValidationError(name, f"no such field of {entity}", code="unknown_field")
    return field


def _checked(field: Field, value: Any) -> Any:
    name = field.name
    if value is None or (isinstance(value, str) and not value.strip()):
        if field.required:
            raise ValidationError(name, "required", code="required")
        return None
    if field.kind == Kind.MOBILE:
        return ids.validate_mobile(value, field=name)
    if field.kind == Kind.INTEGER:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError(name, "a whole number", code="integer")
        low, high = field.low, field.high
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValidationError(name, f"from {low} to {high}", code="range")
        return value
    if field.kind == Kind.OBJECT:
        if not isinstance(value, dict):
            raise ValidationError(name, "must be an object", code="object")
        return value
    if field.kind == Kind.LIST:
        if not isinstance(value, list):
            raise ValidationError(name, "must be a list", code="list")
        return value
    if not isinstance(value, str):
        raise ValidationError(name, "must be text", code="text")
    if field.max_length is not None and len(value) > field.max_length:
        raise ValidationError(name, f"at most {field.max_length} characters", code="max_length")
    if field.kind == Kind.CHOICE and value not in field.choices:
        raise ValidationError(name, f"one of {', '.join(field.choices)}", code="choice")
    if field.kind == Kind.DATE and not _is_iso(value):
        raise ValidationError(name, "an ISO-8601 date or time", code="date")
    return value


def _is_iso(text: str) -> bool:
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(text)
            return True
        except ValueError:
            continue
    return False
