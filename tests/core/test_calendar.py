"""The working-day calendar against the State Council holiday arrangements for 2024-2026."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.calendar import TIME_LIMIT_UNITS, WorkingCalendar

CAL = WorkingCalendar()


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# --- official facts -----------------------------------------------------------------------------------

# (first, last) day-off blocks and the weekend days worked instead (调休上班), from the notices
# 国办发明电〔2023〕7号 (2024), 国办发明电〔2024〕12号 (2025) and the 2026 notice.
OFFICIAL = {
    2024: (
        [
            (date(2024, 1, 1), date(2024, 1, 1)),
            (date(2024, 2, 10), date(2024, 2, 17)),  # Spring Festival
            (date(2024, 4, 4), date(2024, 4, 6)),  # Qingming
            (date(2024, 5, 1), date(2024, 5, 5)),  # Labour Day
            (date(2024, 6, 8), date(2024, 6, 10)),  # Dragon Boat
            (date(2024, 9, 15), date(2024, 9, 17)),  # Mid-Autumn
            (date(2024, 10, 1), date(2024, 10, 7)),  # National Day
        ],
        [
            date(2024, 2, 4),
            date(2024, 2, 18),
            date(2024, 4, 7),
            date(2024, 4, 28),
            date(2024, 5, 11),
            date(2024, 9, 14),
            date(2024, 9, 29),
            date(2024, 10, 12),
        ],
    ),
    2025: (
        [
            (date(2025, 1, 1), date(2025, 1, 1)),
            (date(2025, 1, 28), date(2025, 2, 4)),  # Spring Festival (eve included since 2025)
            (date(2025, 4, 4), date(2025, 4, 6)),
            (date(2025, 5, 1), date(2025, 5, 5)),
            (date(2025, 5, 31), date(2025, 6, 2)),
            (date(2025, 10, 1), date(2025, 10, 8)),  # National Day + Mid-Autumn
        ],
        [date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11)],
    ),
    2026: (
        [
            (date(2026, 1, 1), date(2026, 1, 3)),
            (date(2026, 2, 15), date(2026, 2, 23)),  # nine-day Spring Festival
            (date(2026, 4, 4), date(2026, 4, 6)),
            (date(2026, 5, 1), date(2026, 5, 5)),
            (date(2026, 6, 19), date(2026, 6, 21)),
            (date(2026, 9, 25), date(2026, 9, 27)),
            (date(2026, 10, 1), date(2026, 10, 7)),
        ],
        [
            date(2026, 1, 4),
            date(2026, 2, 14),
            date(2026, 2, 28),
            date(2026, 5, 9),
            date(2026, 9, 20),
            date(2026, 10, 10),
        ],
    ),
}


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_official_arrangement(year: int) -> None:
    blocks, makeup = OFFICIAL[year]
    off = {d for first, last in blocks for d in days(first, last)}
    for d in off:
        assert not CAL.is_working_day(d), d
    for d in makeup:
        assert d.weekday() >= 5  # they really are weekend days...
        assert CAL.is_working_day(d), d  # ...that are worked
    # Every other day of the year follows the ordinary week.
    for d in days(date(year, 1, 1), date(year, 12, 31)):
        if d not in off and d not in makeup:
            assert CAL.is_working_day(d) == (d.weekday() < 5), d


def test_named_examples() -> None:
    assert CAL.is_working_day(date(2024, 9, 29))  # Sunday, worked for National Day
    assert CAL.is_working_day(date(2024, 10, 12))  # Saturday, worked for National Day
    assert not CAL.is_working_day(date(2024, 10, 4))  # Friday off
    assert not CAL.is_working_day(date(2025, 1, 28))  # Spring Festival eve, 2025
    assert CAL.is_working_day(date(2025, 1, 26))  # Sunday worked
    assert CAL.is_working_day(date(2025, 2, 8))  # Saturday worked
    assert CAL.is_working_day(date(2025, 2, 5))  # first day back
    assert not CAL.is_working_day(date(2024, 12, 28))  # an ordinary Saturday
    assert CAL.is_working_day(datetime(2024, 10, 8, 9, 30))  # datetimes are taken by their date


def test_working_days_per_year() -> None:
    # The widely published totals: 251 working days in 2024, 248 in 2025.
    assert CAL.working_days_between(date(2023, 12, 31), date(2024, 12, 31)) == 251
    assert CAL.working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 248


def test_official_years() -> None:
    assert CAL.published_through >= 2026
    assert CAL.is_official(2024) and CAL.is_official(2025) and CAL.is_official(2026)
    assert not CAL.is_official(2000)
    assert not CAL.is_official(CAL.published_through + 1)


def test_outside_the_package_range_only_weekends_count() -> None:
    assert CAL.is_working_day(date(1949, 10, 3))  # a Monday before the package's data start
    assert not CAL.is_working_day(date(2200, 1, 4))  # a Saturday
    assert CAL.is_working_day(date(2200, 1, 1))  # a Wednesday, no data


# --- counting --------------------------------------------------------------------------------------


def test_add_working_days_across_national_day() -> None:
    # Accepted on Monday 30 September 2024: day 1 is the first day back, 8 October.
    assert CAL.add_working_days(date(2024, 9, 30), 1) == date(2024, 10, 8)
    # From Friday 27 September the make-up Sunday 29 September counts.
    assert CAL.add_working_days(date(2024, 9, 27), 1) == date(2024, 9, 29)
    assert CAL.add_working_days(date(2024, 9, 27), 3) == date(2024, 10, 8)
    assert CAL.add_working_days(date(2024, 9, 27), 20) == date(2024, 10, 30)
    assert CAL.working_days_between(date(2024, 9, 27), date(2024, 10, 30)) == 20


def test_add_working_days_across_spring_festival_2025() -> None:
    # Accepted Friday 24 January 2025: Sun 26 (worked), Mon 27, then off until 4 February.
    assert CAL.add_working_days(date(2025, 1, 24), 2) == date(2025, 1, 27)
    assert CAL.add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)
    assert CAL.add_working_days(date(2025, 1, 24), 6) == date(2025, 2, 8)  # the worked Saturday


def test_zero_days_is_the_same_day_and_acceptance_day_never_counts() -> None:
    assert CAL.add_working_days(date(2024, 10, 3), 0) == date(2024, 10, 3)
    assert CAL.add_working_days(date(2024, 11, 4), 1) == date(2024, 11, 5)
    assert CAL.working_days_between(date(2024, 11, 4), date(2024, 11, 4)) == 0


def test_suspension_stops_the_clock() -> None:
    start = date(2024, 11, 1)  # Friday
    assert CAL.add_working_days(start, 5) == date(2024, 11, 8)
    suspended = [(date(2024, 11, 5), date(2024, 11, 6))]
    due = CAL.add_working_days(start, 5, excluded=suspended)
    assert due == date(2024, 11, 12)
    assert CAL.working_days_between(start, due, excluded=suspended) == 5
    assert CAL.working_days_between(start, due) == 7
    # Two suspensions, given in any order, one spanning a weekend.
    more = [(date(2024, 11, 15), date(2024, 11, 18)), *suspended]
    assert CAL.add_working_days(start, 10, excluded=more) == date(2024, 11, 21)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2024, 1, 1), -1)
    with pytest.raises(ValueError):
        CAL.add_natural_days(date(2024, 1, 1), -1)
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2024, 1, 1), 3, excluded=[(date(2024, 1, 5), date(2024, 1, 4))])
    with pytest.raises(ValueError):
        CAL.add_days(date(2024, 1, 1), 3, "month")
    with pytest.raises(TypeError):
        CAL.is_working_day("2024-01-01")  # type: ignore[arg-type]


def test_working_days_between_is_negative_when_overdue() -> None:
    assert CAL.working_days_between(date(2024, 10, 30), date(2024, 9, 27)) == -20


# --- overrides ----------------------------------------------------------------------------------------


def test_overrides_win() -> None:
    cal = WorkingCalendar(
        {
            date(2024, 10, 8): False,  # an ordinary Tuesday declared a day off
            date(2024, 9, 29): False,  # an official make-up Sunday cancelled
            date(2024, 10, 3): True,  # a National Day holiday worked
            date(2024, 12, 28): True,  # an ordinary Saturday worked
        }
    )
    assert not cal.is_working_day(date(2024, 10, 8))
    assert not cal.is_working_day(date(2024, 9, 29))
    assert cal.is_working_day(date(2024, 10, 3))
    assert cal.is_working_day(date(2024, 12, 28))
    assert cal.add_working_days(date(2024, 9, 30), 1) == date(2024, 10, 3)
    assert cal.add_working_days(date(2024, 9, 30), 2) == date(2024, 10, 9)
    # The shared default calendar is unaffected.
    assert CAL.is_working_day(date(2024, 10, 8))
    assert not CAL.overrides


def test_with_overrides_and_read_only_mapping() -> None:
    cal = WorkingCalendar({date(2024, 10, 8): False})
    later = cal.with_overrides({date(2024, 10, 8): True, date(2024, 10, 9): False})
    assert not cal.is_working_day(date(2024, 10, 8))
    assert later.is_working_day(date(2024, 10, 8))
    assert not later.is_working_day(date(2024, 10, 9))
    with pytest.raises(TypeError):
        cal.overrides[date(2024, 1, 1)] = True  # type: ignore[index]


# --- natural days and units --------------------------------------------------------------------------


def test_natural_days() -> None:
    assert CAL.add_natural_days(date(2024, 9, 30), 10) == date(2024, 10, 10)
    assert CAL.add_natural_days(date(2024, 9, 30), 0) == date(2024, 9, 30)
    # Suspension days are excluded for natural-day limits too.
    assert CAL.add_natural_days(
        date(2024, 9, 30), 10, excluded=[(date(2024, 10, 1), date(2024, 10, 3))]
    ) == date(2024, 10, 13)
    # Ending on a holiday: optionally moved to the next working day.
    assert CAL.add_natural_days(date(2024, 9, 25), 10) == date(2024, 10, 5)
    assert CAL.add_natural_days(date(2024, 9, 25), 10, roll_to_working_day=True) == date(2024, 10, 8)


def test_add_days_dispatches_on_unit() -> None:
    assert set(TIME_LIMIT_UNITS) == {"working_day", "natural_day"}
    suspended = [(date(2024, 10, 8), date(2024, 10, 8))]
    assert CAL.add_days(date(2024, 9, 30), 2, "working_day") == date(2024, 10, 9)
    assert CAL.add_days(date(2024, 9, 30), 2, "working_day", excluded=suspended) == date(2024, 10, 10)
    assert CAL.add_days(date(2024, 9, 30), 2, "natural_day") == date(2024, 10, 2)
    assert CAL.add_days(date(2024, 10, 7), 2, "natural_day", excluded=suspended) == date(2024, 10, 10)


# --- properties ----------------------------------------------------------------------------------------

starts = st.dates(min_value=date(2001, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def suspensions(draw: st.DrawFn, around: date) -> list[tuple[date, date]]:
    result = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        first = around + timedelta(days=draw(st.integers(min_value=-30, max_value=400)))
        result.append((first, first + timedelta(days=draw(st.integers(min_value=0, max_value=60)))))
    return result


@given(st.data(), starts, st.integers(min_value=0, max_value=300))
def test_add_then_count_round_trips(data: st.DataObject, start: date, n: int) -> None:
    excluded = data.draw(suspensions(start))
    due = CAL.add_working_days(start, n, excluded=excluded)
    assert CAL.working_days_between(start, due, excluded=excluded) == n
    if n >= 1:
        assert CAL.is_working_day(due)
        assert not any(first <= due <= last for first, last in excluded)
        # And it is the first such day: one day earlier the count was n - 1.
        assert CAL.working_days_between(start, due - timedelta(days=1), excluded=excluded) == n - 1
        assert due > start


@given(starts, st.integers(min_value=0, max_value=100))
def test_more_days_is_later(start: date, n: int) -> None:
    assert CAL.add_working_days(start, n + 1) > CAL.add_working_days(start, n)


@given(starts, starts)
def test_between_is_antisymmetric(a: date, b: date) -> None:
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)
