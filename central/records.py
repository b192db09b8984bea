"""The office's records and their commit-ordered change cursor.

Every change to a record takes the next cursor of its office. Cursors are allocated only while the
office's ``office_counters`` row is locked, and the lock is held until the transaction commits, so
a cursor becomes visible only after every smaller cursor of the office has committed: a device that
pulls ``cursor > n`` never skips a change that committed late.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, bindparam, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from central import db
from counter_app.canonical import canonical_json
from sync.protocol import record_hash, xor_hex


@dataclass
class Record:
    entity: str
    id: str
    office_code: str
    version: int
    data: dict[str, Any]
    field_versions: dict[str, list[Any]]  # field -> [version, writer device id or None]
    cursor: int
    receipt_no: str | None
    created_at: str
    updated_at: str
    # The version the database holds (None: not saved yet). ``save_many`` XORs its hash out of the
    # office's digest and the new version's in, then sets it to ``version``.
    stored_version: int | None = None


# entity -> the field that may hold a given value once (one rating per application, ...)
UNIQUE_PER = {"rating": "application_id", "rectification": "rating_id"}


def unique_key(entity: str, data: dict[str, Any]) -> str | None:
    field = UNIQUE_PER.get(entity)
    value = data.get(field) if field else None
    return f"{entity}:{value}" if isinstance(value, str) else None


def dumps(value: Any) -> str:
    return canonical_json(value)


def lock_office(conn: Connection, office_code: str) -> int:
    """Lock the office's change cursor until commit; returns the last cursor handed out."""
    statement = select(db.office_counters.c.last_cursor).where(
        db.office_counters.c.office_code == office_code
    )
    if conn.dialect.name == "postgresql":
        statement = statement.with_for_update()
    return int(conn.execute(statement).scalar_one())


def next_cursor(conn: Connection, office_code: str) -> int:
    """The next cursor of the office (the caller holds ``lock_office``)."""
    return int(
        conn.execute(
            update(db.office_counters)
            .where(db.office_counters.c.office_code == office_code)
            .values(last_cursor=db.office_counters.c.last_cursor + 1)
            .returning(db.office_counters.c.last_cursor)
        ).scalar_one()
    )


def load(conn: Connection, record_id: str) -> Record | None:
    row = conn.execute(select(db.records).where(db.records.c.id == record_id)).first()
    return None if row is None else _from_row(row)


def save(conn: Connection, record: Record, *, origin_device: str | None, is_new: bool) -> None:
    if is_new:
        save_many(conn, [record], [], origin_device=origin_device)
    else:
        save_many(conn, [], [record], origin_device=origin_device)


def find_by_receipt(conn: Connection, receipt_no: str) -> Record | None:
    record_id = conn.execute(select(db.records.c.id).where(db.records.c.receipt_no == receipt_no)).scalar()
    return None if record_id is None else load(conn, record_id)


# Built once: ``last_cursor + count`` with a Python int builds a new BindParameter whose memoized
# comparator refers back to it, a reference cycle left to the cyclic GC on every push (5 objects,
# ~650 bytes), which in a server (gen0 threshold 50,000, app.tune_collector) piled up for ~10,000
# batches before a collection.
_RESERVE_CURSORS = (
    update(db.office_counters)
    .where(db.office_counters.c.office_code == bindparam("reserve_office"))
    .values(last_cursor=db.office_counters.c.last_cursor + bindparam("reserve_count", type_=BigInteger()))
    .returning(db.office_counters.c.last_cursor)
)


def reserve_cursors(conn: Connection, office_code: str, count: int) -> int:
    """Take ``count`` cursors at once (the caller holds ``lock_office``); returns the last one."""
    params = {"reserve_office": office_code, "reserve_count": count}
    return int(conn.execute(_RESERVE_CURSORS, params).scalar_one())


def _from_row(row: Any) -> Record:
    return Record(
        entity=row.entity,
        id=row.id,
        office_code=row.office_code,
        version=int(row.version),
        data=json.loads(row.data),
        field_versions=json.loads(row.field_versions),
        cursor=int(row.cursor),
        receipt_no=row.receipt_no,
        created_at=row.created_at,
        updated_at=row.updated_at,
        stored_version=int(row.version),
    )


def load_many(conn: Connection, record_ids: list[str]) -> list[Record]:
    return [_from_row(row) for row in keyed(conn, "records", "id", _SELECT, record_ids)]


# The batch paths below speak the driver's SQL directly (one statement per batch, rows as tuples):
# the statements are fixed, and SQLAlchemy's per-row parameter processing cost more than the
# database's work on a push of 500 ops.
_COLUMNS = (
    "entity",
    "office_code",
    "version",
    "data",
    "field_versions",
    "cursor",
    "receipt_no",
    "unique_key",
    "origin_device",
    "created_at",
    "updated_at",
)
_SELECT = ", ".join(f'"{name}"' for name in ("id", *_COLUMNS))


