"""``central.records.insert_rows``, the push's bulk insert (COPY on PostgreSQL, executemany on
SQLite): the rows arrive whole inside the caller's transaction, and a failure is SQLAlchemy's error
class on both, so the API answers it alike and the transaction keeps nothing. And
``central.records.keyed``, the push's lookups by key (one array on PostgreSQL, ``IN`` chunks on
SQLite): exactly the rows whose key is asked for."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DataError, IntegrityError

from central import db
from central.db import make_engine, transaction
from central.migrations import migrate
from central.records import KEYED_CHUNK, insert_rows, keyed
from tests import pg

COLUMNS = ("op_id", "device_id", "payload_hash", "result", "applied_at")


def _row(n: int, result: str = '{"status":"applied"}') -> tuple[str, str, str, str, str]:
    return (f"op-{n:04d}", "device-1", f"hash-{n}", result, "2026-12-04T10:00:00+00:00")


def _count(engine) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(db.applied_ops)).scalar_one())


def test_rows_arrive_whole_with_their_values(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    rows = [_row(n) for n in range(300)] + [_row(300, 'quote " tab \t backslash \\ 汉字')]
    with transaction(engine) as conn:
        insert_rows(conn, "applied_ops", COLUMNS, rows)
        insert_rows(conn, "applied_ops", COLUMNS, [])  # nothing to insert: no statement
    with engine.connect() as conn:
        stored = conn.execute(
            select(*(db.applied_ops.c[name] for name in COLUMNS)).order_by(db.applied_ops.c.op_id)
        ).all()
    assert [tuple(row) for row in stored] == rows
    engine.dispose()


def test_a_duplicate_fails_as_sqlalchemys_error_and_keeps_nothing(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    with transaction(engine) as conn:
        insert_rows(conn, "applied_ops", COLUMNS, [_row(1)])
    with pytest.raises(IntegrityError), transaction(engine) as conn:
        insert_rows(conn, "applied_ops", COLUMNS, [_row(2), _row(3)])
        insert_rows(conn, "applied_ops", COLUMNS, [_row(4), _row(1)])  # op-0001 is there already
    assert _count(engine) == 1  # 2 and 3 went with the failed transaction
    engine.dispose()


def test_a_value_postgresql_cannot_hold_is_a_data_error(pg_server: str) -> None:
    # (SQLite's TEXT holds a NUL character; PostgreSQL's refuses it, inside the COPY.)
    engine = make_engine(pg.create_database(pg_server))
    migrate(engine)
    with pytest.raises(DataError), transaction(engine) as conn:
        insert_rows(conn, "applied_ops", COLUMNS, [_row(1, "nul \x00 inside")])
    assert _count(engine) == 0
    engine.dispose()


def test_keyed_finds_exactly_the_rows_asked_for(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    held = [_row(n) for n in range(0, 2 * KEYED_CHUNK + 10, 2)]  # even numbers only
    with transaction(engine) as conn:
        insert_rows(conn, "applied_ops", COLUMNS, held)
    asked = [f"op-{n:04d}" for n in range(2 * KEYED_CHUNK + 10)]  # more than one chunk, half absent
    with engine.connect() as conn:
        found = keyed(conn, "applied_ops", "op_id", "op_id, payload_hash", asked + asked[:5])  # repeats
        assert sorted(tuple(row) for row in found) == sorted((row[0], row[2]) for row in held)
        assert keyed(conn, "applied_ops", "op_id", "op_id", []) == []
        assert keyed(conn, "applied_ops", "op_id", "op_id", ["op-9999", "quote ' and 汉字"]) == []
    engine.dispose()
