"""After the decision: start, suspend (the clock stops) and resume, complete, deliver, withdraw, history."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from counter_app.accounts import Actor
from counter_app.calendar import WorkingCalendar
from counter_app.catalogue import ServiceItem
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, ValidationError
from counter_app.people import PeopleGenerator
from counter_app.records import Application
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder

TEMP_AID = "990101101-05-0003-001"  # 临时救助: 10 working days; M03, M05, M06 minor
PEOPLE = PeopleGenerator(4242)
SEED = 5

_SEEDER: list[Seeder] = []


def form_values(counter: Counter, actor: Actor, service_item: ServiceItem) -> dict:
    """Valid form values from the Seeder. One Seeder per module: each new one builds a
    PeopleGenerator (~50 ms). Its random state is reset, so an item always gets the same values."""
    if not _SEEDER:
        _SEEDER.append(Seeder(counter, actor, 0))
        _SEEDER[0].people = PEOPLE
    seeder = _SEEDER[0]
    seeder.counter, seeder.actor, seeder.rng = counter, actor, random.Random(SEED)
    return seeder.form_values(service_item)


ONE_DAY = timedelta(days=1)


def new_application(counter: Counter, actor: Actor, code: str = TEMP_AID) -> Application:
    p = PEOPLE.person()
    applicant = counter.applicants.register_person(actor, PersonInput(p.name, p.resident_id, p.mobile))
    service_item = counter.catalogue.active().item(code)
    return counter.intake.draft(actor, applicant.id, code, form_values(counter, actor, service_item))


def accepted(counter: Counter, actor: Actor, *, pending: bool = False) -> Application:
    app = new_application(counter, actor)
    service_item = counter.catalogue.active().item(TEMP_AID)
    minor = {m.code for m in service_item.materials if m.mandatory and m.minor}
    received = {
        m.code: (0, 0) if pending and m.code in minor else (m.originals, m.copies)
        for m in service_item.materials
    }
    counter.intake.record_materials(actor, app.id, received)
    if pending:
        deadline = counter.ctx.today() + timedelta(days=10)
        return counter.intake.accept_pending(actor, app.id, "本人承诺按期补齐", deadline)
    return counter.intake.accept(actor, app.id)


def bring_to(counter: Counter, actor: Actor, status: str) -> Application:
    """An application in ``status``, reached through the use cases."""
    if status == "draft":
        return new_application(counter, actor)
    if status == "awaiting_materials":
        return counter.intake.notify_missing(actor, new_application(counter, actor).id)
    if status == "refused":
        return counter.intake.refuse(actor, new_application(counter, actor).id, "不符合条件")
    if status == "accepted_pending":
        return accepted(counter, actor, pending=True)
    app = accepted(counter, actor)
    if status == "accepted":
        return app
    app = counter.cases.start(actor, app.id)
    if status == "in_progress":
        return app
    if status == "suspended":
        return counter.cases.suspend(actor, app.id, "需实地核查")
    app = counter.cases.complete(actor, app.id, granted=True)
    if status == "completed":
        return app
    app = counter.cases.deliver(actor, app.id)
    if status == "delivered":
        return app
    if status == "rated":
        counter.ratings.rate(actor, app.id, 1)
        return counter.cases.get(actor, app.id)
    if status == "withdrawn":
        return counter.cases.withdraw(actor, new_application(counter, actor).id, "申请人撤回")
    raise AssertionError(status)


def counts(counter: Counter) -> tuple[int, int, int]:
    store = counter.ctx.store
    return (
        int(store.scalar("SELECT count(*) FROM application_events")),
        int(store.scalar("SELECT count(*) FROM outbox")),
        int(store.scalar("SELECT count(*) FROM audit_events")),
    )


# --- start ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("pending", [False, True])
def test_start_from_accepted_and_accepted_pending(counter: Counter, cli_actor: Actor, pending: bool) -> None:
    app = accepted(counter, cli_actor, pending=pending)
    started = counter.cases.start(cli_actor, app.id)
    assert started.status == "in_progress"
    assert started.due_date == app.due_date


@pytest.mark.parametrize("status", ["draft", "awaiting_materials", "in_progress", "completed", "refused"])
def test_start_from_elsewhere_is_refused(counter: Counter, cli_actor: Actor, status: str) -> None:
    app = bring_to(counter, cli_actor, status)
    before = counts(counter)
    with pytest.raises(InvalidTransition):
        counter.cases.start(cli_actor, app.id)
    assert counts(counter) == before


# --- suspension: the clock stops ------------------------------------------------------------------


def test_suspend_needs_a_reason(counter: Counter, cli_actor: Actor) -> None:
    app = bring_to(counter, cli_actor, "in_progress")
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.cases.suspend(cli_actor, app.id, " \n ")
    assert (info.value.field, info.value.code) == ("suspension_reason", "required")
    assert counts(counter) == before
    assert counter.ctx.applications.suspensions(app.id) == []


def test_suspension_moves_the_due_date_by_the_working_days_suspended(
    counter: Counter, cli_actor: Actor, clock: FixedClock
) -> None:
    # Accepted Mon 23 Nov, 10 working days: due Mon 7 Dec.
    app = counter.cases.start(cli_actor, accepted(counter, cli_actor).id)
    assert app.due_date == "2026-12-07"
    clock.advance(2 * ONE_DAY)  # Wed 25 Nov
    suspended = counter.cases.suspend(cli_actor, app.id, "专家评审")
    assert suspended.status == "suspended" and suspended.resume_status == "in_progress"
    assert suspended.due_date == "2026-12-07"
    clock.advance(5 * ONE_DAY)  # Mon 30 Nov: Wed, Thu, Fri were working days spent suspended
    resumed = counter.cases.resume(cli_actor, app.id)
    assert resumed.status == "in_progress" and resumed.resume_status is None
    # 7 Dec + 3 working days = Thu 10 Dec.
    assert resumed.due_date == "2026-12-10"
    calendar = WorkingCalendar()
    assert calendar.working_days_between(date(2026, 12, 7), date(2026, 12, 10)) == 3
    assert counter.ctx.applications.suspensions(app.id) == [
        {"started_on": "2026-11-25", "ended_on": "2026-11-30", "reason": "专家评审"}
    ]


def test_suspending_and_resuming_on_one_day_changes_nothing(
    counter: Counter, cli_actor: Actor, clock: FixedClock
) -> None:
    app = accepted(counter, cli_actor)
    clock.advance(timedelta(hours=2))
    counter.cases.suspend(cli_actor, app.id, "补充核查")
    clock.advance(timedelta(hours=3))
    assert counter.cases.resume(cli_actor, app.id).due_date == app.due_date


def test_suspended_weekend_does_not_move_the_due_date(
    counter: Counter, cli_actor: Actor, clock: FixedClock
) -> None:
    app = accepted(counter, cli_actor)
    clock.set_date(date(2026, 11, 28))  # Saturday
    counter.cases.suspend(cli_actor, app.id, "周末现场核查")
    clock.set_date(date(2026, 11, 30))  # Monday
    assert counter.cases.resume(cli_actor, app.id).due_date == app.due_date == "2026-12-07"


def test_two_suspensions_add_up(counter: Counter, cli_actor: Actor, clock: FixedClock) -> None:
    app = accepted(counter, cli_actor)  # due 7 Dec
    clock.advance(ONE_DAY)  # Tue 24
    counter.cases.suspend(cli_actor, app.id, "第一次")
    clock.advance(ONE_DAY)  # Wed 25: 1 working day suspended
    assert counter.cases.resume(cli_actor, app.id).due_date == "2026-12-08"
    clock.set_date(date(2026, 12, 1))  # Tue
    counter.cases.suspend(cli_actor, app.id, "第二次")
    clock.set_date(date(2026, 12, 3))  # Thu: Tue and Wed suspended
    assert counter.cases.resume(cli_actor, app.id).due_date == "2026-12-10"


def test_suspension_over_national_day_counts_only_working_days(
    counter: Counter, cli_actor: Actor, clock: FixedClock
) -> None:
    clock.set_date(date(2026, 9, 28))
    app = accepted(counter, cli_actor)
    assert app.due_date == "2026-10-16"
    clock.set_date(date(2026, 9, 30))
    counter.cases.suspend(cli_actor, app.id, "节前暂停")
    clock.set_date(date(2026, 10, 9))
    # Suspended 30 Sep - 8 Oct: only 30 Sep and 8 Oct were working days → two working days later.
    assert counter.cases.resume(cli_actor, app.id).due_date == "2026-10-20"


@pytest.mark.parametrize("before", ["accepted", "accepted_pending", "in_progress"])
def test_resume_returns_to_the_status_suspended_from(
    counter: Counter, cli_actor: Actor, clock: FixedClock, before: str
) -> None:
    app = bring_to(counter, cli_actor, before)
    assert counter.cases.suspend(cli_actor, app.id, "听证").status == "suspended"
    clock.advance(ONE_DAY)
    assert counter.cases.resume(cli_actor, app.id).status == before


@pytest.mark.parametrize("status", ["draft", "awaiting_materials", "suspended", "completed"])
def test_suspend_from_elsewhere_is_refused(counter: Counter, cli_actor: Actor, status: str) -> None:
    app = bring_to(counter, cli_actor, status)
    suspensions = counter.ctx.applications.suspensions(app.id)
    before = counts(counter)
    with pytest.raises(InvalidTransition):
        counter.cases.suspend(cli_actor, app.id, "原因")
    assert counts(counter) == before
    assert counter.ctx.applications.suspensions(app.id) == suspensions


@pytest.mark.parametrize("status", ["suspended", "in_progress", "accepted_pending"])
def test_accepting_again_is_an_invalid_transition(counter: Counter, cli_actor: Actor, status: str) -> None:
    """Found by the state machine: accepting a suspended application used to count its due date past
    the open suspension's end (none) and crash with OverflowError instead of refusing the step."""
    app = bring_to(counter, cli_actor, status)
    before = counts(counter)
    with pytest.raises(InvalidTransition):
        counter.intake.accept(cli_actor, app.id)
    with pytest.raises(InvalidTransition):
        counter.intake.accept_pending(cli_actor, app.id, "承诺", counter.ctx.today() + timedelta(days=3))
    assert counts(counter) == before
    assert counter.cases.get(cli_actor, app.id) == app


