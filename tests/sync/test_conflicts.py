"""Two writers change the same record while apart: overlapping fields become a conflict kept with both
versions until someone decides; disjoint fields merge. Nothing is ever silently overwritten."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from central import admin
from counter_app.core import Counter
from counter_app.services.conflicts import StepNotAllowed
from counter_app.store.outbox import PENDING, SUPERSEDED
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import (
    ACTOR,
    RecordingTransport,
    central_record,
    register,
    sync,
    synced,
    take_in,
)

PHONE_A, PHONE_B = "13800138001", "13900139002"


def _outbox_states(counter: Counter, entity_id: str) -> list[str]:
    return [op.state for op in counter.ctx.outbox.for_entity(entity_id)]


def _two_counters_sharing_an_applicant(make_counter: Callable[..., Counter]) -> tuple[Counter, Counter, str]:
    a, b = make_counter("a"), make_counter("b")
    applicant = register(a, 41)
    synced(a)
    synced(b)
    assert b.applicants.get(ACTOR, applicant.id).version == 1
    return a, b, applicant.id


# With batches of one op, the later op is read and built while the conflicting one is on the wire:
# the engine must drop it (not send it) once the conflict comes back.
@pytest.mark.parametrize("batch_size", [500, 1], ids=["later-op-in-the-same-batch", "later-op-next-batch"])
def test_same_field_on_two_counters_is_a_conflict_and_server_can_win(
    make_counter: Callable[..., Counter], central: CentralServer, batch_size: int
) -> None:
    a, b, applicant_id = _two_counters_sharing_an_applicant(make_counter)
    a.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_A)
    b.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_B)
    b.applicants.update_contact(ACTOR, applicant_id, address="青山镇和平村12号")  # a later op, same record
    synced(a)

    report = sync(b, batch_size=batch_size)
    assert report.conflicts == 1 and report.rejected == 0
    assert report.outcome != "ok"
    conflicts = b.conflicts.open(ACTOR)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict["entity"] == "applicant" and conflict["entity_id"] == applicant_id
    assert conflict["fields"] == ["phone"]
    assert conflict["server"]["phone"] == PHONE_A and conflict["server_version"] == 2
    assert conflict["local"]["op"]["phone"] == PHONE_B and conflict["local"]["record"]["phone"] == PHONE_B
    assert b.applicants.get(ACTOR, applicant_id).sync_state == "conflict"
    assert b.applicants.reveal(ACTOR, applicant_id).phone == PHONE_B  # the local version is kept
    assert b.admin.status().conflicts == 1
    assert _outbox_states(b, applicant_id)[-2:] == ["conflict", PENDING]

    # the waiting op is not sent while the conflict is open; the record is not overwritten by a pull
    recording = RecordingTransport(b)
    waiting = sync(b, transport=recording)
    assert waiting.outcome != "ok" and waiting.pushed == 0 and waiting.pending == 1
    assert "/v1/sync/push" not in recording.paths("POST")
    assert b.applicants.reveal(ACTOR, applicant_id).phone == PHONE_B
    record = central_record(central, applicant_id)
    assert record is not None and record.version == 2 and record.data.get("address") != "青山镇和平村12号"

    b.conflicts.resolve(ACTOR, conflict["id"], keep="server")
    assert b.conflicts.open(ACTOR) == []
    assert _outbox_states(b, applicant_id)[-1] == SUPERSEDED
    details = b.applicants.reveal(ACTOR, applicant_id)
    assert details.phone == PHONE_A and details.summary.version == 2
    after = synced(b)
    assert after.pushed == 0 and after.verified is True
    assert b.admin.status().conflicts == 0
    assert b.applicants.get(ACTOR, applicant_id).sync_state == "synced"
    record = central_record(central, applicant_id)
    assert record is not None and record.version == 2 and record.data["phone"] == PHONE_A


def test_keep_mine_sends_the_change_again_on_top_of_the_server_version(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a, b, applicant_id = _two_counters_sharing_an_applicant(make_counter)
    a.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_A)
    b.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_B)
    b.applicants.update_contact(ACTOR, applicant_id, address="青山镇和平村12号")
    synced(a)
    assert sync(b).conflicts == 1
    (conflict,) = b.conflicts.open(ACTOR)

    b.conflicts.resolve(ACTOR, conflict["id"], keep="mine")
    assert b.conflicts.open(ACTOR) == []
    report = synced(b)
    assert report.pushed == 2 and report.verified is True
    record = central_record(central, applicant_id)
    assert record is not None
    assert record.data["phone"] == PHONE_B and record.data["address"] == "青山镇和平村12号"
    assert record.version == 4
    mine = b.applicants.get(ACTOR, applicant_id)
    assert mine.version == 4 and mine.sync_state == "synced"

    # counter A gets the decision on its next sync
    synced(a)
    details = a.applicants.reveal(ACTOR, applicant_id)
    assert details.phone == PHONE_B and details.address == "青山镇和平村12号"
    assert details.summary.version == 4


def test_keep_mine_still_takes_the_other_writers_other_fields(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a, b, applicant_id = _two_counters_sharing_an_applicant(make_counter)
    a.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_A, address="青山镇东街8号")
    b.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_B)
    synced(a)
    assert sync(b).conflicts == 1
    (conflict,) = b.conflicts.open(ACTOR)
    assert conflict["fields"] == ["phone"]

    b.conflicts.resolve(ACTOR, conflict["id"], keep="mine")
    # mine wins where we disagreed; what only the other counter changed is not lost
    details = b.applicants.reveal(ACTOR, applicant_id)
    assert (details.phone, details.address) == (PHONE_B, "青山镇东街8号")
    assert details.summary.sync_state == "pending"
    report = synced(b)
    assert report.verified is True
    record = central_record(central, applicant_id)
    assert record is not None and record.version == 3
    assert (record.data["phone"], record.data["address"]) == (PHONE_B, "青山镇东街8号")
    details = b.applicants.reveal(ACTOR, applicant_id)
    assert (details.phone, details.address) == (PHONE_B, "青山镇东街8号")
    assert details.summary.version == 3


def test_withdrawal_against_a_back_office_decision(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    app = take_in(counter, 43, start=True)
    synced(counter)
    counter.cases.withdraw(ACTOR, app.id, "申请人主动撤回")  # offline, at the desk
    admin.decide(central.engine, app.receipt_no, approve=True)  # meanwhile, in the back office

    report = sync(counter)
    assert report.conflicts == 1 and report.outcome != "ok"
    (conflict,) = counter.conflicts.open(ACTOR)
    assert conflict["entity"] == "application" and "status" in conflict["fields"]
    assert (
        conflict["server"]["status"] == "completed" and conflict["local"]["record"]["status"] == "withdrawn"
    )
    local = counter.cases.get(ACTOR, app.id)
    assert local.status == "withdrawn" and local.sync_state == "conflict"  # not overwritten by the pull

    # insisting on the withdrawal is not a legal step any more: refused here, naming the field, as
    # central would refuse it; nothing changes, and the platform's version is the way out
    with pytest.raises(StepNotAllowed) as refused:
        counter.conflicts.resolve(ACTOR, conflict["id"], keep="mine")
    assert (refused.value.field, refused.value.step, refused.value.platform_status) == (
        "status",
        "withdraw",
        "completed",
    )
    assert counter.conflicts.count() == 1 and _outbox_states(counter, app.id)[-1] == "conflict"
    assert counter.cases.get(ACTOR, app.id).status == "withdrawn"
    counter.conflicts.resolve(ACTOR, conflict["id"], keep="server")
    assert synced(counter).verified is True
    assert counter.cases.get(ACTOR, app.id).status == "completed"
    record = central_record(central, app.id)
    assert record is not None and record.data["status"] == "completed"


def test_withdrawal_conflict_resolved_for_the_server(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    app = take_in(counter, 44, start=True)
    synced(counter)
    counter.cases.withdraw(ACTOR, app.id, "申请人主动撤回")
    decided = admin.decide(central.engine, app.receipt_no, approve=True)
    assert sync(counter).conflicts == 1
    (conflict,) = counter.conflicts.open(ACTOR)
    counter.conflicts.resolve(ACTOR, conflict["id"], keep="server")
    local = counter.cases.get(ACTOR, app.id)
    assert (local.status, local.result, local.version) == ("completed", "granted", decided["version"])
    synced(counter)
    counter.cases.deliver(ACTOR, app.id, "post")
    assert synced(counter).pushed == 1
    record = central_record(central, app.id)
    assert record is not None and record.data["status"] == "delivered"


def test_disjoint_fields_merge_without_a_conflict(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a, b, applicant_id = _two_counters_sharing_an_applicant(make_counter)
    a.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_A)
    b.applicants.update_contact(ACTOR, applicant_id, address="白水乡新村3组")
    synced(a)
    report = synced(b)
    assert report.pushed == 1 and report.conflicts == 0 and report.verified is True
    assert b.conflicts.open(ACTOR) == []
    record = central_record(central, applicant_id)
    assert record is not None and record.version == 3
    assert record.data["phone"] == PHONE_A and record.data["address"] == "白水乡新村3组"
    # both counters end with both changes
    synced(a)
    for counter in (a, b):
        details = counter.applicants.reveal(ACTOR, applicant_id)
        assert (details.phone, details.address) == (PHONE_A, "白水乡新村3组"), counter.ctx.paths.root
        assert details.summary.version == 3 and details.summary.sync_state == "synced"
