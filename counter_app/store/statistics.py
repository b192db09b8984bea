"""The dashboard's aggregates: one SQL statement per figure family, each giving the scope's totals,
the per-item table and the per-staff table at once (a ``UNION ALL`` of three groupings over one
common table of the cases concerned); and the two series for the charts.

Working days are counted in SQL against a TEMP table of the office calendar (``dashboard_calendar``:
one row per day, with the cumulative count of working days up to and including it), filled once per
call from the core's :class:`~counter_app.calendar.WorkingCalendar`. The working days after day ``a``
up to and including day ``b`` are then ``ordinal(b) - ordinal(a)``. A TEMP table lives in the
connection's own temporary database: it needs no migration and other connections never see it.

Each statement starts either from the rows of the period (the cases dated in it and the open ones,
the ratings given in it, read through the indexes of schema v6, ``migrations.upgrade_to_6``) or from
the scope's own cases over the years (one item's or one person's through their index; the office's:
every case, in table order), whichever are fewer. SQLite cannot weigh the two (it always prefers
the scope's index, even for a day of a busy office; and reads a long period's rows through their
index one by one, where reading the table in order is faster), so :meth:`StatisticsRepo.start`
counts both through indexes and the statement fixes the order: ``CROSS JOIN`` from the period's
rows, each case then read by key; from the scope's cases, the period's conditions written so that no
index serves them (``+column``, the same value; ``NOT INDEXED``). ``tests/core/test_query_plans.py``
checks the plans, and that every start gives the same figures.

Timestamps carry their UTC offset: the counters write Beijing time (``…+08:00``), the central
platform UTC. A timestamp's office day is ``date(ts, '+8 hours')``, worked out once per row and only
when the raw text falls within a day either side of the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from counter_app.clock import CHINA_TZ
from counter_app.statistics import (
    BAD_FROM_LEVEL,
    CLOCK_RUNNING_STATUSES,
    GOOD_LEVELS,
    IN_PROGRESS_STATUSES,
    DayCount,
    Figures,
    Period,
    SatisfactionPoint,
    Scope,
)
from counter_app.store.db import Store
from counter_app.workflow import Status

_TZ = f"{int(CHINA_TZ.utcoffset(None).total_seconds() // 3600):+d} hours"  # SQLite: UTC to office time
_CAL = "temp.dashboard_calendar"

# Who answers for a case: whoever accepted it; before (or without) acceptance, whoever took it in.
# Written exactly as the applications list's staff filter (store/queries.py) and its index
# (migrations.upgrade_to_4), so a dashboard line and the list filtered by that person show the same cases.
HANDLED_BY = "ifnull(a.accepted_by, a.created_by)"
DIMENSIONS = ("office", "item", "staff")  # the totals ("" is their key), the two tables


def _day(column: str) -> str:
    """The office day of timestamp ``column``, if it may fall in the period (else NULL)."""
    return f"CASE WHEN {column} >= :lo AND {column} < :hi THEN date({column}, :tz) END"


def _count(condition: str) -> str:
    return f"count(CASE WHEN {condition} THEN 1 END)"


def _placeholders(prefix: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    params = {f"{prefix}{i}": value for i, value in enumerate(values)}
    return ", ".join(f":{name}" for name in params), params


def _by_dimension(table: str, columns: dict[str, str]) -> str:
    """The aggregates ``columns`` (name -> SQL) over ``table`` (with ``item`` and ``staff`` columns) for
    the whole scope, by item and by staff; each row starts with ``dim`` and ``grp``. The counts are
    taken once per (item, staff) pair, and the three groupings add those few lines up."""
    pairs = ", ".join(f"{sql} AS {name}" for name, sql in columns.items())
    sums = ", ".join(f"sum({name}) AS {name}" for name in columns)
    return (
        f"pairs AS (SELECT item, staff, {pairs} FROM {table} GROUP BY item, staff)"
        f" SELECT 'office' AS dim, '' AS grp, {sums} FROM pairs"
        f" UNION ALL SELECT 'item', item, {sums} FROM pairs GROUP BY item"
        f" UNION ALL SELECT 'staff', staff, {sums} FROM pairs GROUP BY staff"
    )


_RUNNING, _RUNNING_PARAMS = _placeholders("running", CLOCK_RUNNING_STATUSES)
_OPEN, _OPEN_PARAMS = _placeholders("open", IN_PROGRESS_STATUSES)
_GOOD, _GOOD_PARAMS = _placeholders("good", GOOD_LEVELS)
_IN_PERIOD = "BETWEEN :start AND :end"
_GROUPS = f"a.item_code AS item, ifnull({HANDLED_BY}, '') AS staff"


# Where a statement starts (the module's docstring says why): for each start, the FROM and WHERE
# clauses of the statements that read cases (``cases``, family 1), completed cases (``completed``,
# family 2) and ratings (``rated``, family 3 and the satisfaction series).
STARTS = ("period", "scope", "table")


def _near_period(column: str) -> str:
    """Timestamp ``column`` in the window where ``_day`` gives it an office day."""
    return f"{column} >= :lo AND {column} < :hi"


def _case_conditions(plus: str) -> tuple[str, ...]:
    """When a case counts in family 1, each column written ``{plus}column`` (``+``: no index)."""
    dated = ("created_at", "updated_at", "completed_at", "delivered_at")
    return (
        f"{plus}status IN ({_OPEN})",
        f"{plus}accepted_on {_IN_PERIOD}",
        *(_near_period(f"{plus}{column}") for column in dated),
    )


def _clauses(start: str) -> dict[str, str]:
    if start == "period":  # the rowids from each condition's index, each row then read by key
        ids = "\n  UNION ".join(
            f"SELECT rowid AS rid FROM applications WHERE {c}" for c in _case_conditions("")
        )
        done = f"SELECT rowid AS rid FROM applications WHERE {_near_period('completed_at')}"
        return {
            "cases": f"({ids}) ids\n  CROSS JOIN applications a ON a.rowid = ids.rid WHERE {{scope}}",
            "completed": f"({done}) done CROSS JOIN applications a ON a.rowid = done.rid"
            " WHERE {scope} AND a.accepted_on IS NOT NULL",
            "rated": "ratings r CROSS JOIN applications a ON a.id = r.application_id"
            f" WHERE {{scope}} AND {_near_period('r.rated_at')}",
        }
    # the scope's cases through its index, or every case and every rating in table order; the
    # period's conditions are checked on each row (``+``, NOT INDEXED: no index would serve them)
    cases = "applications a NOT INDEXED" if start == "table" else "applications a"
    ratings = "ratings r NOT INDEXED CROSS JOIN" if start == "table" else "ratings r JOIN"
    counts = " OR ".join(f"({c})" for c in _case_conditions("+"))
    return {
        "cases": f"{cases} WHERE {{scope}} AND ({counts})",
        "completed": f"{cases} WHERE {{scope}} AND {_near_period('+a.completed_at')}"
        " AND +a.accepted_on IS NOT NULL",
        "rated": f"{ratings} applications a ON a.id = r.application_id"
        f" WHERE {{scope}} AND {_near_period('+r.rated_at')}",
    }


_CLAUSES = {start: _clauses(start) for start in STARTS}

# Family 1: what happened to applications in the period, their timeliness, and where they stand now.
# A case counts while it is open, or through a date where ``_day`` gives it an office day (accepted_on:
# a day of the period); any other case adds only zeros. From the period's rows: the rowids each
# condition finds in its own index, as a UNION (for an OR of them SQLite reads the whole table).
_APPLICATION_COUNTS = {
    "taken_in": _count(f"created_day {_IN_PERIOD}"),
    "accepted": _count(f"accepted_on {_IN_PERIOD}"),
    "accepted_pending": _count(f"accepted_on {_IN_PERIOD} AND commitment IS NOT NULL"),
    "refused": _count(f"status = :refused AND updated_day {_IN_PERIOD}"),
    "completed": _count(f"completed_day {_IN_PERIOD}"),
    "delivered": _count(f"delivered_day {_IN_PERIOD}"),
    "completed_with_due_date": _count(f"completed_day {_IN_PERIOD} AND due_date IS NOT NULL"),
    "completed_on_time": _count(f"completed_day {_IN_PERIOD} AND completed_day <= due_date"),
    "notices_issued": _count(f"created_day {_IN_PERIOD} AND notice_issued_at IS NOT NULL"),
    "sent_home_without_notice": _count(
        f"created_day {_IN_PERIOD} AND status = :draft AND created_day < :today"
    ),
    "in_progress": _count(f"status IN ({_OPEN})"),
    "suspended": _count("status = :suspended"),
    "overdue": _count(f"status IN ({_RUNNING}) AND due_date < :today"),
}


_APPLICATIONS = f"""
WITH cases AS (
  SELECT {_GROUPS}, a.status, a.due_date, a.accepted_on, a.commitment, a.notice_issued_at,
    {_day("a.created_at")} AS created_day, {_day("a.updated_at")} AS updated_day,
    {_day("a.completed_at")} AS completed_day, {_day("a.delivered_at")} AS delivered_day
  FROM {{cases}}
),
{_by_dimension("cases", _APPLICATION_COUNTS)}
"""

# Family 2: processing time of the cases completed in the period (staged in _DONE by
# ``stage_completed``), in working days from acceptance, the working days inside each suspension
# [started_on, ended_on) taken out. p90 is the nearest rank (the ceil(0.9 n)-th smallest): the least
# value with at least 90 % of the cases at or below it.
_DONE = "temp.dashboard_done"
_STAGE_DONE = f"""
INSERT INTO {_DONE} (id, item, staff, accepted_on, done_on)
SELECT id, item, staff, accepted_on, done_on FROM (
  SELECT a.id, {_GROUPS}, a.accepted_on, {_day("a.completed_at")} AS done_on
  FROM {{completed}}
)
WHERE done_on {_IN_PERIOD}
"""
_PROCESSING = f"""
WITH done AS (SELECT * FROM {_DONE}),
paused AS (
  SELECT s.application_id AS id, sum(max(0, last.ordinal - before.ordinal)) AS days
  FROM suspensions s
  JOIN done d ON d.id = s.application_id
  JOIN {_CAL} before ON before.day = max(date(s.started_on, '-1 day'), d.accepted_on)
  JOIN {_CAL} last ON last.day = min(coalesce(date(s.ended_on, '-1 day'), d.done_on), d.done_on)
  GROUP BY s.application_id
),
timed AS (
  SELECT d.item, d.staff, done_cal.ordinal - accepted_cal.ordinal - coalesce(p.days, 0) AS days
  FROM done d
  JOIN {_CAL} accepted_cal ON accepted_cal.day = d.accepted_on
  JOIN {_CAL} done_cal ON done_cal.day = d.done_on
  LEFT JOIN paused p ON p.id = d.id
),
dims AS (
  SELECT 'office' AS dim, '' AS grp, days FROM timed
  UNION ALL SELECT 'item', item, days FROM timed
  UNION ALL SELECT 'staff', staff, days FROM timed
),
ranked AS (
  SELECT dim, grp, days, cume_dist() OVER (PARTITION BY dim, grp ORDER BY days) AS share_at_most
  FROM dims
)
SELECT dim, grp, avg(days) AS avg_working_days,
  min(CASE WHEN share_at_most >= 0.9 THEN days END) AS p90_working_days
