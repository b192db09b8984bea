"""Audit chain heads: a chain may only grow; a shorter or rewritten chain is refused (409)."""

from __future__ import annotations

import requests
from sqlalchemy import select

from central import db
from tests.central.syncops import Client, error_of
from tests.central_server import CentralServer


def _report(device: Client, seq: int, digest: str) -> requests.Response:
    head = {"seq": seq, "hash": digest * 64, "device_ts": "2026-01-15T09:00:00+08:00"}
    return requests.post(f"{device.server.url}/v1/audit/heads", json=head, headers=device.headers, timeout=10)


def test_heads_only_move_forward(server: CentralServer) -> None:
    device, other = Client.enroll(server), Client.enroll(server, "OFFICE-B")
    for seq, digest in ((1, "a"), (5, "b"), (9, "c")):
        reply = _report(device, seq, digest)
        assert reply.status_code == 200, reply.text
        assert reply.json() == {"accepted": True, "highest_seq": seq}
    assert _report(device, 9, "c").json() == {"accepted": True, "highest_seq": 9}  # the same head again

    lower = _report(device, 5, "b")
    assert lower.status_code == 409
    assert error_of(lower)["code"] == "audit_regressed" and error_of(lower)["field"] == "seq"
    rewritten = _report(device, 9, "d")
    assert rewritten.status_code == 409
    assert error_of(rewritten)["code"] == "audit_regressed" and error_of(rewritten)["field"] == "hash"

    assert _report(other, 1, "e").status_code == 200  # every device has its own chain
    assert _report(device, 10, "f").json() == {"accepted": True, "highest_seq": 10}

    heads = db.audit_heads
    with server.engine.connect() as conn:
        kept = conn.execute(
            select(heads.c.seq, heads.c.hash)
            .where(heads.c.device_id == device.device_id)
            .order_by(heads.c.seq)
        ).all()
    assert [(seq, digest[0]) for seq, digest in kept] == [(1, "a"), (5, "b"), (9, "c"), (10, "f")]
