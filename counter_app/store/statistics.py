"""The dashboard's aggregates: one SQL statement per figure family, grouped by nothing (the scope's
totals), by service item or by staff member; and the two series for the charts.

Working days are counted in SQL against a TEMP table of the office calendar (``dashboard_calendar``:
one row per day, with the cumulative count of working days up to and including it), filled once per
call from the core's :class:`~counter_app.calendar.WorkingCalendar`. The working days after day ``a``
up to and including day ``b`` are then ``ordinal(b) - ordinal(a)``. A TEMP table lives in the
connection's own temporary database: it needs no migration and other connections never see it.

Timestamps carry their UTC offset (the counters write Beijing time, the central platform UTC); a
timestamp's office day is ``date(ts, '+8 hours')``. Range tests on the raw text come first, a day
wider on each side, so SQLite can use an index where there is one.
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

_OFFSET_HOURS = int(CHINA_TZ.utcoffset(None).total_seconds() // 3600)
_TZ = f"{_OFFSET_HOURS:+d} hours"
_CAL = "temp.dashboard_calendar"

# Who answers for a case: whoever accepted it; before (or without) acceptance, whoever took it in.
# Written exactly as the applications list's staff filter (store/queries.py) and its index
# (migrations.upgrade_to_4), so a dashboard line and the list filtered by that person show the same cases.
HANDLED_BY = "ifnull(a.accepted_by, a.created_by)"
# What the tables are grouped by; the key of the office's own totals is "".
GROUPS = {None: "''", "item": "a.item_code", "staff": f"ifnull({HANDLED_BY}, '')"}


def _in_period(column: str) -> str:
    """The timestamp ``column`` falls on an office day of the period (NULL: no)."""
    return f"({column} >= :lo AND {column} < :hi AND date({column}, :tz) BETWEEN :start AND :end)"


def _count(condition: str) -> str:
    return f"count(CASE WHEN {condition} THEN 1 END)"


def _placeholders(prefix: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    params = {f"{prefix}{i}": value for i, value in enumerate(values)}
    return ", ".join(f":{name}" for name in params), params


_RUNNING, _RUNNING_PARAMS = _placeholders("running", CLOCK_RUNNING_STATUSES)
_OPEN, _OPEN_PARAMS = _placeholders("open", IN_PROGRESS_STATUSES)
_GOOD, _GOOD_PARAMS = _placeholders("good", GOOD_LEVELS)

# Family 1: what happened to applications in the period, their timeliness, and where they stand now.
_APPLICATIONS = f"""
SELECT {{group}} AS grp,
  {_count(_in_period("a.created_at"))} AS taken_in,
  {_count("a.accepted_on BETWEEN :start AND :end")} AS accepted,
  {_count("a.accepted_on BETWEEN :start AND :end AND a.commitment IS NOT NULL")} AS accepted_pending,
  {_count("a.status = :refused AND " + _in_period("a.updated_at"))} AS refused,
  {_count(_in_period("a.completed_at"))} AS completed,
  {_count(_in_period("a.delivered_at"))} AS delivered,
  {_count(_in_period("a.completed_at") + " AND a.due_date IS NOT NULL")} AS completed_with_due_date,
  {_count(_in_period("a.completed_at") + " AND date(a.completed_at, :tz) <= a.due_date")}
    AS completed_on_time,
  {_count(_in_period("a.created_at") + " AND a.notice_issued_at IS NOT NULL")} AS notices_issued,
  {_count(_in_period("a.created_at") + " AND a.status = :draft AND date(a.created_at, :tz) < :today")}
    AS sent_home_without_notice,
  {_count(f"a.status IN ({_OPEN})")} AS in_progress,
  {_count("a.status = :suspended")} AS suspended,
  {_count(f"a.status IN ({_RUNNING}) AND a.due_date < :today")} AS overdue
