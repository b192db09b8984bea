"""The per-day receipt sequence, advanced inside the caller's transaction."""

from __future__ import annotations

from datetime import date

from counter_app.store.db import Store


class ReceiptSequenceRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def next(self, day: date) -> int:
        key = day.isoformat()
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO receipt_sequences (day, last) VALUES (?, 1) "
                "ON CONFLICT (day) DO UPDATE SET last = last + 1",
                (key,),
            )
            return int(self.store.scalar("SELECT last FROM receipt_sequences WHERE day = ?", (key,)))
