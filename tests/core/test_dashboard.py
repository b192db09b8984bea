"""The dashboard's figures (统计) against a store seeded through the real use cases, each figure checked
against a count made by hand below.

The story runs from Monday 28 September to Monday 2 November 2026 and is read as of 2 November for
October ("last month"). National Day 2026: 1-7 October off, Saturday 10 October a make-up working day
(Sunday 20 September too). Case A is accepted in September, suspended across the holiday and completed
in October: the period boundary, the holiday, the make-up day and the suspension in one case.

    case  item         who                  what happens (2026)
    A     TEMP_AID     clerk                acc Mon 28.9; suspended Wed 30.9 - Fri 9.10; done Wed 14.10;
                                            delivered and rated 3 on Thu 15.10
    B     TEMP_AID     clerk                acc Tue 29.9; done Thu 22.10 (due 19.10: late); delivered and
                                            rated 4 on Fri 23.10 -> rectification due Fri 30.10, open
    J     TEMP_AID     clerk                drafted Tue 29.9; refused Thu 8.10
    N     ON_THE_SPOT  wangfang             acc + done + delivered Wed 30.9; rated 5 Thu 8.10 ->
                                            rectification, closed by the supervisor Fri 9.10
    P     TEMP_AID     clerk                acc Thu 8.10 (due 21.10); suspended since Mon 12.10
    G     TEMP_AID     clerk                drafted Fri 9.10; one-time notice
    H     TEMP_AID     clerk                drafted Fri 9.10; left undecided (sent home without notice)
    K     TEMP_AID     clerk -> wangfang    drafted by the clerk Fri 9.10, accepted by wangfang Mon 12.10
                                            (due Mon 26.10: overdue now)
    C     DIBAO        wangfang             acc Mon 12.10 (due 9.11), in progress
    D     TEMP_AID     wangfang             acc Thu 15.10 (due 29.10: overdue now)
    E     TEMP_AID     wangfang             容缺 acc Thu 15.10 (due 29.10); done Tue 20.10; delivered and
                                            rated 1 on Wed 21.10
    I     TEMP_AID     wangfang             drafted and refused Fri 16.10
    F     ON_THE_SPOT  clerk                acc + done + delivered + rated 2 on Fri 30.10
    Q     ON_THE_SPOT  clerk                acc + done + delivered + rated 4 on Mon 2.11 -> rectification
                                            due Mon 9.11, open

Working days from acceptance to completion: A (28.9, 14.10] = 29.9, 30.9, 8.10, 9.10, 10.10 (make-up),
12.10, 13.10, 14.10 = 8, minus the suspension's working days [30.9, 8.10] = 30.9, 8.10 = 2: 6.
B (29.9, 22.10] = 30.9, 8-10.10, 12-16.10, 19-22.10 = 13. E (15.10, 20.10] = 16, 19, 20 = 3. F: 0.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from counter_app.accounts import Actor, Role
from counter_app.calendar import WorkingCalendar
from counter_app.catalogue import ServiceItem, catalogue_to_dict
from counter_app.clock import CHINA_TZ, FixedClock
from counter_app.core import Counter
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.people import PeopleGenerator
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder
from counter_app.statistics import (
    MAX_PERIOD_DAYS,
    DayCount,
    Figures,
    Period,
    SatisfactionPoint,
    Scope,
)
from tests.core.rating_support import citizen_rates

TEMP_AID = "990101101-05-0003-001"  # 临时救助: 10 working days; M03, M05, M06 minor
DIBAO = "990101101-05-0001-001"  # 最低生活保障审核确认: 20 working days
ON_THE_SPOT = "990101101-20-0102-001"  # 养老保险待遇领取资格确认: on the spot
CLERK, WANGFANG = "user:clerk1", "user:wangfang"
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
TODAY = date(2026, 11, 2)

PEOPLE = PeopleGenerator(1010)
_SEEDER: list[Seeder] = []


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 9, 28, 9, 0, tzinfo=CHINA_TZ))


@pytest.fixture
def wangfang(counter: Counter) -> Actor:
    record = counter.accounts.add_user(
        Actor.command_line("setup"), "wangfang", "王芳", Role.CLERK, "correct horse 2"
    )
    return Actor.staff(record.id, record.username, record.display_name, Role.CLERK)


def form_values(counter: Counter, actor: Actor, service_item: ServiceItem) -> dict:
    if not _SEEDER:
        _SEEDER.append(Seeder(counter, actor, 0))
        _SEEDER[0].people = PEOPLE
    seeder = _SEEDER[0]
    seeder.counter, seeder.actor, seeder.rng = counter, actor, random.Random(5)
    return seeder.form_values(service_item)


def materials(counter: Counter, code: str, *, leave_out_minor: bool = False) -> dict[str, tuple[int, int]]:
    service_item = counter.catalogue.active().item(code)
    return {
        m.code: (0, 0) if leave_out_minor and m.mandatory and m.minor else (m.originals, m.copies)
        for m in service_item.materials
    }


def draft(counter: Counter, actor: Actor, code: str) -> str:
    p = PEOPLE.person()
    applicant = counter.applicants.register_person(actor, PersonInput(p.name, p.resident_id, p.mobile))
    service_item = counter.catalogue.active().item(code)
    return counter.intake.draft(actor, applicant.id, code, form_values(counter, actor, service_item)).id


def accept(counter: Counter, actor: Actor, app_id: str, code: str) -> str:
    counter.intake.record_materials(actor, app_id, materials(counter, code))
    counter.intake.accept(actor, app_id)
    return app_id


def on_the_spot(counter: Counter, actor: Actor, level: int | None = None) -> str:
    app_id = accept(counter, actor, draft(counter, actor, ON_THE_SPOT), ON_THE_SPOT)
    counter.cases.complete(actor, app_id, granted=True)
    counter.cases.deliver(actor, app_id)
    if level is not None:
        citizen_rates(counter, actor, app_id, level)
    return app_id


@pytest.fixture
def story(
    counter: Counter, clock: FixedClock, clerk: Actor, wangfang: Actor, supervisor: Actor
) -> dict[str, str]:
    """The cases of the module docstring, through the real use cases, the clock moved along."""
    c, ids = counter, {}

    def on(month: int, day: int) -> None:
        clock.set_date(date(2026, month, day))

    on(9, 28)
    ids["A"] = accept(c, clerk, draft(c, clerk, TEMP_AID), TEMP_AID)
    c.cases.start(clerk, ids["A"])
    on(9, 29)
    ids["B"] = accept(c, clerk, draft(c, clerk, TEMP_AID), TEMP_AID)
    c.cases.start(clerk, ids["B"])
    ids["J"] = draft(c, clerk, TEMP_AID)
    on(9, 30)
    c.cases.suspend(clerk, ids["A"], "专家评审")
    ids["N"] = on_the_spot(c, wangfang)
    on(10, 8)
    c.intake.refuse(clerk, ids["J"], "不符合条件")
    citizen_rates(c, wangfang, ids["N"], 5)
    ids["P"] = accept(c, clerk, draft(c, clerk, TEMP_AID), TEMP_AID)
    c.cases.start(clerk, ids["P"])
    on(10, 9)
    c.cases.resume(clerk, ids["A"])
    ids["G"] = draft(c, clerk, TEMP_AID)
    c.intake.notify_missing(clerk, ids["G"])
    ids["H"] = draft(c, clerk, TEMP_AID)
    ids["K"] = draft(c, clerk, TEMP_AID)
    (task,) = c.ratings.open_rectifications(supervisor)
    c.ratings.close_rectification(supervisor, task["id"], "已约谈窗口人员并回访申请人")
    on(10, 12)
    c.cases.suspend(clerk, ids["P"], "需实地核查")
    ids["C"] = accept(c, wangfang, draft(c, wangfang, DIBAO), DIBAO)
    c.cases.start(wangfang, ids["C"])
    accept(c, wangfang, ids["K"], TEMP_AID)
    on(10, 14)
    c.cases.complete(clerk, ids["A"], granted=True)
    on(10, 15)
    c.cases.deliver(clerk, ids["A"])
    citizen_rates(c, clerk, ids["A"], 3)
    ids["D"] = accept(c, wangfang, draft(c, wangfang, TEMP_AID), TEMP_AID)
    ids["E"] = draft(c, wangfang, TEMP_AID)
    c.intake.record_materials(wangfang, ids["E"], materials(c, TEMP_AID, leave_out_minor=True))
    c.intake.accept_pending(wangfang, ids["E"], "本人承诺按期补齐", date(2026, 10, 25))
    on(10, 16)
    c.cases.start(wangfang, ids["E"])
    ids["I"] = draft(c, wangfang, TEMP_AID)
    c.intake.refuse(wangfang, ids["I"], "不符合条件")
    on(10, 20)
    c.cases.complete(wangfang, ids["E"], granted=True)
    on(10, 21)
    c.cases.deliver(wangfang, ids["E"])
    citizen_rates(c, wangfang, ids["E"], 1)
    on(10, 22)
    c.cases.complete(clerk, ids["B"], granted=True)
    on(10, 23)
    c.cases.deliver(clerk, ids["B"])
    citizen_rates(c, clerk, ids["B"], 4)
    on(10, 30)
    ids["F"] = on_the_spot(c, clerk, 2)
    on(11, 2)
    ids["Q"] = on_the_spot(c, clerk, 4)
    return ids


# --- the hand count ----------------------------------------------------------------------------------

OFFICE = Figures(
    taken_in=9,  # G H K P C D E I F
    accepted=6,  # P C K D E F
    accepted_pending=1,  # E
    refused=2,  # J (drafted in September) I
    completed=4,  # A B E F
    delivered=4,  # A B E F
    completed_with_due_date=4,
    completed_on_time=3,  # A (due 20.10) E F; B late
    avg_working_days=(6 + 13 + 3 + 0) / 4,
    p90_working_days=13,  # nearest rank: ceil(0.9 * 4) = 4th of 0 3 6 13
    notices_issued=1,  # G
    sent_home_without_notice=1,  # H
    rated=5,  # N5 A3 E1 B4 F2 (Q's rating is in November)
    ratings_by_level=(1, 1, 1, 1, 1),
    in_progress=4,  # P (suspended) C D K
    suspended=1,
    overdue=2,  # D K; P's due date has passed but its clock stopped
    rectifications_open=2,  # B's (due 30.10) Q's (due 9.11); N's closed
    rectifications_overdue=1,
)
CLERK_FIGURES = Figures(
    taken_in=4,  # G H P F
    accepted=2,  # P F
    refused=1,  # J
    completed=3,  # A B F
    delivered=3,
    completed_with_due_date=3,
    completed_on_time=2,
    avg_working_days=(6 + 13 + 0) / 3,
    p90_working_days=13,
    notices_issued=1,
    sent_home_without_notice=1,
    rated=3,  # A3 B4 F2
    ratings_by_level=(0, 1, 1, 1, 0),
    in_progress=1,  # P
    suspended=1,
    overdue=0,
    rectifications_open=2,
    rectifications_overdue=1,
)
WANGFANG_FIGURES = Figures(
    taken_in=5,  # C D E I K (K: accepted by her, so hers)
    accepted=4,  # C K D E
    accepted_pending=1,
    refused=1,  # I
    completed=1,  # E
    delivered=1,
    completed_with_due_date=1,
    completed_on_time=1,
    avg_working_days=3.0,
    p90_working_days=3,
    rated=2,  # N5 E1
    ratings_by_level=(1, 0, 0, 0, 1),
    in_progress=3,  # C D K
    overdue=2,  # D K
)
TEMP_AID_FIGURES = Figures(
    taken_in=7,  # G H K P D E I
    accepted=4,  # P K D E
    accepted_pending=1,
    refused=2,
    completed=3,  # A B E
    delivered=3,
    completed_with_due_date=3,
    completed_on_time=2,
    avg_working_days=(6 + 13 + 3) / 3,
    p90_working_days=13,
    notices_issued=1,
    sent_home_without_notice=1,
    rated=3,  # A3 E1 B4
    ratings_by_level=(1, 0, 1, 1, 0),
    in_progress=3,  # P D K
    suspended=1,
    overdue=2,
    rectifications_open=1,
    rectifications_overdue=1,
)
DIBAO_FIGURES = Figures(taken_in=1, accepted=1, in_progress=1)
ON_THE_SPOT_FIGURES = Figures(
    taken_in=1,  # F
    accepted=1,
    completed=1,
    delivered=1,
    completed_with_due_date=1,
    completed_on_time=1,
    avg_working_days=0.0,
    p90_working_days=0,
    rated=2,  # N5 F2
    ratings_by_level=(0, 1, 0, 0, 1),
    rectifications_open=1,  # Q's
)


# --- the figures -------------------------------------------------------------------------------------


def test_the_hand_count_matches_the_official_calendar(counter: Counter) -> None:
    """The working days above, counted by the core's calendar the way deadlines count them."""
    calendar = counter.catalogue.calendar()
    assert calendar.is_working_day(date(2026, 10, 10)) and not calendar.is_working_day(date(2026, 10, 7))
    suspension = [(date(2026, 9, 30), date(2026, 10, 8))]  # [started_on, ended_on)
    assert calendar.working_days_between(date(2026, 9, 28), date(2026, 10, 14), excluded=suspension) == 6
    assert calendar.working_days_between(date(2026, 9, 29), date(2026, 10, 22)) == 13
    assert calendar.working_days_between(date(2026, 10, 15), date(2026, 10, 20)) == 3


