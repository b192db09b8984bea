"""Automatic sync: when the central platform becomes reachable again, on a timer, and at once when
asked. The scheduler runs in its own thread with its own connection to the profile."""

from __future__ import annotations

import queue
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from central import admin
from counter_app.core import Counter
from sync.engine import SyncReport
from sync.scheduler import SyncScheduler
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import take_in

WAIT_S = 30.0


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there any more: connection refused


def _point_at(counter: Counter, url: str) -> None:
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("server_url", url)


@contextmanager
def _running(scheduler: SyncScheduler) -> Iterator[SyncScheduler]:
    scheduler.start()
    try:
        yield scheduler
    finally:
        scheduler.stop()
        assert scheduler._thread is not None and not scheduler._thread.is_alive()


def _next(events: queue.Queue, what: Callable[[object], bool]) -> object:
    """The next event matching ``what`` (events before it are dropped); fails after WAIT_S."""
    while True:
        try:
            event = events.get(timeout=WAIT_S)
        except queue.Empty:
            raise AssertionError("the scheduler did not report in time") from None
        if what(event):
            return event


def _is_report(event: object) -> bool:
    return isinstance(event, SyncReport)


def test_syncs_when_the_server_comes_back_and_when_asked(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    _point_at(counter, _closed_port_url())  # the link is down
    app = take_in(counter, 121)

    events: queue.Queue = queue.Queue()
    scheduler = SyncScheduler(
        counter.ctx.paths.root,
        interval_s=3600,
        probe_interval_s=0.05,
        on_report=events.put,
        on_online=lambda online: events.put(("online", online)),
    )
    with _running(scheduler):
        assert _next(events, lambda e: isinstance(e, tuple)) == ("online", False)
        assert events.empty()  # offline: nothing was attempted, quietly
        assert counter.exchange.pending_count() > 0

        _point_at(counter, central.url)  # the link is back
        assert _next(events, lambda e: isinstance(e, tuple)) == ("online", True)
        report = _next(events, _is_report)
        assert isinstance(report, SyncReport)
        assert report.outcome == "ok" and report.pending == 0 and report.pushed > 0
        assert [x["id"] for x in admin.export_office(central.engine, "QS")["applications"]] == [app.id]

        # "sync now"
        later = take_in(counter, 122)
        scheduler.run_now()
        report = _next(events, _is_report)
        assert isinstance(report, SyncReport)
        assert report.outcome == "ok" and report.pushed > 0 and report.pending == 0
        exported = {x["id"] for x in admin.export_office(central.engine, "QS")["applications"]}
        assert exported == {app.id, later.id}

    triggers = [row["trigger"] for row in counter.ctx.store.all("SELECT trigger FROM sync_log ORDER BY id")]
    assert triggers == ["auto", "auto"]


def test_syncs_on_a_timer(make_counter: Callable[..., Counter], central: CentralServer) -> None:
    counter = make_counter("a")
    events: queue.Queue = queue.Queue()
    scheduler = SyncScheduler(
        counter.ctx.paths.root, interval_s=0.2, probe_interval_s=0.05, on_report=events.put
    )
    with _running(scheduler):
        first = _next(events, _is_report)
        take_in(counter, 131)  # nobody asks: the timer picks it up
        while True:  # the intake is four transactions: a timer sync may fall between two of them
            report = _next(events, _is_report)
            assert isinstance(report, SyncReport) and report.outcome == "ok"
            if report.pushed and counter.exchange.pending_count() == 0:
                break
    assert isinstance(first, SyncReport) and first.outcome == "ok"
    assert counter.exchange.pending_count() == 0
    assert len(admin.export_office(central.engine, "QS")["applications"]) == 1
