"""Read-only lists across tables: the applications list with its applicant's masked data.

The list is filtered, sorted and paged in SQL, in two steps: an inner query chooses the page's rows
from the indexes of migration v4 (their sort values and rowids only), the outer one reads those rows
and their applicants. Pages are keyset pages: the next one starts after the last row's sort values (a
seek), so the last page of 200,000 rows costs what the first one does; OFFSET stays for the old
``offset=`` callers. Sort orders come from a whitelist (:data:`_ORDERS`); the caller's values only
ever reach the SQL as parameters.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from counter_app.records import (
    ApplicationCounts,
    ApplicationFilter,
    ApplicationRow,
    ApplicationSort,
    ApplicationSortKey,
    DeadlineState,
)
from counter_app.store import name_index
from counter_app.store.db import Store
from counter_app.workflow import CLOCK_RUNNING, Status

# The expressions below are indexed by ``migrations.upgrade_to_4`` exactly as written there.
_STATUS_RANK = (
    "CASE a.status " + " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(Status)) + " ELSE 99 END"
)
_DUE_KEY = "ifnull(a.due_date, '9999-12-31')"  # undated cases after every dated one
_STAFF = "ifnull(a.accepted_by, a.created_by)"

_RUNNING = "a.status IN (" + ", ".join(f"'{s.value}'" for s in sorted(CLOCK_RUNNING)) + ")"
_SUSPENDED = f"a.status = '{Status.SUSPENDED.value}'"
# Of a case whose clock runs; the clock stops while a case is suspended, so a suspended case is on time
# whatever its due date (extended only when it resumes) says.
_DUE = {
    DeadlineState.OVERDUE: "a.due_date < :today",
    DeadlineState.DUE_SOON: "a.due_date BETWEEN :today AND :soon",
    DeadlineState.ON_TIME: "a.due_date > :soon",
}
_DEADLINE_STATE = (
    f"CASE WHEN {_RUNNING} THEN CASE WHEN a.due_date IS NULL THEN NULL"
    " WHEN a.due_date < :today THEN 'overdue' WHEN a.due_date <= :soon THEN 'due_soon' ELSE 'on_time' END"
    f" WHEN {_SUSPENDED} THEN 'on_time' END"
)

# Sort key -> the columns of the order; the receipt number (unique) is always last.
_ORDERS: dict[ApplicationSortKey, tuple[str, ...]] = {
    ApplicationSortKey.RECEIPT_NO: ("a.receipt_no",),
    ApplicationSortKey.APPLICANT: ("p.name_initials", "p.name", "a.created_at", "a.receipt_no"),
    ApplicationSortKey.SERVICE: ("a.item_code", "a.created_at", "a.receipt_no"),
    ApplicationSortKey.STATUS: (_STATUS_RANK, "a.created_at", "a.receipt_no"),
    ApplicationSortKey.INTAKE: ("a.created_at", "a.receipt_no"),
    ApplicationSortKey.DUE: (_DUE_KEY, "a.created_at", "a.receipt_no"),
}

_COLUMNS = (
    "a.id, a.receipt_no, a.applicant_id, p.name AS applicant_name, p.id_masked, a.item_code,"
    " a.catalogue_version, a.status, a.accepted_on, a.due_date, a.sync_state, a.created_at,"
    f" {_STAFF} AS handled_by, {_DEADLINE_STATE} AS deadline_state"
)
# Walking applicants in name order and their applications is what makes that order a seek (left to
# itself, SQLite would sort every application); CROSS JOIN fixes SQLite's join order.
_FROM_BY_APPLICANT = " FROM applicants p CROSS JOIN applications a ON a.applicant_id = p.id"
_NEWEST_FIRST = ApplicationSort(ApplicationSortKey.INTAKE, descending=True)
# Offsets run from -12:00 to +14:00; two days either side also cover any other spelling of the time.
_PREFILTER_MARGIN = timedelta(days=2)


@dataclass(frozen=True)
class Cutoffs:
    """The office's today and the last day that counts as due soon (both inclusive), and its timezone."""

    today: date
    soon: date
    tz: tzinfo