def test_office_figures_for_last_month(
    counter: Counter, story: dict[str, str], supervisor: Actor, clock: FixedClock
) -> None:
    assert counter.dashboard.period("last_month") == OCTOBER
    board = counter.dashboard.figures(supervisor, OCTOBER)
    assert board.today == TODAY and board.scope == Scope()
    assert board.totals == OFFICE
    assert board.totals.on_time_rate == 0.75
    assert board.totals.one_time_notice_rate == 0.5
    assert (board.totals.good_ratings, board.totals.bad_ratings) == (2, 2)
    assert board.totals.satisfaction_rate == 0.4
    assert not board.calendar_estimated


def test_the_cases_figures_against_their_stored_dates(counter: Counter, story: dict[str, str]) -> None:
    """The story's dates as the store holds them: the due dates the hand count uses."""
    due = {name: counter.ctx.applications.get(story[name]).due_date for name in "ABDEKP"}
    assert due == {
        "A": "2026-10-20",  # 10 working days from 28.9 with the suspension taken out
        "B": "2026-10-19",
        "D": "2026-10-29",
        "E": "2026-10-29",
        "K": "2026-10-26",
        "P": "2026-10-21",
    }
    assert counter.ctx.applications.suspensions(story["A"])[0]["ended_on"] == "2026-10-09"


