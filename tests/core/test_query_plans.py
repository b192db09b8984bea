"""The supervision pages read through indexes (schema v6), never a whole table (but the office's
dashboard over a long period, which reads its cases and ratings in table order on purpose).

Every statement the dashboard, the audit viewer and the rectification list run is captured as SQLite
ran it (the connection's trace, parameters written in) and explained with ``EXPLAIN QUERY PLAN``: no
line may read ``applications``, ``ratings``, ``rectifications`` or ``audit_events`` from end to end
(``SCAN``). The check first proves it can fail: with the v6 indexes dropped, the same statements
scan. Every start of the dashboard (the period's rows, the scope's cases, the table) gives the same
figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from benchmarks.supervision import STAFF, V6_INDEXES, load_history
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.records import AuditFilter
from counter_app.statistics import Period, Scope
from counter_app.store.statistics import StatisticsRepo

TABLES = ("applications", "ratings", "rectifications", "audit_events")
_KEYWORDS = {"ON", "WHERE", "JOIN", "CROSS", "LEFT", "INNER", "GROUP", "ORDER", "LIMIT", "UNION", "AS"}
_SOURCE = re.compile(rf"\b(?:FROM|JOIN)\s+({'|'.join(TABLES)})\b(?:\s+(?:AS\s+)?(\w+))?", re.IGNORECASE)
THIS_MONTH = Period(date(2026, 11, 1), date(2026, 11, 30))
ITEM = "990101101-05-0003-001"
SCOPES = [Scope(), Scope(staff=STAFF[1]), Scope(item_code=ITEM), Scope(item_code=ITEM, staff=STAFF[2])]


@pytest.fixture
def office(counter: Counter) -> Counter:
    """Two years of a small office: cases of every status, ratings, tasks, suspensions, and an audit
    trail with rectification closes (the benchmark's loader, at a test's size)."""
    load_history(counter, 600, 3_000, seed=7)
    return counter


@contextmanager
def statements(counter: Counter) -> Iterator[list[str]]:
    """The statements run on the profile's connection meanwhile, as SQLite ran them."""
    seen: list[str] = []
    conn = counter.ctx.store.conn
    conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        conn.set_trace_callback(None)


