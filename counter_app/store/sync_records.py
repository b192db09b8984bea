"""SQL for the local replica of the office's data: applying pulled records, marking pushed ops,
conflicts, the inbox of changes waiting for a related record, and the sync log."""

from __future__ import annotations

import json
from typing import Any

from counter_app.crypto import FieldCipher
from counter_app.names import pinyin_initials
from counter_app.store.applicants import ApplicantRepo
from counter_app.store.applications import ApplicationRepo, MaterialRecord
from counter_app.store.db import Store

_INBOX = "inbox.data"
_CONFLICT = "conflict.data"

# entity -> (table, the columns a pulled record may set directly)
_APPLICATION_COLUMNS = (
    "receipt_no",
    "applicant_id",
    "item_code",
    "catalogue_version",
    "status",
    "form",
    "created_by",
    "accepted_by",
    "accepted_at",
    "accepted_on",
    "due_date",
    "limit_value",
    "limit_unit",
    "missing_materials",
    "notice_issued_at",
    "pending_materials",
    "commitment",
    "pending_deadline",
    "refusal_reason",
    "remedies",
    "resume_status",
    "result",
    "result_reason",
    "completed_at",
    "delivered_at",
    "delivery_method",
    "withdrawn_reason",
    "created_at",
    "updated_at",
)
_RATING_COLUMNS = ("application_id", "level", "channel", "comment", "rated_at")
_RECTIFICATION_COLUMNS = ("rating_id", "application_id", "due_date", "status", "resolution", "closed_at")
# entity -> (table, column that must exist first, the table it points to)
PARENTS = {
    "application": ("applicant_id", "applicants"),
    "rating": ("application_id", "applications"),
    "rectification": ("rating_id", "ratings"),
    "attachment": ("application_id", "applications"),
}
TABLES = {
    "applicant": "applicants",
    "application": "applications",
    "rating": "ratings",
    "rectification": "rectifications",
    "attachment": "attachments",
}


class ReplicaRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher
        self.applicants = ApplicantRepo(store, cipher)
        self.applications = ApplicationRepo(store, cipher)

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
            return None if app is None else dict(app.__dict__)
        return self.store.one(f"SELECT * FROM {TABLES[entity]} WHERE id = ?", (record_id,))

    def has_parent(self, entity: str, data: dict[str, Any]) -> bool:
        if entity not in PARENTS:
            return True
        column, table = PARENTS[entity]
        parent = data.get(column)
        return (
            parent is not None
            and self.store.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (parent,)) is not None
        )

    def set_version(self, entity: str, record_id: str, version: int, sync_state: str) -> None:
        if entity == "attachment":
            return
        self.store.execute(
            f"UPDATE {TABLES[entity]} SET version = max(version, ?), sync_state = ? WHERE id = ?",
            (version, sync_state, record_id),
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

    def synced_versions(self) -> list[tuple[str, str, int]]:
        """(entity, id, version) of every record the server has acknowledged (version > 0)."""
        out: list[tuple[str, str, int]] = []
        for entity, table in TABLES.items():
            if entity == "attachment":
                continue
            rows = self.store.conn.execute(f"SELECT id, version FROM {table} WHERE version > 0").fetchall()
            out.extend((entity, row[0], row[1]) for row in rows)
        rows = self.store.conn.execute("SELECT id, server_version FROM attachments WHERE server_version > 0")
        out.extend(("attachment", row[0], row[1]) for row in rows.fetchall())
        return out

    # --- applying a pulled record -------------------------------------------------------------
    def upsert(
        self, entity: str, record_id: str, version: int, data: dict[str, Any], exists: bool | None = None
    ) -> None:
        if exists is None:
            exists = self.local_version(entity, record_id) is not None
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

    def existing(self, table: str, record_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(record_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.store.conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk).fetchall()
            found.update(row[0] for row in rows)
        return found

    def _upsert_applicant(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        from counter_app import ids

        id_number = data.get("id_number")
        phone = data.get("phone")
        row = {
            "kind": data.get("kind", "person"),
            "name": data.get("name", ""),
            "name_initials": pinyin_initials(data.get("name", "")),
            "id_type": data.get("id_type", "resident_id"),
            "id_masked": ids.mask_identifier(data.get("id_type", ""), id_number) if id_number else None,
            "birth_date": data.get("birth_date"),
            "sex": data.get("sex"),
            "phone_masked": ids.mask_mobile(phone) if phone else None,
            "representative": data.get("representative"),
            "version": version,
            "sync_state": "synced",
            "updated_at": data.get("updated_at") or data.get("created_at") or "",
        }
        sensitive = {"id_number": id_number, "phone": phone, "address": data.get("address")}
        if exists:
            self.applicants.update(record_id, row, **sensitive)
        else:
            row.update(id=record_id, created_at=data.get("created_at") or row["updated_at"])
            self.applicants.insert(row, **sensitive)

    def _upsert_application(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        values = {name: data.get(name) for name in _APPLICATION_COLUMNS if name in data}
        values.update(version=version, sync_state="synced")
        if "form" in values and values["form"] is None:
            values["form"] = {}
        if exists:
            self.applications.update(record_id, values)
        else:
            values.setdefault("form", {})
            values.setdefault("created_at", data.get("updated_at", ""))
            values.setdefault("updated_at", values["created_at"])
            self.applications.insert({"id": record_id, **values})
        materials = [
            MaterialRecord(
                code,
                int(counts.get("originals", 0)),
                int(counts.get("copies", 0)),
                counts.get("status", "missing")
                if counts.get("status") in ("received", "missing", "pending")
                else "missing",
            )
            for code, counts in (data.get("materials") or {}).items()
            if isinstance(counts, dict)
        ]
        if materials:
            self.applications.set_materials(record_id, materials)

    def _upsert_simple(
        self,
        table: str,
        columns: tuple[str, ...],
        record_id: str,
        version: int,
        data: dict[str, Any],
        exists: bool,
    ) -> None:
        values = {name: data.get(name) for name in columns if name in data}
        values.update(version=version, sync_state="synced")
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
        self._upsert_simple("ratings", _RATING_COLUMNS, record_id, version, data, exists)

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
        self._upsert_simple("rectifications", _RECTIFICATION_COLUMNS, record_id, version, data, exists)

    def _upsert_attachment(self, record_id: str, version: int, data: dict[str, Any], exists: bool) -> None:
        if exists:
            self.store.execute("UPDATE attachments SET server_version = ? WHERE id = ?", (version, record_id))
            return
        self.store.execute(
            "INSERT INTO attachments (id, application_id, material_code, name_enc, mime, size, sha256,"
            " created_at, server_version) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                record_id,
                data.get("application_id"),
                data.get("material_code", ""),
                self.cipher.encrypt(data.get("name"), "attachment.name"),
                data.get("mime", ""),
                int(data.get("size") or 0),
                data.get("sha256", ""),
                data.get("created_at", ""),
                version,
            ),
        )

    # --- inbox --------------------------------------------------------------------------------
    def stash(
        self, entity: str, record_id: str, version: int, cursor: int, data: dict[str, Any], now: str
    ) -> None:
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

    def inbox_count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM inbox"))

    # --- conflicts ----------------------------------------------------------------------------
    def add_conflict(
        self,
        entity: str,
        entity_id: str,
        op_id: str,
        fields: list[str],
        local: dict[str, Any],
        server_version: int,
        server_data: dict[str, Any],
        now: str,
    ) -> None:
        enc = self.cipher.encrypt_bytes
        self.store.execute(
            "INSERT OR IGNORE INTO conflicts (entity, entity_id, op_id, fields, local_enc, server_version,"
            " server_enc, detected_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                entity,
                entity_id,
                op_id,
                json.dumps(fields),
                enc(_dump(local), _CONFLICT),
                server_version,
                enc(_dump(server_data), _CONFLICT),
                now,
            ),
        )

    def open_conflicts(self) -> list[dict[str, Any]]:
        rows = self.store.all("SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY id")
        out = []
        for row in rows:
            row = dict(row)
            row["fields"] = json.loads(row["fields"])
            row["local"] = json.loads(self.cipher.decrypt_bytes(row.pop("local_enc"), _CONFLICT))
            row["server"] = json.loads(self.cipher.decrypt_bytes(row.pop("server_enc"), _CONFLICT))
            out.append(row)
        return out

    def holds_records(self) -> bool:
        """Any applicant or pending op in this profile?"""
        return (
            self.store.scalar("SELECT 1 FROM applicants LIMIT 1") is not None
            or self.store.scalar("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1") is not None
        )

    def records_in_conflict(self) -> set[str]:
        rows = self.store.conn.execute("SELECT entity_id FROM conflicts WHERE resolved_at IS NULL").fetchall()
        return {row[0] for row in rows}

    def in_conflict(self, record_id: str) -> bool:
        query = "SELECT 1 FROM conflicts WHERE entity_id = ? AND resolved_at IS NULL"
        return self.store.scalar(query, (record_id,)) is not None

    def count_open_conflicts(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"))

    def resolve_conflict(self, conflict_id: int, resolution: str, now: str) -> None:
        self.store.execute(
            "UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
            (now, resolution, conflict_id),
        )

    # --- sync log -----------------------------------------------------------------------------
    def start_log(self, started_at: str, trigger: str) -> int:
        cursor = self.store.execute(
            "INSERT INTO sync_log (started_at, trigger) VALUES (?, ?)", (started_at, trigger)
        )
        return int(cursor.lastrowid or 0)

    def finish_log(
        self,
        log_id: int,
        finished_at: str,
        outcome: str,
        pushed: int,
        pulled: int,
        conflicts: int,
        rejected: int,
        error: str | None,
    ) -> None:
        self.store.execute(
            "UPDATE sync_log SET finished_at = ?, outcome = ?, pushed = ?, pulled = ?, conflicts = ?,"
            " rejected = ?, error = ? WHERE id = ?",
            (finished_at, outcome, pushed, pulled, conflicts, rejected, error, log_id),
        )

    def recent_log(self, limit: int = 20) -> list[dict[str, Any]]:
        return self.store.all("SELECT * FROM sync_log ORDER BY id DESC LIMIT ?", (limit,))


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
