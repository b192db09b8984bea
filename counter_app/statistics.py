"""The dashboard's figures (统计): periods, scopes and the records the dashboard use case returns.

Pure definitions, no SQL and no Qt: ``counter_app/services/dashboard.py`` computes the figures with
the aggregates in ``counter_app/store/statistics.py``; the user interfaces show these records.

Definitions (also in docs/design.md, "Dashboard figures (core)"):

* A period is a range of office days (Beijing time), both ends included. *Flow* figures count what
  happened in it: taken in (drafted), accepted (容缺 included), refused, completed, delivered,
  ratings given. *Now* figures describe the office today whatever the period: in progress, overdue,
  open and overdue rectification tasks.
* A case belongs to the staff member who answers for it: whoever accepted it (``accepted_by``), and
  before or without acceptance (drafts, one-time notices, refusals) whoever took it in
  (``created_by``) — the applications list's staff filter uses the same rule, so the two agree.
* Processing time: working days from acceptance (day 0) to completion, days inside suspensions
  excluded, on the office's working-day calendar (package data and published overrides).
* On time: completed on or before the due date. Overdue now: the time limit runs (not suspended,
  not yet completed) and the due date has passed.
* One-time-notice rate (一次性告知率): among the applications taken in during the period that left
  the desk without complete materials, the share that received the written one-time notice. The
  others are drafts still undecided after the day they were taken in: the applicant went home
  without the notice the law requires.
* Satisfaction rate (好评率): levels 1-2 (非常满意, 满意) among the ratings given in the period; level 3
  (基本满意) is neither good nor bad, levels 4-5 are bad ratings (差评) and open a rectification task.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from counter_app.errors import ValidationError
from counter_app.workflow import CLOCK_RUNNING, Status

# A custom range may cover five years; the working-day calendar is built for it on every call.
MAX_PERIOD_DAYS = 5 * 366

# In progress (在办): accepted and not yet completed, refused or withdrawn; suspended cases included.
IN_PROGRESS_STATUSES: tuple[str, ...] = tuple(sorted(s.value for s in CLOCK_RUNNING | {Status.SUSPENDED}))
# Overdue needs a running clock: a suspended case's time limit has stopped.
CLOCK_RUNNING_STATUSES: tuple[str, ...] = tuple(sorted(s.value for s in CLOCK_RUNNING))
GOOD_LEVELS = (1, 2)
BAD_FROM_LEVEL = 4  # the level from which a rating opens a rectification task (services/ratings.py)

PERIOD_NAMES = ("this_week", "this_month", "last_month")
BUCKETS = ("day", "week")


@dataclass(frozen=True)
class Period:
    """Office days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if not isinstance(self.start, date) or not isinstance(self.end, date):
            raise ValidationError("period", "two dates", code="invalid")
        if self.end < self.start:
            raise ValidationError("period", "the period ends before it starts", code="range")
        if self.days > MAX_PERIOD_DAYS:
            raise ValidationError("period", f"at most {MAX_PERIOD_DAYS} days", code="range")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @classmethod
    def this_week(cls, today: date) -> Period:
        """Monday to Sunday of ``today``'s week."""
        monday = today - timedelta(days=today.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def this_month(cls, today: date) -> Period:
        first = today.replace(day=1)
        return cls(first, _next_month(first) - timedelta(days=1))

    @classmethod
    def last_month(cls, today: date) -> Period:
        end = today.replace(day=1) - timedelta(days=1)
        return cls(end.replace(day=1), end)

    @classmethod
    def named(cls, name: str, today: date) -> Period:
        """``this_week``, ``this_month`` or ``last_month`` as seen on ``today``."""
        if name not in PERIOD_NAMES:
            raise ValidationError("period", f"one of {', '.join(PERIOD_NAMES)}", code="choice")
        return getattr(cls, name)(today)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


@dataclass(frozen=True)
class Scope:
    """Whose cases: the whole office (both None), one service item, one staff member (the audit name
    of who answers for the case, ``user:wangfang``), or one staff member's cases of one item."""

    item_code: str | None = None
    staff: str | None = None

    def __post_init__(self) -> None:
        for name in ("item_code", "staff"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise ValidationError(name, "a non-empty text or nothing", code="invalid")

    @property
    def is_office(self) -> bool:
        return self.item_code is None and self.staff is None


def rate(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide (shown as "—", never as 0 %)."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Figures:
    """The dashboard's figures for one scope (the office, a service item or a staff member)."""

    # flow: what happened in the period
    taken_in: int = 0
    accepted: int = 0
    accepted_pending: int = 0  # of them, 容缺受理 (accepted with minor materials pending)
    refused: int = 0
    completed: int = 0
    delivered: int = 0
    completed_with_due_date: int = 0
    completed_on_time: int = 0
    avg_working_days: float | None = None
    p90_working_days: int | None = None
    notices_issued: int = 0  # one-time notices, among the applications taken in during the period
    sent_home_without_notice: int = 0  # of those, drafts left undecided after their day
    rated: int = 0
    ratings_by_level: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # levels 1..5
    # now: the office today, whatever the period
    in_progress: int = 0
    suspended: int = 0  # of them, suspended
    overdue: int = 0
    rectifications_open: int = 0
    rectifications_overdue: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.completed_on_time, self.completed_with_due_date)

    @property
    def one_time_notice_rate(self) -> float | None:
        return rate(self.notices_issued, self.notices_issued + self.sent_home_without_notice)

    @property
    def good_ratings(self) -> int:
        return sum(self.ratings_by_level[level - 1] for level in GOOD_LEVELS)

    @property
    def bad_ratings(self) -> int:
        return sum(self.ratings_by_level[BAD_FROM_LEVEL - 1 :])

    @property
    def satisfaction_rate(self) -> float | None:
        return rate(self.good_ratings, self.rated)


@dataclass(frozen=True)
class GroupFigures:
    """One line of the per-item or per-staff table: ``key`` is the item code or the staff member's
    audit name, ``label`` the item's name or the staff member's display name where known."""

    key: str
    label: str
    figures: Figures


@dataclass(frozen=True)
class DayCount:
    """Applications taken in on one day; ``working`` tells the chart to shade days off."""

    day: date
    working: bool
    count: int


@dataclass(frozen=True)
class SatisfactionPoint:
    """Ratings given in one bucket (a day, or a week starting on ``start``, a Monday), within the
    period."""

    start: date
    rated: int
    good: int
    bad: int

    @property
    def rate(self) -> float | None:
        return rate(self.good, self.rated)


@dataclass(frozen=True)
class Dashboard:
    period: Period
    scope: Scope  # the scope computed: a clerk's is always their own cases
    today: date
    totals: Figures
    by_item: tuple[GroupFigures, ...]
    by_staff: tuple[GroupFigures, ...]
    intake_per_day: tuple[DayCount, ...]
    satisfaction: tuple[SatisfactionPoint, ...]
    satisfaction_bucket: str  # "day" or "week"
    # True when a year in the working-day counts has no official arrangement yet (make-up days unknown).
    calendar_estimated: bool
