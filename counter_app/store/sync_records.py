"""SQL that writes what sync brings into the local tables: pulled records (each entity's fields
mapped to its columns), the versions the platform acknowledged, and the inbox of pulled changes
waiting for a related record.

Which wire field goes to which column is derived from ``counter_app/entity_fields.py``: a plain
stored field is the column of the same name, a personal one is encrypted by the repository that
owns the table, a nested one (an application's materials, its suspensions) goes to its child table.
The columns below in ``LOCAL_ONLY_COLUMNS`` are the counter's own (masks, blind indexes, sync
bookkeeping).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from counter_app import entity_fields, ids
from counter_app.canonical import canonical_json
from counter_app.crypto import FieldCipher
from counter_app.names import pinyin_initials
from counter_app.records import MaterialRecord
from counter_app.store import name_index
from counter_app.store.applicants import ApplicantRepo
from counter_app.store.applications import ApplicationRepo
from counter_app.store.db import Store
from counter_app.store.retention import PURGED_FIELDS, RetentionRepo, strip

_INBOX = "inbox.data"

TABLES = {
    "applicant": "applicants",
    "application": "applications",
    "rating": "ratings",
    "rectification": "rectifications",
    "attachment": "attachments",
}
# Columns of each table that no wire field maps to: kept by the counter for itself.
LOCAL_ONLY_COLUMNS = {
    "applicants": frozenset(
        {
            "id",
            "version",
            "sync_state",
            "name_initials",
            "id_number_bidx",
            "id_masked",
            "phone_bidx",
            "phone_masked",
            "purged_at",  # retention removed its personal data here (store/retention.py)
        }
    ),
    "applications": frozenset({"id", "version", "sync_state", "purged_at"}),
    "attachments": frozenset({"id", "created_at", "server_version"}),
    "ratings": frozenset({"id", "version", "sync_state"}),
    "rectifications": frozenset({"id", "version", "sync_state"}),
}
# entity -> (the reference that must exist first, the table it points to)
PARENTS = {
    entity: (link[0], TABLES[link[1]])
    for entity in entity_fields.ENTITIES
    if (link := entity_fields.parent_link(entity)) is not None
}
_PLAIN = {entity: entity_fields.plain_columns(entity) for entity in entity_fields.ENTITIES}
# Plain fields holding JSON (a rating's aspects): their column keeps the canonical form, NULL for empty.
_JSON_PLAIN = {
    entity: frozenset(
        f.name
        for f in entity_fields.ENTITY_FIELDS[entity]
        if f.name in _PLAIN[entity] and f.kind in (entity_fields.Kind.LIST, entity_fields.Kind.OBJECT)
    )
    for entity in entity_fields.ENTITIES
}


class SyncRecordRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher
        self.applicants = ApplicantRepo(store, cipher)
        self.applications = ApplicationRepo(store, cipher)
        self.retention = RetentionRepo(store, cipher)
        self._batch: _NewRows | None = None  # inside ``page()``: new records waiting to be inserted

    # --- a pulled page's new records, inserted together ------------------------------------------
    @contextmanager
    def page(self, prepared: PreparedRows | None = None) -> Iterator[None]:
        """While applying one pulled page (inside its transaction): new applicants and applications
        (with their materials and suspensions) are kept and inserted together, one statement per
        table in the order their references need, at the end or before anything else is written or
        read here (``flush``). A fresh counter's download is mostly such records. ``prepared``: their
        rows, built beforehand by :meth:`prepare` (another thread, while the page before was written)."""
        self._batch = _NewRows(prepared)
        try:
            yield
            self.flush()
        finally:
            self._batch = None

    def flush(self) -> None:
        """Insert the new records kept so far (nothing outside ``page()``)."""
        if self._batch is not None:
            self._batch.insert(self.store)

    # --- local state of a record ---------------------------------------------------------------
    def local_version(self, entity: str, record_id: str) -> int | None:
        if entity == "attachment":
            found = self.store.scalar("SELECT 1 FROM attachments WHERE id = ?", (record_id,))
            return None if found is None else 0
        return self.store.scalar(f"SELECT version FROM {TABLES[entity]} WHERE id = ?", (record_id,))

    def local_row(self, entity: str, record_id: str) -> dict[str, Any] | None:
        if entity == "applicant":
            details = self.applicants.details(record_id)
            if details is None:
                return None
            row = dict(details.summary.__dict__)
            row.update(id_number=details.id_number, phone=details.phone, address=details.address)
            return row
        if entity == "application":
            app = self.applications.get(record_id)
            if app is None:
                return None
            row = dict(app.__dict__)
            row["materials"] = {  # as the wire carries them (and central keeps them)
                code: {"originals": m.originals, "copies": m.copies, "status": m.status}
                for code, m in self.applications.materials(record_id).items()
            }
            row["suspensions"] = self.applications.suspensions(record_id)
            return row
        return self.store.one(f"SELECT * FROM {TABLES[entity]} WHERE id = ?", (record_id,))

    def has_parent(self, entity: str, data: dict[str, Any]) -> bool:
        if entity not in PARENTS:
            return True
        self.flush()
        column, table = PARENTS[entity]
        parent = data.get(column)
        return (
            parent is not None
            and self.store.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (parent,)) is not None
        )

    def set_versions(self, entity: str, rows: list[tuple[str, int, str]]) -> None:
        """``(id, version, sync_state)`` for many records of one entity (version never goes down)."""
        if entity == "attachment":
            return
        self.store.executemany(
            f"UPDATE {TABLES[entity]} SET version = max(version, ?), sync_state = ? WHERE id = ?",
            [(version, state, record_id) for record_id, version, state in rows],
        )

    def set_sync_state(self, entity: str, record_id: str, sync_state: str) -> None:
        if entity != "attachment":
            self.store.execute(
                f"UPDATE {TABLES[entity]} SET sync_state = ? WHERE id = ?", (sync_state, record_id)
            )

    def synced_versions(self) -> Iterator[tuple[str, str, int]]:
        """(entity, id, version) of every record the server has acknowledged (version > 0), read as
        it is consumed: an office's records are never all in memory at once (a verify of 45,000
        records would otherwise build ~7 MB of tuples on every sync, a peak that grows with the
        office)."""
        for entity, table in TABLES.items():
            if entity == "attachment":
                continue
            for record_id, version in self.store.conn.execute(
                f"SELECT id, version FROM {table} WHERE version > 0"
            ):
                yield entity, record_id, version
        rows = self.store.conn.execute("SELECT id, server_version FROM attachments WHERE server_version > 0")
        for record_id, version in rows:
            yield "attachment", record_id, version

    # --- applying a pulled record -------------------------------------------------------------
    def upsert(
        self, entity: str, record_id: str, version: int, data: dict[str, Any], exists: bool | None = None
    ) -> None:
        if exists is None:
            self.flush()
            exists = self.local_version(entity, record_id) is not None
        if not exists and self._batch is not None and entity in _BATCHED:
            getattr(self, f"_new_{entity}")(self._batch, record_id, version, data)
            return
        self.flush()
        getattr(self, f"_upsert_{entity}")(record_id, version, data, exists)

    # --- a page at a time: the lookups of a whole pulled page in a few queries ------------------
    def versions_among(self, entity: str, record_ids: list[str]) -> dict[str, int]:
        """Local versions of those of ``record_ids`` that exist (attachments: 0)."""
        found: dict[str, int] = {}
        column = "0" if entity == "attachment" else "version"
        for chunk in _chunks(record_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.store.conn.execute(
                f"SELECT id, {column} FROM {TABLES[entity]} WHERE id IN ({marks})", chunk
            ).fetchall()
            found.update((row[0], row[1]) for row in rows)
        return found

    @staticmethod
    def held_among(conn: sqlite3.Connection, changes: list[dict[str, Any]]) -> set[str]:
        """Of a page's new-record candidates (applicants, applications), the ids held here, read
        through ``conn`` (a :meth:`Store.reader`, from another thread)."""
        found: set[str] = set()
        for entity in ("applicant", "application"):
            ids = [change["id"] for change in changes if change["entity"] == entity]
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT id FROM {TABLES[entity]} WHERE id IN ({marks})", chunk)
                found.update(row[0] for row in rows)
        return found

    def existing(self, table: str, record_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(record_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.store.conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk).fetchall()
            found.update(row[0] for row in rows)
        return found

    # --- a page's new rows, built before the page is applied ----------------------------------
    def prepare(self, changes: list[dict[str, Any]], local: set[str]) -> PreparedRows:
        """The rows a pulled page's new applicants and applications would be inserted as, built
        without the database (the fields encrypted, the initials, the masks: most of a new record's
        cost), so that the sync engine's fetching thread does it while the page before is written.
        ``local``: the ids of the page's records that the profile already holds (those are updated,
        not inserted: nothing to build). What applying the page does not use is dropped; a row is
        used only for the same record at the same version. A record whose row cannot be built
        (data this version cannot read) is left to the apply, which fails on it as it always did."""
        prepared = PreparedRows()
        build = {"applicant": self._applicant_insert, "application": self._application_insert}
        for change in changes:
            entity, record_id = change["entity"], change["id"]
            if record_id in local or entity not in build or change["data"] is None:
                continue
            try:
                version = int(change["version"])
                prepared.rows[record_id] = (version, build[entity](record_id, version, change["data"]))
            except Exception:  # see above: the apply reports it
                continue
        return prepared

    def _applicant_insert(self, record_id: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
        row, sensitive = self._applicant_row(version, data)
        row.update(id=record_id, created_at=data.get("created_at") or row["updated_at"])
        return self.applicants.row_for_insert(row, **sensitive)

    def _new_applicant(self, batch: _NewRows, record_id: str, version: int, data: dict[str, Any]) -> None:
        ready = batch.prepared_row(record_id, version)
        batch.add("applicants", ready or self._applicant_insert(record_id, version, data))

    def _upsert_applicant(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        if exists and self.retention.applicant_purged(record_id):
            # Retention removed this applicant's personal data here: the platform's copy brings none back.
            data = dict.fromkeys(PURGED_FIELDS["applicant"]) | strip("applicant", data)
        row, sensitive = self._applicant_row(version, data)
        if exists:
            row.pop("created_at")
            self.applicants.update(record_id, row, **sensitive)
        else:
            row.update(id=record_id, created_at=data.get("created_at") or row["updated_at"])
            self.applicants.insert(row, **sensitive)

    @staticmethod
    def _applicant_row(version: int, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """An applicant's plain columns and its personal fields (encrypted by the repository)."""
        id_number = data.get("id_number")
        phone = data.get("phone")
        row = {name: data.get(name) for name in _PLAIN["applicant"]}
        row.update(
            kind=data.get("kind") or "person",
            name=data.get("name") or "",
            id_type=data.get("id_type") or "resident_id",
            name_initials=pinyin_initials(data.get("name") or ""),
            id_masked=ids.mask_identifier(data.get("id_type", ""), id_number) if id_number else None,
            phone_masked=ids.mask_mobile(phone) if phone else None,
            version=version,
            sync_state="synced",
            updated_at=data.get("updated_at") or data.get("created_at") or "",
        )
        sensitive = {"id_number": id_number, "phone": phone, "address": data.get("address")}
        return row, sensitive

    def _application_insert(self, record_id: str, version: int, data: dict[str, Any]) -> _NewApplication:
        values: dict[str, Any] = {name: data[name] for name in _PLAIN["application"] if name in data}
        values.update(version=version, sync_state="synced", form=data.get("form") or {})
        values.setdefault("created_at", data.get("updated_at", ""))
        values.setdefault("updated_at", values["created_at"])
        return _NewApplication(
            self.applications.row_for_insert({"id": record_id, **values}),
            [(record_id, *_material(m)) for m in _materials(data)],
            [
                (record_id, period["started_on"], period.get("ended_on"), period.get("reason") or "")
                for period in _suspensions(data)
            ],
        )

    def _new_application(self, batch: _NewRows, record_id: str, version: int, data: dict[str, Any]) -> None:
        new = batch.prepared_row(record_id, version) or self._application_insert(record_id, version, data)
        batch.add("applications", new.row)
        batch.materials.extend(new.materials)
        batch.suspensions.extend(new.suspensions)

    def _upsert_application(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        values: dict[str, Any] = {name: data[name] for name in _PLAIN["application"] if name in data}
        values.update(version=version, sync_state="synced")
        if exists and "form" in data and self.retention.application_purged(record_id):
            data = strip("application", data)  # retention removed the form here: it stays removed
        if "form" in data:
            values["form"] = data["form"] or {}
        if exists:
            self.applications.update(record_id, values)
        else:
            values.setdefault("form", {})
            values.setdefault("created_at", data.get("updated_at", ""))
            values.setdefault("updated_at", values["created_at"])
            self.applications.insert({"id": record_id, **values})
        materials = _materials(data)
        if materials:
            self.applications.set_materials(record_id, materials)
        if "suspensions" in data:  # a record from before the field leaves this counter's as they are
            self.applications.set_suspensions(record_id, _suspensions(data))

    @staticmethod
    def _simple_values(entity: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
        values = {name: data.get(name) for name in _PLAIN[entity] if name in data}
        for name in _JSON_PLAIN[entity] & values.keys():
            values[name] = canonical_json(values[name]) if values[name] else None
        values.update(version=version, sync_state="synced")
        return values

    def _new_rating(self, batch: _NewRows, record_id: str, version: int, data: dict[str, Any]) -> None:
        self._give_way(data.get("application_id"), record_id)  # only ratings that were here before
        batch.add("ratings", {**self._simple_values("rating", version, data), "id": record_id})

    def _new_rectification(self, batch: _NewRows, record_id: str, version: int, data: dict[str, Any]) -> None:
        batch.add("rectifications", {**self._simple_values("rectification", version, data), "id": record_id})

    def _upsert_simple(
        self,
        entity: str,
        record_id: str,
        version: int,
        data: dict[str, Any],
        exists: bool,
    ) -> None:
        table = TABLES[entity]
        values = self._simple_values(entity, version, data)
        if exists:
            assignments = ", ".join(f"{name} = ?" for name in values)
            self.store.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), record_id]
            )
        else:
            values["id"] = record_id
            columns_sql = ", ".join(values)
            self.store.execute(
                f"INSERT INTO {table} ({columns_sql}) VALUES ({', '.join('?' for _ in values)})",
                list(values.values()),
            )

    def _upsert_rating(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        if not exists:
            self._give_way(data.get("application_id"), record_id)
        self._upsert_simple("rating", record_id, version, data, exists)

    def _give_way(self, application_id: Any, server_rating_id: str) -> None:
        """One rating per visit: two counters rated it offline and central kept the other one. Our
        rating, never accepted by central (version 0), gives way with its rectification task; its
        ops are kept in the outbox, superseded, so nothing is silently deleted from the record."""
        losers = self.store.all(
            "SELECT id FROM ratings WHERE application_id = ? AND id != ? AND version = 0",
            (application_id, server_rating_id),
        )
        for loser in losers:
            tasks = [
                r["id"]
                for r in self.store.all("SELECT id FROM rectifications WHERE rating_id = ?", (loser["id"],))
            ]
            for entity_id in [loser["id"], *tasks]:
                self.store.execute(
                    "UPDATE outbox SET state = 'superseded' WHERE entity_id = ? AND state = 'pending'",
                    (entity_id,),
                )
            self.store.execute("DELETE FROM rectifications WHERE rating_id = ?", (loser["id"],))
            self.store.execute("DELETE FROM ratings WHERE id = ?", (loser["id"],))

    def _upsert_rectification(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        self._upsert_simple("rectification", record_id, version, data, exists)

    def _upsert_attachment(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        if exists:
            self.store.execute("UPDATE attachments SET server_version = ? WHERE id = ?", (version, record_id))
            return
        row = {name: data.get(name) for name in _PLAIN["attachment"]}
        purged = self.retention.application_purged(data.get("application_id"))
        row.update(
            id=record_id,
            name_enc=None if purged else self.cipher.encrypt(data.get("name"), "attachment.name"),
            created_at="",  # when a scan was taken here; a pulled one was not
            server_version=version,
        )
        self.store.execute(
            f"INSERT INTO attachments ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )

    # --- inbox --------------------------------------------------------------------------------
    def stash(
        self, entity: str, record_id: str, version: int, cursor: int, data: dict[str, Any], now: str
    ) -> None:
        self.flush()
        of_purged = (
            self.retention.application_purged(data.get("application_id"))
            if entity == "attachment"
            else self.retention.purged(entity, record_id)
        )
        if of_purged:
            data = strip(entity, data)  # waiting for its turn, a purged record keeps nothing personal
        blob = self.cipher.encrypt_bytes(json.dumps(data, ensure_ascii=False).encode(), _INBOX)
        self.store.execute(
            "INSERT INTO inbox (id, entity, version, cursor, data_enc, received_at) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT (id) DO UPDATE SET version = excluded.version, cursor = excluded.cursor,"
            " data_enc = excluded.data_enc WHERE excluded.version >= inbox.version",
            (record_id, entity, version, cursor, blob, now),
        )

    def inbox(self) -> list[tuple[str, str, int, dict[str, Any]]]:
        rows = self.store.all("SELECT id, entity, version, data_enc FROM inbox ORDER BY cursor")
        return [
            (r["entity"], r["id"], r["version"], json.loads(self.cipher.decrypt_bytes(r["data_enc"], _INBOX)))
            for r in rows
        ]

    def unstash(self, record_id: str) -> None:
        self.store.execute("DELETE FROM inbox WHERE id = ?", (record_id,))

    def inbox_ids(self) -> set[str]:
        return {row[0] for row in self.store.execute("SELECT id FROM inbox").fetchall()}

    def inbox_count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM inbox"))

    def holds_records(self) -> bool:
        """Any applicant or pending op in this profile?"""
        return (
            self.store.scalar("SELECT 1 FROM applicants LIMIT 1") is not None
            or self.store.scalar("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1") is not None
        )


# New records of these entities are inserted a page at a time (``SyncRecordRepo.page``).
_BATCHED = frozenset({"applicant", "application", "rating", "rectification"})
_MATERIAL_STATUSES = ("received", "missing", "pending")


def _materials(data: dict[str, Any]) -> list[MaterialRecord]:
    """An application's materials as the wire carries them (an unknown status reads as missing)."""
    return [
        MaterialRecord(
            code,
            int(counts.get("originals", 0)),
            int(counts.get("copies", 0)),
            counts.get("status", "missing") if counts.get("status") in _MATERIAL_STATUSES else "missing",
        )
        for code, counts in (data.get("materials") or {}).items()
        if isinstance(counts, dict)
    ]


def _material(record: MaterialRecord) -> tuple[str, int, int, str]:
    return (record.material_code, record.originals, record.copies, record.status)


def _suspensions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """An application's suspensions as the wire carries them (items without a start left out)."""
    periods = data.get("suspensions") or []
    return [p for p in periods if isinstance(p, dict) and isinstance(p.get("started_on"), str)]


@dataclass
class _NewApplication:
    row: dict[str, Any]
    materials: list[tuple[Any, ...]]
    suspensions: list[tuple[Any, ...]]


@dataclass
class PreparedRows:
    """Rows built ahead for a page's new records (:meth:`SyncRecordRepo.prepare`): record id →
    (the version they were built from, the applicant's row or the application's rows)."""

    rows: dict[str, tuple[int, Any]] = field(default_factory=dict)


class _NewRows:
    """New records of a pulled page waiting to be inserted: rows per table (grouped by their
    columns, so each group is one ``executemany``), an application's materials and suspensions."""

    # In the order of their references: application → applicant, rating → application,
    # rectification → rating.
    ORDER = ("applicants", "applications", "ratings", "rectifications")

    def __init__(self, prepared: PreparedRows | None = None) -> None:
        self.rows: dict[str, dict[tuple[str, ...], list[tuple[Any, ...]]]] = {}
        self.materials: list[tuple[Any, ...]] = []
        self.suspensions: list[tuple[Any, ...]] = []
        self.prepared = prepared.rows if prepared is not None else {}

    def prepared_row(self, record_id: str, version: int) -> Any:
        """The row built ahead for this record at this version, or None."""
        ready = self.prepared.pop(record_id, None)
        return ready[1] if ready is not None and ready[0] == version else None

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, {}).setdefault(tuple(row), []).append(tuple(row.values()))

    def insert(self, store: Store) -> None:
        for table in self.ORDER:
            for columns, values in self.rows.pop(table, {}).items():
                marks = ", ".join("?" * len(columns))
                sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
                if table == "applicants":
                    name_index.insert_applicants(store, sql, values)
                else:
                    store.executemany(sql, values)
        if self.materials:
            store.executemany(ApplicationRepo.MATERIALS_UPSERT, self.materials)
            self.materials.clear()
        if self.suspensions:
            store.executemany(ApplicationRepo.SUSPENSION_INSERT, self.suspensions)
            self.suspensions.clear()


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
