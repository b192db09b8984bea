"""The official working-day calendar used for time limits (DESIGN §3).

A day is a working day when it is a Monday-Friday that is not a public holiday, or a weekend day
the State Council declared a make-up working day (调休上班). The data come from the ``holidays``
package's China calendar (public holidays only: the half-day holidays for some groups, such as
Women's Day afternoon, do not close a service counter). Overrides published by the central
platform win over everything, so a late or corrected State Council notice can be applied without
upgrading the package.

The ``holidays`` package only knows the make-up working days of the years whose notice it ships
(see :attr:`WorkingCalendar.published_through`); for later years it knows the statutory holidays
but not the re-arranged weekends, so those years are an estimate until overrides arrive
(:meth:`WorkingCalendar.is_official`).

Counting follows Chinese practice: the day of acceptance is day 0 and the count starts on the next
day. Dates inside a suspension (``excluded`` ranges, inclusive) do not count: the clock stops.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from functools import cache
from types import MappingProxyType

__all__ = ["TIME_LIMIT_UNITS", "WorkingCalendar"]

WORKING_DAY = "working_day"
NATURAL_DAY = "natural_day"
TIME_LIMIT_UNITS = (WORKING_DAY, NATURAL_DAY)

# The holidays package's China data are checked against the State Council notices from 2001 on.
FIRST_OFFICIAL_YEAR = 2001

_ONE_DAY = timedelta(days=1)


@cache
def _published_through() -> int:
    """The last year whose holiday arrangement notice the installed ``holidays`` package contains."""
    try:
        from holidays.countries.china import ChinaStaticHolidays

        return max(ChinaStaticHolidays.special_public_holidays)
    except (ImportError, AttributeError, ValueError):  # pragma: no cover - depends on the package
        import holidays

        years = [d.year for d in holidays.China(years=range(2001, date.today().year + 2)).weekend_workdays]
        return max(years, default=FIRST_OFFICIAL_YEAR - 1)


@cache
def _official_year(year: int) -> tuple[int, bytes]:
    """The ordinal of 1 January and one byte per day of ``year``: 1 = working day, 0 = day off."""
    first = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - first).days if year < date.max.year else 365
    flags = bytearray(1 if (first + timedelta(days=i)).weekday() < 5 else 0 for i in range(days))
    import holidays  # ~0.15 s: loaded on the first deadline, not at start-up

    if holidays.China.start_year <= year <= getattr(holidays.China, "end_year", 2100):
        official = holidays.China(years=year)
        for day in official:
            if day.year == year:
                flags[(day - first).days] = 0
        # weekend_workdays also holds cross-year make-up days of other years: keep this year's.
        for day in official.weekend_workdays:
            if day.year == year:
                flags[(day - first).days] = 1
    return first.toordinal(), bytes(flags)


def _as_date(value: date) -> date:
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise TypeError(f"expected a date, got {type(value).__name__}")
    return value


def _ranges(excluded: Iterable[tuple[date, date]]) -> tuple[tuple[date, date], ...]:
    result = []
    for first, last in excluded:
        first, last = _as_date(first), _as_date(last)
        if last < first:
            raise ValueError(f"excluded range ends before it starts: {first} .. {last}")
        result.append((first, last))
    return tuple(sorted(result))


def _is_excluded(day: date, ranges: tuple[tuple[date, date], ...]) -> bool:
    for first, last in ranges:
        if first > day:
            return False  # sorted by start: no later range can contain day
        if day <= last:
            return True
    return False


class WorkingCalendar:
    """Working days on the official China calendar, with overrides from the central platform.

    ``overrides`` maps a date to True (a working day) or False (a day off) and wins over the
    package data. Instances are immutable; :meth:`with_overrides` returns an updated copy.
    The per-year holiday tables are cached for the whole process.
    """

    def __init__(self, overrides: Mapping[date, bool] | None = None) -> None:
        self._overrides: dict[date, bool] = {
            _as_date(day): bool(working) for day, working in (overrides or {}).items()
        }

    # --- configuration -----------------------------------------------------------------------------

    @property
    def overrides(self) -> Mapping[date, bool]:
        """The overrides in force (read-only)."""
        return MappingProxyType(self._overrides)

    def with_overrides(self, overrides: Mapping[date, bool]) -> WorkingCalendar:
        """A new calendar with ``overrides`` added to (and winning over) this one's."""
        return WorkingCalendar({**self._overrides, **overrides})

    @property
    def published_through(self) -> int:
        """The last year whose make-up working days the installed ``holidays`` package knows."""
        return _published_through()

    def is_official(self, year: int) -> bool:
        """True if the package holds the official arrangement for ``year``.

        For other years the statutory holidays are known but the make-up working days and
        re-arranged weekends are not, so the calendar is an estimate unless overrides cover it.
        """
        return FIRST_OFFICIAL_YEAR <= year <= self.published_through

    # --- single days -------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """True if ``day`` is a working day (overrides first, then the official calendar)."""
        day = _as_date(day)
        override = self._overrides.get(day)
        if override is not None:
            return override
        first_ordinal, flags = _official_year(day.year)
        return flags[day.toordinal() - first_ordinal] == 1

    # --- time limits -------------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int, *, excluded: Iterable[tuple[date, date]] = ()) -> date:
        """The ``n``-th working day after ``start``, not counting days inside ``excluded`` ranges.

        ``start`` (the day of acceptance) is day 0 and is never counted; ``n == 0`` returns
        ``start`` itself (an on-the-spot case is due the same day). For ``n >= 1`` the result is
        always a working day outside the excluded ranges. Raises ``ValueError`` if ``n < 0``.
        """
        start = _as_date(start)
        if n < 0:
            raise ValueError("n must not be negative")
        ranges = _ranges(excluded)
        day = start
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day) and not _is_excluded(day, ranges):
                remaining -= 1
        return day

    def working_days_between(
        self, start: date, end: date, *, excluded: Iterable[tuple[date, date]] = ()
    ) -> int:
        """Working days after ``start`` up to and including ``end``, not counting excluded days.

        Inverse of :meth:`add_working_days`. If ``end`` is before ``start`` the count is negative
        (``-working_days_between(end, start)``), which reads naturally as "days overdue".
        """
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start, excluded=excluded)
        ranges = _ranges(excluded)
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            if self.is_working_day(day) and not _is_excluded(day, ranges):
                count += 1
            day += _ONE_DAY
        return count

    def add_natural_days(
        self,
        start: date,
        n: int,
        *,
        excluded: Iterable[tuple[date, date]] = (),
        roll_to_working_day: bool = False,
    ) -> date:
        """The ``n``-th calendar day after ``start``, not counting days inside ``excluded`` ranges.

        With ``roll_to_working_day`` a result that is not a working day moves on to the next
        working day (the Civil Code art. 203 rule for periods ending on a holiday). ``n == 0``
        returns ``start``. Raises ``ValueError`` if ``n < 0``.
        """
        start = _as_date(start)
        if n < 0:
            raise ValueError("n must not be negative")
        ranges = _ranges(excluded)
        day = start
        remaining = n
        if not ranges:
            day = start + timedelta(days=n)
        else:
            while remaining:
                day += _ONE_DAY
                if not _is_excluded(day, ranges):
                    remaining -= 1
        if roll_to_working_day and n:
            while not self.is_working_day(day) or _is_excluded(day, ranges):
                day += _ONE_DAY
        return day

    def add_days(
        self, start: date, value: int, unit: str, *, excluded: Iterable[tuple[date, date]] = ()
    ) -> date:
        """A time limit of ``value`` ``unit``s (``"working_day"`` or ``"natural_day"``) from ``start``."""
        if unit == WORKING_DAY:
            return self.add_working_days(start, value, excluded=excluded)
        if unit == NATURAL_DAY:
            return self.add_natural_days(start, value, excluded=excluded)
        raise ValueError(f"unknown time limit unit {unit!r}; expected one of {TIME_LIMIT_UNITS}")
