"""What the dashboard asks of the core: one function of a ``Counter`` that runs on the database thread
(``ui.workers.Database.submit``) and returns plain, immutable data for the UI thread.

A :class:`Request` is what the supervisor chose on the page (read from its widgets on the UI thread);
:func:`read_dashboard` turns a named period into dates by the profile's clock, reads the figures, and
reads what the choosers offer (the active catalogue's items, the staff members a scope may name) in
the same job, so the choosers follow a sync as the figures do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.statistics import Dashboard, Period, Scope

# Ratings per day for a period up to two weeks; per week (Monday to Sunday) for a longer one.
DAILY_SATISFACTION_UP_TO_DAYS = 14


@dataclass(frozen=True)
class Request:
    """A named period (``this_week``, ``this_month``, ``last_month``), or ``start``..``end``; the scope."""

    period_name: str | None
    start: date | None = None
    end: date | None = None
    item_code: str | None = None
    staff: str | None = None


@dataclass(frozen=True)
class ItemName:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Reading:
    request: Request
    dashboard: Dashboard
    items: tuple[ItemName, ...]
    staff: tuple[str, ...]  # audit names (``user:wangfang``)
    staff_names: Mapping[str, str] = field(default_factory=dict)  # audit name -> display name


def read_dashboard(counter: Counter, actor: Actor, request: Request) -> Reading:
    service = counter.dashboard
    if request.period_name is not None:
        period = service.period(request.period_name)
    else:
        assert request.start is not None and request.end is not None
        period = Period(request.start, request.end)
    bucket = "day" if period.days <= DAILY_SATISFACTION_UP_TO_DAYS else "week"
    dashboard = service.figures(
        actor, period, Scope(request.item_code, request.staff), satisfaction_bucket=bucket
    )
    items = tuple(
        ItemName(item.code, item.name, item.name_en) for item in counter.catalogue.active().active_items()
    )
    return Reading(request, dashboard, items, tuple(service.staff_members(actor)), service.staff_names(actor))
