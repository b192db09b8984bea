"""The dashboard's chart series: the core's day counts and satisfaction points as labelled bars.

A day off (weekend, public holiday; make-up working days count as working) is a muted bar. A week or
day without ratings has no bar (a dash, never 0 %). Each bar says in words what it shows, for the
chart's accessible description. UI thread (the words are translated).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.statistics import Dashboard
from ui.i18n import fill
from ui.views.dashboard.charts import Bar
from ui.views.dashboard.numbers import NOTHING, day_text, rate_text, short_day

translate = QCoreApplication.translate


def intake_bars(dashboard: Dashboard) -> list[Bar]:
    bars = []
    for day in dashboard.intake_per_day:
        spoken = fill(translate("DashboardSeries", "%1: %2 taken in"), day_text(day.day), day.count)
        if not day.working:
            spoken = fill(translate("DashboardSeries", "%1 (day off)"), spoken)
        bars.append(Bar(short_day(day.day), float(day.count), str(day.count), spoken, muted=not day.working))
    return bars


def satisfaction_bars(dashboard: Dashboard) -> list[Bar]:
    weekly = dashboard.satisfaction_bucket == "week"
    bars = []
    for point in dashboard.satisfaction:
        start = max(point.start, dashboard.period.start)  # a week may begin before the period
        when = (
            fill(translate("DashboardSeries", "week of %1"), day_text(point.start))
            if weekly
            else day_text(start)
        )
        if point.rated:
            spoken = fill(
                translate("DashboardSeries", "%1: %2 satisfied, %3 good of %4 ratings, %5 bad"),
                when,
                rate_text(point.rate),
                point.good,
                point.rated,
                point.bad,
            )
            value = None if point.rate is None else point.rate * 100
            text = f"{rate_text(point.rate)}\n{point.good}/{point.rated}"
        else:
            spoken = fill(translate("DashboardSeries", "%1: no ratings"), when)
            value, text = None, NOTHING
        bars.append(Bar(short_day(start), value, text, spoken))
    return bars
