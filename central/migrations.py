"""Schema versions of the central database (``meta.schema_version``).

A new (empty) database is made at once from ``central/db.py``'s ``metadata``, which describes the
latest schema, and stamped ``LATEST_VERSION`` together with its server epoch, in one transaction.
An older database is brought up one step at a time: ``upgrade_to_N`` and the bump of
``schema_version`` in one transaction. Every one of these transactions first takes the migration
lock (PostgreSQL: an advisory lock held until commit; SQLite: the write lock, which ``make_engine``
takes with ``BEGIN IMMEDIATE``) and only then reads the version, so any number of server processes
may start at once against one database: one does each step, the others wait and find it done. A
database newer than this server is refused and left untouched.

To change the schema:
  1. first save a database of the current version: ``python -m tests.fixtures.make_central_fixtures``
     writes ``tests/fixtures/central_v<LATEST_VERSION>.sqlite`` (saved files are never rewritten);
  2. write ``upgrade_to_N(conn)`` below in explicit DDL (never from ``metadata``: that is the latest
     schema, not version N) with any backfill, and add it to ``MIGRATIONS``;
  3. change ``central/db.py`` to the same schema; ``tests/central/test_migrations.py`` checks that
     every saved version upgrades and comes out with the schema a new database gets.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.engine import Connection

from central.db import meta, metadata
from sync.protocol import EMPTY_XOR, record_hash, xor_hex


def upgrade_to_2(conn: Connection) -> None:
    """Each office's record count and XOR digest (``GET /v1/sync/verify?digest=xor``), computed
    once here from its records; ``records.save_many`` keeps them from then on."""
    conn.execute(text("ALTER TABLE office_counters ADD COLUMN record_count BIGINT NOT NULL DEFAULT 0"))
    conn.execute(
        text(f"ALTER TABLE office_counters ADD COLUMN record_xor VARCHAR(64) NOT NULL DEFAULT '{EMPTY_XOR}'")
    )
    totals: dict[str, list[int]] = {}
    for office_code, entity, record_id, version in conn.execute(
        text("SELECT office_code, entity, id, version FROM records")
    ):
        total = totals.setdefault(office_code, [0, 0])
        total[0] += 1
        total[1] ^= record_hash(entity, record_id, int(version))
    for office_code, (count, xor) in totals.items():
        conn.execute(
            text(
                "UPDATE office_counters SET record_count = :count, record_xor = :xor"
                " WHERE office_code = :office"
            ),
            {"count": count, "xor": xor_hex(xor), "office": office_code},
        )


# upgrade_to_N for N >= 2. Version 1 is the first schema: a database is never upgraded *to* it.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: upgrade_to_2}
LATEST_VERSION = max(MIGRATIONS, default=1)

# The key of the PostgreSQL advisory lock around migrating (any fixed 64-bit number: "CounterM").
MIGRATION_LOCK_KEY = 0x436F756E7465724D


class CentralSchemaTooNew(RuntimeError):
    pass


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value else 0


def _lock(conn: Connection) -> None:
    """Serialise migrating processes; called first in the transaction, released by its end."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    # SQLite: make_engine begins every transaction with BEGIN IMMEDIATE, so the write lock is held.


def migrate(engine: Engine) -> int:
    """Create or upgrade the schema, each step in one transaction under the migration lock.
    Returns the final version (``LATEST_VERSION``)."""
    while True:
        with engine.begin() as conn:
            _lock(conn)
            version = current_version(conn)
            if version > LATEST_VERSION:
                raise CentralSchemaTooNew(
                    f"database schema {version} is newer than this server ({LATEST_VERSION})"
                )
            if version == LATEST_VERSION:
                return version
            if version == 0:
                metadata.create_all(conn)
                conn.execute(meta.insert().values(key="server_epoch", value=secrets.token_hex(8)))
                conn.execute(meta.insert().values(key="schema_version", value=str(LATEST_VERSION)))
            else:
                MIGRATIONS[version + 1](conn)
                conn.execute(
                    meta.update().where(meta.c.key == "schema_version").values(value=str(version + 1))
                )
