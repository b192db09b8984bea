"""Push: idempotent replays, op-id reuse, the device of the token, and rejections that name the field."""

from __future__ import annotations

import json

from tests.central.syncops import CLIENT_TS, Client, db_records, error_of, last_cursors, new_id, publish_demo
from tests.central_server import CentralServer


def test_replayed_batch_is_duplicate_and_changes_nothing(server: CentralServer) -> None:
    device = Client.enroll(server)
    person = device.new_applicant(phone="13800138000")
    application = device.new_application(person["entity_id"])
    ops = [
        person,
        application,
        device.update("application", application["entity_id"], 1, action="accept", status="accepted"),
        device.new_applicant(id_number="110105194912310021"),  # bad check digit: rejected
    ]
    batch_id = new_id()
    first = device.push(ops, batch_id)
    assert [r["status"] for r in first] == ["applied", "applied", "applied", "rejected"]
    records, cursors = db_records(server), last_cursors(server)
    pulled = device.pull()

    for replay_batch in (batch_id, new_id()):  # the same ops in a retried or a new batch
        again = device.push(ops, replay_batch)
        assert [r["status"] for r in again] == ["duplicate"] * 4
        assert [r["stored"] for r in again] == first
        assert db_records(server) == records and last_cursors(server) == cursors
        assert device.pull() == pulled


def test_same_op_id_with_another_payload_is_a_mismatch(server: CentralServer) -> None:
    device = Client.enroll(server)
    person = device.new_applicant(address="青山镇一号")
    assert device.push([person])[0]["status"] == "applied"
    before = db_records(server)

    altered = {**person, "data": {**person["data"], "address": "白水乡二号"}}
    result = device.push([altered])[0]
    assert result["status"] == "idempotency_mismatch"
    later_seq = {**person, "seq": person["seq"] + 100}  # any difference counts, not only the data
    assert device.push([later_seq])[0]["status"] == "idempotency_mismatch"
    assert db_records(server) == before


def test_an_op_id_used_in_another_office_is_answered_as_a_mismatch(server: CentralServer) -> None:
    """The stored result of an op id is replayed to devices of the office that first used it; to a
    device of another office the op id is taken, and nothing of that office's answer is shown."""
    device, colleague, elsewhere = (
        Client.enroll(server),
        Client.enroll(server),
        Client.enroll(server, "OFFICE-B"),
    )
    person = device.new_applicant(address="青山镇一号")
    first = device.push([person])[0]
    assert first["status"] == "applied"
    before = db_records(server)

    foreign = elsewhere.push([person])[0]
    assert foreign["status"] == "idempotency_mismatch"
    assert "stored" not in foreign and "server_record" not in foreign
    replayed = colleague.push([person])[0]
    assert replayed["status"] == "duplicate" and replayed["stored"] == first
    assert db_records(server) == before


def test_device_id_must_be_the_token_s_device(server: CentralServer) -> None:
    device, other = Client.enroll(server), Client.enroll(server, "OFFICE-B")
    reply = device.push_raw([device.new_applicant()], device_id=other.device_id)
    assert reply.status_code == 403
    assert error_of(reply)["code"] == "forbidden" and error_of(reply)["field"] == "device_id"
    assert db_records(server) == {}


def test_rejections_name_the_field(server: CentralServer) -> None:
    publish_demo(server)
    device, elsewhere = Client.enroll(server), Client.enroll(server, "OFFICE-B")
    foreign_person, _, _ = elsewhere.seed_application()
    person = device.new_applicant()
    application = device.new_application(person["entity_id"])
    app_id = application["entity_id"]
    cases = [
        (device.new_applicant(id_number="110105194912310021"), "invalid_field", "id_number"),
        (device.new_applicant(nickname="小张"), "invalid_field", "nickname"),
        (device.new_applicant(phone="12345"), "invalid_field", "phone"),
        (person, None, None),
        (application, None, None),
        (device.update("application", app_id, 1, receipt_no="X1"), "invalid_field", "receipt_no"),
        (
            device.update("applicant", person["entity_id"], 1, id_number=person["data"]["id_number"]),
            "invalid_field",
            "id_number",
        ),
        (device.update("applicant", new_id(), 1, name="李四"), "unknown_record", "entity_id"),
        (
            device.update("application", app_id, 1, action="deliver", status="delivered"),
            "invalid_transition",
            "status",
        ),
        (
            device.update("application", app_id, 1, action="accept", status="refused"),
            "invalid_transition",
            "status",
        ),
        (device.update("application", app_id, 1, status="accepted"), "invalid_transition", "status"),
        (device.new_application(foreign_person), "unknown_record", "applicant_id"),
        (device.new_application(app_id), "unknown_record", "applicant_id"),  # not an applicant
        (
            device.new_application(person["entity_id"], item_code="000000-00-0000-000"),
            "unknown_item",
            "item_code",
        ),
        (device.new_application(person["entity_id"], status="finished"), "invalid_field", "status"),
        (device.update("application", app_id, 9, form={}), "invalid_field", "base_version"),
    ]
    results = device.push([op for op, _, _ in cases])
    for (op, code, field), result in zip(cases, results, strict=True):
        if code is None:
            assert result["status"] == "applied", result
        else:
            assert (result["status"], result.get("code"), result.get("field")) == ("rejected", code, field), (
                op["data"],
                result,
            )
            assert result["message"]
    mine = db_records(server, "OFFICE-A")
    assert set(mine) == {person["entity_id"], app_id}
    assert mine[app_id][0] == 1  # no rejected update touched it