def test_resume_when_not_suspended_is_refused(counter: Counter, cli_actor: Actor) -> None:
    app = bring_to(counter, cli_actor, "in_progress")
    with pytest.raises(InvalidTransition):
        counter.cases.resume(cli_actor, app.id)
    assert counter.cases.get(cli_actor, app.id).status == "in_progress"


# --- completion and delivery ----------------------------------------------------------------------


@pytest.mark.parametrize("status", ["accepted", "in_progress"])
def test_complete_granted(counter: Counter, cli_actor: Actor, status: str) -> None:
    app = bring_to(counter, cli_actor, status)
    done = counter.cases.complete(cli_actor, app.id, granted=True)
    assert (done.status, done.result, done.result_reason) == ("completed", "granted", None)
    assert done.completed_at is not None


def test_denial_needs_a_reason(counter: Counter, cli_actor: Actor) -> None:
    app = bring_to(counter, cli_actor, "in_progress")
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.cases.complete(cli_actor, app.id, granted=False, reason="  ")
    assert info.value.field == "result_reason"
    assert counts(counter) == before
    done = counter.cases.complete(cli_actor, app.id, granted=False, reason="家庭收入超过低保标准")
    assert (done.status, done.result, done.result_reason) == ("completed", "denied", "家庭收入超过低保标准")


