"""SQL on database files that are not open as the profile: a backup being checked, the current
database being set aside before a restore."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from counter_app.errors import CorruptDatabase


@dataclass(frozen=True)
class DatabaseFacts:
    integrity: str
    version: int
    install_id: str | None
    secrets_backend: str | None = None  # where the profile's data key is kept (counter_app.secrets)


def inspect(path: Path, *, label: str | None = None, check: bool = True) -> DatabaseFacts:
    """Integrity (unless ``check`` is off), schema version and install id of a closed database file."""
    conn = sqlite3.connect(str(path))
    try:
        integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0]) if check else "unchecked"
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        try:
            rows = dict(
                conn.execute(
                    "SELECT key, value FROM settings WHERE key IN ('install_id', 'secrets_backend')"
                ).fetchall()
            )
        except sqlite3.OperationalError:  # no settings table: not a profile (yet)
            rows = {}
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabase(label or str(path), str(exc)) from exc
    finally:
        conn.close()
    return DatabaseFacts(integrity, version, rows.get("install_id"), rows.get("secrets_backend"))


def copy_closed(source: Path, target: Path) -> None:
    """A consistent copy of a database no one has open (its WAL folded in first)."""
    current = sqlite3.connect(str(source))
    try:
        current.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dest = sqlite3.connect(str(target))
        try:
            current.backup(dest)
        finally:
            dest.close()
    finally:
        current.close()


def carry_receipt_sequences(source: Path, target: Path) -> int:
    """Raise each day's receipt sequence in ``target`` to at least ``source``'s (both closed): a
    database restored from a backup must not issue again a receipt number the replaced one issued
    (printed on a citizen's notice, perhaps sent to the platform). Returns the days raised."""
    try:
        current = sqlite3.connect(str(source))
        try:
            issued = current.execute("SELECT day, last FROM receipt_sequences").fetchall()
        finally:
            current.close()
    except sqlite3.DatabaseError:
        return 0  # unreadable or older than receipt sequences: nothing known to carry
    restored = sqlite3.connect(str(target))
    try:
        with restored:
            raised = 0
            for day, last in issued:
                changed = restored.execute(
                    "INSERT INTO receipt_sequences (day, last) VALUES (?, ?) "
                    "ON CONFLICT (day) DO UPDATE SET last = excluded.last WHERE excluded.last > last",
                    (day, last),
                ).rowcount
                raised += changed
    finally:
        restored.close()
    return raised