FROM applications a
WHERE {{scope}}
GROUP BY grp
"""

# Family 2: processing time of the cases completed in the period, in working days from acceptance,
# the working days inside each suspension [started_on, ended_on) taken out. p90 is the nearest rank:
# the ceil(0.9 n)-th smallest.
_PROCESSING = f"""
WITH done AS (
  SELECT a.id, {{group}} AS grp, a.accepted_on, date(a.completed_at, :tz) AS done_on
  FROM applications a
  WHERE {{scope}} AND a.accepted_on IS NOT NULL AND {_in_period("a.completed_at")}
),
paused AS (
  SELECT s.application_id AS id, sum(max(0, last.ordinal - before.ordinal)) AS days
  FROM suspensions s
  JOIN done d ON d.id = s.application_id
  JOIN {_CAL} before ON before.day = max(date(s.started_on, '-1 day'), d.accepted_on)
  JOIN {_CAL} last ON last.day = min(coalesce(date(s.ended_on, '-1 day'), d.done_on), d.done_on)
  GROUP BY s.application_id
),
timed AS (
  SELECT d.grp, done_cal.ordinal - accepted_cal.ordinal - coalesce(p.days, 0) AS days
  FROM done d
  JOIN {_CAL} accepted_cal ON accepted_cal.day = d.accepted_on
  JOIN {_CAL} done_cal ON done_cal.day = d.done_on
  LEFT JOIN paused p ON p.id = d.id
),
ranked AS (
  SELECT grp, days,
    row_number() OVER (PARTITION BY grp ORDER BY days) AS rn,
    count(*) OVER (PARTITION BY grp) AS n
  FROM timed
)
SELECT grp, avg(days) AS avg_working_days,
  min(CASE WHEN rn >= (9 * n + 9) / 10 THEN days END) AS p90_working_days
FROM ranked
GROUP BY grp
"""

# Family 3: the ratings given in the period (好差评), by level.
_RATINGS = f"""
SELECT {{group}} AS grp, count(*) AS rated,
  {", ".join(_count(f"r.level = {level}") + f" AS level{level}" for level in range(1, 6))}
FROM ratings r JOIN applications a ON a.id = r.application_id
WHERE {{scope}} AND {_in_period("r.rated_at")}
GROUP BY grp
"""

# Family 4: rectification tasks open now, and of them those past their due date.
_RECTIFICATIONS = f"""
SELECT {{group}} AS grp, count(*) AS rectifications_open,
  {_count("x.due_date < :today")} AS rectifications_overdue
