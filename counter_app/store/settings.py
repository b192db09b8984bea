"""Key/value settings of the profile (install id, device prefix, secrets backend, ...)."""

from __future__ import annotations

from counter_app.store.db import Store


class SettingsRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self.store.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else value

    def set(self, key: str, value: str | None) -> None:
        self.store.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def all(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.store.all("SELECT key, value FROM settings")}