def test_per_item_and_per_staff_tables(counter: Counter, story: dict[str, str], supervisor: Actor) -> None:
    board = counter.dashboard.figures(supervisor, OCTOBER)
    assert {row.key: row.figures for row in board.by_item} == {
        TEMP_AID: TEMP_AID_FIGURES,
        DIBAO: DIBAO_FIGURES,
        ON_THE_SPOT: ON_THE_SPOT_FIGURES,
    }
    assert [row.label for row in board.by_item] == [
        "最低生活保障审核确认",
        "临时救助",
        "城乡居民养老保险待遇领取资格确认",
    ]
    assert {row.key: row.figures for row in board.by_staff} == {
        CLERK: CLERK_FIGURES,
        WANGFANG: WANGFANG_FIGURES,
    }
    assert [row.label for row in board.by_staff] == ["clerk one", "王芳"]
    # The scoped figures are the table's lines.
    by_item = counter.dashboard.figures(supervisor, OCTOBER, Scope(item_code=TEMP_AID))
    assert by_item.totals == TEMP_AID_FIGURES
    by_wangfang = counter.dashboard.figures(supervisor, OCTOBER, Scope(staff=WANGFANG))
    assert by_wangfang.totals == WANGFANG_FIGURES
    assert [row.key for row in by_wangfang.by_staff] == [WANGFANG]
    assert [row.key for row in by_wangfang.by_item] == [DIBAO, TEMP_AID, ON_THE_SPOT]


