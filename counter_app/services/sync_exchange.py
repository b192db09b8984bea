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
  - a conflict keeps both versions (the local one backed up) until someone resolves it
    (``counter_app/services/conflicts.py``);
  - a rejected op leaves no trace in the record: the record takes the platform's version back
    (``_take_platform_copy``), while the op stays in the outbox, listed with its data.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from counter_app.entity_fields import ENTITIES
from counter_app.errors import StubsNotHeld
from counter_app.services.catalogue import CatalogueService
from counter_app.services.context import Context
from counter_app.store.conflicts import ConflictRepo
from counter_app.store.outbox import CONFLICT, DONE, PENDING, REJECTED, OutboxOp
from counter_app.store.sync_records import PARENTS, TABLES, PreparedRows, SyncRecordRepo

log = logging.getLogger(__name__)

SYNC_ACTOR = "sync"


@dataclass
class PushTally:
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    restored: int = 0  # records that took the platform's version back after a rejection
    waiting: int = 0  # deferred or missing attachments: pushed again later
    missing: set[str] = field(default_factory=set)
    # The office's cursors around the batch's writes when pulling them back would change nothing
    # here (:meth:`SyncExchange.record_push_results`); the pull steps over them.
    own_writes: tuple[int, int] | None = None


class SyncExchange:
    """What the sync engine reads from and writes to the store, one transaction per step."""

    def __init__(self, ctx: Context, catalogue: CatalogueService) -> None:
        self.ctx = ctx
        self.catalogue = catalogue
        self.records = SyncRecordRepo(ctx.store, ctx.cipher)
        self.conflicts = ConflictRepo(ctx.store, ctx.cipher)

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

    def record_push_results(
        self, results: list[tuple[OutboxOp, dict[str, Any]]], written: tuple[int, int] | None = None
    ) -> PushTally:
        """Apply the server's answers for one batch (one transaction).

        ``written``: the office's change cursors before and after the batch's writes, as the reply
        gives them (every change in between is a record of this batch, which held the office's lock).
        When every op of the batch was applied as sent (none a replay, each record's version one up
        from ours, so none merged with another writer's change; no scan), this profile now holds
        each of those records as the server does, and pulling them back would change nothing: the
        tally's ``own_writes`` is then ``written``, for the pull to step over
        (:meth:`skip_own_writes`)."""
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
                local = self.records.versions_among(entity, ids)
                known.update({record_id: local.get(record_id) for record_id in ids})
            as_sent = True  # every record of the batch is here as the server now holds it
            for op, result in applied:
                new_version = int(result.get("new_version") or 0)
                local = versions[op.entity][op.entity_id]
                if op.entity != "attachment" and local is not None and new_version > local + 1:
                    # The server merged our op with another writer's change that this copy lacks:
                    # keep the older version, so the pull brings the merged record.
                    as_sent = False
                    continue
                # One up from ours: no other writer's version came in between (a ``merged`` op
                # then merged only with this device's own earlier ops), so the server's copy is ours.
                as_sent = as_sent and new_version == (local or 0) + 1
                versions[op.entity][op.entity_id] = max(local or 0, new_version)
            still = self.ctx.outbox.pending_among(sorted({op.entity_id for op, _ in applied}))
            for entity, known in versions.items():
                self.records.set_versions(
                    entity,
                    [
                        (record_id, version or 0, "pending" if record_id in still else "synced")
                        for record_id, version in known.items()
                    ],
                )
            tally.applied = len(applied)
            applied_ids = {op.op_id for op, _ in applied}
            for op, result in results:
                result = _stored(result)
                status = result.get("status")
                if status == "applied":
                    continue
                elif status == "conflict":
                    server = result.get("server_record") or {}
                    self.ctx.outbox.mark(op.op_id, CONFLICT, _without_record(result), now)
                    self.conflicts.add(
                        op.entity,
                        op.entity_id,
                        op.op_id,
                        list(result.get("fields") or []),
                        {"op": op.data, "record": self.records.local_row(op.entity, op.entity_id)},
                        int(server.get("version") or 0),
                        dict(server.get("data") or {}),
                        now,
                    )
                    self.records.set_sync_state(op.entity, op.entity_id, "conflict")
                    tally.conflicts += 1
                elif status in ("rejected", "idempotency_mismatch"):
                    self.ctx.outbox.mark(op.op_id, REJECTED, _without_record(result), now)
                    tally.restored += self._take_platform_copy(op, result, applied_ids)
                    waiting = self.ctx.outbox.has_pending(op.entity_id)
                    self.records.set_sync_state(op.entity, op.entity_id, "pending" if waiting else "rejected")
                    tally.rejected += 1
                else:  # deferred, missing_attachments: stays pending
                    tally.waiting += 1
                    tally.missing.update(result.get("missing") or [])
            if (
                written is not None
                and written[1] > written[0]
                and as_sent
                and all(r.get("status") == "applied" for _, r in results)
                and not any(op.entity == "attachment" for op, _ in results)  # a scan is pulled whole
            ):
                tally.own_writes = written
            if tally.conflicts or tally.rejected:
                self.ctx.audit(
                    SYNC_ACTOR,
                    "sync.push_problems",
                    outcome="failure",
                    conflicts=tally.conflicts,
                    rejected=tally.rejected,
                    restored=tally.restored,
                )
        return tally

    def _take_platform_copy(self, op: OutboxOp, result: dict[str, Any], applied_ids: set[str]) -> int:
        """After ``op`` was rejected, the record becomes the platform's again (1; 0 if nothing is
        known to put back).

        A use case changes the record when it queues the op, and a rejection is final: left alone,
        the record would keep a change the platform never took, at the platform's version number, and
        no later pull or verify would notice (both go by versions). So the rejected op's changes are
        undone here, with what the platform holds:

        - its copy of the record, which a rejection of an op on an existing record carries
          (``server_record``, as a conflict does; central/push.py);
        - otherwise (a platform that sends none, or an op refused here as not sendable), the copy a
          conflict kept, when the op was this counter's change sent again on top of it ("keep mine").

        The record's other work stays on top of that copy: ops the platform applied after this one
        in the same batch, and those still waiting; a field the copy lacks that the rejected op set
        goes back to unset. The version is the copy's (or the later applied op's), so a pulled
        change waiting in the inbox, or one the pull brings, still lands on it. A rejected create has
        no platform version: that record stays, marked rejected (verify does not count it). Nothing
        is lost either way: the op stays in the outbox, listed as rejected with its data."""
        if op.entity == "attachment":
            return 0  # a scan is never changed here after it is taken
        local = self.records.local_version(op.entity, op.entity_id)
        if local is None:
            return 0  # no longer here (a rating that gave way to the platform's)
        server = result.get("server_record")
        if isinstance(server, dict) and (server.get("entity"), server.get("id")) == (op.entity, op.entity_id):
            version, data = int(server.get("version") or 0), dict(server.get("data") or {})
        else:
            # Only while nothing was applied on top of that copy since (the record is still at its version).
            known = op.base_version > 0 and local == op.base_version
            kept = self.conflicts.platform_copy(op.entity_id, op.base_version) if known else None
            if kept is None:
                return 0
            version, data = op.base_version, dict(kept)
        if version <= 0:
            return 0
        for name in op.data:
            data.setdefault(name, None)
        for later in self.ctx.outbox.for_entity(op.entity_id):
            if later.seq > op.seq and (later.state == PENDING or later.op_id in applied_ids):
                changes = dict(later.data)
                materials = data.get("materials")
                if isinstance(changes.get("materials"), dict) and isinstance(materials, dict):
                    changes["materials"] = {**materials, **changes["materials"]}  # as central merges them
                data.update(changes)
        self.records.upsert(op.entity, op.entity_id, max(version, local), data, exists=True)
        return 1

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
        return self.records.inbox_count()

    def server_epoch(self) -> str | None:
        return self.ctx.settings.get("server_epoch")

    def skip_own_writes(self, at: int, to: int) -> bool:
        """Move the pull cursor from ``at`` to ``to`` (one transaction), over changes that are this
        device's own writes, held here as the server holds them (a push tally's ``own_writes``);
        False, and nothing changes, if the cursor is no longer ``at``."""
        with self.ctx.store.transaction():
            if self.cursor() != at:
                return False
            self.ctx.settings.set("pull_cursor", str(to))
        return True

    def reset_pull(self, new_epoch: str) -> None:
        """The server's history restarted (restored database, new epoch, or our cursor is too old):
        download the office's data again from the start. The outbox is kept."""
        with self.ctx.store.transaction():
            self.ctx.settings.set("pull_cursor", "0")
            self.ctx.settings.set("server_epoch", new_epoch)
            self.ctx.audit(SYNC_ACTOR, "sync.reset", epoch=new_epoch)

    @contextmanager
    def pull_preparer(self) -> Iterator[Callable[[list[dict[str, Any]]], PreparedRows]]:
        """For the sync engine's fetching thread: a function that builds a page's new rows ahead
        (``SyncRecordRepo.prepare``: the encryption, initials and masks of records not held here,
        as a read-only second connection sees it), to hand to :meth:`apply_pull_page`. It reads
        nothing through the profile's own connection, so it runs while another page is written.

        The rows are only a head start: if the second connection cannot be opened or read, nothing
        is built ahead and the pages are applied as they come (logged)."""
        try:
            reader: sqlite3.Connection | None = self.ctx.store.reader()
        except sqlite3.Error as exc:
            log.warning("pull: no second connection to build rows ahead (%s)", exc)
            reader = None

        def prepare(changes: list[dict[str, Any]]) -> PreparedRows:
            if reader is None:
                return PreparedRows()
            try:
                held = self.records.held_among(reader, changes)
            except sqlite3.Error as exc:
                log.warning("pull: rows not built ahead (%s)", exc)
                return PreparedRows()
            return self.records.prepare(changes, held)

        try:
            yield prepare
        finally:
            if reader is not None:
                reader.close()

    def apply_pull_page(
        self, changes: list[dict[str, Any]], next_cursor: int, prepared: PreparedRows | None = None
    ) -> int:
        """Apply one page of changes and its cursor in one transaction; returns how many were applied.
        ``prepared``: the page's new rows built ahead (:meth:`pull_preparer`)."""
        applied = 0
        now = self.ctx.now_iso()
        with self.ctx.store.transaction():
            page = _PageState(self, changes)
            if not page.stubs_held(changes):
                raise StubsNotHeld(f"a page up to cursor {next_cursor} left out records this profile lacks")
            with self.records.page(prepared):  # new records inserted together, before anything reads them
                for change in changes:
                    applied += self._apply_change(
                        change["entity"],
                        change["id"],
                        int(change["version"]),
                        dict(change["data"] or {}),  # a stub's (None) is never read
                        int(change["cursor"]),
                        now,
                        page,
                    )
            if page.waiting:
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
            local = self.records.local_version(entity, record_id)
            held = self._held(record_id)
        if local is not None and entity != "attachment" and local >= version:
            return 0  # we have it (our own op came back)
        if held or not (page.has_parent(entity, data) if page else self.records.has_parent(entity, data)):
            # Never overwrite local work. The change waits in the inbox: if our ops are applied the
            # record comes back anyway, but a conflict settled with the server's copy (or a rejected
            # op) changes nothing on the server, and the cursor is already past this change.
            # A record whose parent has not arrived waits there too.
            self.records.stash(entity, record_id, version, cursor, data, now)
            if page is not None:
                page.waiting.add(record_id)
            return 0
        self.records.upsert(entity, record_id, version, data, exists=local is not None)
        if page is None or record_id in page.waiting:
            self.records.unstash(record_id)
        if page is not None:
            page.arrived(entity, record_id, version)
        return 1

    def _held(self, record_id: str) -> bool:
        """The record has local work the server has not answered: pending ops or an open conflict."""
        return self.ctx.outbox.has_pending(record_id) or self.conflicts.in_conflict(record_id)

    def _drain_inbox(self) -> int:
        applied = 0
        progress = True
        while progress:
            progress = False
            for entity, record_id, version, data in self.records.inbox():
                if self.records.has_parent(entity, data) and not self._held(record_id):
                    self.records.unstash(record_id)
                    applied += self._apply_change(entity, record_id, version, data, 0, "")
                    progress = True
        return applied

    # --- verify, clock, catalogue, audit head -------------------------------------------------------
    def synced_versions(self) -> Iterator[tuple[str, str, int]]:
        """What verify compares, read as it is consumed (``SyncRecordRepo.synced_versions``)."""
        return self.records.synced_versions()

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


