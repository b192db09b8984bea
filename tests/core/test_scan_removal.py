"""Removing a scan attached by mistake: before the decision, before it was sent, audited, and never
while a sync run could be sending it (sync v1 cannot carry a removal). A draft's scans are not sent
at all (held back until the decision), so a sync that ran meanwhile does not stand in the way."""

from __future__ import annotations

import pytest

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import CounterError, InvalidTransition, NotFound, PermissionDenied, SyncRunning
from counter_app.services.applicants import PersonInput
from counter_app.store.outbox import DONE, PENDING, WITHDRAWN
from counter_app.store.sync_lock import sync_held_off

ITEM = "990101101-05-0001-001"  # 最低生活保障审核确认
SCAN = b"%PDF-1.4 a scan of the application form"


def draft(counter: Counter, clerk: Actor) -> str:
    applicant = counter.applicants.register_person(
        clerk, PersonInput("张三", "11010519491231002X", "13800138000", "示范县青山镇和平村3组12号")
    )
    form = {"household_size": 2, "monthly_income_per_capita": "300", "housing": "own"}
    return counter.intake.draft(clerk, applicant.id, ITEM, form).id


def attach(counter: Counter, clerk: Actor, application_id: str, name: str = "申请书.pdf") -> str:
    return counter.intake.attach(clerk, application_id, "M01", name, SCAN)


def ops_of(counter: Counter, entity_id: str) -> list[str]:
    return [op.state for op in counter.ctx.outbox.for_entity(entity_id)]


def test_a_scan_not_yet_sent_is_removed_and_never_sent(counter: Counter, clerk: Actor) -> None:
    application_id = draft(counter, clerk)
    to_send = counter.exchange.pending_count()
    kept = attach(counter, clerk, application_id, "身份证.png")
    mistake = attach(counter, clerk, application_id)
    file = counter.ctx.paths.attachments / f"{mistake}.bin"
    assert file.exists()
    # A draft's scans are held back: no sync would send them, and they are not counted as waiting.
    assert not {kept, mistake} & {op.entity_id for op in counter.exchange.pending_ops(1000)}
    assert counter.exchange.pending_count() == to_send
    pending_before = counter.ctx.outbox.count(PENDING)

    counter.intake.remove_attachment(clerk, mistake)

    assert [a["id"] for a in counter.ctx.attachments.for_application(application_id)] == [kept]
    assert not file.exists()
    assert (counter.ctx.paths.attachments / f"{kept}.bin").exists()
    # The op is kept (nothing silently vanishes from the outbox) but will never be sent.
    assert ops_of(counter, mistake) == [WITHDRAWN]
    assert counter.ctx.outbox.count(PENDING) == pending_before - 1
    assert mistake not in {op.entity_id for op in counter.exchange.pending_ops(1000)}
    assert counter.exchange.attachment_content(counter.ctx.attachments.get(kept)["sha256"]) is not None

    event = counter.ctx.audit_log.recent(1)[0]
    assert (event["action"], event["entity_id"], event["actor"]) == (
        "attachment.remove",
        application_id,
        clerk.audit_name,
    )
    assert "申请书" not in str(event)  # the file name is personal data: not in the audit trail
    assert counter.admin.verify_audit(Actor.command_line("auditor")).ok


def applied(counter: Counter, attachment_id: str) -> None:
    """The platform answered ``applied`` for the scan's op (as a sync run records it)."""
    (op,) = counter.ctx.outbox.for_entity(attachment_id)
    counter.exchange.record_push_results([(op, {"op_id": op.op_id, "status": "applied", "new_version": 1})])
    assert ops_of(counter, attachment_id) == [DONE]


def test_a_scan_the_platform_has_is_not_removed(counter: Counter, clerk: Actor) -> None:
    # A draft's scans are never sent now, but a client from before they were held back may have
    # sent one (its op is done): the platform has it, so it stays here too.
    application_id = draft(counter, clerk)
    scan = attach(counter, clerk, application_id)
    applied(counter, scan)
    # The pull has not brought the record back yet: the outbox's done op is what refuses.
    assert counter.ctx.attachments.get(scan)["server_version"] == 0
    with counter.ctx.store.transaction():
        assert counter.ctx.outbox.withdraw(scan) is False

    with pytest.raises(CounterError) as refused:
        counter.intake.remove_attachment(clerk, scan)
    assert refused.value.code == "already_sent"
    assert counter.ctx.attachments.get(scan) is not None
    assert (counter.ctx.paths.attachments / f"{scan}.bin").exists()
    assert ops_of(counter, scan) == [DONE]


def test_a_scan_the_platform_sent_back_is_not_removed(counter: Counter, clerk: Actor) -> None:
    # A scan whose record carries the platform's version (a pull brought it) is the platform's,
    # whatever its op says: refused, and the op is left as it was.
    application_id = draft(counter, clerk)
    scan = attach(counter, clerk, application_id)
    counter.ctx.store.execute("UPDATE attachments SET server_version = 1 WHERE id = ?", (scan,))
    with pytest.raises(CounterError) as refused:
        counter.intake.remove_attachment(clerk, scan)
    assert refused.value.code == "already_sent"
    assert counter.ctx.attachments.get(scan) is not None and ops_of(counter, scan) == [PENDING]


def test_scans_are_removed_before_the_decision_only(counter: Counter, clerk: Actor) -> None:
    application_id = draft(counter, clerk)
    scan = attach(counter, clerk, application_id)
    assert scan not in {op.entity_id for op in counter.exchange.pending_ops(1000)}
    counter.intake.refuse(clerk, application_id, "不属于本中心受理范围")
    with pytest.raises(InvalidTransition):
        counter.intake.remove_attachment(clerk, scan)
    assert counter.ctx.attachments.get(scan) is not None
    assert ops_of(counter, scan) == [PENDING]
    # Decided: the scan goes out at the next sync; once the platform has it, still refused.
    assert scan in {op.entity_id for op in counter.exchange.pending_ops(1000)}
    applied(counter, scan)
    with pytest.raises(InvalidTransition):
        counter.intake.remove_attachment(clerk, scan)
    assert counter.ctx.attachments.get(scan) is not None and ops_of(counter, scan) == [DONE]


def test_no_removal_while_a_sync_run_holds_the_lock(counter: Counter, clerk: Actor) -> None:
    application_id = draft(counter, clerk)
    scan = attach(counter, clerk, application_id)
    counter.intake.sync_wait_s = 0.1
    with sync_held_off(counter.ctx.paths.lock_file), pytest.raises(SyncRunning) as refused:
        counter.intake.remove_attachment(clerk, scan)
    assert refused.value.code == "sync_running"
    assert counter.ctx.attachments.get(scan) is not None and ops_of(counter, scan) == [PENDING]
    counter.intake.remove_attachment(clerk, scan)  # the run is over: now it goes through
    assert counter.ctx.attachments.get(scan) is None


def test_only_staff_who_take_in_remove_scans(counter: Counter, clerk: Actor, admin: Actor) -> None:
    application_id = draft(counter, clerk)
    scan = attach(counter, clerk, application_id)
    with pytest.raises(PermissionDenied):
        counter.intake.remove_attachment(admin, scan)
    counter.intake.remove_attachment(clerk, scan)
    with pytest.raises(NotFound):
        counter.intake.remove_attachment(clerk, scan)
