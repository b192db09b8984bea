"""The applications list's use case: filters, orders, keyset pages, deadline states, counts per status,
and the query plans that keep it fast at 200,000 rows — on hand-made applications."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import ValidationError
from counter_app.names import pinyin_initials
from counter_app.records import (
    ApplicationFilter,
    ApplicationRow,
    ApplicationSort,
    ApplicationSortKey,
    DeadlineState,
)
from counter_app.store import queries as store_queries

A = "990101101-05-0001-001"
B = "990101101-20-0101-001"
WANG, LI = "user:wangfang", "user:lijing"
OVERDUE, DUE_SOON, ON_TIME = DeadlineState.OVERDUE, DeadlineState.DUE_SOON, DeadlineState.ON_TIME
Key = ApplicationSortKey

# The clock fixture's today is Monday 2026-11-23: due soon up to Thursday 2026-11-26 (3 working days).
# receipt, applicant, status, intake (+08:00), due date, item, created_by, accepted_by
CASES = [
    ("R01", "张三", "accepted", "2026-11-20T10:00", "2026-11-20", A, WANG, LI),
    ("R02", "李四", "in_progress", "2026-11-21T10:00", "2026-11-23", B, WANG, WANG),
    ("R03", "王五", "accepted_pending", "2026-11-22T23:30", "2026-11-26", A, LI, LI),
    ("R04", "赵六", "in_progress", "2026-11-23T00:30", "2026-11-27", B, LI, LI),
    ("R05", "安然", "suspended", "2026-11-23T00:10", "2026-11-02", A, WANG, WANG),
    ("R06", "张山", "completed", "2026-10-10T09:00", "2026-11-02", A, WANG, WANG),
    ("R07", "周七", "draft", "2026-11-23T09:00", None, B, WANG, None),
    ("R08", "张三", "rated", "2026-09-01T09:00", "2026-09-10", A, LI, LI),
    ("R09", "李四", "withdrawn", "2026-11-23T09:00", None, A, LI, None),
    ("R10", "王五", "refused", "2026-11-19T09:00", None, B, WANG, None),
    ("R11", "赵六", "in_progress", "2026-11-15T09:00", "2026-11-16", B, WANG, LI),
]


def add_application(
    counter: Counter,
    receipt: str,
    name: str,
    status: str,
    created_at: str,
    due: str | None = None,
    item: str = A,
    created_by: str | None = WANG,
    accepted_by: str | None = None,
) -> str:
    """One application as the store holds it (its applicant is found by name or made)."""
    ctx = counter.ctx
    if "+" not in created_at and not created_at.endswith("Z"):
        created_at += ":00.000+08:00"
    with ctx.store.transaction():
        applicant_id = ctx.store.scalar("SELECT id FROM applicants WHERE name = ?", (name,))
        if applicant_id is None:
            applicant_id = str(uuid.uuid4())
            row = {
                "id": applicant_id,
                "kind": "person",
                "name": name,
                "name_initials": pinyin_initials(name),
                "id_type": "resident_id",
                "id_masked": "110105********002X",
                "version": 0,
                "sync_state": "pending",
                "created_at": created_at,
                "updated_at": created_at,
            }
            ctx.applicants.insert(row, id_number=None, phone=None, address=None)
        application_id = str(uuid.uuid4())
        values: dict[str, Any] = {
            "id": application_id,
            "receipt_no": receipt,
            "applicant_id": applicant_id,
            "item_code": item,
            "catalogue_version": "2026.1",
            "status": status,
            "form": {},
            "created_by": created_by,
            "accepted_by": accepted_by,
            "accepted_on": created_at[:10] if due else None,
            "due_date": due,
            "version": 0,
            "sync_state": "pending",
            "created_at": created_at,
            "updated_at": created_at,
        }
        ctx.applications.insert(values)
    return application_id


@pytest.fixture
def office(counter: Counter) -> Counter:
    for case in CASES:
        add_application(counter, *case)
    return counter


def receipts(rows: tuple[ApplicationRow, ...] | list[ApplicationRow]) -> list[str]:
    return [row.receipt_no for row in rows]


def listed(
    counter: Counter,
    actor: Actor,
    filters: ApplicationFilter = ApplicationFilter(),  # noqa: B008
    **sort: Any,
) -> list[str]:
    page = counter.queries.applications_page(actor, filters, ApplicationSort(**sort), limit=1000)
    assert page.next is None
    return receipts(page.rows)


# --- filters ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ApplicationFilter(), [c[0] for c in CASES]),
        (ApplicationFilter(statuses=frozenset({"in_progress"})), ["R02", "R04", "R11"]),
        (ApplicationFilter(statuses=frozenset({"draft", "suspended"})), ["R05", "R07"]),
        (ApplicationFilter(item_code=A), ["R01", "R03", "R05", "R06", "R08", "R09"]),
        # who answers for a case: whoever accepted it, before acceptance (or without) who took it in
        (ApplicationFilter(staff=LI), ["R01", "R03", "R04", "R08", "R09", "R11"]),
        (ApplicationFilter(staff=WANG), ["R02", "R05", "R06", "R07", "R10"]),
        # intake days in the office's timezone, both ends included
        (
            ApplicationFilter(intake_from=date(2026, 11, 23), intake_to=date(2026, 11, 23)),
            ["R04", "R05", "R07", "R09"],
        ),
        (
            ApplicationFilter(intake_from=date(2026, 11, 20), intake_to=date(2026, 11, 22)),
            ["R01", "R02", "R03"],
        ),
        (ApplicationFilter(intake_to=date(2026, 10, 10)), ["R06", "R08"]),
        # a suspended case is never overdue (the clock stopped), nor a completed or rated one
        (ApplicationFilter(deadlines=frozenset({OVERDUE})), ["R01", "R11"]),
        (ApplicationFilter(deadlines=frozenset({DUE_SOON})), ["R02", "R03"]),
        (ApplicationFilter(deadlines=frozenset({OVERDUE, DUE_SOON})), ["R01", "R02", "R03", "R11"]),
        (ApplicationFilter(deadlines=frozenset({ON_TIME})), ["R04", "R05"]),
        (ApplicationFilter(text="张"), ["R01", "R06", "R08"]),
        (ApplicationFilter(text="zs"), ["R01", "R06", "R08"]),
        (ApplicationFilter(text="R1"), ["R10", "R11"]),
        (ApplicationFilter(text="%"), []),
        (ApplicationFilter(item_code=A, deadlines=frozenset({OVERDUE})), ["R01"]),
        (ApplicationFilter(staff=LI, statuses=frozenset({"in_progress"}), text="赵"), ["R04", "R11"]),
    ],
)
def test_each_filter_narrows(
    office: Counter, cli_actor: Actor, filters: ApplicationFilter, expected: list[str]
) -> None:
    assert sorted(listed(office, cli_actor, filters)) == expected


def test_intake_days_follow_the_office_timezone(counter: Counter, cli_actor: Actor) -> None:
    """A time written with another offset counts on the office's day it falls on."""
    add_application(counter, "UTC-LATE", "张三", "draft", "2026-11-22T16:30:00.000+00:00")  # 11-23 00:30 here
    add_application(counter, "UTC-EARLY", "张三", "draft", "2026-11-22T15:59:59.999Z")  # 11-22 23:59 here
    add_application(counter, "CST-LAST", "张三", "draft", "2026-11-23T23:59:59.999+08:00")
    add_application(counter, "CST-NEXT", "张三", "draft", "2026-11-24T00:00:00.000+08:00")
    one_day = ApplicationFilter(intake_from=date(2026, 11, 23), intake_to=date(2026, 11, 23))
    assert sorted(listed(counter, cli_actor, one_day)) == ["CST-LAST", "UTC-LATE"]