@dataclass(frozen=True)
class ListPage:
    rows: list[ApplicationRow]
    last_key: tuple[str | int, ...] | None  # the sort values of the last row, when more rows follow


@dataclass
class _Where:
    terms: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def add(self, term: str, **params: Any) -> None:
        self.terms.append(term)
        self.params.update(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.terms) if self.terms else ""


def _utc(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(), tz).astimezone(timezone.utc)


def _where(
    filters: ApplicationFilter, cutoffs: Cutoffs, *, statuses: bool = True, deadlines: bool = True
) -> _Where:
    where = _Where(params={"today": cutoffs.today.isoformat(), "soon": cutoffs.soon.isoformat()})
    if statuses and filters.statuses:
        names = {f"s{n}": status for n, status in enumerate(sorted(filters.statuses))}
        where.add("a.status IN (" + ", ".join(f":{name}" for name in names) + ")", **names)
    if filters.item_code:
        where.add("a.item_code = :item", item=filters.item_code)
    if filters.staff:
        where.add(f"{_STAFF} = :staff", staff=filters.staff)
    # created_at is ISO text with its offset: the indexed text comparison narrows by a margin, the
    # comparison in UTC (datetime() understands the offset) decides.
    if filters.intake_from:
        start = _utc(filters.intake_from, cutoffs.tz)
        where.add(
            "a.created_at >= :from_text AND datetime(a.created_at) >= :from_utc",
            from_text=(start - _PREFILTER_MARGIN).strftime("%Y-%m-%dT%H:%M:%S"),
            from_utc=start.strftime("%Y-%m-%d %H:%M:%S"),
        )
    if filters.intake_to:
        end = _utc(filters.intake_to + timedelta(days=1), cutoffs.tz)
        where.add(
            "a.created_at < :to_text AND datetime(a.created_at) < :to_utc",
            to_text=(end + _PREFILTER_MARGIN).strftime("%Y-%m-%dT%H:%M:%S"),
            to_utc=end.strftime("%Y-%m-%d %H:%M:%S"),
        )
    if deadlines and filters.deadlines:
        states = [DeadlineState(state) for state in filters.deadlines]
        due = " OR ".join(_DUE[state] for state in DeadlineState if state in states)
        term = f"({_RUNNING} AND ({due}))"
        where.add(f"({term} OR {_SUSPENDED})" if DeadlineState.ON_TIME in states else term)
    if filters.text:
        # Names are matched in applicants first, through the name index (a short read of it, not a
        # pass over every applicant); the applicant and the receipt number of each case are in the
        # indexes the page and the counts read (``applications_intake``, ``applications_status``).
        names = name_index.by_name(filters.text, "text")
        initials = name_index.by_initials(filters.text, "initials")
        where.add(
            "(a.receipt_no LIKE :receipt ESCAPE '\\' OR a.applicant_id IN"
            f" ({names.applicants('p.id')} UNION ALL {initials.applicants('p.id')}))",
            receipt=name_index.like_pattern(filters.text),
            **names.params,
            **initials.params,
        )
    return where


# Columns with few distinct values: one shared string each, not one per row (a list scrolled to the
# end holds 200,000 rows).
_SHARED = ("item_code", "catalogue_version", "status", "accepted_on", "due_date", "sync_state", "handled_by")


def _row(row: dict[str, Any]) -> ApplicationRow:
    state = row.pop("deadline_state")
    for name in _SHARED:
        if row[name] is not None:
            row[name] = sys.intern(row[name])
    return ApplicationRow(**row, deadline_state=DeadlineState(state) if state else None)


class QueryRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def page(
        self,
        filters: ApplicationFilter,
        sort: ApplicationSort,
        cutoffs: Cutoffs,
        *,
        after: tuple[str | int, ...] | None = None,
        limit: int = 200,
        offset: int = 0,
        applicant_id: str | None = None,
    ) -> ListPage:
        """Up to ``limit`` rows in ``sort`` order, after the row whose sort values are ``after`` (or
        from ``offset``). ``last_key`` is None when no row follows."""
        order = _ORDERS[ApplicationSortKey(sort.key)]
        where = _where(filters, cutoffs)
        if applicant_id is not None:
            where.add("a.applicant_id = :applicant", applicant=applicant_id)
        if after is not None:
            if len(after) != len(order):
                raise ValueError("the cursor does not belong to this order")
            keys = {f"k{n}": value for n, value in enumerate(after)}
            op = "<" if sort.descending else ">"
            # The row value decides; the plain bound on the first column lets SQLite seek its index.
            where.add(
                f"{order[0]} {op}= :k0 AND ({', '.join(order)}) {op} ({', '.join(f':{k}' for k in keys)})",
                **keys,
            )
        direction = " DESC" if sort.descending else ""
        by_applicant = ApplicationSortKey(sort.key) is ApplicationSortKey.APPLICANT
        sort_values = ", ".join(f"{column} AS _k{n}" for n, column in enumerate(order))
        inner = (
            f"SELECT a.rowid AS _rid, {sort_values}"
            f"{_FROM_BY_APPLICANT if by_applicant else ' FROM applications a'}{where.sql()}"
            f" ORDER BY {', '.join(column + direction for column in order)} LIMIT :limit"
        )
        params = {**where.params, "limit": limit + 1}
        if offset:
            inner += " OFFSET :offset"
            params["offset"] = offset
        selected = ", ".join(f"page._k{n}" for n in range(len(order)))
        sql = (
            f"SELECT {_COLUMNS}, {selected} FROM ({inner}) AS page"
            " JOIN applications a ON a.rowid = page._rid JOIN applicants p ON p.id = a.applicant_id"
            f" ORDER BY {', '.join(f'page._k{n}{direction}' for n in range(len(order)))}"
        )
        rows = self.store.all(sql, params)
        more = len(rows) > limit
        rows = rows[:limit]
        last = tuple(rows[-1][f"_k{n}"] for n in range(len(order))) if more else None
        for row in rows:
            for n in range(len(order)):
                del row[f"_k{n}"]
        return ListPage([_row(row) for row in rows], last)

    def counts(self, filters: ApplicationFilter, cutoffs: Cutoffs) -> ApplicationCounts:
        """Applications per status under every filter but ``statuses`` (one GROUP BY), and how many are
        overdue / due soon under every filter but ``deadlines`` (one aggregate over the cases whose clock
        runs): each number says what choosing that status, or that deadline, would list."""
        where = _where(filters, cutoffs, statuses=False)
        rows = self.store.all(
            f"SELECT a.status, count(*) AS n FROM applications a{where.sql()} GROUP BY a.status", where.params
        )
        where = _where(filters, cutoffs, deadlines=False)
        where.add(f"{_RUNNING} AND a.due_date <= :soon")
        late = self.store.one(
            "SELECT count(*) AS n, ifnull(sum(a.due_date < :today), 0) AS overdue"
            f" FROM applications a{where.sql()}",
            where.params,
        )
        assert late is not None
        return ApplicationCounts(
            by_status={row["status"]: row["n"] for row in rows},
            overdue=late["overdue"],
            due_soon=late["n"] - late["overdue"],
            today=cutoffs.today.isoformat(),
            due_soon_until=cutoffs.soon.isoformat(),
        )

    def applications(
        self,
        cutoffs: Cutoffs,
        *,
        status: str | None = None,
        text: str = "",
        limit: int = 200,
        offset: int = 0,
    ) -> list[ApplicationRow]:
        """A page of applications newest first by ``offset`` (the list's first API, kept for its callers)."""
        filters = ApplicationFilter(statuses=frozenset({status}) if status else frozenset(), text=text)
        return self.page(filters, _NEWEST_FIRST, cutoffs, limit=limit, offset=offset).rows

    def applications_of(self, applicant_id: str, cutoffs: Cutoffs) -> list[ApplicationRow]:
        rows: list[ApplicationRow] = []
        after = None
        while True:
            page = self.page(
                ApplicationFilter(), _NEWEST_FIRST, cutoffs, after=after, applicant_id=applicant_id
            )
            rows.extend(page.rows)
            if page.last_key is None:
                return rows
            after = page.last_key