def test_series_for_the_charts(counter: Counter, story: dict[str, str], supervisor: Actor) -> None:
    board = counter.dashboard.figures(supervisor, OCTOBER)
    intake = {8: 1, 9: 3, 12: 1, 15: 2, 16: 1, 30: 1}  # P; G H K; C; D E; I; F
    calendar = WorkingCalendar()
    assert board.intake_per_day == tuple(
        DayCount(day, calendar.is_working_day(day), intake.get(day.day, 0))
        for day in (date(2026, 10, d) for d in range(1, 32))
    )
    assert board.intake_per_day[0].working is False and board.intake_per_day[9].working is True  # 1.10, 10.10
    assert board.satisfaction_bucket == "week"
    assert board.satisfaction == (
        SatisfactionPoint(date(2026, 9, 28), 0, 0, 0),  # the week of 1-4 October: nothing rated
        SatisfactionPoint(date(2026, 10, 5), 1, 0, 1),  # N5
        SatisfactionPoint(date(2026, 10, 12), 1, 0, 0),  # A3
        SatisfactionPoint(date(2026, 10, 19), 2, 1, 1),  # E1 B4
        SatisfactionPoint(date(2026, 10, 26), 1, 1, 0),  # F2 (Q's, 2.11, is outside the period)
    )
    assert [point.rate for point in board.satisfaction] == [None, 0.0, 0.0, 0.5, 1.0]
    daily = counter.dashboard.figures(supervisor, OCTOBER, satisfaction_bucket="day").satisfaction
    assert len(daily) == 31
    assert {p.start.day: (p.rated, p.good, p.bad) for p in daily if p.rated} == {
        8: (1, 0, 1),
        15: (1, 0, 0),
        21: (1, 1, 0),
        23: (1, 0, 1),
        30: (1, 1, 0),
    }


