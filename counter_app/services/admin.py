"""Administration: status, audit verification, housekeeping of scan files. (Backups: services/backups.py.)"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import timedelta

from counter_app.accounts import Actor, Permission
from counter_app.audit import VerifyResult, verify_chain
from counter_app.services.context import Context
from counter_app.store.conflicts import ConflictRepo
from counter_app.store.outbox import REJECTED


@dataclass(frozen=True)
class Status:
    pending_ops: int
    conflicts: int
    rejected: int
    last_sync: str | None
    server: str | None
    clock_offset_s: float | None
    receipt_prefix: str
    secrets: str
    secrets_secure: bool
    schema_version: int
    held_scans: int = 0  # scans of drafts, kept here until the application is decided
    rejected_waiting: int = 0  # rejected ops no supervisor has acknowledged yet

    def as_dict(self) -> dict:
        return asdict(self)


ORPHAN_AGE = timedelta(days=1)


class AdminService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def status(self) -> Status:
        ctx = self.ctx
        offset = ctx.settings.get("clock_offset_s")
        secrets = ctx.secrets.status()
        return Status(
            pending_ops=ctx.outbox.count_to_push(),  # held-back scans of drafts are not counted
            conflicts=ConflictRepo(ctx.store, ctx.cipher).count_open(),
            rejected=ctx.outbox.count(REJECTED),
            last_sync=ctx.settings.get("last_sync"),
            server=ctx.settings.get("server_url"),
            clock_offset_s=float(offset) if offset else None,
            receipt_prefix=ctx.settings.get("receipt_prefix") or "",
            secrets=secrets.describe(),
            secrets_secure=secrets.secure,
            schema_version=ctx.store.user_version,
            held_scans=ctx.outbox.count_held_back(),
            rejected_waiting=ctx.outbox.count_rejected_unacknowledged(),
        )

    def sweep_orphaned_scans(self, older_than: timedelta = ORPHAN_AGE) -> int:
        """Delete encrypted scan files no attachment record refers to, last written more than
        ``older_than`` ago: left behind when deleting a removed scan's file failed (an indexer held
        it) or a crash came between the record's commit and the delete. The age keeps a scan being
        attached right now (its file is written just before its record) out of reach. Housekeeping
        the app runs at start on the database thread; audited when it removed something."""
        cutoff = time.time() - older_than.total_seconds()
        known = self.ctx.attachments.ids()  # one query, not one per file
        removed = 0
        for path in self.ctx.paths.attachments.glob("*.bin"):
            try:
                if path.stem in known or path.stat().st_mtime >= cutoff:
                    continue
                path.unlink()
            except OSError:
                continue  # gone meanwhile, or still held: the next start tries again
            removed += 1
        if removed:
            with self.ctx.store.transaction():
                self.ctx.audit("system", "attachment.sweep", outcome="success", files=removed)
        return removed

    def verify_audit(self, actor: Actor) -> VerifyResult:
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        log = self.ctx.audit_log
        result = verify_chain(log.iter_events(), log.recorded_head())
        with self.ctx.store.transaction():
            self.ctx.audit(
                actor,
                "audit.verify",
                outcome="success" if result.ok else "failure",
                events=result.events,
                problems=len(result.problems),
            )
        return result
