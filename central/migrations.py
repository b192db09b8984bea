"""Schema versions of the central database (``meta.schema_version``).

To change the schema: add ``upgrade_to_N(conn)`` below and to ``MIGRATIONS``; new tables go into
``central/db.py`` too (``metadata`` describes the latest schema and creates a new database at once).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import Engine, inspect, select
from sqlalchemy.engine import Connection

from central.db import meta, metadata

LATEST_VERSION = 1


def upgrade_to_1(conn: Connection) -> None:
    metadata.create_all(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: upgrade_to_1}


class CentralSchemaTooNew(RuntimeError):
    pass


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value else 0


def migrate(engine: Engine) -> int:
    """Create or upgrade the schema; each step in one transaction. Returns the final version."""
    with engine.begin() as conn:
        version = current_version(conn)
    if version > LATEST_VERSION:
        raise CentralSchemaTooNew(f"database schema {version} is newer than this server ({LATEST_VERSION})")
    for step in range(version + 1, LATEST_VERSION + 1):
        with engine.begin() as conn:
            if step == 1:
                MIGRATIONS[1](conn)
                conn.execute(meta.insert().values(key="server_epoch", value=secrets.token_hex(8)))
                conn.execute(meta.insert().values(key="schema_version", value="1"))
            else:
                MIGRATIONS[step](conn)
                conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(step)))
    return LATEST_VERSION
