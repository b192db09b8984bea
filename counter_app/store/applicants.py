"""Applicants (citizens and organisations). ID numbers, phones and addresses are stored encrypted,
with a blind index for exact lookup; a masked form is kept for lists and printed notices."""

from __future__ import annotations

from typing import Any

from counter_app.crypto import FieldCipher
from counter_app.records import ApplicantDetails, ApplicantSummary
from counter_app.store import name_index
from counter_app.store.db import Store

_ID, _PHONE, _ADDRESS = "applicant.id_number", "applicant.phone", "applicant.address"

SUMMARY_COLUMNS = (
    "id, kind, name, name_initials, id_type, id_masked, birth_date, sex, phone_masked, representative, "
    "version, sync_state, created_at, updated_at"
)


class ApplicantRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher

    def id_index(self, id_number: str) -> str | None:
        return self.cipher.blind_index(id_number, _ID)

    def row_for_insert(
        self, row: dict[str, Any], *, id_number: str | None, phone: str | None, address: str | None
    ) -> dict[str, Any]:
        """The columns ``insert`` writes: ``row`` and the personal fields, sealed."""
        values = dict(row)
        values.update(self.sealed(id_number=id_number, phone=phone, address=address))
        return values

    def insert(
        self, row: dict[str, Any], *, id_number: str | None, phone: str | None, address: str | None
    ) -> None:
        values = self.row_for_insert(row, id_number=id_number, phone=phone, address=address)
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self.store.execute(f"INSERT INTO applicants ({columns}) VALUES ({marks})", list(values.values()))

    def update(self, applicant_id: str, changes: dict[str, Any], **sensitive: str | None) -> None:
        values = dict(changes)
        values.update(self.sealed(**sensitive))
        assignments = ", ".join(f"{name} = ?" for name in values)
        self.store.execute(
            f"UPDATE applicants SET {assignments} WHERE id = ?", [*values.values(), applicant_id]
        )

    def sealed(self, **fields: str | None) -> dict[str, Any]:
        """The stored columns of the sensitive ``fields`` given (``id_number``, ``phone``,
        ``address``): ciphertext, and the blind index of the two that are looked up."""
        out: dict[str, Any] = {}
        if "id_number" in fields:
            out["id_number_enc"] = self.cipher.encrypt(fields["id_number"], _ID)
            out["id_number_bidx"] = self.cipher.blind_index(fields["id_number"], _ID)
        if "phone" in fields:
            out["phone_enc"] = self.cipher.encrypt(fields["phone"], _PHONE)
            out["phone_bidx"] = self.cipher.blind_index(fields["phone"], _PHONE)
        if "address" in fields:
            out["address_enc"] = self.cipher.encrypt(fields["address"], _ADDRESS)
        return out

    @staticmethod
    def _summary(row: dict[str, Any]) -> ApplicantSummary:
        return ApplicantSummary(**{name: row[name] for name in ApplicantSummary.__dataclass_fields__})

    def get(self, applicant_id: str) -> ApplicantSummary | None:
        row = self.store.one(f"SELECT {SUMMARY_COLUMNS} FROM applicants WHERE id = ?", (applicant_id,))
        return None if row is None else self._summary(row)

    def details(self, applicant_id: str) -> ApplicantDetails | None:
        row = self.store.one("SELECT * FROM applicants WHERE id = ?", (applicant_id,))
        if row is None:
            return None
        return ApplicantDetails(
            summary=self._summary(row),
            id_number=self.cipher.decrypt(row["id_number_enc"], _ID),
            phone=self.cipher.decrypt(row["phone_enc"], _PHONE),
            address=self.cipher.decrypt(row["address_enc"], _ADDRESS),
        )

    def find_by_id_number(self, id_number: str) -> ApplicantSummary | None:
        row = self.store.one(
            f"SELECT {SUMMARY_COLUMNS} FROM applicants WHERE id_number_bidx = ?", (self.id_index(id_number),)
        )
        return None if row is None else self._summary(row)

    def find_by_phone(self, phone: str) -> list[ApplicantSummary]:
        rows = self.store.all(
            f"SELECT {SUMMARY_COLUMNS} FROM applicants WHERE phone_bidx = ? LIMIT 50",
            (self.cipher.blind_index(phone, _PHONE),),
        )
        return [self._summary(row) for row in rows]

    def search_name(self, text: str, limit: int = 50) -> list[ApplicantSummary]:
        """Applicants whose name contains ``text`` (any part: 秀英 finds 王秀英), or, for Latin
        ``text``, whose pinyin initials contain it (wxy and xy find 王秀英): exactly ``name LIKE
        '%text%'`` or ``name_initials LIKE '%text%'``, read through the name index of migration v8
        (:mod:`counter_app.store.name_index`), in the list's applicant order (initials, name, id)."""
        if not text:
            return []
        match = name_index.by_initials(text) if text.isascii() else name_index.by_name(text)
        found: list[ApplicantSummary] = []
        for key in self.store.conn.execute(match.keys(), {**match.params, "limit": limit}).fetchall():
            rows = self.store.all(match.of_key(SUMMARY_COLUMNS), (*key, limit - len(found)))
            found.extend(self._summary(row) for row in rows)
            if len(found) >= limit:
                break
        return found

    def count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM applicants"))
