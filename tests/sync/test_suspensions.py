"""Suspensions travel with the application: every counter of the office counts the same due date and
the same processing time, whichever counter suspended or resumed the case, and a conflict resolved in
the platform's favour leaves no suspension the platform never saw.

Through the real central server (``central`` fixture); the office's clock is the tests' FixedClock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from central import admin
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.statistics import Figures, Period
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, central_record, sync, synced, take_in

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def suspensions(counter: Counter, application_id: str) -> list[tuple[str, str | None]]:
    rows = counter.ctx.store.all(
        "SELECT started_on, ended_on FROM suspensions WHERE application_id = ? ORDER BY started_on",
        (application_id,),
    )
    return [(row["started_on"], row["ended_on"]) for row in rows]


def november(counter: Counter) -> Figures:
    return counter.dashboard.figures(ACTOR, NOVEMBER).totals


@pytest.mark.parametrize("resumed_on", ["same", "other"])
def test_a_case_suspended_on_one_counter_and_resumed_on_another_is_counted_alike(
    make_counter: Callable[..., Counter], central: CentralServer, clock: FixedClock, resumed_on: str
) -> None:
    clock.set_date(date(2026, 11, 2))  # Monday
    first, second = make_counter("first"), make_counter("second")
    app = take_in(first, 43, start=True)  # a time limit of one working day: due Tue 3 Nov
    assert app.due_date == "2026-11-03"
    synced(first)
    clock.set_date(date(2026, 11, 3))
    first.cases.suspend(ACTOR, app.id, "专家评审")
    synced(first)
    synced(second)
    assert suspensions(second, app.id) == [("2026-11-03", None)]  # the other counter knows the clock stopped
    assert central_record(central, app.id).data["suspensions"] == [
        {"started_on": "2026-11-03", "ended_on": None, "reason": "专家评审"}
    ]

    clock.set_date(date(2026, 11, 17))
    resumer = first if resumed_on == "same" else second
    resumed = resumer.cases.resume(ACTOR, app.id)
    # 3 to 16 Nov did not count: the one working day is Tue 17 Nov, on either counter
    assert resumed.due_date == "2026-11-17"
    for counter in (resumer, first, second):
        synced(counter)
    for counter in (first, second):
        assert counter.cases.get(ACTOR, app.id).due_date == "2026-11-17"
        assert suspensions(counter, app.id) == [("2026-11-03", "2026-11-17")]
        assert november(counter).overdue == 0

    clock.set_date(date(2026, 11, 18))
    second.cases.complete(ACTOR, app.id, granted=True)
    synced(second)
    synced(first)
    figures = [november(counter) for counter in (first, second)]
    assert figures[0] == figures[1]
    # Accepted Mon 2, suspended 3-16, completed Wed 18: the 2nd, the 17th and the 18th count
    # (as the dashboard counts working days: see counter_app/statistics.py)
    assert figures[0].completed == 1 and figures[0].completed_on_time == 0
    assert figures[0].avg_working_days == figures[0].p90_working_days


def test_taking_the_platforms_version_drops_the_suspension_it_never_saw(
    make_counter: Callable[..., Counter], central: CentralServer, clock: FixedClock
) -> None:
    """The demo's conflict: the counter suspends a case that the back office decided meanwhile."""
    clock.set_date(date(2026, 11, 23))
    counter = make_counter("c1")
    app = take_in(counter, 44, start=True)
    synced(counter)
    clock.set_date(date(2026, 11, 24))
    counter.cases.suspend(ACTOR, app.id, "专家评审")
    admin.decide(central.engine, app.receipt_no, approve=True)
    assert sync(counter).conflicts == 1
    (conflict,) = counter.conflicts.open(ACTOR)
    counter.conflicts.resolve(ACTOR, conflict["id"], keep="server")

    assert counter.cases.get(ACTOR, app.id).status == "completed"
    assert suspensions(counter, app.id) == []  # the platform's record had none
    synced(counter)
    assert suspensions(counter, app.id) == []
    # Its processing time runs from Mon 23 Nov to the back office's decision (stamped by central's
    # own clock) with no day taken out: with the stale suspension left open it was 0.
    done = date.fromisoformat(counter.cases.get(ACTOR, app.id).completed_at[:10])
    around = Period(done - timedelta(days=1), done + timedelta(days=1))
    totals = counter.dashboard.figures(ACTOR, around).totals
    assert totals.completed == 1 and totals.avg_working_days is not None and totals.avg_working_days > 0
