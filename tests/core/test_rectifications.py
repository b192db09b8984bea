"""The supervisor's rectification list: open, overdue and closed tasks with their case and rating,
counts for the dashboard, and closing (recorded, synced once, audited, never twice)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, PermissionDenied, ValidationError
from counter_app.records import AuditFilter, RectificationCounts, RectificationRow
from tests.core.test_ratings import ITEM, PAD, _application


def _bad_rating(counter: Counter, clerk: Actor, level: int = 5, comment: str = "等候时间太长") -> str:
    """A delivered case rated poorly today; returns the rectification task's id."""
    app = _application(counter, clerk, "delivered")
    rating = counter.ratings.rate(PAD, app.id, level, "sms", comment)
    task = counter.ctx.ratings.rectification_for_rating(rating["id"])
    assert task is not None
    return task["id"]


def ids(rows: list[RectificationRow]) -> list[str]:
    return [row.id for row in rows]


def test_a_bad_rating_opens_a_task_listed_with_its_case_and_rating(
    counter: Counter, clerk: Actor, supervisor: Actor
) -> None:
    task_id = _bad_rating(counter, clerk, 4, "窗口人员态度差")
    (row,) = counter.ratings.rectifications(supervisor)
    app = counter.cases.get(clerk, row.application_id)
    applicant = counter.applicants.get(clerk, app.applicant_id)
    assert row.id == task_id
    assert (row.receipt_no, row.item_code, row.applicant_name) == (app.receipt_no, ITEM, applicant.name)
    assert (row.level, row.channel, row.comment) == (4, "sms", "窗口人员态度差")
    # Rated Mon 23 Nov 2026; five working days on: Mon 30 Nov.
    assert (row.status, row.due_date, row.overdue) == ("open", "2026-11-30", False)
    assert (row.resolution, row.closed_at, row.closed_by) == (None, None, None)
    # The applicant's name only: no ID number, masked or not, and no phone number.
    details = counter.applicants.reveal(clerk, app.applicant_id)
    assert details.id_number and details.id_number not in repr(row)
    assert applicant.id_masked not in repr(row)
    assert counter.ratings.rectification_counts(supervisor) == RectificationCounts(
        open=1, overdue=0, closed=0
    )


