"""How the dashboard writes its numbers: counts, shares and working days in the screen's language.

A share the core could not compute (nothing to divide: no rating, no completed case) is a dash,
never "0 %". UI thread (``QLocale()`` is the language the app chose at start-up).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

NOTHING = "—"


def count_text(value: int) -> str:
    return QLocale().toString(value)


def rate_text(value: float | None) -> str:
    """``0.75`` → ``75%``, ``2/3`` → ``66.7%``; None → a dash."""
    if value is None:
        return NOTHING
    return f"{_one_decimal(value * 100)}%"


def days_text(value: float | None) -> str:
    """Working days with at most one decimal (``5.5``, ``13``); None → a dash."""
    return NOTHING if value is None else _one_decimal(value)


def day_text(day: date) -> str:
    """A date as the dashboard writes it: ISO, the same in both languages (``2026-10-01``)."""
    return day.isoformat()


def short_day(day: date) -> str:
    """A chart's axis label: ``10/1``."""
    return f"{day.month}/{day.day}"


def _one_decimal(value: float) -> str:
    rounded = round(value, 1)
    if rounded == int(rounded):
        return QLocale().toString(int(rounded))
    return QLocale().toString(rounded, "f", 1)