def placeholder(conn: Connection) -> str:
    """The driver's parameter mark: ``?`` for sqlite3, ``%s`` for psycopg."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


KEYED_CHUNK = 500  # values per statement where they go in as one parameter each (SQLite)


def keyed(conn: Connection, table: str, key: str, columns: str, values: Iterable[str]) -> list[Any]:
    """The rows (``columns``, SQL) of ``table`` whose ``key`` is one of ``values``, found through
    the key's index: ``key`` must be the table's primary key or a unique column.

    On PostgreSQL the values go as one array, each looked up on its own (``LATERAL … LIMIT 1``: a
    nested loop over the index, which the planner cannot turn into a scan of the table). A plain
    ``key IN (…)`` of a push's 1,000 op ids was planned as a sequential scan of ``applied_ops``
    until the table's first ``ANALYZE``: 7 ms a batch at 50,000 rows, growing with the table. The
    statement's text is the same for any number of values, so psycopg prepares it once. On
    SQLite ``key IN (…)``, ``KEYED_CHUNK`` values a statement."""
    wanted = sorted(set(values))
    if not wanted:
        return []
    if conn.dialect.name == "postgresql":
        statement = (
            f"SELECT {columns} FROM unnest(%s::text[]) AS wanted(value)"
            f' CROSS JOIN LATERAL (SELECT * FROM {table} WHERE "{key}" = wanted.value LIMIT 1) AS found'
        )
        return list(conn.exec_driver_sql(statement, (wanted,)))
    found: list[Any] = []
    for start in range(0, len(wanted), KEYED_CHUNK):
        chunk = wanted[start : start + KEYED_CHUNK]
        marks = ", ".join(["?"] * len(chunk))
        found.extend(
            conn.exec_driver_sql(f'SELECT {columns} FROM {table} WHERE "{key}" IN ({marks})', tuple(chunk))
        )
    return found


def insert_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) in one statement: on PostgreSQL a
    ``COPY … FROM STDIN`` (the database's bulk path: no executor start per row), elsewhere one
    executemany. Inside the caller's transaction either way; a duplicate key fails the statement."""
    if not rows:
        return
    names = ", ".join(f'"{name}"' for name in columns)
    if conn.dialect.name == "postgresql":
        import psycopg

        raw = conn.connection.driver_connection  # the psycopg connection of this transaction
        assert raw is not None
        statement = f"COPY {table} ({names}) FROM STDIN"
        try:
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as error:
            # As SQLAlchemy raises a driver's error (OperationalError, DataError...), so that the
            # API answers it as it answers the same failure of any other statement.
            raise DBAPIError.instance(statement, None, error, psycopg.Error) from error
        return
    marks = ", ".join([placeholder(conn)] * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(rows))


def save_many(
    conn: Connection, new: list[Record], changed: list[Record], *, origin_device: str | None
) -> None:
    """Insert the new records (``insert_rows``) and update the changed ones (one executemany), and
    bring their offices' record count and digest along (``office_counters``, in the same
    transaction, whose caller holds the office's lock: ``lock_office`` or the cursor it took)."""
    mark = placeholder(conn)
    insert_rows(
        conn, "records", ("id", *_COLUMNS), [(record.id, *_values(record, origin_device)) for record in new]
    )
    if changed:
        assignments = ", ".join(f'"{name}" = {mark}' for name in _COLUMNS)
        conn.exec_driver_sql(
            f"UPDATE records SET {assignments} WHERE id = {mark}",
            [(*_values(record, origin_device), record.id) for record in changed],
        )
    _count_in(conn, new, changed)


def _count_in(conn: Connection, new: list[Record], changed: list[Record]) -> None:
    """XOR the saved records' hashes into their offices' digests (``sync.protocol.records_xor``): a
    new record's in, a changed record's old version out and its new one in."""
    totals: dict[str, list[int]] = {}
    for record in new:
        total = totals.setdefault(record.office_code, [0, 0])
        total[0] += 1
        total[1] ^= record_hash(record.entity, record.id, record.version)
    for record in changed:
        if record.stored_version is None:
            raise ValueError(f"record {record.id} saved as changed but never loaded")
        if record.stored_version == record.version:
            continue
        total = totals.setdefault(record.office_code, [0, 0])
        total[1] ^= record_hash(record.entity, record.id, record.stored_version)
        total[1] ^= record_hash(record.entity, record.id, record.version)
    for record in (*new, *changed):
        record.stored_version = record.version
    counters = db.office_counters
    for office_code, (count, xor) in totals.items():
        statement = select(counters.c.record_count, counters.c.record_xor).where(
            counters.c.office_code == office_code
        )
        if conn.dialect.name == "postgresql":
            statement = statement.with_for_update()  # held already by the caller; never lose a change
        row = conn.execute(statement).one()
        conn.execute(
            update(counters)
            .where(counters.c.office_code == office_code)
            .values(
                record_count=int(row.record_count) + count, record_xor=xor_hex(int(row.record_xor, 16) ^ xor)
            )
        )


def _values(record: Record, origin_device: str | None) -> tuple[Any, ...]:
    """The record's columns in the order of ``_COLUMNS``."""
    return (
        record.entity,
        record.office_code,
        record.version,
        dumps(record.data),
        dumps(record.field_versions),
        record.cursor,
        record.receipt_no,
        unique_key(record.entity, record.data),
        origin_device,
        record.created_at,
        record.updated_at,
    )