FROM ranked
GROUP BY dim, grp
"""

# Family 3: the ratings given in the period (好差评), by level.
_RATING_COUNTS = {"rated": "count(*)", **{f"level{n}": _count(f"level = {n}") for n in range(1, 6)}}
_RATINGS = f"""
WITH given AS (
  SELECT {_GROUPS}, r.level, {_day("r.rated_at")} AS rated_day
  FROM {{rated}}
),
rated AS (SELECT item, staff, level FROM given WHERE rated_day {_IN_PERIOD}),
{_by_dimension("rated", _RATING_COUNTS)}
"""

# Family 4: rectification tasks open now, and of them those past their due date.
_TASK_COUNTS = {"rectifications_open": "count(*)", "rectifications_overdue": _count("due_date < :today")}
_RECTIFICATIONS = f"""
WITH tasks AS (
  SELECT {_GROUPS}, x.due_date
  FROM rectifications x CROSS JOIN applications a ON a.id = x.application_id
  WHERE {{scope}} AND x.status = 'open'
),
{_by_dimension("tasks", _TASK_COUNTS)}
"""

_INTAKE_PER_DAY = f"""
WITH per_day AS (
  SELECT {_day("a.created_at")} AS day, count(*) AS n
  FROM applications a
  WHERE {{scope}} AND a.created_at >= :lo AND a.created_at < :hi
  GROUP BY day
)
SELECT c.day, c.working, coalesce(per_day.n, 0) AS n
FROM {_CAL} c LEFT JOIN per_day ON per_day.day = c.day
WHERE c.day {_IN_PERIOD}
ORDER BY c.day
"""

_BUCKET = {"day": "{day}", "week": "date({day}, 'weekday 0', '-6 days')"}  # a week starts on Monday

_SATISFACTION = f"""
WITH given AS (
  SELECT r.level, {_day("r.rated_at")} AS rated_day
  FROM {{rated}}
),
per_bucket AS (
  SELECT {{rated_bucket}} AS bucket, count(*) AS rated,
    {_count(f"level IN ({_GOOD})")} AS good, {_count("level >= :bad_from")} AS bad
  FROM given WHERE rated_day {_IN_PERIOD}
  GROUP BY bucket
),
buckets AS (SELECT DISTINCT {{day_bucket}} AS bucket FROM {_CAL} c WHERE c.day {_IN_PERIOD})
SELECT buckets.bucket, coalesce(rated, 0) AS rated, coalesce(good, 0) AS good, coalesce(bad, 0) AS bad
FROM buckets LEFT JOIN per_bucket ON per_bucket.bucket = buckets.bucket
ORDER BY buckets.bucket
"""

_COUNTS = (*_APPLICATION_COUNTS, "rated", *_TASK_COUNTS)


class StatisticsRepo:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._start: tuple[Period, Scope, str] | None = None

    def start(self, period: Period, scope: Scope) -> str:
        """Where the statements for ``scope`` start (one of :data:`STARTS`): from the scope's cases
        (``scope`` for one item or one person, through its index; ``table`` for the office, every
        case in order) when it has had no more cases in all than twice the office's intake in the
        period (about as many as the period's rows: those taken in, those dated otherwise, the
        open ones); else from the ``period``'s rows. Two counts read from indexes, the second
        stopped at that bound; only the speed depends on the answer, never a figure."""
        if self._start is not None and self._start[:2] == (period, scope):
            return self._start[2]
        where, params = _where(scope, period)
        bound = 2 * int(
            self.store.scalar(f"SELECT count(*) FROM applications WHERE {_near_period('created_at')}", params)
        )
        params["cap"] = bound + 1
        scoped = int(
            self.store.scalar(
                f"SELECT count(*) FROM (SELECT 1 FROM applications a WHERE {where} LIMIT :cap)", params
            )
        )
        start = "period" if scoped > bound else "table" if where == _OFFICE else "scope"
        self._start = (period, scope, start)
        return start

    def _statement(
        self, template: str, period: Period, scope: Scope, **parts: str
    ) -> tuple[str, dict[str, Any]]:
        """``template`` for ``scope``, from where it starts, and its parameters."""
        where, params = _where(scope, period)
        clauses = _CLAUSES[self.start(period, scope)]
        sql = template.format(
            scope=where, **{name: sql.format(scope=where) for name, sql in clauses.items()}, **parts
        )
        return sql, params

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction, so that every figure sees the same moment while the sync thread
        writes on its own connection (WAL). Joins a transaction already open."""
        self._start = None  # where the statements start is weighed again for each reading
        if self.store.in_transaction or self.store.conn.in_transaction:
            yield
            return
        self.store.execute("BEGIN DEFERRED")
        try:
            yield
        except BaseException:
            self.store.execute("ROLLBACK")
            raise
        self.store.execute("COMMIT")

    def load_calendar(self, days: Iterable[tuple[date, bool]]) -> None:
        """Replace the TEMP calendar with ``days`` (consecutive, in order): each day with its working
        flag and the count of working days from the first day up to and including it."""
        self.store.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_CAL.split('.')[1]}"
            " (day TEXT PRIMARY KEY, working INTEGER NOT NULL, ordinal INTEGER NOT NULL) WITHOUT ROWID"
        )
        self.store.execute(f"DELETE FROM {_CAL}")
        rows = []
        ordinal = 0
        for day, working in days:
            ordinal += 1 if working else 0
            rows.append((day.isoformat(), int(working), ordinal))
        self.store.executemany(f"INSERT INTO {_CAL} (day, working, ordinal) VALUES (?, ?, ?)", rows)

    def stage_completed(self, period: Period, scope: Scope) -> date | None:
        """Put the cases of ``scope`` completed in the period into a TEMP table (one pass over the
        applications) and return their earliest acceptance: where the calendar must begin."""
        self.store.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_DONE.split('.')[1]} (id TEXT PRIMARY KEY, item TEXT,"
            " staff TEXT, accepted_on TEXT NOT NULL, done_on TEXT NOT NULL)"
        )
        self.store.execute(f"DELETE FROM {_DONE}")
        self.store.execute(*self._statement(_STAGE_DONE, period, scope))
        value = self.store.scalar(f"SELECT min(accepted_on) FROM {_DONE}")
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def figures(self, period: Period, scope: Scope, today: date) -> dict[str, dict[str, Figures]]:
        """Every figure for ``scope``: ``{"office": {"": totals}, "item": {code: …}, "staff": {name:
        …}}``. Needs ``stage_completed`` first, and the calendar loaded from the earliest acceptance
        it returned through the period's end."""
        counted: dict[str, Any] = dict(
            today=today.isoformat(),
            refused=Status.REFUSED.value,
            draft=Status.DRAFT.value,
            suspended=Status.SUSPENDED.value,
            **_RUNNING_PARAMS,
            **_OPEN_PARAMS,
        )
        values: dict[tuple[str, str], dict[str, Any]] = {}
        for template in (_APPLICATIONS, _PROCESSING, _RATINGS, _RECTIFICATIONS):
            sql, params = self._statement(template, period, scope)
            for row in self.store.all(sql, {**params, **counted}):
                key = (row.pop("dim"), row.pop("grp"))
                values.setdefault(key, {}).update(row)
        result: dict[str, dict[str, Figures]] = {dim: {} for dim in DIMENSIONS}
        for (dim, group), row in values.items():
            result[dim][group] = _figures(row)
        return result

    def intake_per_day(self, period: Period, scope: Scope) -> list[DayCount]:
        where, params = _where(scope, period)
        rows = self.store.conn.execute(_INTAKE_PER_DAY.format(scope=where), params).fetchall()
        return [DayCount(date.fromisoformat(day), bool(working), n) for day, working, n in rows]

    def satisfaction(self, period: Period, scope: Scope, bucket: str) -> list[SatisfactionPoint]:
        sql, params = self._statement(
            _SATISFACTION,
            period,
            scope,
            rated_bucket=_BUCKET[bucket].format(day="rated_day"),
            day_bucket=_BUCKET[bucket].format(day="c.day"),
        )
        params.update(bad_from=BAD_FROM_LEVEL, **_GOOD_PARAMS)
        rows = self.store.conn.execute(sql, params).fetchall()
        return [SatisfactionPoint(date.fromisoformat(b), rated, good, bad) for b, rated, good, bad in rows]

    def staff_members(self) -> list[str]:
        """Everyone who answers for a case, as the audit names them, sorted: from one name to the next
        in the staff index (``applications_staff``), a seek per person, not a read of every case."""
        rows = self.store.conn.execute(
            f"WITH RECURSIVE found (staff) AS (SELECT min({HANDLED_BY}) FROM applications a"
            f" UNION ALL SELECT (SELECT min({HANDLED_BY}) FROM applications a"
            f" WHERE {HANDLED_BY} > found.staff) FROM found WHERE found.staff IS NOT NULL)"
            " SELECT staff FROM found WHERE staff IS NOT NULL"
        )
        return [name for (name,) in rows]


_OFFICE = "1 = 1"  # the scope of the whole office


def _where(scope: Scope, period: Period) -> tuple[str, dict[str, Any]]:
    conditions = [_OFFICE]
    params: dict[str, Any] = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        # a day wider on each side than any UTC offset can move a timestamp's date
        "lo": (period.start - timedelta(days=1)).isoformat(),
        "hi": (period.end + timedelta(days=2)).isoformat(),
        "tz": _TZ,
    }
    if scope.item_code is not None:
        conditions.append("a.item_code = :item_code")
        params["item_code"] = scope.item_code
    if scope.staff is not None:
        conditions.append(f"{HANDLED_BY} = :staff")
        params["staff"] = scope.staff
    return " AND ".join(conditions), params


def _figures(row: dict[str, Any]) -> Figures:
    levels = tuple(int(row.get(f"level{level}") or 0) for level in range(1, 6))
    counts = {name: int(row.get(name) or 0) for name in _COUNTS}
    return Figures(
        ratings_by_level=levels,  # type: ignore[arg-type]
        avg_working_days=row.get("avg_working_days"),
        p90_working_days=row.get("p90_working_days"),
        **counts,
    )
