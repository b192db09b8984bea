"""Read-only lists across tables: the applications list with its applicant's masked data."""

from __future__ import annotations

from typing import Any

from counter_app.records import ApplicationRow
from counter_app.store.db import Store

_SELECT = (
    "SELECT a.id, a.receipt_no, a.applicant_id, p.name AS applicant_name, p.id_masked, a.item_code,"
    " a.catalogue_version, a.status, a.accepted_on, a.due_date, a.sync_state, a.created_at"
    " FROM applications a JOIN applicants p ON p.id = a.applicant_id"
)
# Newest first; the receipt number breaks ties so that pages never overlap.
_ORDER = " ORDER BY a.created_at DESC, a.receipt_no DESC"


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class QueryRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def _row(row: dict[str, Any]) -> ApplicationRow:
        return ApplicationRow(**row)

    def applications(
        self, *, status: str | None = None, text: str = "", limit: int = 200, offset: int = 0
    ) -> list[ApplicationRow]:
        """A page of applications; ``text`` matches part of the receipt number, the applicant's name
        or the name's pinyin initials."""
        where: list[str] = []
        params: list[Any] = []
        if status:
            where.append("a.status = ?")
            params.append(status)
        if text:
            pattern = _like(text)
            where.append(
                "(a.receipt_no LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\'"
                " OR p.name_initials LIKE ? ESCAPE '\\')"
            )
            params.extend([pattern, pattern, pattern.lower()])
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER + " LIMIT ? OFFSET ?"
        rows = self.store.all(sql, [*params, limit, offset])
        return [self._row(row) for row in rows]

    def applications_of(self, applicant_id: str) -> list[ApplicationRow]:
        rows = self.store.all(_SELECT + " WHERE a.applicant_id = ?" + _ORDER, (applicant_id,))
        return [self._row(row) for row in rows]
