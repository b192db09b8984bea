"""Sync conflicts: an op the platform refused because another writer changed the same fields.
Both versions wait (encrypted) until a supervisor or the command line decides which one stays."""

from __future__ import annotations

import uuid
from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.errors import NotFound, ValidationError
from counter_app.services.context import Context
from counter_app.store.conflicts import ConflictRepo
from counter_app.store.outbox import PENDING
from counter_app.store.sync_records import SyncRecordRepo


class ConflictService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.repo = ConflictRepo(ctx.store, ctx.cipher)
        self.records = SyncRecordRepo(ctx.store, ctx.cipher)

    def count(self) -> int:
        """Open conflicts: their ops wait for someone to decide."""
        return self.repo.count_open()

    def open(self, actor: Actor) -> list[dict[str, Any]]:
        self.ctx.require(actor, Permission.RUN_SYNC)
        return self.repo.open()

    def resolve(self, actor: Actor, conflict_id: int, keep: str) -> None:
        """``keep="server"``: take the server's record, drop this record's waiting ops.
        ``keep="mine"``: send the refused op again on top of the server's version."""
        self.ctx.require(actor, Permission.RUN_SYNC)
        if keep not in ("server", "mine"):
            raise ValidationError("keep", "server or mine", code="choice")
        conflict = next((c for c in self.repo.open() if c["id"] == conflict_id), None)
        if conflict is None:
            raise NotFound("conflict", conflict_id)
        entity, record_id = conflict["entity"], conflict["entity_id"]
        now = self.ctx.now_iso()
        with self.ctx.store.transaction():
            if keep == "server":
                # A field only our refused or waiting ops set is one the server's record lacks: it
                # goes back to unset, or this copy would keep it (an upsert sets the fields it gets).
                server = dict(conflict["server"])
                for op in self.ctx.outbox.for_entity(record_id):
                    if op.state == PENDING or op.op_id == conflict["op_id"]:
                        for name in op.data:
                            server.setdefault(name, None)
                self.ctx.outbox.supersede(record_id)
                self.records.upsert(entity, record_id, conflict["server_version"], server)
            else:
                # The refused op goes out again in its place in the queue, on top of the server's
                # version (a new op id: its payload changed), and so do the record's later ops.
                self.ctx.outbox.rebase(conflict["op_id"], str(uuid.uuid4()), conflict["server_version"])
                # The record becomes the server's with our waiting changes on top: what central will
                # hold once they are applied (so the other writer's other fields are not lost here).
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
            self.repo.resolve(conflict_id, keep, now)
            self.ctx.audit(actor, "sync.resolve_conflict", entity, record_id, keep=keep)