def test_rows_carry_their_deadline_state_and_who_answers_for_them(office: Counter, cli_actor: Actor) -> None:
    page = office.queries.applications_page(cli_actor)
    states = {row.receipt_no: row.deadline_state for row in page.rows}
    assert states == {
        "R01": OVERDUE,
        "R02": DUE_SOON,  # due today
        "R03": DUE_SOON,  # due on the third working day
        "R04": ON_TIME,  # due on the fourth
        "R05": ON_TIME,  # suspended: its due date moves when it resumes
        "R06": None,
        "R07": None,  # no clock before acceptance
        "R08": None,
        "R09": None,
        "R10": None,
        "R11": OVERDUE,
    }
    handled = {row.receipt_no: row.handled_by for row in page.rows}
    assert handled["R01"] == LI and handled["R07"] == WANG and handled["R09"] == LI
    assert (page.today, page.due_soon_until) == ("2026-11-23", "2026-11-26")


def test_due_soon_counts_working_days_across_a_holiday(
    counter: Counter, cli_actor: Actor, clock: FixedClock
) -> None:
    """Friday 2026-04-03; Qingming takes Saturday to Monday off: three working days reach Thursday."""
    calendar = counter.catalogue.calendar()
    assert not calendar.is_working_day(date(2026, 4, 6)), "the window must hold a holiday on a weekday"
    clock.set_date(date(2026, 4, 3))
    for receipt, due in [
        ("D0402", "2026-04-02"),
        ("D0403", "2026-04-03"),
        ("D0409", "2026-04-09"),
        ("D0410", "2026-04-10"),
    ]:
        add_application(counter, receipt, "张三", "in_progress", "2026-03-20T09:00", due, accepted_by=WANG)
    page = counter.queries.applications_page(cli_actor, sort=ApplicationSort(Key.DUE, descending=False))
    assert page.due_soon_until == "2026-04-09"
    assert [(r.receipt_no, r.deadline_state) for r in page.rows] == [
        ("D0402", OVERDUE),
        ("D0403", DUE_SOON),
        ("D0409", DUE_SOON),
        ("D0410", ON_TIME),
    ]
    due_soon = ApplicationFilter(deadlines=frozenset({DUE_SOON}))
    assert listed(counter, cli_actor, due_soon, key=Key.DUE, descending=False) == ["D0403", "D0409"]
    assert counter.queries.application_counts(cli_actor).due_soon == 2