def test_a_week_within_the_period(counter: Counter, story: dict[str, str], supervisor: Actor) -> None:
    week = Period.this_week(date(2026, 10, 14))
    totals = counter.dashboard.figures(supervisor, week).totals
    # taken in C D E I; accepted C K D E; completed A; refused I
    assert (totals.taken_in, totals.accepted, totals.completed, totals.refused) == (4, 4, 1, 1)
    assert (totals.avg_working_days, totals.p90_working_days) == (6.0, 6)
    assert (totals.rated, totals.satisfaction_rate) == (1, 0.0)  # A3
    # The "now" figures do not depend on the period.
    assert (totals.in_progress, totals.overdue, totals.rectifications_open) == (4, 2, 2)


def test_a_published_calendar_override_changes_the_working_days(
    counter: Counter, story: dict[str, str], supervisor: Actor, cli_actor: Actor
) -> None:
    """Tuesday 13 October declared a day off by the platform: A and B took one working day less."""
    document = catalogue_to_dict(counter.catalogue.active())
    document["version"] = "2026.2"
    document["calendar_overrides"] = [{"date": "2026-10-13", "working": False}]
    counter.catalogue.install(cli_actor, document)
    totals = counter.dashboard.figures(supervisor, OCTOBER).totals
    assert (totals.avg_working_days, totals.p90_working_days) == ((5 + 12 + 3 + 0) / 4, 12)


