"""A supervisor's review of what the platform did not take (issue 10, point 5), against the real
central server: open conflicts compared field by field (audited, supervisors only), resolved by
editing the conflicting fields, and rejected ops listed with the platform's field and reason until
someone acknowledges them. Nothing is lost and a resolution reaches central exactly once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.accounts import Actor, Role
from counter_app.core import Counter
from counter_app.entity_fields import stored_fields
from counter_app.errors import NotFound, PermissionDenied, ValidationError
from counter_app.store.outbox import DONE, PENDING, REJECTED
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, central_record, register, sync, synced, take_in

PHONE_A, PHONE_B, PHONE_C, PHONE_D = "13800138001", "13900139002", "13700137003", "13600136004"
ADDRESS = "青山镇和平村12号"


def staff(counter: Counter, role: Role) -> Actor:
    record = counter.accounts.add_user(
        Actor.command_line("setup"), f"{role.value}1", f"{role.value} one", role, "correct horse 1"
    )
    return Actor.staff(record.id, record.username, record.display_name, role)


def phone_conflict(
    make_counter: Callable[..., Counter], *, later_phone: str | None = None
) -> tuple[Counter, Counter, str]:
    """Counters A and B change one applicant's phone offline; A syncs first, so B's sync conflicts.
    B also has a later change of the same record waiting (the address, and ``later_phone``)."""
    a, b = make_counter("a"), make_counter("b")
    applicant_id = register(a, 41).id
    synced(a)
    synced(b)
    a.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_A)
    b.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_B)
    b.applicants.update_contact(ACTOR, applicant_id, phone=later_phone, address=ADDRESS)
    synced(a)
    assert sync(b).conflicts == 1
    return a, b, applicant_id


def audit_tail(counter: Counter, count: int) -> list[dict]:
    return list(reversed(counter.ctx.audit_log.recent(count)))


def outbox(counter: Counter, record_id: str) -> list[tuple[str, str, dict]]:
    return [(op.op_id, op.state, op.data) for op in counter.ctx.outbox.for_entity(record_id)]


def test_an_open_conflict_is_compared_field_by_field_and_each_reading_is_audited(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    _a, b, applicant_id = phone_conflict(make_counter)
    supervisor = staff(b, Role.SUPERVISOR)
    name = b.applicants.get(ACTOR, applicant_id).name
    assert b.conflicts.count() == 1

    (conflict,) = b.conflicts.list_open(supervisor)
    assert (conflict.entity, conflict.record_id) == ("applicant", applicant_id)
    assert (conflict.receipt_no, conflict.applicant_name) == (None, name)
    assert conflict.conflict_fields == ("phone",) and conflict.platform_version == 2
    assert conflict.op_data["phone"] == PHONE_B and conflict.detected_at
    assert [row.name for row in conflict.fields] == [f.name for f in stored_fields("applicant")]
    rows = {row.name: row for row in conflict.fields}
    phone = rows["phone"]
    assert (phone.local, phone.platform, phone.differs, phone.personal, phone.in_conflict) == (
        PHONE_B,
        PHONE_A,
        True,
        True,
        True,
    )
    # the later waiting change is this counter's too; the platform has not seen it
    address = rows["address"]
    assert (address.local, address.differs, address.in_conflict) == (ADDRESS, True, False)
    assert address.platform != ADDRESS
    assert rows["id_number"].personal and not rows["id_number"].differs
    assert not rows["name"].personal and rows["name"].local == rows["name"].platform == name

    (view,) = audit_tail(b, 1)
    assert (view["action"], view["actor"], view["entity"], view["entity_id"]) == (
        "conflict.view",
        "user:supervisor1",
        "applicant",
        applicant_id,
    )
    assert str(conflict.id) in view["detail"] and PHONE_B not in view["detail"]

    assert b.conflicts.get(supervisor, conflict.id) == conflict
    assert audit_tail(b, 1)[0]["action"] == "conflict.view"
    with pytest.raises(NotFound):
        b.conflicts.get(supervisor, conflict.id + 100)


def test_a_clerk_may_not_see_or_settle_a_conflict_and_an_administrator_may_not_read_one(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    _a, b, applicant_id = phone_conflict(make_counter)
    clerk, admin = staff(b, Role.CLERK), staff(b, Role.ADMIN)
    (conflict,) = b.conflicts.open(ACTOR)
    before = outbox(b, applicant_id)
    attempts: list[Callable[[], object]] = [
        lambda: b.conflicts.list_open(clerk),
        lambda: b.conflicts.get(clerk, conflict["id"]),
        lambda: b.conflicts.open(clerk),
        lambda: b.conflicts.resolve(clerk, conflict["id"], "mine"),
        lambda: b.conflicts.edit_and_keep(clerk, conflict["id"], {"phone": PHONE_C}),
        lambda: b.conflicts.edit_and_keep_text(clerk, conflict["id"], {"phone": PHONE_C}),
        lambda: b.conflicts.rejected(clerk),
        lambda: b.conflicts.acknowledge(clerk, conflict["op_id"]),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as refused:
            attempt()
        assert refused.value.permission == "run_sync"
        (event,) = audit_tail(b, 1)
        assert (event["action"], event["outcome"], event["actor"]) == (
            "permission.denied",
            "denied",
            "user:clerk1",
        )
    # the administrator runs sync but reads no citizen's data
    with pytest.raises(PermissionDenied) as refused:
        b.conflicts.list_open(admin)
    assert refused.value.permission == "view_personal_data"
    assert audit_tail(b, 1)[0]["action"] == "permission.denied"
    assert b.conflicts.rejected(admin) == []
    # nothing was settled or read meanwhile
    assert b.conflicts.count() == 1 and outbox(b, applicant_id) == before
    views = [e["actor"] for e in audit_tail(b, 30) if e["action"] == "conflict.view"]
    assert views == ["cli:tester"]  # only the reading above that found the conflict's id


def test_edit_and_keep_sends_the_edited_value_on_top_of_the_platform_version_once(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    # B's later waiting change sets the phone too: the edit overrides it, so the record ends with it
    a, b, applicant_id = phone_conflict(make_counter, later_phone=PHONE_D)
    supervisor = staff(b, Role.SUPERVISOR)
    (conflict,) = b.conflicts.list_open(supervisor)
    assert {row.name: row.local for row in conflict.fields}["phone"] == PHONE_D  # the record's value
    refused_op, later_op = (op_id for op_id, _state, _data in outbox(b, applicant_id)[-2:])

    b.conflicts.edit_and_keep_text(supervisor, conflict.id, {"phone": " 137-0013-7003 "})
    (resolved,) = audit_tail(b, 1)
    assert (resolved["action"], resolved["entity_id"]) == ("sync.resolve_conflict", applicant_id)
    assert '"keep":"edit"' in resolved["detail"] and '"fields":["phone"]' in resolved["detail"]
    assert b.conflicts.count() == 0 and b.conflicts.list_open(supervisor) == []
    details = b.applicants.reveal(ACTOR, applicant_id)
    assert (details.phone, details.address) == (PHONE_C, ADDRESS)  # the platform's version + the edit
    assert (details.summary.version, details.summary.sync_state) == (2, "pending")
    # nothing is lost: both versions stay with the conflict; the ops went out again under new ids
    row = b.ctx.store.one("SELECT resolution, resolved_at FROM conflicts WHERE id = ?", (conflict.id,))
    assert row is not None and row["resolution"] == "edit" and row["resolved_at"]
    stored = b.ctx.store.one("SELECT local_enc, server_enc FROM conflicts WHERE id = ?", (conflict.id,))
    assert stored is not None and stored["local_enc"] and stored["server_enc"]
    ops = outbox(b, applicant_id)[-2:]
    assert [state for _id, state, _data in ops] == [PENDING, PENDING]
    assert {op_id for op_id, _s, _d in ops}.isdisjoint({refused_op, later_op})
    assert [data["phone"] for _id, _s, data in ops] == [PHONE_C, PHONE_C]
    assert ops[1][2]["address"] == ADDRESS

    report = synced(b)
    assert report.pushed == 2 and report.verified is True
    record = central_record(central, applicant_id)
    assert record is not None and record.version == 4
    assert (record.data["phone"], record.data["address"]) == (PHONE_C, ADDRESS)
    again = synced(b)
    assert again.pushed == 0
    record = central_record(central, applicant_id)
    assert record is not None and record.version == 4  # exactly once
    assert [state for _id, state, _data in outbox(b, applicant_id)[-2:]] == [DONE, DONE]
    synced(a)
    other = a.applicants.reveal(ACTOR, applicant_id)
    assert (other.phone, other.address, other.summary.version) == (PHONE_C, ADDRESS, 4)


def test_edit_and_keep_refuses_what_is_not_a_valid_edit_of_the_conflicting_fields(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    _a, b, applicant_id = phone_conflict(make_counter)
    supervisor = staff(b, Role.SUPERVISOR)
    (conflict,) = b.conflicts.list_open(supervisor)
    before = outbox(b, applicant_id)
    refusals = {
        "phone": ({"phone": "12345"}, "format"),
        "nickname": ({"nickname": "小王"}, "unknown_field"),
        "id_number": ({"id_number": "11010519491231002X"}, "immutable"),
        "address": ({"address": "白水乡"}, "not_in_conflict"),
        "values": ({}, "required"),
    }
    for field, (values, code) in refusals.items():
        with pytest.raises(ValidationError) as refused:
            b.conflicts.edit_and_keep(supervisor, conflict.id, values)
        assert (refused.value.field, refused.value.code) == (field, code)
    assert b.conflicts.count() == 1 and outbox(b, applicant_id) == before
    assert b.applicants.reveal(ACTOR, applicant_id).phone == PHONE_B


def test_a_lifecycle_field_in_conflict_is_not_edited_but_kept_or_taken(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    from central import admin

    counter = make_counter("a")
    app = take_in(counter, 43, start=True)
    synced(counter)
    counter.cases.withdraw(ACTOR, app.id, "申请人主动撤回")
    admin.decide(central.engine, app.receipt_no, approve=True)
    assert sync(counter).conflicts == 1
    supervisor = staff(counter, Role.SUPERVISOR)
    (conflict,) = counter.conflicts.list_open(supervisor)
    assert (conflict.receipt_no, conflict.applicant_name) == (
        app.receipt_no,
        counter.applicants.get(ACTOR, app.applicant_id).name,
    )
    status = {row.name: row for row in conflict.fields}["status"]
    assert (status.local, status.platform, status.in_conflict) == ("withdrawn", "completed", True)
    with pytest.raises(ValidationError) as refused:
        counter.conflicts.edit_and_keep(supervisor, conflict.id, {"status": "completed"})
    assert (refused.value.field, refused.value.code) == ("status", "lifecycle")
    counter.conflicts.resolve(supervisor, conflict.id, "server")
    assert counter.cases.get(ACTOR, app.id).status == "completed"


def test_a_rejected_op_is_listed_with_field_and_reason_until_acknowledged(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    applicant = register(counter, 45)
    synced(counter)
    supervisor = staff(counter, Role.SUPERVISOR)
    # A change central refuses (written straight into the outbox: the use cases would refuse it first).
    with counter.ctx.store.transaction():
        op_id = counter.ctx.queue(supervisor, "applicant", applicant.id, "update", 1, {"phone": "12345"})
    report = sync(counter)
    assert report.rejected == 1 and report.outcome == "partial"
    assert counter.conflicts.count_rejected() == 1

    (rejected,) = counter.conflicts.rejected(supervisor)
    assert (rejected.op_id, rejected.entity, rejected.record_id, rejected.op) == (
        op_id,
        "applicant",
        applicant.id,
        "update",
    )
    assert (rejected.receipt_no, rejected.applicant_name) == (None, applicant.name)
    assert (rejected.field, rejected.code) == ("phone", "invalid_field")
    assert "mobile" in rejected.message
    assert rejected.fields == ("phone",) and rejected.made_by == supervisor.user_id
    assert rejected.made_at and rejected.rejected_at
    assert (rejected.acknowledged_at, rejected.acknowledged_by) == (None, None)
    assert "12345" not in repr(rejected)  # names and reasons, not the values

    assert counter.conflicts.acknowledge(supervisor, op_id) is True
    (event,) = audit_tail(counter, 1)
    assert (event["action"], event["actor"], event["entity_id"]) == (
        "sync.acknowledge_rejected",
        "user:supervisor1",
        applicant.id,
    )
    assert counter.conflicts.count_rejected() == 0 and counter.conflicts.rejected(supervisor) == []
    (seen,) = counter.conflicts.rejected(supervisor, include_acknowledged=True)
    assert seen.acknowledged_by == "user:supervisor1" and seen.acknowledged_at
    assert (seen.field, seen.code, seen.message) == (rejected.field, rejected.code, rejected.message)
    # kept as it was: the op, its data and its state
    (op,) = [op for op in counter.ctx.outbox.for_entity(applicant.id) if op.op_id == op_id]
    assert (op.state, op.data) == (REJECTED, {"phone": "12345"})
    events = counter.ctx.audit_log.count()
    assert counter.conflicts.acknowledge(supervisor, op_id) is False  # once is enough
    assert counter.ctx.audit_log.count() == events
    with pytest.raises(NotFound):
        counter.conflicts.acknowledge(supervisor, "no-such-op")
    done = next(o for o in counter.ctx.outbox.for_entity(applicant.id) if o.state == DONE)
    with pytest.raises(NotFound):
        counter.conflicts.acknowledge(supervisor, done.op_id)  # only rejected ops are acknowledged

    # it is never sent again, and central's record never took it
    assert synced(counter).pushed == 0
    record = central_record(central, applicant.id)
    assert record is not None and record.version == 1 and record.data["phone"] != "12345"
