"""Pull: paging in cursor order, every change once, latest version only; verify agrees with pull."""

from __future__ import annotations

from sqlalchemy import select

from central import admin, db
from sync.protocol import EMPTY_XOR, records_digest, records_xor
from tests.central.syncops import Client, applied, db_records, publish_demo
from tests.central_server import CentralServer


def _pages(device: Client, cursor: int, limit: int) -> tuple[list[dict], int, int]:
    """All pages from ``cursor``; returns (changes, final cursor, number of pages)."""
    changes: list[dict] = []
    pages = 0
    while True:
        page = device.pull(cursor, limit)
        pages += 1
        assert len(page["changes"]) <= limit
        if page["changes"]:
            assert page["next_cursor"] == page["changes"][-1]["cursor"]
            assert page["changes"][0]["cursor"] > cursor
        else:
            assert page["next_cursor"] == cursor and not page["has_more"]
        assert page["server_epoch"] and page["min_cursor"] == 0
        changes += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes, cursor, pages


def test_paging_returns_every_change_once_in_cursor_order(server: CentralServer) -> None:
    writer, reader = Client.enroll(server), Client.enroll(server)
    people = [writer.new_applicant(name=f"申请人{i}") for i in range(23)]
    assert applied(writer.push(people[:10])) and applied(writer.push(people[10:]))

    changes, cursor, pages = _pages(reader, 0, 5)
    assert pages == 5
    cursors = [c["cursor"] for c in changes]
    assert cursors == sorted(set(cursors))
    assert [c["id"] for c in changes] == [p["entity_id"] for p in people]
    assert all(c["version"] == 1 and c["origin_device"] == writer.device_id for c in changes)
    assert changes[7]["data"]["name"] == "申请人7"
    assert reader.pull(cursor) == {
        **reader.pull(cursor),
        "changes": [],
        "has_more": False,
        "next_cursor": cursor,
    }

    # exactly the limit left: one page, and it says there is no more
    exact, _, pages = _pages(reader, 0, 23)
    assert pages == 1
    assert [c["id"] for c in exact] == [c["id"] for c in changes]

    check = reader.verify()
    assert check["cursor"] == cursor
    assert (check["count"], check["hash"]) == records_digest(
        (c["entity"], c["id"], c["version"]) for c in changes
    )


def test_a_record_changed_again_moves_to_a_higher_cursor(server: CentralServer) -> None:
    writer, reader = Client.enroll(server), Client.enroll(server)
    people = [writer.new_applicant(name=f"申请人{i}") for i in range(6)]
    writer.push(people)
    first, cursor, _ = _pages(reader, 0, 4)
    assert len(first) == 6

    moved = people[2]["entity_id"]
    writer.push([writer.update("applicant", moved, 1, phone="13800138000")])
    writer.push([writer.update("applicant", moved, 2, address="青山镇")])

    [change] = reader.pull(cursor)["changes"]
    assert change["id"] == moved and change["version"] == 3 and change["cursor"] > cursor
    assert change["data"]["phone"] == "13800138000" and change["data"]["address"] == "青山镇"

    everything, _, _ = _pages(reader, 0, 4)
    ids = [c["id"] for c in everything]
    assert len(ids) == len(set(ids)) == 6
    assert ids[-1] == moved and everything[-1]["version"] == 3
    assert [c["cursor"] for c in everything] == sorted(c["cursor"] for c in everything)

    check = reader.verify()
    assert (check["count"], check["hash"]) == records_digest(
        (c["entity"], c["id"], c["version"]) for c in everything
    )
    stale = records_digest((c["entity"], c["id"], c["version"]) for c in first)
    assert check["hash"] != stale[1]


