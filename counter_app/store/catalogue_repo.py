"""Installed catalogue versions; exactly one is active."""

from __future__ import annotations

import json
from typing import Any

from counter_app.store.db import Store


class CatalogueRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def install(self, version: str, etag: str, document: dict[str, Any], installed_at: str) -> None:
        """Store a version and make it the active one (inside the caller's transaction)."""
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO catalogue_versions (version, etag, document, installed_at, active)"
                " VALUES (?,?,?,?,0) ON CONFLICT (version) DO UPDATE SET etag = excluded.etag,"
                " document = excluded.document",
                (version, etag, json.dumps(document, ensure_ascii=False), installed_at),
            )
            self.store.execute("UPDATE catalogue_versions SET active = (version = ?)", (version,))

    def active(self) -> tuple[str, str, dict[str, Any]] | None:
        row = self.store.one("SELECT version, etag, document FROM catalogue_versions WHERE active = 1")
        return None if row is None else (row["version"], row["etag"], json.loads(row["document"]))

    def document(self, version: str) -> dict[str, Any] | None:
        text = self.store.scalar("SELECT document FROM catalogue_versions WHERE version = ?", (version,))
        return None if text is None else json.loads(text)

    def versions(self) -> list[str]:
        return [
            r["version"]
            for r in self.store.all("SELECT version FROM catalogue_versions ORDER BY installed_at")
        ]
