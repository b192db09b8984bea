"""SQL for sync conflicts: an op the platform refused because another writer changed the same
fields. Both versions are kept (encrypted: they hold personal data) until someone resolves it."""

from __future__ import annotations

import json
from typing import Any

from counter_app.crypto import FieldCipher
from counter_app.store.db import Store

_CONFLICT = "conflict.data"
# Records that belong to an application (``application_id``), by entity: their table.
_OF_APPLICATION = {"attachment": "attachments", "rating": "ratings", "rectification": "rectifications"}


class ConflictRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher

    def add(
        self,
        entity: str,
        entity_id: str,
        op_id: str,
        fields: list[str],
        local: dict[str, Any],
        server_version: int,
        server_data: dict[str, Any],
        now: str,
    ) -> None:
        enc = self.cipher.encrypt_bytes
        self.store.execute(
            "INSERT OR IGNORE INTO conflicts (entity, entity_id, op_id, fields, local_enc, server_version,"
            " server_enc, detected_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                entity,
                entity_id,
                op_id,
                json.dumps(fields),
                enc(_dump(local), _CONFLICT),
                server_version,
                enc(_dump(server_data), _CONFLICT),
                now,
            ),
        )

    def open(self) -> list[dict[str, Any]]:
        rows = self.store.all("SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY id")
        return [self._decrypted(row) for row in rows]

    def get_open(self, conflict_id: int) -> dict[str, Any] | None:
        row = self.store.one("SELECT * FROM conflicts WHERE id = ? AND resolved_at IS NULL", (conflict_id,))
        return None if row is None else self._decrypted(row)

    def _decrypted(self, row: dict[str, Any]) -> dict[str, Any]:
        row = dict(row)
        row["fields"] = json.loads(row["fields"])
        row["local"] = json.loads(self.cipher.decrypt_bytes(row.pop("local_enc"), _CONFLICT))
        row["server"] = json.loads(self.cipher.decrypt_bytes(row.pop("server_enc"), _CONFLICT))
        return row

    def labels(self, entity: str, record_id: str) -> tuple[str | None, str | None]:
        """What a person recognises a record by: ``(receipt number, applicant's name)`` — an
        applicant has only a name; an application, and a record of one, both. None where this
        counter does not hold the record (or its application)."""
        if entity == "applicant":
            return None, self.store.scalar("SELECT name FROM applicants WHERE id = ?", (record_id,))
        if entity == "application":
            where = "applications.id = ?"
        elif entity in _OF_APPLICATION:
            table = _OF_APPLICATION[entity]
            where = f"applications.id = (SELECT application_id FROM {table} WHERE id = ?)"
        else:
            return None, None
        row = self.store.conn.execute(
            "SELECT applications.receipt_no, applicants.name FROM applications"
            f" LEFT JOIN applicants ON applicants.id = applications.applicant_id WHERE {where}",
            (record_id,),
        ).fetchone()
        return (None, None) if row is None else (row[0], row[1])

    def platform_copy(self, entity_id: str, version: int) -> dict[str, Any] | None:
        """The platform's record at ``version`` as a conflict kept it, if one resolved by keeping this
        counter's change did (the op sent again then went out on top of that version)."""
        row = self.store.one(
            "SELECT server_enc FROM conflicts WHERE entity_id = ? AND server_version = ?"
            " AND resolved_at IS NOT NULL AND resolution != 'server' ORDER BY id DESC LIMIT 1",
            (entity_id, version),
        )
        return None if row is None else json.loads(self.cipher.decrypt_bytes(row["server_enc"], _CONFLICT))

    def records_in_conflict(self) -> set[str]:
        rows = self.store.conn.execute("SELECT entity_id FROM conflicts WHERE resolved_at IS NULL").fetchall()
        return {row[0] for row in rows}

    def in_conflict(self, record_id: str) -> bool:
        query = "SELECT 1 FROM conflicts WHERE entity_id = ? AND resolved_at IS NULL"
        return self.store.scalar(query, (record_id,)) is not None

    def count_open(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"))

    def resolve(self, conflict_id: int, resolution: str, now: str) -> None:
        self.store.execute(
            "UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
            (now, resolution, conflict_id),
        )


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