class _PageState:
    """What one pulled page needs to know about the local store, read in a few queries."""

    def __init__(self, service: SyncExchange, changes: list[dict[str, Any]]) -> None:
        repo = service.records
        ids_by_entity: dict[str, list[str]] = {}
        for change in changes:
            if change["entity"] in ENTITIES:
                ids_by_entity.setdefault(change["entity"], []).append(change["id"])
        self.versions: dict[str, int] = {}
        for entity, ids in ids_by_entity.items():
            self.versions.update(repo.versions_among(entity, ids))
        all_ids = [change["id"] for change in changes]
        self.held = service.ctx.outbox.pending_among(all_ids) | service.conflicts.records_in_conflict()
        self.present: dict[str, set[str]] = {}
        for entity, (column, table) in PARENTS.items():
            wanted = [(c["data"] or {}).get(column) for c in changes if c["entity"] == entity]
            wanted = [value for value in wanted if isinstance(value, str)]
            self.present.setdefault(table, set()).update(repo.existing(table, wanted))
        self.waiting = repo.inbox_ids()  # what waits in the inbox: from before, and parked on this page

    def stubs_held(self, changes: list[dict[str, Any]]) -> bool:
        """Every stub of the page (a change without data: this device's own write, ``own=stub``) is
        held here at its version or later, so applying the page skips it as it would skip the
        whole record."""
        return all(self.versions.get(c["id"], -1) >= int(c["version"]) for c in changes if c["data"] is None)

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
