"""Local staff accounts (not synced: each counter manages its own staff)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counter_app.store.db import Store


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    display_name: str
    role: str
    password_hash: str
    failed_attempts: int
    locked: bool
    active: bool
    created_at: str
    updated_at: str
    must_change_password: bool = False  # an administrator reset it: changed at the next login
    last_login_at: str | None = None
    last_failed_at: str | None = None


class UserRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def _record(row: dict[str, Any]) -> UserRecord:
        row = dict(row)
        for flag in ("locked", "active", "must_change_password"):
            row[flag] = bool(row.get(flag))
        return UserRecord(**row)

    def insert(self, record: UserRecord) -> None:
        self.store.execute(
            "INSERT INTO users (id, username, display_name, role, password_hash, failed_attempts, locked,"
            " active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                record.id,
                record.username,
                record.display_name,
                record.role,
                record.password_hash,
                record.failed_attempts,
                int(record.locked),
                int(record.active),
                record.created_at,
                record.updated_at,
            ),
        )

    def update(self, user_id: str, **changes: Any) -> None:
        assignments = ", ".join(f"{name} = ?" for name in changes)
        values = [int(v) if isinstance(v, bool) else v for v in changes.values()]
        self.store.execute(f"UPDATE users SET {assignments} WHERE id = ?", [*values, user_id])

    def by_id(self, user_id: str) -> UserRecord | None:
        row = self.store.one("SELECT * FROM users WHERE id = ?", (user_id,))
        return None if row is None else self._record(row)

    def by_username(self, username: str) -> UserRecord | None:
        row = self.store.one("SELECT * FROM users WHERE username = ?", (username,))
        return None if row is None else self._record(row)

    def all(self) -> list[UserRecord]:
        return [self._record(row) for row in self.store.all("SELECT * FROM users ORDER BY username")]

    def count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM users"))

    def count_active_admins(self) -> int:
        return int(
            self.store.scalar("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND locked = 0")
        )
