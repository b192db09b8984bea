"""Stale writes: disjoint fields merge, overlapping fields conflict (nothing written, later ops on that
record deferred), a device's own ops never conflict, and the back office counts as another writer."""

from __future__ import annotations

import json

from central import admin
from tests.central.syncops import Client, db_records, last_cursors
from tests.central_server import CentralServer


def _record(server: CentralServer, record_id: str) -> tuple[int, dict]:
    version, _cursor, data = db_records(server)[record_id]
    return version, json.loads(data)


def test_disjoint_fields_merge(server: CentralServer) -> None:
    first, second = Client.enroll(server), Client.enroll(server)
    person = first.new_applicant()
    rid = person["entity_id"]
    assert first.push([person])[0]["new_version"] == 1

    one = first.push([first.update("applicant", rid, 1, phone="13800138000")])[0]
    assert one["status"] == "applied" and one["new_version"] == 2 and not one.get("merged")
    two = second.push([second.update("applicant", rid, 1, address="青山镇幸福路8号")])[0]
    assert two["status"] == "applied" and two["new_version"] == 3 and two["merged"] is True

    [change] = second.pull()["changes"]
    assert change["version"] == 3
    assert change["data"]["phone"] == "13800138000" and change["data"]["address"] == "青山镇幸福路8号"


def test_overlapping_fields_conflict_and_defer_only_that_record(server: CentralServer) -> None:
    first, second = Client.enroll(server), Client.enroll(server)
    person, other = first.new_applicant(), first.new_applicant(name="李四")
    rid, other_id = person["entity_id"], other["entity_id"]
    first.push([person, other])
    first.push([first.update("applicant", rid, 1, phone="13800138000", name="张三丰")])
    records, cursors = db_records(server), last_cursors(server)

    batch = [
        second.update("applicant", rid, 1, phone="13900139000", address="白水乡"),
        second.update("applicant", rid, 1, address="白水乡"),  # disjoint, but after the conflict
        second.update("applicant", other_id, 1, phone="13700137000"),
    ]
    conflict, deferred, elsewhere = second.push(batch)
    assert conflict["status"] == "conflict"
    assert conflict["fields"] == ["phone"]
    assert conflict["server_record"]["version"] == 2 and conflict["server_record"]["id"] == rid
    assert conflict["server_record"]["data"]["phone"] == "13800138000"
    assert conflict["server_record"]["data"]["name"] == "张三丰"
    assert deferred["status"] == "deferred"
    assert elsewhere["status"] == "applied" and elsewhere["new_version"] == 2

    after = db_records(server)
    assert after[rid] == records[rid]  # nothing written to the conflicted record
    assert last_cursors(server)["OFFICE-A"] == cursors["OFFICE-A"] + 1  # only the other record moved
    version, data = _record(server, rid)
    assert version == 2 and data["phone"] == "13800138000" and "address" not in data

    # replayed: the conflict is stored, and what came after it on that record still waits
    again = second.push(batch)
    assert [r["status"] for r in again] == ["duplicate", "deferred", "duplicate"]
    assert again[0]["stored"] == conflict
    assert db_records(server) == after


def test_own_successive_ops_never_conflict(server: CentralServer) -> None:
    device = Client.enroll(server)
    person = device.new_applicant()
    pid = person["entity_id"]
    application = device.new_application(pid)
    aid = application["entity_id"]
    batch = [
        person,
        device.update("applicant", pid, 0, phone="13800138000"),
        device.update("applicant", pid, 0, phone="13900139000"),
        device.update("applicant", pid, 0, address="青山镇"),
        application,
        device.update("application", aid, 0, action="accept", status="accepted"),
        device.update("application", aid, 0, action="start", status="in_progress"),
    ]
    results = device.push(batch)
    assert [r["status"] for r in results] == ["applied"] * 7
    assert [r["new_version"] for r in results] == [1, 2, 3, 4, 1, 2, 3]
    # and in a later batch, still from an old base
    later = device.push([device.update("applicant", pid, 1, phone="13700137000")])[0]
    assert later["status"] == "applied" and later["new_version"] == 5
    assert _record(server, pid)[1]["phone"] == "13700137000"
    assert _record(server, aid)[1]["status"] == "in_progress"


def test_back_office_decision_conflicts_with_a_stale_status_change(server: CentralServer) -> None:
    device = Client.enroll(server)
    _, aid, receipt = device.seed_application(status="accepted")
    start = device.update("application", aid, 1, action="start", status="in_progress")
    assert device.push([start])[0]["new_version"] == 2
    decided = admin.decide(server.engine, receipt, approve=True)
    assert decided["version"] == 3 and decided["status"] == "completed"

    stale = [
        device.update("application", aid, 2, action="suspend", status="suspended", suspension_reason="鉴定"),
        device.update("application", aid, 2, action="withdraw", status="withdrawn"),
    ]
    conflict, deferred = device.push(stale)
    assert conflict["status"] == "conflict" and conflict["fields"] == ["status"]
    assert conflict["server_record"]["version"] == 3
    assert conflict["server_record"]["data"]["status"] == "completed"
    assert conflict["server_record"]["data"]["result"] == "granted"
    assert deferred["status"] == "deferred"
    assert _record(server, aid)[0] == 3

    # a stale change of fields the back office did not touch still merges
    merged = device.push([device.update("application", aid, 2, materials={"M01": {"received": True}})])[0]
    assert merged["status"] == "applied" and merged["merged"] is True and merged["new_version"] == 4
    version, data = _record(server, aid)
    assert version == 4 and data["status"] == "completed" and data["materials"] == {"M01": {"received": True}}
