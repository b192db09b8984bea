"""Lifecycle steps across a conflict, against the real central server: "keep mine" (and "edit and keep")
is refused, naming the field, when this counter's step is no longer allowed from the platform's
state; and whatever the platform rejects leaves no trace in the record, which takes the platform's
version back, field for field, while the rejected op stays listed with its data.

The counter decides "keep mine" by the platform's own rules: the first test walks every step of
both lifecycles through the two and fails when they drift apart."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from central import admin, push, records
from central.validation import Rejected
from counter_app.core import Counter
from counter_app.entity_fields import stored_fields
from counter_app.services.conflicts import StepNotAllowed, step_refusal
from counter_app.store.outbox import CONFLICT, DONE, PENDING, REJECTED
from counter_app.store.sync_records import SyncRecordRepo
from counter_app.workflow import Action, Status
from tests.central_server import CentralServer
from tests.core.test_ratings import _application
from tests.sync.test_end_to_end import ACTOR, central_record, register, sync, synced, take_in

PHONE_B = "13900139002"
LATER = "2026-11-24T10:00:00+08:00"


# --- helpers -------------------------------------------------------------------------------------------
def _empty(value: Any) -> Any:
    return None if value in ("", [], {}) else value


def differences(counter: Counter, server: CentralServer, entity: str, record_id: str) -> dict[str, Any]:
    """Stored fields whose value on this counter is not the platform's: ``{name: (here, there)}``
    (empty when both hold the same content; the counter's own ``updated_at`` stamp aside)."""
    record = central_record(server, record_id)
    assert record is not None
    local = SyncRecordRepo(counter.ctx.store, counter.ctx.cipher).local_row(entity, record_id)
    assert local is not None
    assert local["version"] == record.version
    return {
        f.name: (local.get(f.name), record.data.get(f.name))
        for f in stored_fields(entity)
        if f.name != "updated_at" and _empty(local.get(f.name)) != _empty(record.data.get(f.name))
    }


def states(counter: Counter, record_id: str) -> list[str]:
    return [op.state for op in counter.ctx.outbox.for_entity(record_id)]


def central_refusal(entity: str, current: dict[str, Any], data: dict[str, Any]) -> str | None:
    record = records.Record(entity, "id", "QS", 3, dict(current), {}, 0, None, "", "")
    try:
        push._check_transition(record, data)
    except Rejected as refusal:
        return refusal.field
    return None


# --- the rules: one set, on both sides -------------------------------------------------------------------
def test_the_counter_refuses_exactly_the_steps_central_refuses() -> None:
    statuses = [None, *(s.value for s in Status)]
    actions = [None, "bogus", *(a.value for a in Action)]
    checked = 0
    for current, resume, action, target in itertools.product(statuses, statuses, actions, statuses):
        platform = {"status": current, "resume_status": resume}
        data = {"action": action, "status": target} if target else {"action": action, "updated_at": LATER}
        mine = step_refusal("application", platform, data)
        assert (mine[0] if mine else None) == central_refusal("application", platform, data), (platform, data)
        checked += mine is not None
    assert checked > 10_000  # most steps are refused: the test can fail

    absent = object()
    texts = (absent, None, "", "  ", "换了窗口人员")
    moments = (absent, None, LATER)
    for status, resolution, closed_at, to, new_resolution, new_closed_at in itertools.product(
        (None, "open", "closed"), texts[1:], moments[1:], (absent, "open", "closed"), texts, moments
    ):
        platform = {"status": status, "resolution": resolution, "closed_at": closed_at}
        data = {
            name: value
            for name, value in (("status", to), ("resolution", new_resolution), ("closed_at", new_closed_at))
            if value is not absent
        }
        mine = step_refusal("rectification", platform, data)
        assert (mine[0] if mine else None) == central_refusal("rectification", platform, data), (
            platform,
            data,
        )
    closing = {"status": "closed", "resolution": "已整改", "closed_at": LATER}
    assert step_refusal("rectification", {"status": "open"}, closing) is None
    assert step_refusal("rectification", {"status": "closed", **closing}, closing) == (
        "status",
        "a rectification task that is closed cannot become closed",
    )


# --- "keep mine" refused ---------------------------------------------------------------------------------
def test_keeping_a_suspension_of_a_case_the_back_office_decided_is_refused(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    app = take_in(counter, 43, start=True)
    synced(counter)
    counter.cases.suspend(ACTOR, app.id, "专家评审")
    admin.decide(central.engine, app.receipt_no, approve=True)
    assert sync(counter).conflicts == 1
    (conflict,) = counter.conflicts.open(ACTOR)

    with pytest.raises(StepNotAllowed) as refused:
        counter.conflicts.resolve(ACTOR, conflict["id"], keep="mine")
    error = refused.value
    assert (error.field, error.code, error.entity) == ("status", "invalid_transition", "application")
    assert (error.step, error.platform_status) == ("suspend", "completed")
    assert "cannot suspend an application that is completed" in str(error)
    # nothing changed: the conflict is open, the op waits with it, the record keeps this counter's view
    assert counter.conflicts.count() == 1 and states(counter, app.id)[-1] == CONFLICT
    assert counter.cases.get(ACTOR, app.id).sync_state == "conflict"
    assert [e["action"] for e in counter.ctx.audit_log.recent(3)].count("sync.resolve_conflict") == 0

    counter.conflicts.resolve(ACTOR, conflict["id"], keep="server")
    assert synced(counter).verified is True
    assert differences(counter, central, "application", app.id) == {}
    assert counter.cases.get(ACTOR, app.id).status == "completed"


def test_editing_and_keeping_a_completion_the_back_office_made_first_is_refused(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    app = take_in(counter, 44, start=True)
    synced(counter)
    counter.cases.complete(ACTOR, app.id, granted=False, reason="材料不实")
    admin.decide(central.engine, app.receipt_no, approve=True)
    assert sync(counter).conflicts == 1
    (conflict,) = counter.conflicts.list_open(ACTOR)
    assert "result_reason" in conflict.conflict_fields  # an editable field is in conflict too

    with pytest.raises(StepNotAllowed) as refused:
        counter.conflicts.edit_and_keep(ACTOR, conflict.id, {"result_reason": "经复核，材料不实"})
    assert (refused.value.field, refused.value.step, refused.value.platform_status) == (
        "status",
        "complete",
        "completed",
    )
    with pytest.raises(StepNotAllowed):
        counter.conflicts.edit_and_keep_text(ACTOR, conflict.id, {"result_reason": "经复核"})
    assert counter.conflicts.count() == 1 and states(counter, app.id)[-1] == CONFLICT


def test_a_step_still_allowed_from_the_platforms_state_is_kept(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a, b = make_counter("a"), make_counter("b")
    app = take_in(a, 45)  # accepted
    synced(a)
    synced(b)
    a.cases.start(ACTOR, app.id)  # meanwhile, on the other counter
    b.cases.withdraw(ACTOR, app.id, "申请人主动撤回")
    synced(a)
    assert sync(b).conflicts == 1
    (conflict,) = b.conflicts.open(ACTOR)
    assert conflict["server"]["status"] == "in_progress"

    b.conflicts.resolve(ACTOR, conflict["id"], keep="mine")  # in progress may still be withdrawn
    assert synced(b).verified is True
    assert differences(b, central, "application", app.id) == {}
    assert b.cases.get(ACTOR, app.id).status == "withdrawn"


def test_closing_a_rectification_task_closed_on_another_counter_is_refused(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a = make_counter("a")
    app = _application(a, ACTOR, "delivered")
    session = a.ratings.open_session(ACTOR, app.id)  # the citizen rates on the counter's screen
    a.ratings.submit(session.token, 5, ["efficiency"], "等了两个小时")
    synced(a)
    b = make_counter("b")
    synced(b)
    (task,) = a.ratings.open_rectifications(ACTOR)
    a.ratings.close_rectification(ACTOR, task["id"], "已约谈窗口人员")
    b.ratings.close_rectification(ACTOR, task["id"], "已回访群众")
    assert synced(a).pushed == 1
    assert sync(b).conflicts == 1
    (conflict,) = b.conflicts.list_open(ACTOR)
    assert conflict.entity == "rectification" and "status" in conflict.conflict_fields

    with pytest.raises(StepNotAllowed) as refused:
        b.conflicts.resolve(ACTOR, conflict.id, keep="mine")
    assert (refused.value.field, refused.value.step, refused.value.platform_status) == (
        "status",
        "close",
        "closed",
    )
    with pytest.raises(StepNotAllowed):
        b.conflicts.edit_and_keep(ACTOR, conflict.id, {"resolution": "已回访群众并致歉"})
    b.conflicts.resolve(ACTOR, conflict.id, keep="server")
    assert synced(b).verified is True
    assert differences(b, central, "rectification", task["id"]) == {}
    record = central_record(central, task["id"])
    assert record is not None and record.data["resolution"] == "已约谈窗口人员"


# --- a rejection gives the record the platform's version back ----------------------------------------------
@pytest.mark.parametrize("batch_size", [500, 1], ids=["later-op-in-the-same-batch", "later-op-waiting"])
def test_a_rejected_change_is_undone_and_the_record_ends_as_the_platforms(
    make_counter: Callable[..., Counter], central: CentralServer, batch_size: int
) -> None:
    counter = make_counter("a")
    applicant = register(counter, 46)
    synced(counter)
    before = central_record(central, applicant.id)
    assert before is not None
    counter.applicants.update_contact(ACTOR, applicant.id, phone=PHONE_B)
    counter.applicants.update_contact(ACTOR, applicant.id, address="青山镇东街8号")
    first, later = counter.ctx.outbox.for_entity(applicant.id)[-2:]
    # A value central does not accept (the use case would refuse it: written into the op as sent).
    counter.ctx.outbox.replace_data(first.op_id, {**first.data, "phone": "12345"})

    report = sync(counter, batch_size=batch_size)
    assert (report.rejected, report.pushed) == (1, 1)
    assert differences(counter, central, "applicant", applicant.id) == {}
    details = counter.applicants.reveal(ACTOR, applicant.id)
    assert (details.phone, details.address) == (before.data["phone"], "青山镇东街8号")
    # nothing lost: the rejected op is listed, and kept with its data
    (rejected,) = counter.conflicts.rejected(ACTOR)
    assert (rejected.op_id, rejected.field, rejected.fields) == (
        first.op_id,
        "phone",
        ("phone", "updated_at"),
    )
    assert [(op.state, op.data["phone"]) for op in counter.ctx.outbox.for_entity(applicant.id)[-2:-1]] == [
        (REJECTED, "12345")
    ]
    assert counter.ctx.outbox.get(later.op_id).state == DONE  # type: ignore[union-attr]

    counter.conflicts.acknowledge(ACTOR, first.op_id)
    report = synced(counter)
    assert report.verified is True
    assert differences(counter, central, "applicant", applicant.id) == {}


def test_a_rejected_step_gives_the_case_back_the_platforms_state(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    app = take_in(counter, 47, start=True)
    synced(counter)
    counter.cases.suspend(ACTOR, app.id, "专家评审")
    (op,) = [o for o in counter.ctx.outbox.for_entity(app.id) if o.state == PENDING]
    # A step central does not allow (as if the rules had changed since the counter took it).
    counter.ctx.outbox.replace_data(op.op_id, {**op.data, "action": "deliver"})

    report = sync(counter)
    assert report.rejected == 1
    assert differences(counter, central, "application", app.id) == {}
    local = counter.cases.get(ACTOR, app.id)
    assert (local.status, local.resume_status, local.sync_state) == ("in_progress", None, "rejected")
    (rejected,) = counter.conflicts.rejected(ACTOR)
    assert (rejected.field, rejected.code) == ("status", "invalid_transition")
    counter.conflicts.acknowledge(ACTOR, op.op_id)
    assert synced(counter).verified is True
    assert differences(counter, central, "application", app.id) == {}

    counter.cases.suspend(ACTOR, app.id, "专家评审")  # the case goes on from the platform's state
    assert synced(counter).pushed == 1
    assert differences(counter, central, "application", app.id) == {}


def test_a_kept_change_refused_before_it_is_sent_falls_back_to_the_conflicts_copy(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    """An op the counter itself cannot send is rejected with no server's record: the platform's
    version is the one the conflict kept, on top of which "keep mine" sent it again."""
    a, b = make_counter("a"), make_counter("b")
    app = take_in(a, 48)
    synced(a)
    synced(b)
    a.cases.start(ACTOR, app.id)
    b.cases.withdraw(ACTOR, app.id, "申请人主动撤回")
    synced(a)
    assert sync(b).conflicts == 1
    (conflict,) = b.conflicts.open(ACTOR)
    b.conflicts.resolve(ACTOR, conflict["id"], keep="mine")
    assert b.cases.get(ACTOR, app.id).status == "withdrawn"
    (resent,) = [o for o in b.ctx.outbox.for_entity(app.id) if o.state == PENDING]
    b.ctx.store.execute("UPDATE outbox SET client_ts = ? WHERE op_id = ?", ("x" * 80, resent.op_id))

    report = sync(b)
    assert report.rejected == 1 and report.pushed == 0
    assert differences(b, central, "application", app.id) == {}
    assert b.cases.get(ACTOR, app.id).status == "in_progress"
    (rejected,) = b.conflicts.rejected(ACTOR)
    assert rejected.op_id == resent.op_id and "not sendable" in rejected.message
