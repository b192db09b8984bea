"""The SQLite connection of one office profile.

WAL, ``synchronous=FULL`` (an acknowledged commit survives power loss), foreign keys on. The
connection runs in autocommit mode and :meth:`Store.transaction` issues ``BEGIN IMMEDIATE`` itself,
so a record, its outbox operation and its audit event commit together or not at all. (sqlite-utils'
own write helpers wrap their work in ``with conn:``, which would commit an enclosing transaction
early; inside a transaction the repositories therefore write with :meth:`Store.execute`.)

A connection belongs to the thread that opened it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from counter_app.errors import CorruptDatabase, DatabaseTooNew

Params = Sequence[Any] | dict[str, Any]


class Store:
    def __init__(
        self, path: Path | str, *, backups: list[str] | None = None, max_version: int | None = None
    ) -> None:
        """``max_version``: refuse (and leave untouched) a database whose schema is newer."""
        self.path = Path(path)
        try:
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
            self.db = sqlite_utils.Database(conn)
            found = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if max_version is not None and found > max_version:
                conn.close()
                raise DatabaseTooNew(str(self.path), found, max_version)
            self._configure()
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabase(str(self.path), str(exc), backups) from exc
        self._depth = 0

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA busy_timeout = 30000")
        # Reading the schema touches the file header: a file that is not a database fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.DatabaseError(f"cannot switch to WAL (journal_mode={mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One write transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def reader(self) -> sqlite3.Connection:
        """A second connection to the same file, read-only, for one other thread at a time (it sees
        what was last committed: WAL lets it read while this connection writes)."""
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=30.0, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        return next(iter(self.db.query(sql, params)), None)

    def all(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def integrity_check(self) -> str:
        return str(self.scalar("PRAGMA integrity_check"))

    def backup_to(self, target: Path | str) -> None:
        """A consistent online copy (SQLite's backup API), safe while others write."""
        dest = sqlite3.connect(str(target))
        try:
            self.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()

    def checkpoint(self) -> None:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.conn.close()
