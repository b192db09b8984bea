"""Ratings (好差评) and the rectification tasks a poor rating opens."""

from __future__ import annotations

import json
from typing import Any

from counter_app.canonical import canonical_json
from counter_app.store.db import Store


def aspects_column(aspects: list[str] | None) -> str | None:
    """The ``unsatisfied_aspects`` column: canonical JSON (as a pulled rating is stored), NULL for none."""
    return canonical_json(aspects) if aspects else None


def aspects_value(column: str | None) -> list[str]:
    return json.loads(column) if column else []


class RatingRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def insert(self, values: dict[str, Any]) -> None:
        """A rating as the use case holds it (``unsatisfied_aspects`` a list or None)."""
        row = dict(values)
        if "unsatisfied_aspects" in row:
            row["unsatisfied_aspects"] = aspects_column(row["unsatisfied_aspects"])
        columns = ", ".join(row)
        self.store.execute(
            f"INSERT INTO ratings ({columns}) VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )

    def for_application(self, application_id: str) -> dict[str, Any] | None:
        """The visit's rating, ``unsatisfied_aspects`` as a list (empty when none was chosen)."""
        row = self.store.one("SELECT * FROM ratings WHERE application_id = ?", (application_id,))
        if row is not None:
            row["unsatisfied_aspects"] = aspects_value(row["unsatisfied_aspects"])
        return row

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

    def close_rectification(self, rectification_id: str, resolution: str, closed_at: str) -> bool:
        """Close an open task; False if it was not open (closed meanwhile, here or by a pull)."""
        cursor = self.store.execute(
            "UPDATE rectifications SET status = 'closed', resolution = ?, closed_at = ?,"
            " sync_state = 'pending' WHERE id = ? AND status = 'open'",
            (resolution, closed_at, rectification_id),
        )
        return cursor.rowcount == 1

    # --- the supervisor's rectification list -------------------------------------------------------
    def rectification_rows(self, state: str, today: str, limit: int, offset: int) -> list[dict[str, Any]]:
        """Tasks with their case and rating; ``state``: open (overdue ones too), overdue, closed or all.
        Open tasks by due date, the most urgent first; closed ones the latest closed first."""
        # The page is chosen among the tasks alone; only its rows are joined to their case and rating.
        sql = (
            f"WITH page AS (SELECT r.rowid AS rid FROM rectifications r WHERE {_STATES[state]}"
            f"{_ORDER} LIMIT :limit OFFSET :offset)"
            f" {_RECTIFICATION_SELECT}{_ORDER}"
        )
        rows = self.store.all(sql, {"today": today, "limit": limit, "offset": offset})
        for row in rows:
            row["unsatisfied_aspects"] = tuple(aspects_value(row["unsatisfied_aspects"]))
        return rows

    def rectification_counts(self, today: str) -> tuple[int, int, int]:
        """``(open, overdue, closed)``; open counts the overdue ones too."""
        row = self.store.conn.execute(
            "SELECT coalesce(sum(status = 'open'), 0), coalesce(sum(status = 'open' AND due_date < ?), 0),"
            " coalesce(sum(status = 'closed'), 0) FROM rectifications",
            (today,),
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])


# The tasks of ``page`` with their case's receipt number, service item and applicant's name (no ID
# number), and the rating; foreign keys give every task all three. Due dates are ISO dates, so
# "before today" compares as text.
_RECTIFICATION_SELECT = (
    "SELECT r.id, r.application_id, a.receipt_no, a.item_code, p.name AS applicant_name, r.rating_id,"
    " g.level, g.channel, g.comment, g.unsatisfied_aspects, g.rated_at, r.due_date, r.status,"
    " (r.status = 'open' AND r.due_date < :today) AS overdue, r.resolution, r.closed_at, r.version,"
    " r.sync_state"
    " FROM page CROSS JOIN rectifications r ON r.rowid = page.rid JOIN ratings g ON g.id = r.rating_id"
    " JOIN applications a ON a.id = r.application_id JOIN applicants p ON p.id = a.applicant_id"
)
_ORDER = (
    " ORDER BY r.status = 'closed', CASE WHEN r.status = 'open' THEN r.due_date END, r.closed_at DESC, r.id"
)
_STATES = {
    "open": "r.status = 'open'",
    "overdue": "r.status = 'open' AND r.due_date < :today",
    "closed": "r.status = 'closed'",
    "all": "1",
}
RECTIFICATION_STATES = tuple(_STATES)
