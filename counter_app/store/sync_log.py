"""SQL for the sync log: one row per sync run (when, what triggered it, what it moved, how it ended)."""

from __future__ import annotations

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
