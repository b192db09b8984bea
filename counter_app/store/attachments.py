"""Metadata of attachment files; the files themselves are encrypted under ``attachments/``."""

from __future__ import annotations

from typing import Any

from counter_app.crypto import FieldCipher
from counter_app.store.db import Store

_NAME = "attachment.name"


class AttachmentRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher

    def insert(
        self,
        attachment_id: str,
        application_id: str,
        material_code: str,
        name: str,
        mime: str,
        size: int,
        sha256: str,
        created_at: str,
    ) -> None:
        self.store.execute(
            "INSERT INTO attachments (id, application_id, material_code, name_enc, mime, size, sha256,"
            " created_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                attachment_id,
                application_id,
                material_code,
                self.cipher.encrypt(name, _NAME),
                mime,
                size,
                sha256,
                created_at,
            ),
        )

    def _decode(self, row: dict[str, Any]) -> dict[str, Any]:
        row = dict(row)
        row["name"] = self.cipher.decrypt(row.pop("name_enc"), _NAME)
        return row

    def get(self, attachment_id: str) -> dict[str, Any] | None:
        row = self.store.one("SELECT * FROM attachments WHERE id = ?", (attachment_id,))
        return None if row is None else self._decode(row)

    def ids(self) -> set[str]:
        return {row["id"] for row in self.store.all("SELECT id FROM attachments")}

    def delete(self, attachment_id: str) -> None:
        self.store.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))

    def for_application(self, application_id: str) -> list[dict[str, Any]]:
        rows = self.store.all(
            "SELECT * FROM attachments WHERE application_id = ? ORDER BY created_at", (application_id,)
        )
        return [self._decode(row) for row in rows]