def test_p90_is_the_nearest_rank(
    counter: Counter, clock: FixedClock, clerk: Actor, supervisor: Actor
) -> None:
    """Ten cases accepted on Monday 2 November, completed 0, 1, 1, 2, 3, 3, 3, 5, 8 and 9 working days
    later: p90 is the 9th smallest (ceil(0.9 * 10)); an eleventh at 9 days makes it the 10th."""
    clock.set_date(date(2026, 11, 2))
    cases = [accept(counter, clerk, draft(counter, clerk, TEMP_AID), TEMP_AID) for _ in range(11)]
    completions = {2: 1, 3: 2, 4: 1, 5: 3, 9: 1, 12: 1, 13: 1}  # November day -> cases completed
    pending = iter(cases[:10])
    for day, count in completions.items():
        clock.set_date(date(2026, 11, day))
        for _ in range(count):
            counter.cases.complete(clerk, next(pending), granted=True)
    november = Period.this_month(counter.dashboard.today())
    totals = counter.dashboard.figures(supervisor, november).totals
    assert (totals.completed, totals.avg_working_days, totals.p90_working_days) == (10, 3.5, 8)
    counter.cases.complete(clerk, cases[10], granted=True)  # Friday 13 November: 9 days
    totals = counter.dashboard.figures(supervisor, november).totals
    assert (totals.completed, totals.avg_working_days, totals.p90_working_days) == (11, 44 / 11, 9)


def test_a_back_office_completion_in_utc_falls_on_its_beijing_day(
    counter: Counter, story: dict[str, str], supervisor: Actor
) -> None:
    """The central platform writes UTC: 31 October 16:30 UTC is 1 November 00:30 in Beijing."""
    counter.ctx.applications.update(
        story["D"], {"status": "completed", "completed_at": "2026-10-31T16:30:00.000+00:00"}
    )
    counter.ctx.applications.update(
        story["K"], {"status": "completed", "completed_at": "2026-10-31T15:30:00.000+00:00"}
    )
    totals = counter.dashboard.figures(supervisor, OCTOBER).totals
    assert totals.completed == OFFICE.completed + 1  # K, on 31 October at 23:30; D is November's
    assert totals.completed_on_time == OFFICE.completed_on_time  # K was due on 26 October
    assert (totals.in_progress, totals.overdue) == (OFFICE.in_progress - 2, OFFICE.overdue - 2)
    november = counter.dashboard.figures(supervisor, Period.this_month(TODAY)).totals
    assert november.completed == 2  # D and Q


def test_reading_the_figures_does_not_wait_for_a_writer(
    counter: Counter, story: dict[str, str], supervisor: Actor
) -> None:
    """The TEMP tables live outside the profile's database: the dashboard reads while another
    connection (the sync thread's) holds the write lock."""
    writer = sqlite3.connect(counter.ctx.store.path, isolation_level=None)
    counter.ctx.store.execute("PRAGMA busy_timeout = 200")
    try:
        writer.execute("BEGIN IMMEDIATE")
        assert counter.dashboard.figures(supervisor, OCTOBER).totals == OFFICE
    finally:
        writer.execute("ROLLBACK")
        writer.close()


# --- who sees what -----------------------------------------------------------------------------------


def test_a_clerk_sees_only_the_cases_they_answer_for(
    counter: Counter, story: dict[str, str], clerk: Actor, supervisor: Actor
) -> None:
    board = counter.dashboard.figures(clerk, OCTOBER)
    assert board.scope == Scope(staff=CLERK)
    assert board.totals == CLERK_FIGURES
    assert [row.key for row in board.by_staff] == [CLERK]
    assert sum(day.count for day in board.intake_per_day) == 4
    assert sum(point.rated for point in board.satisfaction) == 3
    own_item = counter.dashboard.figures(clerk, OCTOBER, Scope(item_code=TEMP_AID))
    assert own_item.scope == Scope(item_code=TEMP_AID, staff=CLERK)
    assert own_item.totals.taken_in == 3  # G H P
    assert counter.dashboard.staff_members(clerk) == [CLERK]
    assert counter.dashboard.staff_members(supervisor) == [CLERK, WANGFANG]
    # every colleague's display name, for lists that say who handles a case
    names = counter.dashboard.staff_names(clerk)
    assert names == counter.dashboard.staff_names(supervisor)
    assert names[CLERK] == clerk.display_name != clerk.username
    assert names[supervisor.audit_name] == supervisor.display_name