def full_scans(counter: Counter, sql: str) -> list[str]:
    """The lines of ``sql``'s plan that read one of :data:`TABLES` whole (by its name or an alias)."""
    names = set()
    for table, alias in _SOURCE.findall(sql):
        names.add(table.lower())
        if alias and alias.upper() not in _KEYWORDS:
            names.add(alias)
    plan = [row[3] for row in counter.ctx.store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    # "SEARCH t" without an index is min() or max() read from every row
    return [
        line
        for line in plan
        if line.split()[0] == "SCAN" or (line.split()[0] == "SEARCH" and "USING" not in line)
        if line.split()[1] in names
    ]


def scans_of(counter: Counter, read: Callable[[], object]) -> dict[str, list[str]]:
    """Run ``read``; each statement it ran that reads one of :data:`TABLES` whole, with those lines."""
    with statements(counter) as seen:
        read()
    found = {}
    for sql in seen:
        if re.match(r"\s*(SELECT|WITH|INSERT)", sql, re.IGNORECASE) and _SOURCE.search(sql):
            lines = full_scans(counter, sql)
            if lines:
                found[" ".join(sql.split())[:160]] = lines
    return found


@contextmanager
def without_v6_indexes(counter: Counter) -> Iterator[None]:
    store = counter.ctx.store
    store.execute("BEGIN")
    try:
        for name in V6_INDEXES:
            store.execute(f"DROP INDEX {name}")
        yield
    finally:
        store.execute("ROLLBACK")


def start_from(monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    monkeypatch.setattr(StatisticsRepo, "start", lambda self, period, scope: start)


def dashboard(counter: Counter, supervisor: Actor, scope: Scope) -> Callable[[], object]:
    """The dashboard page: the figures, and the people a scope may name."""
    return lambda: (
        counter.dashboard.figures(supervisor, THIS_MONTH, scope),
        counter.dashboard.staff_members(supervisor),
    )


def audit_reads(counter: Counter, supervisor: Actor) -> dict[str, Callable[[], object]]:
    """The audit viewer's reads (first page and count under each filter, the lists of choices, who
    viewed personal data), and who closed rectification tasks."""
    trail = counter.audit_trail
    task_ids = [
        row["id"] for row in counter.ctx.store.all("SELECT id FROM rectifications WHERE status = 'closed'")
    ]
    assert task_ids, "the office has closed rectification tasks"
    filters = {
        "person": AuditFilter(actor=STAFF[0]),
        "action": AuditFilter(action="applicant.view"),
        "day": AuditFilter(date_from="2026-10-12", date_to="2026-10-12"),
        "person this month": AuditFilter(actor=STAFF[0], date_from="2026-11-01", date_to="2026-11-30"),
        "views this month": AuditFilter(
            personal_data_views_only=True, date_from="2026-11-01", date_to="2026-11-30"
        ),
        "action, person, day": AuditFilter(
            actor=STAFF[3], action="login", date_from="2026-10-12", date_to="2026-10-12"
        ),
    }
    reads: dict[str, Callable[[], object]] = {}
    for name, where in filters.items():
        reads[f"page: {name}"] = lambda where=where: trail.events(supervisor, where, limit=200)
        reads[f"count: {name}"] = lambda where=where: trail.count(supervisor, where)
    reads["next page"] = lambda: trail.events(supervisor, filters["person"], before_seq=2_000)
    reads["people and actions"] = lambda: (trail.actors(supervisor), trail.actions(supervisor))
    reads["views per person"] = lambda: trail.personal_data_views(supervisor, "2026-11-01", "2026-11-30")
    reads["who closed the tasks"] = lambda: counter.ctx.audit_log.last_actor("rectification.close", task_ids)
    reads["closed tasks"] = lambda: counter.ratings.rectifications(supervisor, "closed")
    reads["open tasks"] = lambda: counter.ratings.rectifications(supervisor, "open")
    return reads


@pytest.mark.parametrize(
    ("scope", "start"),
    [(scope, "period") for scope in SCOPES] + [(scope, "scope") for scope in SCOPES[1:]],
    ids=["office", "person", "item", "item and person", "person's cases", "item's cases", "their cases"],
)
def test_the_dashboard_reads_no_table_whole(
    office: Counter, supervisor: Actor, monkeypatch: pytest.MonkeyPatch, scope: Scope, start: str
) -> None:
    start_from(monkeypatch, start)
    assert scans_of(office, dashboard(office, supervisor, scope)) == {}


def test_over_a_long_period_the_office_reads_its_tables_in_order(
    office: Counter, supervisor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_from(monkeypatch, "table")
    scans = {
        line for lines in scans_of(office, dashboard(office, supervisor, Scope())).values() for line in lines
    }
    assert scans == {"SCAN a", "SCAN r"}  # each once in order: no index read row by row for them


def test_the_audit_viewer_and_the_task_list_read_no_table_whole(office: Counter, supervisor: Actor) -> None:
    for name, read in audit_reads(office, supervisor).items():
        assert scans_of(office, read) == {}, name


def test_the_check_finds_the_scans_without_the_v6_indexes(
    office: Counter, supervisor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_from(monkeypatch, "period")
    reads = audit_reads(office, supervisor)
    with without_v6_indexes(office):
        found = scans_of(office, dashboard(office, supervisor, Scope()))
        assert {"SCAN applications", "SCAN r", "SCAN x"} <= {
            line for lines in found.values() for line in lines
        }
        for name, read in reads.items():
            if name != "next page":  # below a sequence number: a range of the rowid in any case
                assert scans_of(office, read), name


@pytest.mark.parametrize(
    "period",
    [
        THIS_MONTH,
        Period(date(2026, 10, 1), date(2026, 10, 31)),
        Period(date(2024, 12, 1), date(2026, 11, 23)),
    ],
    ids=["this month", "last month", "two years"],
)
def test_every_start_gives_the_same_figures(
    office: Counter, supervisor: Actor, monkeypatch: pytest.MonkeyPatch, period: Period
) -> None:
    for scope in SCOPES:
        figures = {}
        for start in ("period", "table" if scope == Scope() else "scope"):
            start_from(monkeypatch, start)
            figures[start] = office.dashboard.figures(supervisor, period, scope)
        first, second = figures.values()
        assert first == second, scope
        if scope == SCOPES[1]:  # one person: something to count in every period
            assert first.totals.taken_in and first.totals.completed


def test_the_smaller_start_is_chosen(office: Counter) -> None:
    repo = StatisticsRepo(office.ctx.store)
    person = Scope(staff=STAFF[1])
    two_years = Period(date(2024, 12, 1), date(2026, 11, 23))
    assert repo.start(THIS_MONTH, Scope()) == "period"  # 600 cases in all, ~25 taken in this month
    assert repo.start(THIS_MONTH, person) == "period"  # ~100 cases in all
    assert repo.start(two_years, person) == "scope"
    assert repo.start(two_years, Scope()) == "table"
    assert repo.start(THIS_MONTH, Scope(staff="user:nobody")) == "scope"
