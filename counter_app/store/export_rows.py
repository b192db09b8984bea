"""The export's rows: the applications taken in during a period, with their applicant and rating, in
intake order, read a page at a time (an export of 200,000 applications never holds them all).

Pages are keyset pages on ``(created_at, receipt_no)`` (the ``applications_intake`` index), each a
short query of its own: no read stays open while the file is being written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from counter_app.crypto import FieldCipher
from counter_app.store.db import Store

PAGE_SIZE = 1000
_ID = "applicant.id_number"  # the cipher purpose of the ID number (store/applicants.py)
# created_at is ISO text with its offset: the indexed text comparison narrows by a margin (offsets run
# from -12:00 to +14:00), the comparison in UTC (datetime() reads the offset) decides.
_MARGIN = timedelta(days=2)


@dataclass(frozen=True)
class ExportRow:
    receipt_no: str
    item_code: str
    catalogue_version: str
    applicant_name: str
    id_masked: str | None
    id_number: str | None  # decrypted; None unless asked for
    status: str
    created_at: str
    accepted_on: str | None
    due_date: str | None
    completed_at: str | None
    delivered_at: str | None
    result: str | None
    rating_level: int | None


def _utc(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(), tz).astimezone(timezone.utc)


class ExportRowsRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher

    def taken_in(
        self, start: date, end: date, tz: tzinfo, *, full_ids: bool = False, page_size: int = PAGE_SIZE
    ) -> Iterator[ExportRow]:
        """The applications created from ``start`` to ``end`` (office days in ``tz``, both inclusive),
        oldest first; with ``full_ids`` each row carries the decrypted ID number too."""
        first, after_last = _utc(start, tz), _utc(end + timedelta(days=1), tz)
        params: dict[str, Any] = {
            "from_text": (first - _MARGIN).strftime("%Y-%m-%dT%H:%M:%S"),
            "from_utc": first.strftime("%Y-%m-%d %H:%M:%S"),
            "to_text": (after_last + _MARGIN).strftime("%Y-%m-%dT%H:%M:%S"),
            "to_utc": after_last.strftime("%Y-%m-%d %H:%M:%S"),
            "limit": page_size,
        }
        encrypted = ", p.id_number_enc" if full_ids else ""
        base = (
            "SELECT a.receipt_no, a.item_code, a.catalogue_version, p.name AS applicant_name, p.id_masked,"
            " a.status, a.created_at, a.accepted_on, a.due_date, a.completed_at, a.delivered_at, a.result,"
            f" r.level AS rating_level{encrypted}"
            " FROM applications a JOIN applicants p ON p.id = a.applicant_id"
            " LEFT JOIN ratings r ON r.application_id = a.id"
            " WHERE a.created_at >= :from_text AND a.created_at < :to_text"
            " AND datetime(a.created_at) >= :from_utc AND datetime(a.created_at) < :to_utc"
        )
        after: tuple[str, str] | None = None
        while True:
            sql = base
            if after is not None:
                sql += " AND (a.created_at, a.receipt_no) > (:last_at, :last_no)"
                params.update(last_at=after[0], last_no=after[1])
            rows = self.store.all(sql + " ORDER BY a.created_at, a.receipt_no LIMIT :limit", params)
            for row in rows:
                blob = row.pop("id_number_enc", None)
                yield ExportRow(**row, id_number=self.cipher.decrypt(blob, _ID) if full_ids else None)
            if len(rows) < page_size:
                return
            after = (rows[-1]["created_at"], rows[-1]["receipt_no"])
