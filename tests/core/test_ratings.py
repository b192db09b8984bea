"""好差评: one rating per visit, after delivery (or on a refusal); a 4 or 5 opens a rectification task."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from counter_app.accounts import Actor
from counter_app.catalogue import ServiceItem
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, PermissionDenied, ValidationError
from counter_app.people import PeopleGenerator
from counter_app.records import Application
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder

# Ratings recorded straight through ``rate``: a rating pad's log imported on the command line
# (staff never choose a rating for the citizen; see test_staff_never_choose_the_citizens_rating).
PAD = Actor.command_line("rating-pad")

ITEM = "990101101-05-0006-001"  # 高龄津贴, 10 working days
PEOPLE = PeopleGenerator(515)
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


def _application(counter: Counter, actor: Actor, status: str) -> Application:
    p = PEOPLE.person()
    applicant = counter.applicants.register_person(actor, PersonInput(p.name, p.resident_id, p.mobile))
    service_item = counter.catalogue.active().item(ITEM)
    app = counter.intake.draft(actor, applicant.id, ITEM, form_values(counter, actor, service_item))
    if status == "draft":
        return app
    if status == "refused":
        return counter.intake.refuse(actor, app.id, "年龄未达到条件")
    counter.intake.record_materials(
        actor, app.id, {m.code: (m.originals, m.copies) for m in service_item.materials}
    )
    app = counter.intake.accept(actor, app.id)
    application_id = app.id
    steps = (
        lambda: counter.cases.start(actor, application_id),
        lambda: counter.cases.complete(actor, application_id, granted=True),
        lambda: counter.cases.deliver(actor, application_id),
    )
    for step in steps:
        if app.status == status:
            break
        app = step()
    assert app.status == status
    return app


def _counts(counter: Counter) -> tuple[int, ...]:
    store = counter.ctx.store
    return tuple(
        int(store.scalar(f"SELECT count(*) FROM {table}"))
        for table in ("ratings", "rectifications", "application_events", "outbox", "audit_events")
    )


def test_rating_a_delivered_application_closes_it(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    rating = counter.ratings.rate(PAD, app.id, 2, "qr_code", "  服务热情  ")
    assert (rating["level"], rating["channel"], rating["comment"]) == (2, "qr_code", "服务热情")
    assert counter.cases.get(clerk, app.id).status == "rated"
    stored = counter.ctx.ratings.for_application(app.id)
    assert stored is not None and stored["id"] == rating["id"] and stored["level"] == 2
    (op,) = counter.ctx.outbox.for_entity(rating["id"])
    assert (op.entity, op.op, op.base_version) == ("rating", "create", 0)
    assert op.data["application_id"] == app.id and op.data["level"] == 2 and op.data["channel"] == "qr_code"
    assert counter.ctx.ratings.rectification_for_rating(rating["id"]) is None


def test_a_refused_applicant_may_rate_and_the_status_stays_refused(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "refused")
    events = len(counter.cases.history(clerk, app.id))
    counter.ratings.rate(PAD, app.id, 3, "sms")
    assert counter.cases.get(clerk, app.id).status == "refused"
    assert len(counter.cases.history(clerk, app.id)) == events
    assert counter.ctx.ratings.for_application(app.id)["level"] == 3


@pytest.mark.parametrize("status", ["draft", "accepted", "in_progress", "completed"])
def test_no_rating_before_delivery(counter: Counter, clerk: Actor, status: str) -> None:
    app = _application(counter, clerk, status)
    before = _counts(counter)
    with pytest.raises(InvalidTransition):
        counter.ratings.rate(PAD, app.id, 1)
    assert _counts(counter) == before
    assert counter.cases.get(clerk, app.id).status == status


@pytest.mark.parametrize("status", ["delivered", "refused"])
def test_one_rating_per_application(counter: Counter, clerk: Actor, status: str) -> None:
    app = _application(counter, clerk, status)
    counter.ratings.rate(PAD, app.id, 5)
    before = _counts(counter)
    with pytest.raises((ValidationError, InvalidTransition)):
        counter.ratings.rate(PAD, app.id, 1)
    assert _counts(counter) == before
    assert counter.ctx.ratings.for_application(app.id)["level"] == 5


@pytest.mark.parametrize("level", [0, 6, -1, 10, "3", None, 2.5, True, 1.0])
def test_level_outside_one_to_five_is_refused(counter: Counter, clerk: Actor, level: object) -> None:
    app = _application(counter, clerk, "delivered")
    before = _counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.ratings.rate(PAD, app.id, level)  # type: ignore[arg-type]
    assert info.value.field == "level"
    assert _counts(counter) == before
    assert counter.cases.get(clerk, app.id).status == "delivered"


def test_unknown_channel_is_refused(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    with pytest.raises(ValidationError) as info:
        counter.ratings.rate(PAD, app.id, 1, "carrier_pigeon")
    assert info.value.field == "channel"
    assert counter.ctx.ratings.for_application(app.id) is None


@pytest.mark.parametrize("level", [1, 2, 3])
def test_good_ratings_open_no_rectification(
    counter: Counter, clerk: Actor, supervisor: Actor, level: int
) -> None:
    app = _application(counter, clerk, "delivered")
    rating = counter.ratings.rate(PAD, app.id, level)
    assert counter.ctx.ratings.rectification_for_rating(rating["id"]) is None
    assert counter.ratings.open_rectifications(supervisor) == []


@pytest.mark.parametrize("level", [4, 5])
def test_poor_rating_opens_a_rectification_due_in_five_working_days(
    counter: Counter, clerk: Actor, level: int
) -> None:
    app = _application(counter, clerk, "delivered")
    rating = counter.ratings.rate(PAD, app.id, level, comment="等候时间太长")
    task = counter.ctx.ratings.rectification_for_rating(rating["id"])
    assert task is not None
    assert task["application_id"] == app.id and task["status"] == "open"
    # Rated Mon 23 Nov 2026: Tue 24 (1) ... Fri 27 (4), Mon 30 Nov (5).
    assert task["due_date"] == "2026-11-30"
    (op,) = counter.ctx.outbox.for_entity(task["id"])
    assert (op.entity, op.op) == ("rectification", "create")
    assert op.data["due_date"] == "2026-11-30" and op.data["rating_id"] == rating["id"]
    actions = [e["action"] for e in counter.ctx.audit_log.recent(3)][::-1]
    assert actions == ["rating.record", "rectification.open", "application.rate"]


def test_rectification_deadline_skips_national_day(counter: Counter, clerk: Actor, clock: FixedClock) -> None:
    app = _application(counter, clerk, "delivered")
    clock.set_date(date(2026, 9, 30))  # FixedClock only moves when told; a rating on Wed 30 Sep
    rating = counter.ratings.rate(PAD, app.id, 4)
    # 1-7 Oct off; Thu 8 (1), Fri 9 (2), Sat 10 worked (3), Mon 12 (4), Tue 13 (5).
    assert counter.ctx.ratings.rectification_for_rating(rating["id"])["due_date"] == "2026-10-13"


def test_supervisor_closes_a_rectification_and_a_clerk_may_not(
    counter: Counter, clerk: Actor, supervisor: Actor, clock: FixedClock
) -> None:
    app = _application(counter, clerk, "refused")
    rating = counter.ratings.rate(PAD, app.id, 5, "phone_12345")
    task = counter.ctx.ratings.rectification_for_rating(rating["id"])
    assert [t["id"] for t in counter.ratings.open_rectifications(supervisor)] == [task["id"]]
    before = _counts(counter)
    with pytest.raises(PermissionDenied):
        counter.ratings.close_rectification(clerk, task["id"], "已整改")
    with pytest.raises(PermissionDenied):
        counter.ratings.open_rectifications(clerk)
    *records, audit_events = _counts(counter)
    assert (*records, audit_events) == (*before[:-1], before[-1] + 2)  # only the two refusals, audited
    with pytest.raises(ValidationError) as info:
        counter.ratings.close_rectification(supervisor, task["id"], "  ")
    assert info.value.field == "resolution"
    clock.advance(timedelta(days=2))
    counter.ratings.close_rectification(supervisor, task["id"], "已电话回访并说明受理条件")
    closed = counter.ctx.ratings.rectification(task["id"])
    assert closed["status"] == "closed" and closed["resolution"] == "已电话回访并说明受理条件"
    assert closed["closed_at"].startswith("2026-11-25")
    assert counter.ratings.open_rectifications(supervisor) == []
    ops = counter.ctx.outbox.for_entity(task["id"])
    assert [op.op for op in ops] == ["create", "update"]
    assert ops[1].data["status"] == "closed" and ops[1].user_id == supervisor.user_id
    event = counter.ctx.audit_log.recent(1)[0]
    assert (event["action"], event["actor"]) == ("rectification.close", supervisor.audit_name)
    with pytest.raises(InvalidTransition):
        counter.ratings.close_rectification(supervisor, task["id"], "再次关闭")


# --- the aspects the citizen found unsatisfactory (schema v5) ---------------------------------------
def test_aspects_are_kept_in_their_order_once_and_travel_in_the_op(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    rating = counter.ratings.rate(PAD, app.id, 3, "sms", aspects=["attitude", "efficiency", "attitude"])
    assert rating["unsatisfied_aspects"] == ["efficiency", "attitude"]
    assert counter.ctx.ratings.for_application(app.id)["unsatisfied_aspects"] == ["efficiency", "attitude"]
    (op,) = counter.ctx.outbox.for_entity(rating["id"])
    assert op.data["unsatisfied_aspects"] == ["efficiency", "attitude"]


def test_no_aspect_chosen_is_null_on_the_wire_and_empty_when_read(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    rating = counter.ratings.rate(PAD, app.id, 1, "web")
    (op,) = counter.ctx.outbox.for_entity(rating["id"])
    assert "unsatisfied_aspects" in op.data and op.data["unsatisfied_aspects"] is None
    assert counter.ctx.store.scalar("SELECT unsatisfied_aspects FROM ratings") is None
    assert counter.ctx.ratings.for_application(app.id)["unsatisfied_aspects"] == []


@pytest.mark.parametrize("aspects", [["speed"], "attitude", [None], ["Attitude"], 3])
def test_unknown_aspects_are_refused(counter: Counter, clerk: Actor, aspects: object) -> None:
    app = _application(counter, clerk, "delivered")
    before = _counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.ratings.rate(PAD, app.id, 4, "sms", aspects=aspects)  # type: ignore[arg-type]
    assert info.value.field == "unsatisfied_aspects"
    assert _counts(counter) == before


def test_the_rectification_list_shows_the_aspects(counter: Counter, clerk: Actor, supervisor: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    counter.ratings.rate(PAD, app.id, 5, "phone_12345", "没人理", aspects=["competence", "attitude"])
    (task,) = counter.ratings.rectifications(supervisor, "open")
    assert (task.level, task.comment, task.unsatisfied_aspects) == (5, "没人理", ("competence", "attitude"))


def test_staff_never_choose_the_citizens_rating(counter: Counter, clerk: Actor, supervisor: Actor) -> None:
    """At the counter the citizen rates on the screen the clerk opens; a rating given elsewhere is
    transcribed by a colleague, never by who handled the case."""
    app = _application(counter, clerk, "delivered")
    before = _counts(counter)
    for actor, channel, code in (
        (clerk, "counter_pad", "citizen_only"),
        (clerk, "counter-screen", "citizen_only"),
        (supervisor, "counter_pad", "citizen_only"),
        (clerk, "sms", "own_case"),
        (clerk, "phone_12345", "own_case"),
    ):
        with pytest.raises(ValidationError) as info:
            counter.ratings.rate(actor, app.id, 1, channel)
        assert (info.value.field, info.value.code) == ("channel", code), (actor.username, channel)
    assert _counts(counter) == before  # nothing written (the refusals are no audit events either)
    rating = counter.ratings.rate(supervisor, app.id, 5, "phone_12345", "电话里说等太久")
    assert (rating["channel"], rating["level"]) == ("phone_12345", 5)
    (op,) = counter.ctx.outbox.for_entity(rating["id"])
    assert op.user_id == supervisor.user_id