def test_the_office_today_moves_with_the_clock(office: Counter, cli_actor: Actor, clock: FixedClock) -> None:
    clock.advance(timedelta(days=1))  # Tuesday: R02 (due Monday) is late now
    overdue = ApplicationFilter(deadlines=frozenset({OVERDUE}))
    assert sorted(listed(office, cli_actor, overdue)) == ["R01", "R02", "R11"]


# --- orders -----------------------------------------------------------------------------------------
ASCENDING = {
    Key.RECEIPT_NO: [f"R{n:02d}" for n in range(1, 12)],
    Key.INTAKE: ["R08", "R06", "R11", "R10", "R01", "R02", "R03", "R05", "R04", "R07", "R09"],  # R07/R09 tie
    # dated by due date (the same date: by intake), then the undated ones by intake
    Key.DUE: ["R08", "R06", "R05", "R11", "R01", "R02", "R03", "R04", "R10", "R07", "R09"],
    # lifecycle order, then intake
    Key.STATUS: ["R07", "R01", "R03", "R10", "R11", "R02", "R04", "R05", "R06", "R08", "R09"],
    # pinyin initials, then the name (张三 before 张山), then intake
    Key.APPLICANT: ["R05", "R02", "R09", "R10", "R03", "R11", "R04", "R07", "R08", "R01", "R06"],
    Key.SERVICE: ["R08", "R06", "R01", "R03", "R05", "R09", "R11", "R10", "R02", "R04", "R07"],
}


@pytest.mark.parametrize("key", list(Key))
def test_every_order_both_ways(office: Counter, cli_actor: Actor, key: ApplicationSortKey) -> None:
    assert listed(office, cli_actor, key=key, descending=False) == ASCENDING[key]
    assert listed(office, cli_actor, key=key, descending=True) == ASCENDING[key][::-1]


def test_newest_first_by_default_and_the_old_offset_pages_agree(office: Counter, cli_actor: Actor) -> None:
    newest = ASCENDING[Key.INTAKE][::-1]
    assert listed(office, cli_actor) == newest
    old = office.queries.applications(cli_actor, limit=4) + office.queries.applications(
        cli_actor, limit=10, offset=4
    )
    assert receipts(old) == newest
    row = old[-1]
    assert (row.receipt_no, row.deadline_state, row.handled_by) == ("R08", None, LI)


def _random_office(counter: Counter, count: int) -> None:
    """Many ties: three intake times, four due dates (one of them none), two items, three names."""
    rng = random.Random(7)
    for n in range(count):
        due = rng.choice([None, "2026-11-20", "2026-11-24", "2026-12-01"])
        add_application(
            counter,
            f"K{rng.randrange(10**6):06d}-{n}",
            rng.choice(["张三", "李四", "王五"]),
            rng.choice(["draft", "accepted", "in_progress", "suspended", "rated"]) if due else "draft",
            rng.choice(["2026-11-20T10:00", "2026-11-21T10:00", "2026-11-22T10:00"]),
            due,
            rng.choice([A, B]),
            rng.choice([WANG, LI]),
        )


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(Key))
def test_keyset_pages_give_every_row_exactly_once(
    counter: Counter, cli_actor: Actor, key: ApplicationSortKey, descending: bool
) -> None:
    _random_office(counter, 37)
    sort = ApplicationSort(key, descending)
    whole = receipts(counter.queries.applications_page(cli_actor, sort=sort, limit=1000).rows)
    pages, cursor = [], None
    while True:
        page = counter.queries.applications_page(cli_actor, sort=sort, after=cursor, limit=4)
        pages.append(receipts(page.rows))
        if page.next is None:
            break
        cursor = page.next
    assert [len(p) for p in pages] == [4] * 9 + [1]
    assert [r for p in pages for r in p] == whole
    assert len(set(whole)) == 37