@pytest.mark.parametrize("status", ["draft", "accepted_pending", "suspended", "completed", "refused"])
def test_complete_from_elsewhere_is_refused(counter: Counter, cli_actor: Actor, status: str) -> None:
    app = bring_to(counter, cli_actor, status)
    with pytest.raises(InvalidTransition):
        counter.cases.complete(cli_actor, app.id, granted=True)
    assert counter.cases.get(cli_actor, app.id).status == status


def test_deliver(counter: Counter, cli_actor: Actor) -> None:
    app = bring_to(counter, cli_actor, "completed")
    with pytest.raises(ValidationError) as info:
        counter.cases.deliver(cli_actor, app.id, "pigeon")
    assert info.value.field == "delivery_method"
    delivered = counter.cases.deliver(cli_actor, app.id, "post")
    assert (delivered.status, delivered.delivery_method) == ("delivered", "post")
    assert delivered.delivered_at is not None
    with pytest.raises(InvalidTransition):
        counter.cases.deliver(cli_actor, app.id)


@pytest.mark.parametrize("status", ["accepted", "in_progress", "suspended"])
def test_deliver_before_completion_is_refused(counter: Counter, cli_actor: Actor, status: str) -> None:
    app = bring_to(counter, cli_actor, status)
    with pytest.raises(InvalidTransition):
        counter.cases.deliver(cli_actor, app.id)


