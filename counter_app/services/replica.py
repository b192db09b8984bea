"""The local side of sync: what the sync engine (``sync/engine.py``) reads from and writes to the
store. Every method that writes runs one transaction, so a pushed batch's results, or a pulled page
and its cursor, are applied together or not at all; an interrupted sync never half-applies.

Rules kept here, whatever the network does:
  - an op leaves the outbox only when the server answered for it (applied, conflict or rejected);
  - the scans of an application that is still a draft are not pushed, nor counted as pending: the
    clerk may still remove them, and sync v1 cannot delete an attachment on the platform. They go
    out, in their order, at the first sync after the application is decided;
  - a pulled change never overwrites a record that still has pending ops or an open conflict (the
    server will see those ops and merge or report a conflict, and the record comes back later); it
    waits in the inbox until the record is settled, in case nothing brings the record back;
  - a pulled record whose related record has not arrived yet waits in the inbox;
  - a conflict keeps both versions (the local one backed up) until someone resolves it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.errors import NotFound, ValidationError
from counter_app.receipts import validate_prefix
from counter_app.services.catalogue import CatalogueService
from counter_app.services.context import Context
from counter_app.store.outbox import CONFLICT, DONE, PENDING, REJECTED, OutboxOp
from counter_app.store.replica import PARENTS, TABLES, ReplicaRepo

TOKEN = "device_token"
SYNC_ACTOR = "sync"


@dataclass(frozen=True)
class Enrollment:
    server_url: str
    device_id: str
    office_code: str
    office_name: str
    receipt_prefix: str


@dataclass
class PushTally:
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    waiting: int = 0  # deferred or missing attachments: pushed again later
    missing: set[str] = field(default_factory=set)


class ReplicaService:
    def __init__(self, ctx: Context, catalogue: CatalogueService) -> None:
        self.ctx = ctx
        self.catalogue = catalogue
        self.repo = ReplicaRepo(ctx.store, ctx.cipher)

    # --- enrollment ---------------------------------------------------------------------------
    def enrollment(self) -> Enrollment | None:
        s = self.ctx.settings
        device_id = s.get("device_id")
        if not device_id:
            return None
        return Enrollment(
            s.get("server_url") or "",
            device_id,
            s.get("office_code") or "",
            s.get("office_name") or "",
            s.get("receipt_prefix") or "",
        )

    def save_enrollment(
        self,
        actor: Actor,
        server_url: str,
        device_id: str,
        token: str,
        office_code: str,
        office_name: str,
        receipt_prefix: str,
        server_epoch: str,
    ) -> Enrollment:
        self.ctx.require(actor, Permission.RUN_SYNC)
        prefix = validate_prefix(receipt_prefix)
        if not token:
            raise ValidationError("token", "the server sent no device token", code="required")
        previous = self.enrollment()
        if previous is not None and previous.office_code != office_code and self.repo.holds_records():
            # One profile holds one office's citizens: moving them to another office's platform
            # records (and their pending ops) would file them under the wrong office.
            raise ValidationError(
                "code",
                f"this profile holds the records of office {previous.office_code}; "
                "enroll a new data directory for office " + office_code,
                code="other_office",
            )
        with self.ctx.store.transaction():
            s = self.ctx.settings
            for key, value in (
                ("server_url", server_url),
                ("device_id", device_id),
                ("office_code", office_code),
                ("office_name", office_name),
                ("receipt_prefix", prefix),
            ):
                s.set(key, value)
            if (
                previous is None
                or previous.office_code != office_code
                or s.get("server_epoch") != server_epoch
            ):
                s.set("pull_cursor", "0")
                s.set("server_epoch", server_epoch)
            self.ctx.audit(actor, "device.enroll", "device", device_id, server=server_url, office=office_code)
        self.ctx.secrets.set(TOKEN, token)  # after the commit: never a token without its enrollment
        enrollment = self.enrollment()
        assert enrollment is not None
        return enrollment

    def token(self) -> str | None:
        return self.ctx.secrets.get(TOKEN)

    def token_revoked(self) -> None:
        """The server refused the token for good: forget it; an administrator must enroll again."""
        self.ctx.secrets.delete(TOKEN)
        with self.ctx.store.transaction():
            self.ctx.settings.set("device_revoked", self.ctx.now_iso())
            self.ctx.audit(
                SYNC_ACTOR, "device.revoked", "device", self.ctx.settings.get("device_id"), outcome="failure"
            )

    # --- push ---------------------------------------------------------------------------------
    def pending_ops(self, limit: int, after_seq: int = 0) -> list[OutboxOp]:
        """Pending ops in order, leaving out records with an open conflict (they wait for a decision)
        and the scans of applications that are still drafts (held back until the decision, while a
        clerk may remove them: sync v1 has no delete for attachments; see ``OutboxRepo.sendable``)."""
        return self.ctx.outbox.sendable(limit, after_seq)

    def pending_count(self) -> int:
        """Ops waiting to be pushed, as users see them (the status bar, ``counter-app status`` and
        ``sync``'s exit code): held-back scans of drafts are not counted, since no sync can send
        them before the application is decided — a draft with scans is not work waiting to sync."""
        return self.ctx.outbox.count_to_push()

    def record_push_results(self, results: list[tuple[OutboxOp, dict[str, Any]]]) -> PushTally:
        """Apply the server's answers for one batch (one transaction)."""
        tally = PushTally()
        now = self.ctx.now_iso()
        with self.ctx.store.transaction():
            # Applied ops, the common case, are recorded together: marks, then each record's version.
            applied = [
                (op, r) for op, r in ((op, _stored(r)) for op, r in results) if r.get("status") == "applied"
            ]
            self.ctx.outbox.mark_many([(op.op_id, DONE, result) for op, result in applied], now)
            versions: dict[str, dict[str, int | None]] = {}
            for op, _result in applied:
                versions.setdefault(op.entity, {})
            for entity, known in versions.items():
                ids = [op.entity_id for op, _ in applied if op.entity == entity]
                local = self.repo.versions_among(entity, ids)
                known.update({record_id: local.get(record_id) for record_id in ids})
            for op, result in applied:
                new_version = int(result.get("new_version") or 0)
                local = versions[op.entity][op.entity_id]
                if op.entity != "attachment" and local is not None and new_version > local + 1:
                    # The server merged our op with another writer's change that this copy lacks:
                    # keep the older version, so the pull brings the merged record.
                    continue
                versions[op.entity][op.entity_id] = max(local or 0, new_version)
            still = self.ctx.outbox.pending_among(sorted({op.entity_id for op, _ in applied}))
            for entity, known in versions.items():
                self.repo.set_versions(
                    entity,
                    [
                        (record_id, version or 0, "pending" if record_id in still else "synced")
                        for record_id, version in known.items()
                    ],
                )
            tally.applied = len(applied)
            for op, result in results:
                result = _stored(result)
                status = result.get("status")
                if status == "applied":
                    continue
                elif status == "conflict":
                    server = result.get("server_record") or {}
                    self.ctx.outbox.mark(op.op_id, CONFLICT, _without_record(result), now)
                    self.repo.add_conflict(
                        op.entity,
                        op.entity_id,
                        op.op_id,
                        list(result.get("fields") or []),
                        {"op": op.data, "record": self.repo.local_row(op.entity, op.entity_id)},
                        int(server.get("version") or 0),
                        dict(server.get("data") or {}),
                        now,
                    )
                    self.repo.set_sync_state(op.entity, op.entity_id, "conflict")
                    tally.conflicts += 1
                elif status in ("rejected", "idempotency_mismatch"):
                    self.ctx.outbox.mark(op.op_id, REJECTED, _without_record(result), now)
                    self.repo.set_sync_state(op.entity, op.entity_id, "rejected")
                    tally.rejected += 1
                else:  # deferred, missing_attachments: stays pending
                    tally.waiting += 1
                    tally.missing.update(result.get("missing") or [])
            if tally.conflicts or tally.rejected:
                self.ctx.audit(
                    SYNC_ACTOR,
                    "sync.push_problems",
                    outcome="failure",
                    conflicts=tally.conflicts,
                    rejected=tally.rejected,
                )
        return tally

    def attachment_content(self, sha256: str) -> bytes | None:
        """The plaintext of a local attachment with this digest (for upload), or None."""
        row = self.ctx.store.one("SELECT id FROM attachments WHERE sha256 = ? LIMIT 1", (sha256,))
        if row is None:
            return None
        path = self.ctx.paths.attachments / f"{row['id']}.bin"
        if not path.exists():
            return None
        return self.ctx.cipher.decrypt_bytes(path.read_bytes(), f"attachment:{row['id']}")

    # --- pull ---------------------------------------------------------------------------------
    def cursor(self) -> int:
        return int(self.ctx.settings.get("pull_cursor") or 0)

    def inbox_count(self) -> int:
        """Pulled records still waiting for a related record."""
        return self.repo.inbox_count()

    def server_epoch(self) -> str | None:
        return self.ctx.settings.get("server_epoch")

    def reset_replica(self, new_epoch: str) -> None:
        """The server's history restarted (restored database, new epoch, or our cursor is too old):
        download the office's data again from the start. The outbox is kept."""
        with self.ctx.store.transaction():
            self.ctx.settings.set("pull_cursor", "0")
            self.ctx.settings.set("server_epoch", new_epoch)
            self.ctx.audit(SYNC_ACTOR, "sync.reset", epoch=new_epoch)

    def apply_pull_page(self, changes: list[dict[str, Any]], next_cursor: int) -> int:
        """Apply one page of changes and its cursor in one transaction; returns how many were applied."""
        applied = 0
        now = self.ctx.now_iso()
        with self.ctx.store.transaction():
            page = _PageState(self, changes)
            for change in changes:
                applied += self._apply_change(
                    change["entity"],
                    change["id"],
                    int(change["version"]),
                    dict(change["data"]),
                    int(change["cursor"]),
                    now,
                    page,
                )
            if page.inbox_used:
                applied += self._drain_inbox()
            self.ctx.settings.set("pull_cursor", str(next_cursor))
            if changes:
                self.ctx.audit(
                    SYNC_ACTOR, "sync.pull", received=len(changes), applied=applied, cursor=next_cursor
                )
        return applied

    def _apply_change(
        self,
        entity: str,
        record_id: str,
        version: int,
        data: dict[str, Any],
        cursor: int,
        now: str,
        page: _PageState | None = None,
    ) -> int:
        if entity not in ENTITIES:
            return 0  # a newer server's entity: ignored by this version
        if page is not None:
            local = page.versions.get(record_id)
            held = record_id in page.held
        else:
            local = self.repo.local_version(entity, record_id)
            held = self._held(record_id)
        if local is not None and entity != "attachment" and local >= version:
            return 0  # we have it (our own op came back)
        if held or not (page.has_parent(entity, data) if page else self.repo.has_parent(entity, data)):
            # Never overwrite local work. The change waits in the inbox: if our ops are applied the
            # record comes back anyway, but a conflict settled with the server's copy (or a rejected
            # op) changes nothing on the server, and the cursor is already past this change.
            # A record whose parent has not arrived waits there too.
            self.repo.stash(entity, record_id, version, cursor, data, now)
            if page is not None:
                page.inbox_used = True
            return 0
        self.repo.upsert(entity, record_id, version, data, exists=local is not None)
        if page is None or page.inbox_used:
            self.repo.unstash(record_id)
        if page is not None:
            page.arrived(entity, record_id, version)
        return 1

    def _held(self, record_id: str) -> bool:
        """The record has local work the server has not answered: pending ops or an open conflict."""
        return self.ctx.outbox.has_pending(record_id) or self.repo.in_conflict(record_id)

    def _drain_inbox(self) -> int:
        applied = 0
        progress = True
        while progress:
            progress = False
            for entity, record_id, version, data in self.repo.inbox():
                if self.repo.has_parent(entity, data) and not self._held(record_id):
                    self.repo.unstash(record_id)
                    applied += self._apply_change(entity, record_id, version, data, 0, "")
                    progress = True
        return applied

    # --- verify, clock, catalogue, log -------------------------------------------------------
    def synced_versions(self) -> list[tuple[str, str, int]]:
        return self.repo.synced_versions()

    def record_hello(self, server_time_offset_s: float) -> None:
        with self.ctx.store.transaction():
            self.ctx.settings.set("clock_offset_s", f"{server_time_offset_s:.3f}")

    def catalogue_etag(self) -> str | None:
        row = self.ctx.catalogues.active()
        return None if row is None else row[1]

    def install_catalogue(self, document: dict[str, Any]) -> str:
        from counter_app.catalogue import parse_catalogue

        catalogue = parse_catalogue(document)
        self.catalogue.install_parsed(SYNC_ACTOR, catalogue)
        return catalogue.version

    def audit_head(self) -> tuple[int, str] | None:
        return self.ctx.audit_log.recorded_head()

    def start_log(self, trigger: str) -> int:
        with self.ctx.store.transaction():
            return self.repo.start_log(self.ctx.now_iso(), trigger)

    def finish_log(
        self,
        log_id: int,
        outcome: str,
        pushed: int,
        pulled: int,
        conflicts: int,
        rejected: int,
        error: str | None = None,
    ) -> None:
        with self.ctx.store.transaction():
            self.repo.finish_log(
                log_id, self.ctx.now_iso(), outcome, pushed, pulled, conflicts, rejected, error
            )
            if outcome in ("ok", "partial"):
                self.ctx.settings.set("last_sync", self.ctx.now_iso())
            self.ctx.audit(
                SYNC_ACTOR,
                "sync.run",
                outcome="success" if outcome == "ok" else "failure",
                result=outcome,
                pushed=pushed,
                pulled=pulled,
                conflicts=conflicts,
                rejected=rejected,
            )

    # --- conflicts ----------------------------------------------------------------------------
    def conflict_count(self) -> int:
        """Open conflicts: their ops wait for someone to decide."""
        return self.repo.count_open_conflicts()

    def open_conflicts(self, actor: Actor) -> list[dict[str, Any]]:
        self.ctx.require(actor, Permission.RUN_SYNC)
        return self.repo.open_conflicts()

    def resolve_conflict(self, actor: Actor, conflict_id: int, keep: str) -> None:
        """``keep="server"``: take the server's record, drop this record's waiting ops.
        ``keep="mine"``: send the refused op again on top of the server's version."""
        self.ctx.require(actor, Permission.RUN_SYNC)
        if keep not in ("server", "mine"):
            raise ValidationError("keep", "server or mine", code="choice")
        conflict = next((c for c in self.repo.open_conflicts() if c["id"] == conflict_id), None)
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
                self.repo.upsert(entity, record_id, conflict["server_version"], server)
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
                self.repo.upsert(entity, record_id, conflict["server_version"], merged)
                self.repo.set_sync_state(entity, record_id, "pending")
            self.repo.resolve_conflict(conflict_id, keep, now)
            self.ctx.audit(actor, "sync.resolve_conflict", entity, record_id, keep=keep)


ENTITIES = ("applicant", "application", "rating", "rectification", "attachment")


class _PageState:
    """What one pulled page needs to know about the local store, read in a few queries."""

    def __init__(self, service: ReplicaService, changes: list[dict[str, Any]]) -> None:
        repo = service.repo
        ids_by_entity: dict[str, list[str]] = {}
        for change in changes:
            if change["entity"] in ENTITIES:
                ids_by_entity.setdefault(change["entity"], []).append(change["id"])
        self.versions: dict[str, int] = {}
        for entity, ids in ids_by_entity.items():
            self.versions.update(repo.versions_among(entity, ids))
        all_ids = [change["id"] for change in changes]
        self.held = service.ctx.outbox.pending_among(all_ids) | repo.records_in_conflict()
        self.present: dict[str, set[str]] = {}
        for entity, (column, table) in PARENTS.items():
            wanted = [c["data"].get(column) for c in changes if c["entity"] == entity]
            wanted = [value for value in wanted if isinstance(value, str)]
            self.present.setdefault(table, set()).update(repo.existing(table, wanted))
        self.inbox_used = repo.inbox_count() > 0

    def has_parent(self, entity: str, data: dict[str, Any]) -> bool:
        if entity not in PARENTS:
            return True
        column, table = PARENTS[entity]
        return data.get(column) in self.present.get(table, set())

    def arrived(self, entity: str, record_id: str, version: int) -> None:
        self.versions[record_id] = version
        self.present.setdefault(TABLES[entity], set()).add(record_id)


def _stored(result: dict[str, Any]) -> dict[str, Any]:
    """A ``duplicate`` carries the answer recorded the first time: that is the answer."""
    if result.get("status") == "duplicate" and isinstance(result.get("stored"), dict):
        return result["stored"]
    return result


def _without_record(result: dict[str, Any]) -> dict[str, Any]:
    """The outbox keeps the server's answer in plain JSON: without the server's copy of the record,
    which holds personal data (the conflicts table keeps that copy, encrypted)."""
    return {key: value for key, value in result.items() if key != "server_record"}