def test_an_id_number_without_a_province_code_is_refused_saying_so(server: CentralServer) -> None:
    device = Client.enroll(server)
    body = "99010519491231002"  # a right check character, but 99 names no province
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    number = body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    [result] = device.push([device.new_applicant(id_number=number)])
    assert (result["status"], result["field"]) == ("rejected", "id_number")
    assert "province" in result["message"]
    assert db_records(server, "OFFICE-A") == {}


def test_an_id_number_is_taken_only_as_the_counters_write_it(server: CentralServer) -> None:
    """Central stores the number as sent, and the counters look it up by a blind index of that text:
    a lower-case or full-width form would be a citizen nobody can find."""
    device = Client.enroll(server)
    ops = [
        device.new_applicant(id_number="11010519491231002x"),
        device.new_applicant(id_number="１１０１０５１９４９１２３１００２Ｘ"),
        device.new_applicant(id_type="uscc", kind="organisation", id_number="91350100m000100y43"),
    ]
    results = device.push(ops)
    assert [(r["status"], r.get("field")) for r in results] == [("rejected", "id_number")] * 3, results
    assert all("canonical form" in r["message"] for r in results)
    assert db_records(server, "OFFICE-A") == {}


def test_a_rectification_task_is_created_open_and_only_ever_closed(server: CentralServer) -> None:
    publish_demo(server)
    device = Client.enroll(server)
    _, app_id, _ = device.seed_application()
    _, other_app, _ = device.seed_application()
    rating = device.op("rating", new_id(), "create", {"application_id": app_id, "level": 5, "channel": "sms"})
    assert device.push([rating])[0]["status"] == "applied"
    rating_id, task_id = rating["entity_id"], new_id()

    def task(**data: object) -> dict:
        body = {"rating_id": rating_id, "application_id": app_id, "due_date": "2026-11-30", **data}
        return device.op("rectification", task_id, "create", body)

    def close(base: int, **data: object) -> dict:
        return device.update("rectification", task_id, base, **data)

    closing = {"status": "closed", "resolution": "已约谈窗口人员", "closed_at": CLIENT_TS}
    cases = [
        (task(status="closed", resolution="已整改", closed_at=CLIENT_TS), "invalid_transition", "status"),
        (task(status="open", application_id=other_app), "invalid_field", "application_id"),
        (task(status="open", resolution="已整改"), "invalid_field", "resolution"),
        (task(status="open", closed_at=CLIENT_TS), "invalid_field", "closed_at"),
        (task(status="open"), None, None),
        (close(1, status="open"), "invalid_transition", "status"),
        (close(1, status="closed", closed_at=CLIENT_TS), "invalid_field", "resolution"),
        (close(1, status="closed", resolution="  ", closed_at=CLIENT_TS), "invalid_field", "resolution"),
        (close(1, status="closed", resolution="已整改"), "invalid_field", "closed_at"),
        (close(1, resolution="已整改"), "invalid_field", "resolution"),  # not without closing it
        (close(1, **closing), None, None),
        (close(2, status="open", resolution=None, closed_at=None), "invalid_transition", "status"),
        (close(2, **{**closing, "resolution": "再次整改"}), "invalid_transition", "status"),
        (close(2, resolution=None), "invalid_field", "resolution"),
        (close(2, closed_at=""), "invalid_field", "closed_at"),
    ]
    results = device.push([op for op, _, _ in cases])
    for (op, code, field), result in zip(cases, results, strict=True):
        if code is None:
            assert result["status"] == "applied", (op["data"], result)
        else:
            assert (result["status"], result.get("code"), result.get("field")) == ("rejected", code, field), (
                op["data"],
                result,
            )
    version, _cursor, data = db_records(server)[task_id]
    assert version == 2 and json.loads(data)["resolution"] == "已约谈窗口人员"