def test_keyset_pages_under_a_filter(counter: Counter, cli_actor: Actor) -> None:
    _random_office(counter, 37)
    filters = ApplicationFilter(statuses=frozenset({"accepted", "in_progress", "suspended"}), item_code=A)
    whole = listed(counter, cli_actor, filters, key=Key.DUE, descending=True)
    assert whole
    seen, page = (
        [],
        counter.queries.applications_page(cli_actor, filters, ApplicationSort(Key.DUE, True), limit=3),
    )
    seen += receipts(page.rows)
    while page.next is not None:
        page = counter.queries.applications_page(
            cli_actor, filters, ApplicationSort(Key.DUE, True), after=page.next, limit=3
        )
        seen += receipts(page.rows)
    assert seen == whole


# --- counts -----------------------------------------------------------------------------------------
def test_counts_per_status_under_the_other_filters(office: Counter, cli_actor: Actor) -> None:
    counts = office.queries.application_counts(cli_actor)
    assert counts.by_status == {
        "accepted": 1,
        "accepted_pending": 1,
        "in_progress": 3,
        "suspended": 1,
        "completed": 1,
        "draft": 1,
        "rated": 1,
        "withdrawn": 1,
        "refused": 1,
    }
    assert (counts.total, counts.overdue, counts.due_soon) == (11, 2, 2)
    # the status choice does not narrow the counts (each status shows what choosing it gives)
    chosen = ApplicationFilter(statuses=frozenset({"in_progress"}), item_code=B)
    counts = office.queries.application_counts(cli_actor, chosen)
    assert counts.by_status == {"in_progress": 3, "draft": 1, "refused": 1}
    assert (counts.overdue, counts.due_soon) == (1, 1)
    assert counts.total_for(chosen.statuses) == len(listed(office, cli_actor, chosen)) == 3
    # the deadline totals follow the status choice but not the deadline choice
    late = office.queries.application_counts(cli_actor, ApplicationFilter(deadlines=frozenset({OVERDUE})))
    assert late.by_status == {"accepted": 1, "in_progress": 1} and (late.overdue, late.due_soon) == (2, 2)
    accepted = ApplicationFilter(statuses=frozenset({"accepted"}))
    late = office.queries.application_counts(cli_actor, accepted)
    assert (late.overdue, late.due_soon) == (
        len(listed(office, cli_actor, replace(accepted, deadlines=frozenset({OVERDUE})))),
        len(listed(office, cli_actor, replace(accepted, deadlines=frozenset({DUE_SOON})))),
    )
    assert (late.overdue, late.due_soon) == (1, 0)


# --- bad input ----------------------------------------------------------------------------------------
def test_bad_filters_sorts_and_cursors_are_refused(office: Counter, cli_actor: Actor) -> None:
    queries = office.queries
    bad = [
        ApplicationFilter(statuses=frozenset({"lost"})),
        ApplicationFilter(deadlines=frozenset({"late"})),  # type: ignore[arg-type]
        ApplicationFilter(intake_from=date(2026, 11, 2), intake_to=date(2026, 11, 1)),
        ApplicationFilter(text="x" * 51),
    ]
    for filters in bad:
        with pytest.raises(ValidationError):
            queries.applications_page(cli_actor, filters)
        with pytest.raises(ValidationError):
            queries.application_counts(cli_actor, filters)
    with pytest.raises(ValidationError):
        queries.applications_page(cli_actor, sort=ApplicationSort("a.id; DROP TABLE applications", False))  # type: ignore[arg-type]
    by_due = queries.applications_page(cli_actor, sort=ApplicationSort("due", False), limit=2)  # type: ignore[arg-type]
    assert by_due.next is not None and by_due.next.sort == ApplicationSort(Key.DUE, False)
    first = queries.applications_page(cli_actor, limit=2)
    assert first.next is not None
    with pytest.raises(ValidationError):
        queries.applications_page(cli_actor, ApplicationFilter(item_code=A), after=first.next)
    with pytest.raises(ValidationError):
        queries.applications_page(cli_actor, sort=ApplicationSort(Key.DUE), after=first.next)
    # equal choices make equal cursors: the text is normalised before it is compared
    spaced = ApplicationFilter(text=" R ")
    page = queries.applications_page(cli_actor, spaced, limit=2)
    assert page.next is not None and page.next.filters == replace(spaced, text="R")
    assert receipts(queries.applications_page(cli_actor, spaced, after=page.next, limit=2).rows)