def test_a_clerk_may_not_see_a_colleagues_figures(
    counter: Counter, story: dict[str, str], clerk: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        counter.dashboard.figures(clerk, OCTOBER, Scope(staff=WANGFANG))
    last = counter.ctx.store.one("SELECT actor, action, outcome, detail FROM audit_events ORDER BY seq DESC")
    assert last is not None
    assert (last["actor"], last["action"], last["outcome"]) == (CLERK, "permission.denied", "denied")
    assert "view_reports" in last["detail"]


def test_an_administrator_sees_the_office_and_viewing_is_not_audited(
    counter: Counter, story: dict[str, str], admin: Actor
) -> None:
    events = counter.ctx.store.scalar("SELECT count(*) FROM audit_events")
    assert counter.dashboard.figures(admin, OCTOBER).totals == OFFICE
    assert counter.ctx.store.scalar("SELECT count(*) FROM audit_events") == events


def test_an_empty_office(counter: Counter, supervisor: Actor) -> None:
    board = counter.dashboard.figures(supervisor, OCTOBER)
    assert board.totals == Figures()
    assert (board.totals.on_time_rate, board.totals.satisfaction_rate, board.totals.avg_working_days) == (
        None,
        None,
        None,
    )
    assert board.by_item == board.by_staff == ()
    assert len(board.intake_per_day) == 31 and all(day.count == 0 for day in board.intake_per_day)
    assert all(point.rated == 0 and point.rate is None for point in board.satisfaction)


# --- periods -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "name", "expected"),
    [
        (date(2026, 10, 14), "this_week", (date(2026, 10, 12), date(2026, 10, 18))),
        (date(2026, 10, 18), "this_week", (date(2026, 10, 12), date(2026, 10, 18))),  # a Sunday
        (date(2026, 12, 30), "this_week", (date(2026, 12, 28), date(2027, 1, 3))),
        (date(2026, 10, 14), "this_month", (date(2026, 10, 1), date(2026, 10, 31))),
        (date(2026, 12, 31), "this_month", (date(2026, 12, 1), date(2026, 12, 31))),
        (date(2028, 2, 10), "this_month", (date(2028, 2, 1), date(2028, 2, 29))),
        (date(2026, 3, 31), "last_month", (date(2026, 2, 1), date(2026, 2, 28))),
        (date(2027, 1, 1), "last_month", (date(2026, 12, 1), date(2026, 12, 31))),
    ],
)
def test_named_periods(today: date, name: str, expected: tuple[date, date]) -> None:
    assert Period.named(name, today) == Period(*expected)


def test_named_periods_follow_the_profiles_clock(counter: Counter, clock: FixedClock) -> None:
    clock.set_date(date(2027, 1, 1))
    assert counter.dashboard.today() == date(2027, 1, 1)
    assert counter.dashboard.period("this_week") == Period(date(2026, 12, 28), date(2027, 1, 3))
    assert counter.dashboard.period("last_month") == Period(date(2026, 12, 1), date(2026, 12, 31))


def test_bad_periods_and_arguments_are_refused(counter: Counter, supervisor: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        Period(date(2026, 10, 2), date(2026, 10, 1))
    assert (info.value.field, info.value.code) == ("period", "range")
    with pytest.raises(ValidationError):
        Period(date(2020, 1, 1), date(2020, 1, 1) + timedelta(days=MAX_PERIOD_DAYS))
    with pytest.raises(ValidationError):
        counter.dashboard.period("next_year")
    with pytest.raises(ValidationError):
        Scope(staff=" ")
    with pytest.raises(ValidationError) as info:
        counter.dashboard.figures(supervisor, OCTOBER, satisfaction_bucket="month")
    assert info.value.field == "satisfaction_bucket"
