"""Ratings (好差评) and the rectification tasks a poor rating opens."""

from __future__ import annotations

from typing import Any

from counter_app.store.db import Store


class RatingRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def insert(self, values: dict[str, Any]) -> None:
        columns = ", ".join(values)
        self.store.execute(
            f"INSERT INTO ratings ({columns}) VALUES ({', '.join('?' for _ in values)})",
            list(values.values()),
        )

    def for_application(self, application_id: str) -> dict[str, Any] | None:
        return self.store.one("SELECT * FROM ratings WHERE application_id = ?", (application_id,))

    def insert_rectification(self, values: dict[str, Any]) -> None:
        columns = ", ".join(values)
        self.store.execute(
            f"INSERT INTO rectifications ({columns}) VALUES ({', '.join('?' for _ in values)})",
            list(values.values()),
        )

    def rectification(self, rectification_id: str) -> dict[str, Any] | None:
        return self.store.one("SELECT * FROM rectifications WHERE id = ?", (rectification_id,))

    def rectification_for_rating(self, rating_id: str) -> dict[str, Any] | None:
        return self.store.one("SELECT * FROM rectifications WHERE rating_id = ?", (rating_id,))

    def open_rectifications(self) -> list[dict[str, Any]]:
        return self.store.all("SELECT * FROM rectifications WHERE status = 'open' ORDER BY due_date")

    def close_rectification(self, rectification_id: str, resolution: str, closed_at: str) -> None:
        self.store.execute(
            "UPDATE rectifications SET status = 'closed', resolution = ?, closed_at = ?,"
            " sync_state = 'pending' WHERE id = ?",
            (resolution, closed_at, rectification_id),
        )
