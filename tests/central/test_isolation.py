"""Office isolation: a device sees, counts and changes only its own office's records."""

from __future__ import annotations

import json

from central import admin
from sync.protocol import records_digest
from tests.central.syncops import Client, db_records, new_id
from tests.central_server import CentralServer

SECRET_NAME = "欧阳青山"
SECRET_PHONE = "13912345678"
SECRET_ID = "11010519491231002X"


def _office_a(server: CentralServer) -> tuple[Client, str, str, str]:
    device = Client.enroll(server, "OFFICE-A")
    person = device.new_applicant(name=SECRET_NAME, phone=SECRET_PHONE, id_number=SECRET_ID)
    application = device.new_application(person["entity_id"], status="accepted")
    device.push([person, application])
    device.push([device.update("applicant", person["entity_id"], 1, address="青山镇")])
    return device, person["entity_id"], application["entity_id"], application["data"]["receipt_no"]


def _assert_no_a_data(text: str, *a_ids: str) -> None:
    for secret in (SECRET_NAME, SECRET_PHONE, "青山镇", *a_ids):
        assert secret not in text


def test_pull_and_verify_show_only_the_own_office(server: CentralServer) -> None:
    a, a_person, a_app, _ = _office_a(server)
    b = Client.enroll(server, "OFFICE-B")
    b_person = b.new_applicant(name="白水")
    assert b.push([b_person])[0]["status"] == "applied"

    a_changes, a_cursor = a.pull_all()
    assert {c["id"] for c in a_changes} == {a_person, a_app}
    cursors = {0, 1, *(c["cursor"] for c in a_changes), a_cursor, a_cursor + 1, 10**6, 2**62}
    for cursor in sorted(cursors):
        for limit in (1, 2000):
            reply = b.get("/v1/sync/pull", params={"cursor": cursor, "limit": limit})
            assert reply.status_code == 200
            _assert_no_a_data(reply.text, a_person, a_app)
            assert {c["id"] for c in reply.json()["changes"]} <= {b_person["entity_id"]}

    for device, expected in ((a, {a_person, a_app}), (b, {b_person["entity_id"]})):
        changes, _ = device.pull_all()
        assert {c["id"] for c in changes} == expected == set(db_records(server, device.office_code))
        check = device.verify()
        assert (check["count"], check["hash"]) == records_digest(
            (c["entity"], c["id"], c["version"]) for c in changes
        )


def test_push_on_another_office_s_record_reveals_nothing(server: CentralServer) -> None:
    _, a_person, a_app, _ = _office_a(server)
    before = db_records(server)
    b = Client.enroll(server, "OFFICE-B")
    b_person = b.new_applicant()
    assert b.push([b_person])[0]["status"] == "applied"

    foreign_update = b.update("applicant", a_person, 2, phone="13700137000")
    unknown_update = b.update("applicant", new_id(), 2, phone="13700137000")
    stale_create = b.new_applicant()
    stale_create["entity_id"] = a_person
    app_create = b.op(
        "application",
        a_app,
        "create",
        {
            "receipt_no": b.next_receipt(),
            "applicant_id": b_person["entity_id"],
            "item_code": "X",
            "catalogue_version": "2026.1",
            "status": "draft",
        },
    )
    linked = b.new_application(a_person)
    reply = b.push_raw([foreign_update, unknown_update, stale_create, app_create, linked])
    assert reply.status_code == 200
    _assert_no_a_data(reply.text, a_app)
    foreign, unknown, create, create_app, link = reply.json()["results"]
    # an update of another office's record is answered exactly like one of a record that does not exist
    assert {k: v for k, v in foreign.items() if k != "op_id"} == {
        k: v for k, v in unknown.items() if k != "op_id"
    }
    assert (foreign["status"], foreign["code"]) == ("rejected", "unknown_record")
    for result in (create, create_app):
        assert result["status"] == "rejected" and result["field"] == "entity_id"
        assert "server_record" not in result
    assert (link["status"], link["code"], link["field"]) == ("rejected", "unknown_record", "applicant_id")

    after = db_records(server)
    assert {rid: after[rid] for rid in before} == before
    assert set(after) == set(before) | {b_person["entity_id"]}


def test_decide_and_export_are_per_office(server: CentralServer) -> None:
    a, _, a_app, a_receipt = _office_a(server)
    b = Client.enroll(server, "OFFICE-B")
    _, b_app, b_receipt = b.seed_application(status="accepted")
    _, b_cursor = b.pull_all()
    _, a_cursor = a.pull_all()

    admin.decide(server.engine, a_receipt, approve=True)
    assert b.pull(b_cursor)["changes"] == []
    [change] = a.pull(a_cursor)["changes"]
    assert change["id"] == a_app and change["data"]["status"] == "completed"

    exported_b = admin.export_office(server.engine, "OFFICE-B")
    assert [x["receipt_no"] for x in exported_b["applications"]] == [b_receipt]
    assert [x["id"] for x in exported_b["applications"]] == [b_app]
    _assert_no_a_data(json.dumps(exported_b, ensure_ascii=False), a_app)
    exported_a = admin.export_office(server.engine, "OFFICE-A")
    assert [(x["receipt_no"], x["status"]) for x in exported_a["applications"]] == [(a_receipt, "completed")]
