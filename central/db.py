"""The central platform's database: SQLAlchemy Core over SQLite (default) or PostgreSQL.

The server process keeps no state in memory: every request reads and writes here, so several
``counter-central serve`` processes (or hosts) can share one PostgreSQL. What must be coordinated is
coordinated by the database: the per-office change cursor is allocated under a row lock on
``office_counters`` held until commit (so cursors become visible in commit order), the per-device
push is serialised by the same lock, and rate-limit counters are rows.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import Connection

from sync.protocol import EMPTY_XOR

metadata = MetaData()

meta = Table(
    "meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False)
)

offices = Table(
    "offices",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),
)

office_counters = Table(
    "office_counters",
    metadata,
    Column("office_code", String(32), ForeignKey("offices.code"), primary_key=True),
    Column("last_cursor", BigInteger, nullable=False, default=0),
    # The office's records as GET /v1/sync/verify?digest=xor answers them (sync.protocol.records_xor),
    # kept by records.save_many in the transaction that changes them (schema v2).
    Column("record_count", BigInteger, nullable=False, server_default="0"),
    Column("record_xor", String(64), nullable=False, server_default=EMPTY_XOR),
)

enroll_codes = Table(
    "enroll_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("office_code", String(32), ForeignKey("offices.code"), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", String(36)),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("office_code", String(32), ForeignKey("offices.code"), nullable=False),
    Column("name", String(100)),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("receipt_prefix", String(6), nullable=False, unique=True),
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("last_seen_at", String(40)),
)

records = Table(
    "records",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(20), nullable=False),
    Column("office_code", String(32), ForeignKey("offices.code"), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("data", Text, nullable=False),
    # field -> the version at which it last changed: what a stale op is compared against
    Column("field_versions", Text, nullable=False),
    Column("cursor", BigInteger, nullable=False),
    Column("receipt_no", String(20)),
    # What may exist once per office: one rating per application, one rectification per rating.
    Column("unique_key", String(80)),
    Column("origin_device", String(36)),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Index("records_office_cursor", "office_code", "cursor"),
    # Unique across offices: device prefixes are unique, so two offices can never mint the same number.
    Index("records_receipt", "receipt_no", unique=True),
    Index("records_unique_key", "unique_key", unique=True),
)

applied_ops = Table(
    "applied_ops",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("result", Text, nullable=False),
    Column("applied_at", String(40), nullable=False),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", String(40), nullable=False),
)

uploads = Table(
    "uploads",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("office_code", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("offset", BigInteger, nullable=False, default=0),
    Column("created_at", String(40), nullable=False),
    Column("completed_at", String(40)),
)

upload_chunks = Table(
    "upload_chunks",
    metadata,
    Column("upload_id", String(36), ForeignKey("uploads.id"), primary_key=True),
    Column("offset", BigInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

catalogues = Table(
    "catalogues",
    metadata,
    Column("version", String(40), primary_key=True),
    Column("etag", String(64), nullable=False),
    Column("document", Text, nullable=False),
    Column("published_at", String(40), nullable=False),
    Column("active", Boolean, nullable=False, default=False),
)

audit_heads = Table(
    "audit_heads",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device_id", String(36), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("device_ts", String(40), nullable=False),
    Column("received_at", String(40), nullable=False),
    Index("audit_heads_device", "device_id", "seq"),
)

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("window", BigInteger, primary_key=True),
    Column("count", Integer, nullable=False),
)


def default_url() -> str:
    env = os.environ.get("COUNTER_CENTRAL_DB")
    if env:
        return env
    data = Path(platformdirs.user_data_dir("counter-central", appauthor=False))
    data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data / 'central.db'}"


def _use_wal(cursor: sqlite3.Cursor, wait_s: float = 30.0) -> None:
    """Switch a SQLite file to WAL once. Several server processes opening a new file at the same
    moment all ask for it, and SQLite answers "database is locked" at once, without waiting on the
    busy timeout, to the ones that lose the race: they try again until the winner is done."""
    deadline = time.monotonic() + wait_s
    pause = 0.01
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)  # back off: another connection is switching the file right now
            pause = min(pause * 2, 0.5)


def make_engine(url: str | None = None) -> Engine:
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout = 30000")
            _use_wal(cursor)
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            # Take the write lock up front: no deadlock when two readers both try to write.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # A fixed pool, no overflow: an overflow connection is closed when it is handed back, so under a
    # burst of syncs each request paid a new PostgreSQL backend (fork, authentication, cold caches):
    # twice the database's CPU per sync in benchmarks/many_counters.py. 20 per process is half the
    # server's 40 request threads; size max_connections (or pgbouncer) as processes × 20 (docs/scaling.md).
    return create_engine(url, pool_size=20, max_overflow=0, pool_pre_ping=True)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    with engine.begin() as conn:
        yield conn
