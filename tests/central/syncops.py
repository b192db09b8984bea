"""Sync protocol ops built as plain dicts (``sync.protocol.Op``) and a small HTTP client for one enrolled
device, for the central suites. Everything goes over real HTTP to the ``server`` fixture."""

from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import select

from central import admin, db
from tests.central_server import CentralServer

ROOT = Path(__file__).resolve().parents[2]
DEMO_CATALOGUE = ROOT / "resources" / "catalogue" / "demo.json"
DEMO_VERSION = "2026.1"
ITEM = "990101101-20-0101-001"
VALID_ID = "11010519491231002X"
CLIENT_TS = "2026-01-15T09:30:00+08:00"


def new_id() -> str:
    return str(uuid.uuid4())


def demo_catalogue() -> dict[str, Any]:
    return json.loads(DEMO_CATALOGUE.read_text("utf-8"))


def publish_demo(server: CentralServer) -> str:
    return admin.publish_catalogue(server.engine, demo_catalogue())


def error_of(reply: requests.Response) -> dict[str, Any]:
    return reply.json()["error"]


def db_records(server: CentralServer, office_code: str | None = None) -> dict[str, tuple[int, int, str]]:
    """id -> (version, cursor, data) straight from the database."""
    r = db.records
    statement = select(r.c.id, r.c.version, r.c.cursor, r.c.data)
    if office_code:
        statement = statement.where(r.c.office_code == office_code)
    with server.engine.connect() as conn:
        return {row.id: (int(row.version), int(row.cursor), row.data) for row in conn.execute(statement)}


def last_cursors(server: CentralServer) -> dict[str, int]:
    t = db.office_counters
    with server.engine.connect() as conn:
        return {row.office_code: int(row.last_cursor) for row in conn.execute(select(t))}


@dataclass
class Client:
    """One enrolled device."""

    server: CentralServer
    device_id: str
    token: str
    office_code: str
    receipt_prefix: str
    seq: itertools.count = field(default_factory=lambda: itertools.count(1))
    receipts: itertools.count = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def enroll(cls, server: CentralServer, office: str = "OFFICE-A", name: str = "counter") -> Client:
        reply = server.enroll(office, name)
        return cls(server, reply["device_id"], reply["token"], reply["office_code"], reply["receipt_prefix"])

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    # --- ops ------------------------------------------------------------------------------------------
    def op(
        self,
        entity: str,
        entity_id: str,
        kind: str,
        data: dict[str, Any],
        base_version: int = 0,
        catalogue_version: str | None = None,
    ) -> dict[str, Any]:
        return {
            "op_id": new_id(),
            "seq": next(self.seq),
            "entity": entity,
            "entity_id": entity_id,
            "op": kind,
            "base_version": base_version,
            "data": data,
            "attachments": [],
            "catalogue_version": catalogue_version,
            "client_ts": CLIENT_TS,
            "user_id": "clerk-1",
        }

    def new_applicant(self, **data: Any) -> dict[str, Any]:
        body = {"kind": "person", "name": "张三", "id_type": "resident_id", "id_number": VALID_ID, **data}
        return self.op("applicant", new_id(), "create", body)

    def next_receipt(self) -> str:
        return f"{self.receipt_prefix}260115{next(self.receipts):04d}"

    def new_application(
        self, applicant_id: str, status: str = "draft", item_code: str = ITEM, **data: Any
    ) -> dict[str, Any]:
        body = {
            "receipt_no": self.next_receipt(),
            "applicant_id": applicant_id,
            "item_code": item_code,
            "catalogue_version": DEMO_VERSION,
            "status": status,
            **data,
        }
        return self.op("application", new_id(), "create", body, catalogue_version=DEMO_VERSION)

    def update(self, entity: str, entity_id: str, base_version: int, **data: Any) -> dict[str, Any]:
        return self.op(entity, entity_id, "update", data, base_version=base_version)

    # --- HTTP -----------------------------------------------------------------------------------------
    def push_raw(
        self, ops: list[dict[str, Any]], batch_id: str | None = None, device_id: str | None = None
    ) -> requests.Response:
        body = {"device_id": device_id or self.device_id, "batch_id": batch_id or new_id(), "ops": ops}
        return requests.post(f"{self.server.url}/v1/sync/push", json=body, headers=self.headers, timeout=60)

    def push(self, ops: list[dict[str, Any]], batch_id: str | None = None) -> list[dict[str, Any]]:
        reply = self.push_raw(ops, batch_id)
        assert reply.status_code == 200, reply.text
        results = reply.json()["results"]
        assert [r["op_id"] for r in results] == [o["op_id"] for o in ops]
        return results

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return requests.get(f"{self.server.url}{path}", headers=headers, timeout=30, **kwargs)

    def pull(self, cursor: int = 0, limit: int | None = None) -> dict[str, Any]:
        params: dict[str, int] = {"cursor": cursor}
        if limit is not None:
            params["limit"] = limit
        reply = self.get("/v1/sync/pull", params=params)
        assert reply.status_code == 200, reply.text
        return reply.json()

    def pull_all(self, cursor: int = 0, limit: int = 500) -> tuple[list[dict[str, Any]], int]:
        changes: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor, limit)
            changes += page["changes"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return changes, cursor

    def verify(self) -> dict[str, Any]:
        reply = self.get("/v1/sync/verify")
        assert reply.status_code == 200, reply.text
        return reply.json()

    def seed_application(self, status: str = "accepted", **data: Any) -> tuple[str, str, str]:
        """An applicant and an application of theirs; returns (applicant_id, application_id, receipt_no)."""
        person = self.new_applicant()
        application = self.new_application(person["entity_id"], status=status, **data)
        results = self.push([person, application])
        assert [r["status"] for r in results] == ["applied", "applied"], results
        return person["entity_id"], application["entity_id"], application["data"]["receipt_no"]


def applied(results: list[dict[str, Any]]) -> bool:
    return all(r["status"] == "applied" for r in results)