def test_own_stub_leaves_out_the_data_of_the_asking_devices_latest_writes(server: CentralServer) -> None:
    """``own=stub``: a record whose latest version the asking device wrote comes without its data
    (it holds it); another device's write, and any record once another device changed it, come
    whole; without the parameter (``full``) every record comes whole."""
    mine, theirs = Client.enroll(server), Client.enroll(server)
    own = [mine.new_applicant(name=f"本机{i}") for i in range(3)]
    other = theirs.new_applicant(name="他机")
    assert applied(mine.push(own)) and applied(theirs.push([other]))
    # another device changes one of mine: its latest version is theirs now
    assert applied(theirs.push([theirs.update("applicant", own[0]["entity_id"], 1, phone="13800138000")]))

    reply = mine.get("/v1/sync/pull", params={"cursor": 0, "own": "stub"})
    assert reply.status_code == 200, reply.text
    stubbed = {c["id"]: c for c in reply.json()["changes"]}
    assert [stubbed[op["entity_id"]]["data"] for op in own[1:]] == [None, None]
    assert all(stubbed[op["entity_id"]]["version"] == 1 for op in own[1:])
    assert stubbed[own[0]["entity_id"]]["data"]["phone"] == "13800138000"
    assert stubbed[other["entity_id"]]["data"]["name"] == "他机"

    whole = {c["id"]: c for c in mine.pull(0)["changes"]}
    assert whole.keys() == stubbed.keys() and all(c["data"] for c in whole.values())
    assert {
        c["id"]: c["data"] for c in theirs.get("/v1/sync/pull", params={"own": "stub"}).json()["changes"]
    }[own[1]["entity_id"]] == whole[own[1]["entity_id"]]["data"]
    assert mine.get("/v1/sync/pull", params={"own": "some"}).status_code == 422


def _kept(device: Client) -> tuple[int, str]:
    reply = device.get("/v1/sync/verify", params={"digest": "xor"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert "hash" not in body  # the sorted hash is not computed for it
    return body["count"], body["digest"]


def _from_records(server: CentralServer, office: str) -> tuple[int, str]:
    """The XOR digest computed from every record of the office, as a counter computes its own."""
    r = db.records
    with server.engine.connect() as conn:
        rows = conn.execute(select(r.c.entity, r.c.id, r.c.version).where(r.c.office_code == office)).all()
    return records_xor((row.entity, row.id, int(row.version)) for row in rows)


def test_the_xor_digest_central_keeps_is_the_one_its_records_give(server: CentralServer) -> None:
    """``verify?digest=xor`` is answered from the office's row, kept up to date by every write:
    creates, updates, a merge of two devices' changes, a batch replayed, a conflict and a rejection
    (nothing written), the back office's decision; each office only its own records."""
    publish_demo(server)
    first, second, elsewhere = Client.enroll(server), Client.enroll(server), Client.enroll(server, "OFFICE-B")
    assert _kept(first) == (0, EMPTY_XOR) == _from_records(server, "OFFICE-A")

    person = first.new_applicant(name="王秀英")
    batch = [person, *(first.new_applicant(name=f"申请人{i}") for i in range(4))]
    assert applied(first.push(batch))
    _, app_id, receipt_no = first.seed_application()
    assert _kept(first) == _from_records(server, "OFFICE-A")
    assert _kept(first)[0] == 7

    rid = person["entity_id"]
    updates = [first.update("applicant", rid, 1, phone="13800138000")]
    assert applied(first.push(updates))
    assert [r["status"] for r in first.push(updates)] == ["duplicate"]  # replayed: nothing changes
    merged = second.update("applicant", rid, 1, address="青山镇")  # stale but disjoint: merged
    assert second.push([merged])[0].get("merged") is True
    clash = second.update("applicant", rid, 1, phone="13900139000")  # stale, same field: conflict
    refused = first.update("applicant", rid, 3, id_number="110105194912310021")  # bad check digit
    assert [r["status"] for r in second.push([clash])] == ["conflict"]
    assert [r["status"] for r in first.push([refused])] == ["rejected"]
    admin.decide(server.engine, receipt_no, approve=True)
    other = elsewhere.new_applicant(name="李四")
    assert applied(elsewhere.push([other]))

    for office, device in (("OFFICE-A", first), ("OFFICE-B", elsewhere)):
        assert _kept(device) == _from_records(server, office)
        everything = device.pull_all()[0]
        assert _kept(device) == records_xor((c["entity"], c["id"], c["version"]) for c in everything)
    assert _kept(first)[0] == 7 and _kept(elsewhere)[0] == 1
    assert db_records(server, "OFFICE-A")[rid][0] == 3 and db_records(server, "OFFICE-A")[app_id][0] == 2