# --- withdrawal -----------------------------------------------------------------------------------

OPEN = ["draft", "awaiting_materials", "accepted", "accepted_pending", "in_progress", "suspended"]
CLOSED = ["refused", "completed", "delivered", "rated", "withdrawn"]


@pytest.mark.parametrize("status", OPEN)
def test_withdraw_from_every_open_status(counter: Counter, cli_actor: Actor, status: str) -> None:
    app = bring_to(counter, cli_actor, status)
    withdrawn = counter.cases.withdraw(cli_actor, app.id, "申请人主动撤回")
    assert (withdrawn.status, withdrawn.withdrawn_reason) == ("withdrawn", "申请人主动撤回")
    last = counter.cases.history(cli_actor, app.id)[-1]
    assert (last["action"], last["from_status"], last["to_status"]) == ("withdraw", status, "withdrawn")
    # A withdrawn application keeps no open suspension.
    assert all(s["ended_on"] is not None for s in counter.ctx.applications.suspensions(app.id))


@pytest.mark.parametrize("status", CLOSED)
def test_no_withdrawal_once_closed(counter: Counter, cli_actor: Actor, status: str) -> None:
    app = bring_to(counter, cli_actor, status)
    before = counts(counter)
    with pytest.raises(InvalidTransition):
        counter.cases.withdraw(cli_actor, app.id, "撤回")
    assert counts(counter) == before
    assert counter.cases.get(cli_actor, app.id).status == status


def test_withdraw_needs_a_reason(counter: Counter, cli_actor: Actor) -> None:
    app = bring_to(counter, cli_actor, "draft")
    with pytest.raises(ValidationError) as info:
        counter.cases.withdraw(cli_actor, app.id, "")
    assert info.value.field == "withdrawn_reason"
    assert counter.cases.get(cli_actor, app.id).status == "draft"


# --- history --------------------------------------------------------------------------------------


def test_history_records_every_step_in_order(counter: Counter, cli_actor: Actor, clock: FixedClock) -> None:
    app = new_application(counter, cli_actor)
    service_item = counter.catalogue.active().item(TEMP_AID)
    counter.intake.notify_missing(cli_actor, app.id)
    clock.advance(ONE_DAY)
    counter.intake.record_materials(
        cli_actor, app.id, {m.code: (m.originals, m.copies) for m in service_item.materials}
    )
    counter.intake.accept(cli_actor, app.id)
    counter.cases.start(cli_actor, app.id)
    counter.cases.suspend(cli_actor, app.id, "入户调查")
    clock.advance(ONE_DAY)
    counter.cases.resume(cli_actor, app.id)
    counter.cases.complete(cli_actor, app.id, granted=True)
    counter.cases.deliver(cli_actor, app.id)
    counter.ratings.rate(cli_actor, app.id, 2)
    history = counter.cases.history(cli_actor, app.id)
    assert [(e["action"], e["from_status"], e["to_status"]) for e in history] == [
        ("draft", None, "draft"),
        ("notify_missing", "draft", "awaiting_materials"),
        ("accept", "awaiting_materials", "accepted"),
        ("start", "accepted", "in_progress"),
        ("suspend", "in_progress", "suspended"),
        ("resume", "suspended", "in_progress"),
        ("complete", "in_progress", "completed"),
        ("deliver", "completed", "delivered"),
        ("rate", "delivered", "rated"),
    ]
    assert {e["actor"] for e in history} == {cli_actor.audit_name}
    assert history[4]["note"] == "入户调查"
    times = [e["at"] for e in history]
    assert times == sorted(times)
    assert times[0].startswith("2026-11-23") and times[-1].startswith("2026-11-25")
