"""Enrollment: one-time expiring codes, hashed tokens, revocation, receipt prefixes."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
import requests
from sqlalchemy import func, select

from central import admin, db
from central.clock import now
from counter_app.receipts import ALPHABET, LOCAL_MARK
from tests.central.syncops import Client, error_of, new_id, publish_demo
from tests.central_server import CentralServer


def _enroll(server: CentralServer, code: str) -> requests.Response:
    return requests.post(f"{server.url}/v1/devices/enroll", json={"code": code}, timeout=10)


def _device_count(server: CentralServer) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(db.devices)).scalar_one())


def test_code_works_once_and_expires(server: CentralServer) -> None:
    code = admin.new_enroll_code(server.engine, "OFFICE-B")
    first = _enroll(server, code)
    assert first.status_code == 200, first.text
    assert first.json()["office_code"] == "OFFICE-B" and first.json()["office_name"] == "白水乡便民服务中心"

    again = _enroll(server, code)
    assert again.status_code == 400
    assert error_of(again)["code"] == "enroll_code_used" and error_of(again)["field"] == "code"

    # typed without dashes and in lower case it is the same (used) code
    retyped = _enroll(server, code.replace("-", "").lower())
    assert error_of(retyped)["code"] == "enroll_code_used"

    expired = admin.new_enroll_code(server.engine, "OFFICE-A", ttl_hours=0)
    reply = _enroll(server, expired)
    assert reply.status_code == 400
    assert error_of(reply)["code"] == "enroll_code_expired" and error_of(reply)["field"] == "code"

    # a code whose expiry was moved into the past in the database is expired too
    later = admin.new_enroll_code(server.engine, "OFFICE-A")
    with server.engine.begin() as conn:
        conn.execute(db.enroll_codes.update().values(expires_at=(now() - timedelta(minutes=1)).isoformat()))
    assert error_of(_enroll(server, later))["code"] == "enroll_code_expired"

    unknown = _enroll(server, "ZZZZ-ZZZZ-ZZZZ")
    assert unknown.status_code == 400
    assert error_of(unknown)["code"] == "enroll_code_invalid" and error_of(unknown)["field"] == "code"

    assert _device_count(server) == 1  # only the first enrollment made a device


def test_tokens_are_long_random_and_stored_only_hashed(server: CentralServer) -> None:
    replies = [server.enroll("OFFICE-A", f"counter {i}") for i in range(3)]
    tokens = [reply["token"] for reply in replies]
    assert len(set(tokens)) == 3
    for token in tokens:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        assert len(raw) * 8 >= 128
    # nowhere in the database, in any table or column
    with server.engine.connect() as conn:
        dump = "\n".join(
            repr(tuple(row)) for table in db.metadata.sorted_tables for row in conn.execute(select(table))
        )
    assert replies[0]["device_id"] in dump  # the dump did read the devices table
    for token in tokens:
        assert token not in dump
    # and each token works
    for reply in replies:
        pulled = requests.get(
            f"{server.url}/v1/sync/pull", headers={"Authorization": f"Bearer {reply['token']}"}, timeout=10
        )
        assert pulled.status_code == 200


def test_revoked_device_is_refused_everywhere(server: CentralServer) -> None:
    publish_demo(server)
    device, other = Client.enroll(server), Client.enroll(server)
    head = {"seq": 1, "hash": "a" * 64, "device_ts": "2026-01-15T09:00:00+08:00"}

    def calls(client: Client) -> list[requests.Response]:
        return [
            client.push_raw([client.new_applicant()]),
            client.get("/v1/sync/pull"),
            client.get("/v1/sync/verify"),
            client.get("/v1/catalogue"),
            requests.post(f"{server.url}/v1/audit/heads", json=head, headers=client.headers, timeout=10),
        ]

    assert [r.status_code for r in calls(device)] == [200] * 5
    admin.revoke_device(server.engine, device.device_id)
    for reply in calls(device):
        assert reply.status_code == 401, reply.request.url
        assert error_of(reply)["code"] == "device_revoked"
    assert [r.status_code for r in calls(other)] == [200] * 5
    with pytest.raises(admin.OperatorError):
        admin.revoke_device(server.engine, device.device_id)  # revoked once
    with pytest.raises(admin.OperatorError):
        admin.revoke_device(server.engine, new_id())


def test_receipt_prefixes_are_unique_six_chars_never_local(
    server: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    replies = [server.enroll("OFFICE-A" if i % 2 else "OFFICE-B") for i in range(12)]
    prefixes = [reply["receipt_prefix"] for reply in replies]
    assert len(set(prefixes)) == len(prefixes)
    for prefix in prefixes:
        assert len(prefix) == 6 and not prefix.startswith(LOCAL_MARK)
        assert set(prefix) <= set(ALPHABET)

    # a drawn prefix that is taken already is drawn again; the code is not used up by the collision
    draws = iter([prefixes[0], "A00002"])
    monkeypatch.setattr(admin, "_new_prefix", lambda: next(draws))
    reply = server.enroll("OFFICE-A")
    assert reply["receipt_prefix"] == "A00002"
    with server.engine.connect() as conn:
        stored = dict(conn.execute(select(db.devices.c.id, db.devices.c.receipt_prefix)).all())
    assert stored[reply["device_id"]] == "A00002" and len(set(stored.values())) == len(stored) == 13
