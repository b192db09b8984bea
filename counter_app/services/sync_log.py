"""The sync log: one row per run, written when it starts and when it ends (with its audit event)."""

from __future__ import annotations

from counter_app.services.context import Context
from counter_app.store.sync_log import SyncLogRepo

SYNC_ACTOR = "sync"


class SyncLogService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.repo = SyncLogRepo(ctx.store)

    def start(self, trigger: str) -> int:
        with self.ctx.store.transaction():
            return self.repo.start(self.ctx.now_iso(), trigger)

    def finish(
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
            self.repo.finish(log_id, self.ctx.now_iso(), outcome, pushed, pulled, conflicts, rejected, error)
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
