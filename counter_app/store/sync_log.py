"""SQL for the sync log: one row per sync run (when, what triggered it, what it moved, how it ended)."""

from __future__ import annotations

from typing import Any

from counter_app.store.db import Store


class SyncLogRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def start(self, started_at: str, trigger: str) -> int:
        cursor = self.store.execute(
            "INSERT INTO sync_log (started_at, trigger) VALUES (?, ?)", (started_at, trigger)
        )
        return int(cursor.lastrowid or 0)

    def finish(
        self,
        log_id: int,
        finished_at: str,
        outcome: str,
        pushed: int,
        pulled: int,
        conflicts: int,
        rejected: int,
        error: str | None,
    ) -> None:
        self.store.execute(
            "UPDATE sync_log SET finished_at = ?, outcome = ?, pushed = ?, pulled = ?, conflicts = ?,"
            " rejected = ?, error = ? WHERE id = ?",
            (finished_at, outcome, pushed, pulled, conflicts, rejected, error, log_id),
        )

    def recent(self, limit: int) -> list[dict[str, Any]]:
        """The last ``limit`` runs, newest first (a run still going has no ``finished_at``)."""
        rows = self.store.all(
            "SELECT id, started_at, finished_at, trigger, outcome, pushed, pulled, conflicts, rejected, error"
            " FROM sync_log ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [dict(row) for row in rows]
