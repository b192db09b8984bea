"""Taking an application in at the desk, end to end through the real store: draft, receipt numbers,
materials, acceptance (with its due date on the official calendar), 容缺受理, the one-time notice and
refusal."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from counter_app.accounts import Actor
from counter_app.calendar import WorkingCalendar
from counter_app.catalogue import ServiceItem, catalogue_to_dict
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, PermissionDenied, ValidationError
from counter_app.people import PeopleGenerator
from counter_app.records import Application
from counter_app.services.applicants import OrganisationInput, PersonInput
from counter_app.services.intake import DEFAULT_REMEDIES
from counter_app.services.seed import Seeder

DIBAO = "990101101-05-0001-001"  # 最低生活保障审核确认: 20 working days; M03, M07 minor
TEMP_AID = "990101101-05-0003-001"  # 临时救助: 10 working days; M03, M05, M06 minor
HOMESTEAD = "990101101-01-0001-001"  # 农村宅基地: 15 working days; only M06 minor
ON_THE_SPOT = "990101101-20-0102-001"  # 养老保险待遇领取资格确认: on the spot (0 days)
EMPLOYMENT = "990101101-20-0301-001"  # 就业登记: organisations only


# --- helpers --------------------------------------------------------------------------------------


# One generator for the whole module: each new generator allocates its uniqueness table (~80 ms).
PEOPLE = PeopleGenerator(2026)
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


def person(counter: Counter, actor: Actor) -> str:
    """A newly registered citizen (a different one on every call)."""
    p = PEOPLE.person()
    return counter.applicants.register_person(
        actor, PersonInput(p.name, p.resident_id, p.mobile, p.address)
    ).id


def organisation(counter: Counter, actor: Actor) -> str:
    o = PEOPLE.organisation()
    return counter.applicants.register_organisation(
        actor, OrganisationInput(o.name, o.uscc, o.legal_representative.name, o.mobile, o.address)
    ).id


def item(counter: Counter, code: str) -> ServiceItem:
    return counter.catalogue.active().item(code)


def draft(counter: Counter, actor: Actor, code: str, applicant_id: str | None = None) -> Application:
    applicant_id = applicant_id or person(counter, actor)
    form = form_values(counter, actor, item(counter, code))
    return counter.intake.draft(actor, applicant_id, code, form)


def everything(service_item: ServiceItem, *, leave_out: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    return {
        m.code: (0, 0) if m.code in leave_out else (m.originals, m.copies) for m in service_item.materials
    }


def counts(counter: Counter) -> tuple[int, ...]:
    store = counter.ctx.store
    return tuple(
        int(store.scalar(f"SELECT count(*) FROM {table}"))
        for table in ("applications", "application_events", "application_materials", "outbox", "audit_events")
    )


# --- draft and receipt numbers --------------------------------------------------------------------

RECEIPT = re.compile(r"^(?P<prefix>[0-9A-Z]{6})(?P<day>\d{6})(?P<seq>\d{4,})$")


def test_receipt_number_format_sequence_and_daily_reset(
    counter: Counter, cli_actor: Actor, clock: FixedClock
) -> None:
    applicant = person(counter, cli_actor)
    prefix = counter.ctx.settings.get("receipt_prefix")
    first = draft(counter, cli_actor, DIBAO, applicant).receipt_no
    second = draft(counter, cli_actor, TEMP_AID, applicant).receipt_no
    clock.advance(timedelta(days=1))
    next_day = draft(counter, cli_actor, DIBAO, applicant).receipt_no
    for number in (first, second, next_day):
        match = RECEIPT.match(number)
        assert match, number
        assert len(number) <= 20
        assert match["prefix"] == prefix
    assert first == f"{prefix}2611230001"
    assert second == f"{prefix}2611230002"
    assert next_day == f"{prefix}2611240001"


def test_receipt_sequence_is_not_used_up_by_a_refused_draft(counter: Counter, cli_actor: Actor) -> None:
    applicant = person(counter, cli_actor)
    with pytest.raises(ValidationError):
        counter.intake.draft(cli_actor, applicant, DIBAO, {"household_size": "many"})
    assert draft(counter, cli_actor, DIBAO, applicant).receipt_no.endswith("2611230001")


def test_draft_starts_in_draft_with_cleaned_form(counter: Counter, cli_actor: Actor) -> None:
    applicant = person(counter, cli_actor)
    housing = item(counter, DIBAO).form_field("housing").choices[0].value
    app = counter.intake.draft(
        cli_actor,
        applicant,
        DIBAO,
        {"household_size": " 3 ", "monthly_income_per_capita": "450.5", "housing": housing},
    )
    assert app.status == "draft"
    assert app.form["household_size"] == 3
    assert app.form["monthly_income_per_capita"] == "450.5"
    assert app.catalogue_version == counter.catalogue.active().version
    assert app.accepted_on is None and app.due_date is None
    assert counter.cases.history(cli_actor, app.id)[0]["action"] == "draft"


@pytest.mark.parametrize(
    ("form", "field", "code"),
    [
        (
            {"household_size": "abc", "monthly_income_per_capita": "1", "housing": "owned"},
            "household_size",
            None,
        ),
        ({"monthly_income_per_capita": "1", "housing": "owned"}, "household_size", "required"),
        ({"household_size": 3, "monthly_income_per_capita": "1", "housing": "castle"}, "housing", "choice"),
        (
            {"household_size": 3, "monthly_income_per_capita": "1", "housing": "owned", "bogus": 1},
            "bogus",
            "unknown_field",
        ),
    ],
)
def test_invalid_form_field_is_named(
    counter: Counter, cli_actor: Actor, form: dict, field: str, code: str | None
) -> None:
    applicant = person(counter, cli_actor)
    housing = item(counter, DIBAO).form_field("housing")
    if form.get("housing") == "owned":
        form = dict(form, housing=housing.choices[0].value)
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.intake.draft(cli_actor, applicant, DIBAO, form)
    assert info.value.field == f"form.{field}"
    if code:
        assert info.value.code == code
    assert counts(counter) == before


def test_unknown_item_is_refused(counter: Counter, cli_actor: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        counter.intake.draft(cli_actor, person(counter, cli_actor), "000000-01-0000-000", {})
    assert (info.value.field, info.value.code) == ("item_code", "unknown")


def test_retired_item_is_refused_but_old_applications_go_on(counter: Counter, cli_actor: Actor) -> None:
    applicant = person(counter, cli_actor)
    earlier = draft(counter, cli_actor, DIBAO, applicant)
    document = catalogue_to_dict(counter.catalogue.active())
    document["version"] = "2026.2"
    for entry in document["items"]:
        if entry["code"] == DIBAO:
            entry["status"] = "retired"
    counter.catalogue.install(cli_actor, document)
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        draft(counter, cli_actor, DIBAO, applicant)
    assert (info.value.field, info.value.code) == ("item_code", "retired")
    assert counts(counter) == before
    # An application taken in under the earlier version still resolves its item and can be accepted.
    counter.intake.record_materials(cli_actor, earlier.id, everything(item(counter, DIBAO)))
    accepted = counter.intake.accept(cli_actor, earlier.id)
    assert accepted.status == "accepted" and accepted.catalogue_version == "2026.1"
    # Other items are still open for new applications under the new version.
    assert draft(counter, cli_actor, TEMP_AID, applicant).catalogue_version == "2026.2"


def test_service_objects_are_respected(counter: Counter, cli_actor: Actor) -> None:
    org = organisation(counter, cli_actor)
    citizen = person(counter, cli_actor)
    catalogue = counter.catalogue.active()
    person_only = [i for i in catalogue.active_items() if "legal_person" not in i.service_objects]
    assert person_only, "the demo catalogue has person-only items"
    for service_item in person_only[:3]:
        with pytest.raises(ValidationError) as info:
            counter.intake.draft(
                cli_actor, org, service_item.code, form_values(counter, cli_actor, service_item)
            )
        assert (info.value.field, info.value.code) == ("applicant", "service_object")
    employment = item(counter, EMPLOYMENT)
    assert "natural_person" not in employment.service_objects
    form = form_values(counter, cli_actor, employment)
    with pytest.raises(ValidationError) as info:
        counter.intake.draft(cli_actor, citizen, EMPLOYMENT, form)
    assert info.value.code == "service_object"
    assert counter.intake.draft(cli_actor, org, EMPLOYMENT, form).status == "draft"


# --- materials ------------------------------------------------------------------------------------


def test_record_materials_reports_what_is_missing(counter: Counter, cli_actor: Actor) -> None:
    app = draft(counter, cli_actor, DIBAO)
    dibao = item(counter, DIBAO)
    check = counter.intake.record_materials(cli_actor, app.id, {"M01": (1, 0), "M02": (1, 0)})
    assert check.received == ("M01",)  # M02 needs a copy as well
    mandatory = tuple(m.code for m in dibao.materials if m.mandatory)
    optional = tuple(m.code for m in dibao.materials if not m.mandatory)
    assert check.missing_mandatory == tuple(c for c in mandatory if c != "M01")
    assert check.missing_optional == optional
    assert not check.complete
    check = counter.intake.record_materials(cli_actor, app.id, everything(dibao, leave_out=optional))
    assert check.complete and check.missing_optional == optional


@pytest.mark.parametrize(
    ("received", "field"),
    [
        ({"M99": (1, 1)}, "materials.M99"),
        ({"M01": (-1, 0)}, "materials.M01.originals"),
        ({"M01": (1, 100)}, "materials.M01.copies"),
    ],
)
def test_bad_material_entries_are_refused(
    counter: Counter, cli_actor: Actor, received: dict, field: str
) -> None:
    app = draft(counter, cli_actor, DIBAO)
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.intake.record_materials(cli_actor, app.id, received)
    assert info.value.field == field
    assert counts(counter) == before


# --- acceptance -----------------------------------------------------------------------------------


def test_accept_refused_while_mandatory_materials_are_missing(counter: Counter, cli_actor: Actor) -> None:
    app = draft(counter, cli_actor, DIBAO)
    counter.intake.record_materials(
        cli_actor, app.id, everything(item(counter, DIBAO), leave_out=("M02", "M05"))
    )
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.intake.accept(cli_actor, app.id)
    assert info.value.field == "materials"
    assert "M02" in str(info.value) and "M05" in str(info.value)
    assert counts(counter) == before
    assert counter.cases.get(cli_actor, app.id).status == "draft"


def test_accept_with_only_optional_materials_missing(counter: Counter, cli_actor: Actor) -> None:
    dibao = item(counter, DIBAO)
    app = draft(counter, cli_actor, DIBAO)
    optional = tuple(m.code for m in dibao.materials if not m.mandatory)
    assert optional
    counter.intake.record_materials(cli_actor, app.id, everything(dibao, leave_out=optional))
    assert counter.intake.accept(cli_actor, app.id).status == "accepted"


@pytest.mark.parametrize(
    ("code", "expected_due"),
    [
        # Monday 2026-11-23 + 20 working days: 24-27 Nov (4), 30 Nov-4 Dec (9), 7-11 (14), 14-18 (19), 21 Dec.
        (DIBAO, date(2026, 12, 21)),
        # + 10 working days: 24-27 Nov (4), 30 Nov-4 Dec (9), Mon 7 Dec (10).
        (TEMP_AID, date(2026, 12, 7)),
        # + 15: ... 14 Dec is the 15th.
        (HOMESTEAD, date(2026, 12, 14)),
        (ON_THE_SPOT, date(2026, 11, 23)),  # an on-the-spot case is due the day it is accepted
    ],
)
def test_accept_sets_acceptance_and_due_date(
    counter: Counter, cli_actor: Actor, code: str, expected_due: date
) -> None:
    app = draft(counter, cli_actor, code)
    counter.intake.record_materials(cli_actor, app.id, everything(item(counter, code)))
    accepted = counter.intake.accept(cli_actor, app.id)
    limit = item(counter, code).promised_limit
    assert accepted.status == "accepted"
    assert accepted.accepted_on == "2026-11-23"
    assert accepted.accepted_by == cli_actor.audit_name
    assert accepted.accepted_at is not None and accepted.accepted_at.startswith("2026-11-23T09:30")
    assert (accepted.limit_value, accepted.limit_unit) == (limit.value, limit.unit)
    assert accepted.due_date == expected_due.isoformat()


def test_calendar_facts_for_national_day_2026() -> None:
    """Checked by hand against the State Council's 2026 arrangement as the holidays package has it:
    National Day 1-7 Oct off, Sun 20 Sep and Sat 10 Oct worked, Mid-Autumn Fri 25 Sep off."""
    calendar = WorkingCalendar()
    assert calendar.is_official(2026)
    for day in range(1, 8):
        assert not calendar.is_working_day(date(2026, 10, day)), day
    assert calendar.is_working_day(date(2026, 9, 20))  # a Sunday, made up
    assert calendar.is_working_day(date(2026, 10, 10))  # a Saturday, made up
    assert not calendar.is_working_day(date(2026, 9, 25))  # Mid-Autumn Festival
    assert not calendar.is_working_day(date(2026, 10, 11))  # an ordinary Sunday
    assert calendar.is_working_day(date(2026, 9, 30)) and calendar.is_working_day(date(2026, 10, 8))


@pytest.mark.parametrize(
    ("accepted_on", "code", "expected_due"),
    [
        # Mon 28 Sep + 10: 29, 30 Sep (2); 1-7 Oct off; 8, 9 (4); Sat 10 worked (5); 12-16 Oct (10).
        (date(2026, 9, 28), TEMP_AID, date(2026, 10, 16)),
        # ... + 10 more: 19-23 Oct (15), 26-30 Oct (20).
        (date(2026, 9, 28), DIBAO, date(2026, 10, 30)),
        # Wed 30 Sep + 10: 8, 9, 10 (3); 12-16 (8); 19, 20 Oct (10).
        (date(2026, 9, 30), TEMP_AID, date(2026, 10, 20)),
        # Fri 18 Sep + 10: Sun 20 worked (1); 21-24 (5); Fri 25 off; 28-30 (8); 8, 9 Oct (10).
        (date(2026, 9, 18), TEMP_AID, date(2026, 10, 9)),
    ],
)
def test_due_date_across_national_day(
    counter: Counter, cli_actor: Actor, clock: FixedClock, accepted_on: date, code: str, expected_due: date
) -> None:
    clock.set_date(accepted_on)
    app = draft(counter, cli_actor, code)
    counter.intake.record_materials(cli_actor, app.id, everything(item(counter, code)))
    accepted = counter.intake.accept(cli_actor, app.id)
    assert accepted.accepted_on == accepted_on.isoformat()
    assert accepted.due_date == expected_due.isoformat()


def test_due_date_follows_a_catalogue_calendar_override(counter: Counter, cli_actor: Actor) -> None:
    """The central platform may publish overrides; they win over the package (DESIGN §3)."""
    document = catalogue_to_dict(counter.catalogue.active())
    document["version"] = "2026.3"
    document["calendar_overrides"] = [{"date": "2026-11-24", "working": False}]
    counter.catalogue.install(cli_actor, document)
    app = draft(counter, cli_actor, TEMP_AID)
    counter.intake.record_materials(cli_actor, app.id, everything(item(counter, TEMP_AID)))
    # One working day fewer in the first week: due a day later than 7 Dec.
    assert counter.intake.accept(cli_actor, app.id).due_date == "2026-12-08"


# --- 容缺受理 -----------------------------------------------------------------------------------------


def _pending_ready(
    counter: Counter, actor: Actor, code: str = TEMP_AID
) -> tuple[Application, tuple[str, ...]]:
    service_item = item(counter, code)
    minor = tuple(m.code for m in service_item.materials if m.mandatory and m.minor)
    app = draft(counter, actor, code)
    counter.intake.record_materials(actor, app.id, everything(service_item, leave_out=minor))
    return app, minor


def test_accept_pending_when_only_minor_materials_are_outstanding(counter: Counter, cli_actor: Actor) -> None:
    app, minor = _pending_ready(counter, cli_actor)
    assert minor == ("M03", "M05", "M06")
    deadline = date(2026, 12, 4)
    accepted = counter.intake.accept_pending(cli_actor, app.id, "  本人承诺十日内补齐  ", deadline)
    assert accepted.status == "accepted_pending"
    assert accepted.pending_materials == list(minor)
    assert accepted.commitment == "本人承诺十日内补齐"
    assert accepted.pending_deadline == "2026-12-04"
    assert accepted.accepted_on == "2026-11-23" and accepted.due_date == "2026-12-07"
    records = counter.ctx.applications.materials(app.id)
    assert {code: records[code].status for code in minor} == dict.fromkeys(minor, "pending")
    assert records["M01"].status == "received"


def test_accept_pending_refused_when_a_material_is_not_minor(counter: Counter, cli_actor: Actor) -> None:
    temp = item(counter, TEMP_AID)
    app = draft(counter, cli_actor, TEMP_AID)
    counter.intake.record_materials(cli_actor, app.id, everything(temp, leave_out=("M03", "M01")))
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.intake.accept_pending(cli_actor, app.id, "承诺", date(2026, 12, 1))
    assert (info.value.field, info.value.code) == ("materials", "not_minor")
    assert "M01" in str(info.value) and "M03" not in str(info.value)
    assert counts(counter) == before
    assert counter.ctx.applications.materials(app.id)["M03"].status == "missing"


def test_accept_pending_needs_commitment_future_deadline_and_something_missing(
    counter: Counter, cli_actor: Actor
) -> None:
    app, _ = _pending_ready(counter, cli_actor)
    before = counts(counter)
    with pytest.raises(ValidationError) as no_commitment:
        counter.intake.accept_pending(cli_actor, app.id, "   ", date(2026, 12, 1))
    assert no_commitment.value.field == "commitment"
    for deadline in (date(2026, 11, 23), date(2026, 11, 1)):
        with pytest.raises(ValidationError) as past:
            counter.intake.accept_pending(cli_actor, app.id, "承诺", deadline)
        assert past.value.field == "pending_deadline"
    assert counts(counter) == before
    complete = draft(counter, cli_actor, TEMP_AID)
    counter.intake.record_materials(cli_actor, complete.id, everything(item(counter, TEMP_AID)))
    with pytest.raises(ValidationError) as nothing:
        counter.intake.accept_pending(cli_actor, complete.id, "承诺", date(2026, 12, 1))
    assert nothing.value.code == "nothing_missing"


def test_supplementing_every_pending_material_ends_pending(counter: Counter, cli_actor: Actor) -> None:
    app, minor = _pending_ready(counter, cli_actor)
    temp = item(counter, TEMP_AID)
    accepted = counter.intake.accept_pending(cli_actor, app.id, "承诺", date(2026, 12, 4))
    first, *rest = minor
    m = temp.material(first)
    after_one = counter.cases.supplement(cli_actor, app.id, {first: (m.originals, m.copies)})
    assert after_one.status == "accepted_pending"
    assert after_one.pending_materials == rest
    # Handing one in short (no copy) keeps it pending.
    short = temp.material(rest[0])
    still = counter.cases.supplement(cli_actor, app.id, {rest[0]: (short.originals, 0)})
    assert still.status == "accepted_pending" and still.pending_materials == rest
    assert counter.ctx.applications.materials(app.id)[rest[0]].status == "pending"
    done = counter.cases.supplement(
        cli_actor,
        app.id,
        {code: (temp.material(code).originals, temp.material(code).copies) for code in rest},
    )
    assert done.status == "accepted"
    assert done.pending_materials == []
    assert done.due_date == accepted.due_date and done.accepted_on == accepted.accepted_on
    assert all(
        r.status == "received"
        for r in counter.ctx.applications.materials(app.id).values()
        if temp.material(r.material_code).mandatory
    )


# --- the one-time notice -------------------------------------------------------------------------------- ---


def test_notify_missing_lists_everything_at_once_and_only_once(counter: Counter, cli_actor: Actor) -> None:
    dibao = item(counter, DIBAO)
    app = draft(counter, cli_actor, DIBAO)
    counter.intake.record_materials(cli_actor, app.id, {"M01": (1, 0), "M04": (1, 0)})
    noticed = counter.intake.notify_missing(cli_actor, app.id)
    expected = [m.code for m in dibao.materials if m.mandatory and m.code not in ("M01", "M04")]
    assert noticed.status == "awaiting_materials"
    assert noticed.missing_materials == expected  # M02, M03, M05, M07: every one, optional ones not
    assert noticed.notice_issued_at is not None
    before = counts(counter)
    with pytest.raises(InvalidTransition):
        counter.intake.notify_missing(cli_actor, app.id)
    assert counts(counter) == before
    # The applicant comes back with everything: the notice is not repeated, the application accepted.
    counter.intake.record_materials(cli_actor, app.id, everything(dibao))
    assert counter.intake.accept(cli_actor, app.id).status == "accepted"


def test_notify_missing_with_nothing_missing_is_refused(counter: Counter, cli_actor: Actor) -> None:
    app = draft(counter, cli_actor, DIBAO)
    counter.intake.record_materials(cli_actor, app.id, everything(item(counter, DIBAO)))
    with pytest.raises(ValidationError) as info:
        counter.intake.notify_missing(cli_actor, app.id)
    assert (info.value.field, info.value.code) == ("materials", "nothing_missing")
    assert counter.cases.get(cli_actor, app.id).status == "draft"


def test_after_the_notice_minor_materials_may_still_be_pending(counter: Counter, cli_actor: Actor) -> None:
    app, minor = _pending_ready(counter, cli_actor)
    assert counter.intake.notify_missing(cli_actor, app.id).missing_materials == list(minor)
    accepted = counter.intake.accept_pending(cli_actor, app.id, "承诺", date(2026, 11, 30))
    assert accepted.status == "accepted_pending"


# --- refusal --------------------------------------------------------------------------------------


def test_refuse_needs_a_reason_and_gets_default_remedies(counter: Counter, cli_actor: Actor) -> None:
    app = draft(counter, cli_actor, DIBAO)
    before = counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.intake.refuse(cli_actor, app.id, "  ")
    assert (info.value.field, info.value.code) == ("refusal_reason", "required")
    assert counts(counter) == before
    refused = counter.intake.refuse(cli_actor, app.id, "不属于本机关职权范围")
    assert refused.status == "refused"
    assert refused.refusal_reason == "不属于本机关职权范围"
    assert refused.remedies == DEFAULT_REMEDIES
    assert "行政复议" in refused.remedies and "行政诉讼" in refused.remedies
    assert refused.due_date is None and refused.accepted_on is None


def test_refuse_with_given_remedies_after_the_notice(counter: Counter, cli_actor: Actor) -> None:
    app = draft(counter, cli_actor, DIBAO)
    counter.intake.notify_missing(cli_actor, app.id)
    refused = counter.intake.refuse(cli_actor, app.id, "逾期未补正", "可向县民政局申请复核")
    assert (refused.status, refused.remedies) == ("refused", "可向县民政局申请复核")


def test_refuse_is_only_possible_before_the_decision(counter: Counter, cli_actor: Actor) -> None:
    app = draft(counter, cli_actor, ON_THE_SPOT)
    counter.intake.record_materials(cli_actor, app.id, everything(item(counter, ON_THE_SPOT)))
    counter.intake.accept(cli_actor, app.id)
    with pytest.raises(InvalidTransition):
        counter.intake.refuse(cli_actor, app.id, "理由")
    assert counter.cases.get(cli_actor, app.id).status == "accepted"


def test_form_is_fixed_once_decided(counter: Counter, cli_actor: Actor) -> None:
    app = draft(counter, cli_actor, DIBAO)
    dibao = item(counter, DIBAO)
    form = dict(app.form, household_size=5)
    assert counter.intake.update_form(cli_actor, app.id, form).form["household_size"] == 5
    with pytest.raises(ValidationError) as bad:
        counter.intake.update_form(cli_actor, app.id, dict(form, household_size="x"))
    assert bad.value.field == "form.household_size"
    counter.intake.record_materials(cli_actor, app.id, everything(dibao))
    counter.intake.accept(cli_actor, app.id)
    with pytest.raises(InvalidTransition):
        counter.intake.update_form(cli_actor, app.id, dict(form, household_size=6))
    assert counter.cases.get(cli_actor, app.id).form["household_size"] == 5


def test_the_intake_takes_the_time_from_the_profiles_clock(
    counter: Counter, clerk: Actor, admin: Actor, clock: FixedClock
) -> None:
    assert counter.intake.now(clerk) == clock.now()
    clock.advance(timedelta(days=3))
    assert counter.intake.now(clerk).date() == clock.now().date() == date(2026, 11, 26)
    assert counter.intake.now(clerk).utcoffset() == timedelta(hours=8)
    with pytest.raises(PermissionDenied):
        counter.intake.now(admin)