FROM rectifications x JOIN applications a ON a.id = x.application_id
WHERE {{scope}} AND x.status = 'open'
GROUP BY grp
"""

_INTAKE_PER_DAY = f"""
WITH per_day AS (
  SELECT date(a.created_at, :tz) AS day, count(*) AS n
  FROM applications a
  WHERE {{scope}} AND {_in_period("a.created_at")}
  GROUP BY day
)
SELECT c.day, c.working, coalesce(per_day.n, 0) AS n
FROM {_CAL} c LEFT JOIN per_day ON per_day.day = c.day
WHERE c.day BETWEEN :start AND :end
ORDER BY c.day
"""

_BUCKET = {"day": "{day}", "week": "date({day}, 'weekday 0', '-6 days')"}  # a week starts on Monday

_SATISFACTION = f"""
WITH per_bucket AS (
  SELECT {{rated_bucket}} AS bucket, count(*) AS rated,
    {_count(f"r.level IN ({_GOOD})")} AS good, {_count("r.level >= :bad_from")} AS bad
  FROM ratings r JOIN applications a ON a.id = r.application_id
  WHERE {{scope}} AND {_in_period("r.rated_at")}
  GROUP BY bucket
),
buckets AS (SELECT DISTINCT {{day_bucket}} AS bucket FROM {_CAL} c WHERE c.day BETWEEN :start AND :end)
SELECT buckets.bucket, coalesce(rated, 0) AS rated, coalesce(good, 0) AS good, coalesce(bad, 0) AS bad
FROM buckets LEFT JOIN per_bucket ON per_bucket.bucket = buckets.bucket
ORDER BY buckets.bucket
"""

_FIGURE_FIELDS = {
    "taken_in",
    "accepted",
    "accepted_pending",
    "refused",
    "completed",
    "delivered",
    "completed_with_due_date",
    "completed_on_time",
    "notices_issued",
    "sent_home_without_notice",
    "in_progress",
    "suspended",
    "overdue",
    "avg_working_days",
    "p90_working_days",
    "rated",
    "rectifications_open",
    "rectifications_overdue",
}


class StatisticsRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction, so that every figure sees the same moment while the sync thread
        writes on its own connection (WAL). Joins a transaction already open."""
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

    def earliest_acceptance(self, period: Period, scope: Scope) -> date | None:
        """The earliest acceptance among the cases completed in the period: where the calendar
        must begin."""
        where, params = self._where(scope, period)
        value = self.store.scalar(
            f"SELECT min(a.accepted_on) FROM applications a WHERE {where} AND {_in_period('a.completed_at')}",
            params,
        )
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def figures(self, period: Period, scope: Scope, today: date, group: str | None) -> dict[str, Figures]:
        """Every figure for ``scope``, grouped by ``group`` (None, "item" or "staff"). Needs the
        calendar loaded from the earliest acceptance through the period's end."""
        where, params = self._where(scope, period)
        params.update(
            today=today.isoformat(),
            refused=Status.REFUSED.value,
            draft=Status.DRAFT.value,
            suspended=Status.SUSPENDED.value,
            **_RUNNING_PARAMS,
            **_OPEN_PARAMS,
        )
        values: dict[str, dict[str, Any]] = {}
        for sql in (_APPLICATIONS, _PROCESSING, _RATINGS, _RECTIFICATIONS):
            for row in self.store.all(sql.format(group=GROUPS[group], scope=where), params):
                values.setdefault(row.pop("grp"), {}).update(row)
        return {key: _figures(row) for key, row in values.items()}

    def intake_per_day(self, period: Period, scope: Scope) -> list[DayCount]:
        where, params = self._where(scope, period)
        rows = self.store.conn.execute(_INTAKE_PER_DAY.format(scope=where), params).fetchall()
        return [DayCount(date.fromisoformat(day), bool(working), n) for day, working, n in rows]

    def satisfaction(self, period: Period, scope: Scope, bucket: str) -> list[SatisfactionPoint]:
        where, params = self._where(scope, period)
        params.update(bad_from=BAD_FROM_LEVEL, **_GOOD_PARAMS)
        sql = _SATISFACTION.format(
            scope=where,
            rated_bucket=_BUCKET[bucket].format(day="date(r.rated_at, :tz)"),
            day_bucket=_BUCKET[bucket].format(day="c.day"),
        )
        rows = self.store.conn.execute(sql, params).fetchall()
        return [SatisfactionPoint(date.fromisoformat(b), rated, good, bad) for b, rated, good, bad in rows]

    def staff_members(self) -> list[str]:
        """Everyone who answers for a case, as the audit names them."""
        rows = self.store.conn.execute(
            f"SELECT DISTINCT {HANDLED_BY} AS staff FROM applications a"
            " WHERE staff IS NOT NULL ORDER BY staff"
        )
        return [name for (name,) in rows]

    @staticmethod
    def _where(scope: Scope, period: Period) -> tuple[str, dict[str, Any]]:
        conditions = ["1 = 1"]
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
    values = {name: row.get(name) for name in _FIGURE_FIELDS}
    for name, value in values.items():
        if name not in ("avg_working_days", "p90_working_days"):
            values[name] = int(value or 0)
    return Figures(ratings_by_level=levels, **values)  # type: ignore[arg-type]
