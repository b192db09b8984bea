"""Applications, their materials checklist, suspensions and history."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from counter_app.canonical import canonical_json
from counter_app.crypto import FieldCipher
from counter_app.entity_fields import ENTITY_FIELDS, Kind
from counter_app.records import Application, MaterialRecord
from counter_app.store.db import Store

_FORM = "application.form"


# Lists of the wire record, kept as JSON text in their columns.
_JSON_LISTS = tuple(
    f.name for f in ENTITY_FIELDS["application"] if f.kind is Kind.LIST and f.child_table is None
)
_COLUMNS = [f.name for f in fields(Application) if f.name != "form"] + ["form_enc"]


class ApplicationRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher

    def _encode(self, values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        if "form" in out:
            form = out.pop("form")
            out["form_enc"] = self.cipher.encrypt(canonical_json(form), _FORM)
        for name in _JSON_LISTS:
            if name in out and out[name] is not None:
                out[name] = json.dumps(out[name], ensure_ascii=False)
        return out

    MATERIALS_UPSERT = (
        "INSERT INTO application_materials (application_id, material_code, originals, copies, status)"
        " VALUES (?,?,?,?,?) ON CONFLICT (application_id, material_code) DO UPDATE SET"
        " originals = excluded.originals, copies = excluded.copies, status = excluded.status"
    )
    SUSPENSION_INSERT = (
        "INSERT INTO suspensions (application_id, started_on, ended_on, reason) VALUES (?,?,?,?)"
    )

    def row_for_insert(self, values: dict[str, Any]) -> dict[str, Any]:
        """The columns ``insert`` writes (the form encrypted, lists as JSON text)."""
        return self._encode(values)

    def insert(self, values: dict[str, Any]) -> None:
        row = self._encode(values)
        columns = ", ".join(row)
        self.store.execute(
            f"INSERT INTO applications ({columns}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
        )

    def update(self, application_id: str, changes: dict[str, Any]) -> None:
        row = self._encode(changes)
        assignments = ", ".join(f"{name} = ?" for name in row)
        self.store.execute(
            f"UPDATE applications SET {assignments} WHERE id = ?", [*row.values(), application_id]
        )

    def _decode(self, row: dict[str, Any]) -> Application:
        values = {name: row[name] for name in _COLUMNS if name != "form_enc"}
        form = self.cipher.decrypt(row["form_enc"], _FORM)
        values["form"] = json.loads(form) if form else {}
        for name in _JSON_LISTS:
            values[name] = json.loads(row[name]) if row[name] else []
        return Application(**values)

    def get(self, application_id: str) -> Application | None:
        row = self.store.one("SELECT * FROM applications WHERE id = ?", (application_id,))
        return None if row is None else self._decode(row)

    def get_by_receipt(self, receipt_no: str) -> Application | None:
        row = self.store.one("SELECT * FROM applications WHERE receipt_no = ?", (receipt_no,))
        return None if row is None else self._decode(row)

    def count(self, status: str | None = None) -> int:
        if status is None:
            return int(self.store.scalar("SELECT count(*) FROM applications"))
        return int(self.store.scalar("SELECT count(*) FROM applications WHERE status = ?", (status,)))

    def item_codes_in_use(self) -> set[str]:
        return {row["item_code"] for row in self.store.all("SELECT DISTINCT item_code FROM applications")}

    # --- materials -------------------------------------------------------------------------------
    def set_material(self, application_id: str, record: MaterialRecord) -> None:
        self.store.execute(
            "INSERT INTO application_materials (application_id, material_code, originals, copies, status)"
            " VALUES (?,?,?,?,?) ON CONFLICT (application_id, material_code) DO UPDATE SET"
            " originals = excluded.originals, copies = excluded.copies, status = excluded.status",
            (application_id, record.material_code, record.originals, record.copies, record.status),
        )

    def set_materials(self, application_id: str, records: list[MaterialRecord]) -> None:
        """``set_material`` for several materials, in one statement (executemany)."""
        self.store.executemany(
            self.MATERIALS_UPSERT,
            [(application_id, r.material_code, r.originals, r.copies, r.status) for r in records],
        )

    def materials(self, application_id: str) -> dict[str, MaterialRecord]:
        rows = self.store.all(
            "SELECT material_code, originals, copies, status FROM application_materials"
            " WHERE application_id = ?",
            (application_id,),
        )
        return {row["material_code"]: MaterialRecord(**row) for row in rows}

    # --- suspensions and history -------------------------------------------------------------
    def open_suspension(self, application_id: str, started_on: str, reason: str) -> None:
        self.store.execute(
            "INSERT INTO suspensions (application_id, started_on, reason) VALUES (?,?,?)",
            (application_id, started_on, reason),
        )

    def close_suspension(self, application_id: str, ended_on: str) -> None:
        self.store.execute(
            "UPDATE suspensions SET ended_on = ? WHERE application_id = ? AND ended_on IS NULL",
            (ended_on, application_id),
        )

    def suspensions(self, application_id: str) -> list[dict[str, Any]]:
        """Every suspension of the application, oldest first, as the wire's ``suspensions`` carries
        them (``started_on``, ``ended_on`` or None while open, ``reason``)."""
        return self.store.all(
            "SELECT started_on, ended_on, reason FROM suspensions WHERE application_id = ?"
            " ORDER BY started_on, id",
            (application_id,),
        )

    def set_suspensions(self, application_id: str, suspensions: list[dict[str, Any]]) -> None:
        """The application's suspensions become ``suspensions`` (a pulled record's, or the platform's
        version a conflict kept): the periods the clock stopped are the office's, not one counter's."""
        self.store.execute("DELETE FROM suspensions WHERE application_id = ?", (application_id,))
        self.store.executemany(
            self.SUSPENSION_INSERT,
            [
                (application_id, period["started_on"], period.get("ended_on"), period.get("reason") or "")
                for period in suspensions
            ],
        )

    def add_event(
        self,
        application_id: str,
        action: str,
        from_status: str | None,
        to_status: str,
        at: str,
        actor: str,
        note: str | None = None,
    ) -> None:
        self.store.execute(
            "INSERT INTO application_events (application_id, action, from_status, to_status, at, actor, note)"
            " VALUES (?,?,?,?,?,?,?)",
            (application_id, action, from_status, to_status, at, actor, note),
        )

    def events(self, application_id: str) -> list[dict[str, Any]]:
        return self.store.all(
            "SELECT action, from_status, to_status, at, actor, note FROM application_events"
            " WHERE application_id = ? ORDER BY id",
            (application_id,),
        )
