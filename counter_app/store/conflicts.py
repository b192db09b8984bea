"""SQL for sync conflicts: an op the platform refused because another writer changed the same
fields. Both versions are kept (encrypted: they hold personal data) until someone resolves it."""

from __future__ import annotations

import json
from typing import Any

from counter_app.crypto import FieldCipher
from counter_app.store.db import Store

_CONFLICT = "conflict.data"


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
        out = []
        for row in rows:
            row = dict(row)
            row["fields"] = json.loads(row["fields"])
            row["local"] = json.loads(self.cipher.decrypt_bytes(row.pop("local_enc"), _CONFLICT))
            row["server"] = json.loads(self.cipher.decrypt_bytes(row.pop("server_enc"), _CONFLICT))
            out.append(row)
        return out

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