def test_good_ratings_list_nothing(counter: Counter, clerk: Actor, supervisor: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    counter.ratings.rate(PAD, app.id, 3)
    assert counter.ratings.rectifications(supervisor, "all") == []
    assert counter.ratings.rectification_counts(supervisor) == RectificationCounts(0, 0, 0)


def test_open_overdue_and_closed_as_the_clock_passes_the_due_dates(
    counter: Counter, clerk: Actor, supervisor: Actor, clock: FixedClock
) -> None:
    first = _bad_rating(counter, clerk)  # Mon 23 Nov: due Mon 30 Nov
    clock.set_date(date(2026, 11, 25))
    second = _bad_rating(counter, clerk)  # Wed 25 Nov: due Wed 2 Dec
    third = _bad_rating(counter, clerk)  # Wed 25 Nov: due Wed 2 Dec, closed on time below
    counter.ratings.close_rectification(supervisor, third, "已回访")

    def state() -> tuple[list[str], list[str], list[str], RectificationCounts]:
        rectifications = counter.ratings.rectifications
        return (
            ids(rectifications(supervisor, "open")),
            ids(rectifications(supervisor, "overdue")),
            ids(rectifications(supervisor, "closed")),
            counter.ratings.rectification_counts(supervisor),
        )

    clock.set_date(date(2026, 11, 30))  # the first is due today: not overdue yet
    assert state() == ([first, second], [], [third], RectificationCounts(open=2, overdue=0, closed=1))
    clock.set_date(date(2026, 12, 1))
    assert state() == ([first, second], [first], [third], RectificationCounts(open=2, overdue=1, closed=1))
    rows = counter.ratings.rectifications(supervisor, "open")
    assert [row.overdue for row in rows] == [True, False]
    clock.set_date(date(2026, 12, 3))
    assert state() == ([first, second], [first, second], [third], RectificationCounts(2, 2, 1))
    # Closing an overdue task takes it out of both open lists.
    counter.ratings.close_rectification(supervisor, first, "已整改，补发告知书")
    assert state() == ([second], [second], [first, third], RectificationCounts(1, 1, 2))
    every = counter.ratings.rectifications(supervisor, "all")
    assert ids(every) == [second, first, third]  # open by due date, then the latest closed first
    assert not any(row.overdue for row in every if row.status == "closed")
    assert ids(counter.ratings.rectifications(supervisor, "all", limit=2, offset=1)) == [first, third]


def test_closing_records_what_when_and_who_and_queues_one_op(
    counter: Counter, clerk: Actor, supervisor: Actor, clock: FixedClock
) -> None:
    task_id = _bad_rating(counter, clerk)
    clock.advance(timedelta(days=2, hours=3))
    ops_before = counter.ctx.outbox.for_entity(task_id)
    counter.ratings.close_rectification(supervisor, task_id, "  已电话回访并说明受理条件  ")
    (row,) = counter.ratings.rectifications(supervisor, "closed")
    assert (row.id, row.status, row.resolution) == (task_id, "closed", "已电话回访并说明受理条件")
    assert row.closed_at is not None and row.closed_at.startswith("2026-11-25T12:30")
    assert row.closed_by == supervisor.audit_name == "user:supervisor1"
    assert row.sync_state == "pending" and not row.overdue
    ops = counter.ctx.outbox.for_entity(task_id)
    assert len(ops) == len(ops_before) + 1 == 2
    op = ops[-1]
    assert (op.entity, op.op, op.base_version, op.user_id) == (
        "rectification",
        "update",
        0,
        supervisor.user_id,
    )
    assert op.data == {
        "status": "closed",
        "resolution": "已电话回访并说明受理条件",
        "closed_at": row.closed_at,
    }
    (event,) = counter.audit_trail.events(supervisor, AuditFilter(action="rectification.close"))
    assert (event.actor, event.entity, event.entity_id) == ("user:supervisor1", "rectification", task_id)


def test_a_closed_task_cannot_be_closed_again(counter: Counter, clerk: Actor, supervisor: Actor) -> None:
    task_id = _bad_rating(counter, clerk)
    counter.ratings.close_rectification(supervisor, task_id, "已整改")
    ops, events = len(counter.ctx.outbox.for_entity(task_id)), counter.ctx.audit_log.count()
    with pytest.raises(InvalidTransition):
        counter.ratings.close_rectification(supervisor, task_id, "再次关闭")
    assert (len(counter.ctx.outbox.for_entity(task_id)), counter.ctx.audit_log.count()) == (ops, events)
    (row,) = counter.ratings.rectifications(supervisor, "closed")
    assert row.resolution == "已整改"


def test_a_task_closed_on_another_counter_is_listed_without_a_closer_and_stays_closed(
    counter: Counter, clerk: Actor, supervisor: Actor
) -> None:
    task_id = _bad_rating(counter, clerk)
    # As a pull writes it: the platform's version, closed by someone at another counter.
    counter.ctx.store.execute(
        "UPDATE rectifications SET status = 'closed', resolution = '已整改', closed_at = ?, version = 3,"
        " sync_state = 'synced' WHERE id = ?",
        ("2026-11-24T10:00:00.000+08:00", task_id),
    )
    (row,) = counter.ratings.rectifications(supervisor, "closed")
    assert (row.closed_by, row.resolution, row.version) == (None, "已整改", 3)
    with pytest.raises(InvalidTransition):
        counter.ratings.close_rectification(supervisor, task_id, "本柜台再次关闭")
    assert [op.op for op in counter.ctx.outbox.for_entity(task_id)] == ["create"]


def test_bad_input_is_refused_naming_the_field(counter: Counter, clerk: Actor, supervisor: Actor) -> None:
    task_id = _bad_rating(counter, clerk)
    for call, field in [
        (lambda: counter.ratings.rectifications(supervisor, "late"), "state"),
        (lambda: counter.ratings.rectifications(supervisor, limit=0), "limit"),
        (lambda: counter.ratings.close_rectification(supervisor, task_id, "改" * 5001), "resolution"),
    ]:
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.field == field
    assert ids(counter.ratings.rectifications(supervisor)) == [task_id]


def test_a_clerk_is_refused_and_each_refusal_is_audited(
    counter: Counter, clerk: Actor, supervisor: Actor, admin: Actor
) -> None:
    task_id = _bad_rating(counter, clerk)
    calls = [
        lambda: counter.ratings.rectifications(clerk),
        lambda: counter.ratings.rectification_counts(clerk),
        lambda: counter.ratings.close_rectification(clerk, task_id, "已整改"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    refusals = counter.audit_trail.events(supervisor, AuditFilter(outcome="denied"))
    assert [(e.actor, e.action, e.detail) for e in refusals] == [
        ("user:clerk1", "permission.denied", {"permission": "handle_rectification"})
    ] * len(calls)
    assert ids(counter.ratings.rectifications(supervisor)) == [task_id]  # still open
    # The administrator sees the dashboard's counts, not the cases.
    assert counter.ratings.rectification_counts(admin) == RectificationCounts(1, 0, 0)
    with pytest.raises(PermissionDenied):
        counter.ratings.rectifications(admin)