# --- query plans: a page is a seek, not a sort of every application ---------------------------------------
def _plans(counter: Counter, action: Any) -> list[list[tuple[int, int, str]]]:
    """The query plan of every statement ``action`` reads through the store."""
    store = counter.ctx.store
    seen: list[tuple[str, Any]] = []

    def spying(real: Any) -> Any:
        def spy(sql: str, params: Any = ()) -> Any:
            if " applications a" in sql:  # the list's statements, not the catalogue's
                seen.append((sql, params))
            return real(sql, params)

        return spy

    store.all, store.one = spying(store.all), spying(store.one)  # type: ignore[method-assign]
    try:
        action()
    finally:
        del store.all, store.one
    return [
        [(r[0], r[1], r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
        for sql, params in seen
    ]


def _inner(plan: list[tuple[int, int, str]]) -> list[str]:
    """The lines of the inner query (the one choosing the page's rows)."""
    roots = {node for node, _, detail in plan if detail.startswith(("MATERIALIZE", "CO-ROUTINE"))}
    lines = []
    for node, parent, detail in plan:
        if parent in roots or node in roots:
            roots.add(node)
            lines.append(detail)
    assert lines, plan
    return lines


def _page_plan(
    counter: Counter,
    monkeypatch: pytest.MonkeyPatch,
    filters: ApplicationFilter,
    sort: ApplicationSort,
    deep: bool,
) -> list[str]:
    queries = counter.queries
    after = queries.applications_page(Actor.command_line("t"), filters, sort, limit=2).next if deep else None
    (plan,) = _plans(
        counter,
        lambda: queries.applications_page(Actor.command_line("t"), filters, sort, after=after, limit=2),
    )
    return _inner(plan)


@pytest.mark.parametrize("deep", [False, True])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(Key))
def test_every_order_reads_an_index_in_order(
    office: Counter, monkeypatch: pytest.MonkeyPatch, key: ApplicationSortKey, descending: bool, deep: bool
) -> None:
    inner = _page_plan(office, monkeypatch, ApplicationFilter(), ApplicationSort(key, descending), deep)
    assert "USE TEMP B-TREE FOR ORDER BY" not in inner, inner
    assert any("INDEX" in line for line in inner), inner


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (
            ApplicationFilter(statuses=frozenset({"in_progress"})),
            "COVERING INDEX applications_status (status=?)",
        ),
        (ApplicationFilter(deadlines=frozenset({OVERDUE})), "COVERING INDEX applications_status (status=?)"),
        (ApplicationFilter(item_code=A), "COVERING INDEX applications_item (item_code=?)"),
        (ApplicationFilter(staff=LI), "INDEX applications_staff (<expr>=?)"),
        (
            ApplicationFilter(intake_from=date(2026, 11, 1)),
            "COVERING INDEX applications_intake (created_at>?)",
        ),
        (ApplicationFilter(text="张"), "COVERING INDEX applications_intake"),
    ],
)
def test_each_filter_reads_its_index(
    office: Counter, monkeypatch: pytest.MonkeyPatch, filters: ApplicationFilter, index: str
) -> None:
    inner = _page_plan(office, monkeypatch, filters, ApplicationSort(), deep=False)
    assert any(line.endswith(index) for line in inner), inner


def test_the_plan_check_notices_an_order_its_index_does_not_match(
    office: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: an expression written otherwise than the index's makes SQLite sort."""
    drifted = ("coalesce(a.due_date, '9999-12-31')", "a.created_at", "a.receipt_no")
    monkeypatch.setitem(store_queries._ORDERS, Key.DUE, drifted)
    inner = _page_plan(office, monkeypatch, ApplicationFilter(), ApplicationSort(Key.DUE, False), deep=False)
    assert "USE TEMP B-TREE FOR ORDER BY" in inner


def test_counts_read_the_status_index(office: Counter, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = _plans(office, lambda: office.queries.application_counts(Actor.command_line("t")))
    assert [[line for _, _, line in plan] for plan in plans] == [
        ["SCAN a USING COVERING INDEX applications_status"],
        ["SEARCH a USING COVERING INDEX applications_status (status=?)"],
    ]