def test_a_rejection_carries_the_servers_record_of_this_office_only(server: CentralServer) -> None:
    publish_demo(server)
    device, elsewhere = Client.enroll(server), Client.enroll(server, "OFFICE-B")
    _, app_id, receipt_no = device.seed_application()
    _, foreign_app, _ = elsewhere.seed_application()
    applied = device.push([device.update("application", app_id, 1, action="start", status="in_progress")])
    assert applied[0]["status"] == "applied" and "server_record" not in applied[0]

    refused, bad_field, foreign, new = device.push(
        [
            device.update("application", app_id, 2, action="deliver", status="delivered"),
            device.update("application", app_id, 2, limit_value=-1),
            device.update("application", foreign_app, 1, action="start", status="in_progress"),
            device.new_applicant(phone="12345"),
        ]
    )
    for result in (refused, bad_field):
        assert result["status"] == "rejected"
        record = result["server_record"]
        assert (record["entity"], record["id"], record["version"]) == ("application", app_id, 2)
        assert (record["data"]["status"], record["data"]["receipt_no"]) == ("in_progress", receipt_no)
    assert (foreign["status"], foreign["code"]) == ("rejected", "unknown_record")
    assert "server_record" not in foreign  # nothing about another office's records
    assert new["status"] == "rejected" and "server_record" not in new  # no record to come back to


def test_applied_results_are_written_as_pydantic_would_write_them() -> None:
    """The result of an applied op is written out directly (the common case, for speed): byte for
    byte what ``model_dump_json(exclude_none=True)`` gives for the same ``OpResult``, so the reply
    and the stored result (replayed as ``duplicate``) are what they were."""
    from central.push import Applied, result_json
    from sync import protocol as p

    op_id = new_id()
    for version, merged in [(1, None), (7, True), (12, None), (3, False)]:
        model = p.OpResult(op_id=op_id, status="applied", new_version=version, merged=merged or None)
        fast = Applied(op_id, version, merged or None)
        assert result_json(fast) == model.model_dump_json(exclude_none=True)
        assert p.OpResult.model_validate_json(result_json(fast)) == model
    rejected = p.OpResult(op_id=op_id, status="rejected", code="invalid_field", field="name", message="名")
    assert result_json(rejected) == rejected.model_dump_json(exclude_none=True)


def test_the_reply_names_the_cursors_of_the_batch_s_writes(server: CentralServer) -> None:
    """``cursor_before`` and ``cursor_after``: every change between them is a record this batch
    wrote, and nothing else; a batch that writes nothing leaves them equal; a colleague's batch in
    between takes its own range (the office's lock)."""
    device, colleague = Client.enroll(server), Client.enroll(server)
    elsewhere = Client.enroll(server, "OFFICE-B")
    elsewhere.push([elsewhere.new_applicant()])  # another office's cursors are its own

    def push(client: Client, ops: list[dict]) -> dict:
        reply = client.push_raw(ops)
        assert reply.status_code == 200, reply.text
        return reply.json()

    person = device.new_applicant()
    application = device.new_application(person["entity_id"])
    ops = [
        person,
        application,
        device.update("application", application["entity_id"], 1, action="accept", status="accepted"),
        device.new_applicant(id_number="110105194912310021"),  # rejected: writes nothing
    ]
    first = push(device, ops)
    assert [r["status"] for r in first["results"]] == ["applied", "applied", "applied", "rejected"]
    cursors = {record_id: cursor for record_id, (_v, cursor, _d) in db_records(server, "OFFICE-A").items()}
    assert (first["cursor_before"], first["cursor_after"]) == (0, 2) == (0, last_cursors(server)["OFFICE-A"])
    assert sorted(cursors.values()) == [1, 2]  # two records (one written twice), a cursor each

    between = push(colleague, [colleague.new_applicant(id_number="110105198001010016")])
    assert (between["cursor_before"], between["cursor_after"]) == (2, 3)
    later = push(device, [device.update("applicant", person["entity_id"], 1, phone="13800138000")])
    assert (later["cursor_before"], later["cursor_after"]) == (3, 4)
    changes, _ = device.pull_all()
    assert [(c["cursor"], c["id"]) for c in changes] == [
        (2, application["entity_id"]),
        (3, next(c["id"] for c in changes if c["origin_device"] == colleague.device_id)),
        (4, person["entity_id"]),
    ]

    replayed = push(device, ops)  # duplicates only: nothing written
    assert replayed["cursor_before"] == replayed["cursor_after"] == 4 == last_cursors(server)["OFFICE-A"]
