"""The sync log: one row per run, written when it starts and when it ends (with its audit event)."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.accounts import Actor, Permission
from counter_app.services.context import Context
from counter_app.store.sync_log import SyncLogRepo

SYNC_ACTOR = "sync"
RECENT_RUNS = 50


@dataclass(frozen=True)
class SyncRun:
    id: int
    started_at: str
    finished_at: str | None  # None while it runs (or when the process died during it)
    trigger: str  # auto | manual | full | cli | ...
    outcome: str | None  # ok | partial | offline | cancelled | revoked | failed; None while it runs
    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    error: str | None


class SyncLogService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.repo = SyncLogRepo(ctx.store)

    def recent(self, actor: Actor, limit: int = RECENT_RUNS) -> list[SyncRun]:
        """The last runs, newest first (for the Admin page's Platform tab)."""
        self.ctx.require(actor, Permission.RUN_SYNC)
        return [
            SyncRun(
                id=int(row["id"]),
                started_at=str(row["started_at"]),
                finished_at=_text(row["finished_at"]),
                trigger=str(row["trigger"]),
                outcome=_text(row["outcome"]),
                pushed=int(row["pushed"] or 0),
                pulled=int(row["pulled"] or 0),
                conflicts=int(row["conflicts"] or 0),
                rejected=int(row["rejected"] or 0),
                error=_text(row["error"]),
            )
            for row in self.repo.recent(max(1, limit))
        ]

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


def _text(value: object) -> str | None:
    return None if value is None else str(value)
