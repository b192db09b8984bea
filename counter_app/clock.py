"""Time as the core sees it. Tests pass a :class:`FixedClock`; the app uses :class:`SystemClock`."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Protocol

# Service halls work on Beijing time whatever the machine's zone says.
CHINA_TZ = timezone(timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(CHINA_TZ)


class FixedClock:
    """A clock that only moves when told to (``advance``) or by ``step`` on every reading."""

    def __init__(self, start: datetime, step: timedelta = timedelta(0)) -> None:
        self._now = start if start.tzinfo else start.replace(tzinfo=CHINA_TZ)
        self._step = step

    def now(self) -> datetime:
        current = self._now
        self._now += self._step
        return current

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set_date(self, day: date) -> None:
        self._now = self._now.replace(year=day.year, month=day.month, day=day.day)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")
