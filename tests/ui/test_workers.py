"""Background work: the event loop keeps running, results come back on the UI thread."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer
from pytestqt.qtbot import QtBot

from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import CorruptDatabase, CounterError
from tests.ui.helpers import settle
from ui.workers import Database, _running, run_in_background


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds a job until the test lets it go; always released, so no pool thread is left waiting."""
    event = threading.Event()
    yield event
    event.set()
    QThreadPool.globalInstance().waitForDone(5000)


def test_a_slow_job_does_not_block_the_event_loop(qtbot: QtBot, gate: threading.Event) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    results: list[tuple[object, bool]] = []

    def slow_job() -> str:
        assert gate.wait(timeout=10), "the test never released the job"
        return "done"

    def on_done(result: object) -> None:
        results.append((result, threading.current_thread() is threading.main_thread()))

    task = run_in_background(slow_job, on_done)
    # While the job is still blocked, the UI thread goes on handling events.
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)
    assert results == []

    with qtbot.waitSignal(task.succeeded, timeout=5000) as delivered:
        gate.set()
    timer.stop()
    assert delivered.args == ["done"]
    assert results == [("done", True)]  # on_done ran on the UI thread


def test_a_failing_job_reports_its_exception_on_the_ui_thread(qtbot: QtBot) -> None:
    errors: list[tuple[BaseException, bool]] = []

    def broken() -> None:
        raise ValueError("no such file")

    task = run_in_background(
        broken,
        on_done=lambda _result: pytest.fail("on_done must not run"),
        on_error=lambda exc: errors.append((exc, threading.current_thread() is threading.main_thread())),
    )
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert len(errors) == 1
    error, on_ui_thread = errors[0]
    assert isinstance(error, ValueError) and str(error) == "no such file"
    assert on_ui_thread


def test_the_job_runs_off_the_ui_thread(qtbot: QtBot) -> None:
    task = run_in_background(lambda: threading.current_thread() is threading.main_thread())
    with qtbot.waitSignal(task.succeeded, timeout=5000) as delivered:
        pass
    assert delivered.args == [False]


# --- the database thread -------------------------------------------------------------------------------
@pytest.fixture
def database(qtbot: QtBot, data_dir: Path, clock: FixedClock) -> Iterator[Database]:
    db = Database(lambda: Counter.open(data_dir, clock=clock))
    yield db
    db.close()


def started(qtbot: QtBot, db: Database) -> Path:
    roots: list[Path] = []
    db.start(roots.append)
    settle(qtbot, db)
    assert len(roots) == 1
    return roots[0]


def test_one_thread_owns_the_profile_and_runs_work_in_order(
    qtbot: QtBot, database: Database, data_dir: Path
) -> None:
    assert started(qtbot, database) == data_dir
    threads: list[threading.Thread] = []
    delivered: list[tuple[int, bool]] = []

    def work(number: int) -> Callable[[Counter], int]:
        def run(counter: Counter) -> int:
            threads.append(threading.current_thread())
            counter.catalogue.active()  # the connection works on this thread
            return number

        return run

    for number in range(20):
        database.submit(
            work(number),
            lambda n: delivered.append((n, threading.current_thread() is threading.main_thread())),
        )
    assert not database.idle
    settle(qtbot, database)
    assert delivered == [(n, True) for n in range(20)]
    assert len(set(threads)) == 1 and threads[0] is not threading.main_thread()


def test_an_error_goes_to_on_error_and_the_next_work_still_runs(qtbot: QtBot, database: Database) -> None:
    started(qtbot, database)
    errors: list[BaseException] = []
    results: list[object] = []
    database.submit(lambda counter: counter.catalogue.item("NO-SUCH-ITEM", 99), results.append, errors.append)
    database.submit(lambda counter: 42, results.append, errors.append)
    settle(qtbot, database)
    assert len(errors) == 1 and isinstance(errors[0], CounterError)
    assert results == [42]


def test_a_profile_that_cannot_be_opened_is_reported_to_start_and_to_later_work(
    qtbot: QtBot, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "counter.db").write_bytes(b"this is not a database" * 100)
    db = Database(lambda: Counter.open(data_dir))
    failures: list[BaseException] = []
    db.start(lambda _root: pytest.fail("opened a broken file"), failures.append)
    db.submit(lambda counter: pytest.fail("ran without a profile"), None, failures.append)
    settle(qtbot, db)
    db.close()
    assert len(failures) == 2 and isinstance(failures[0], CorruptDatabase) and failures[1] is failures[0]


def test_newer_work_with_the_same_key_replaces_older(
    qtbot: QtBot, database: Database, gate: threading.Event
) -> None:
    started(qtbot, database)
    ran: list[str] = []
    shown: list[str] = []
    running = threading.Event()

    def search(text: str, wait: bool = False) -> Callable[[Counter], str]:
        def run(_counter: Counter) -> str:
            if wait:
                running.set()
                assert gate.wait(timeout=10)
            ran.append(text)
            return text

        return run

    database.submit(search("z", wait=True), shown.append, key="search")
    assert running.wait(timeout=10)  # running when replaced
    database.submit(search("zh"), shown.append, key="search")  # queued, replaced before it starts
    database.submit(search("other"), shown.append, key="other")
    database.submit(search("zha"), shown.append, key="search")
    gate.set()
    settle(qtbot, database)
    assert ran == ["z", "other", "zha"]  # "zh" never ran
    assert shown == ["other", "zha"]  # "z" ran, but its result was stale


def test_nothing_is_delivered_to_a_deleted_receiver(qtbot: QtBot, database: Database) -> None:
    started(qtbot, database)

    class Page(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.results: list[object] = []

        def show(self, result: object) -> None:
            self.results.append(result)

    page, other = Page(), Page()
    database.submit(lambda counter: 1, page.show)
    database.submit(lambda counter: 2, other.show)
    shiboken6.delete(page)  # e.g. the page went with the window at the idle lock
    settle(qtbot, database)
    assert other.results == [2]


def test_busy_changes_when_work_is_waiting_and_when_all_is_delivered(
    qtbot: QtBot, database: Database
) -> None:
    states: list[bool] = []
    database.busy_changed.connect(states.append)
    started(qtbot, database)
    chained: list[int] = []
    # Work submitted by a callback keeps the database busy without a gap.
    database.submit(lambda counter: 1, lambda n: database.submit(lambda counter: n + 1, chained.append))
    settle(qtbot, database)
    assert chained == [2]
    assert states == [True, False, True, False]


def test_close_finishes_queued_writes_drops_reads_and_closes_the_profile(
    qtbot: QtBot, database: Database, gate: threading.Event
) -> None:
    started(qtbot, database)
    ran: list[str] = []
    held: list[Counter] = []

    def slow(counter: Counter) -> None:
        held.append(counter)
        assert gate.wait(timeout=10)
        ran.append("slow")

    database.submit(slow)
    database.submit(lambda counter: ran.append("search"), key="search")  # a read: nobody waits now
    database.submit(lambda counter: ran.append("decision"))  # a write the clerk asked for: kept
    qtbot.waitUntil(lambda: bool(held))
    threading.Timer(0.05, gate.set).start()  # the running job ends while close() waits for it
    database.close()
    assert ran == ["slow", "decision"]
    assert database.idle and database.closed
    with pytest.raises(sqlite3.ProgrammingError):  # closed, on the thread that owned it
        held[0].ctx.store.db.conn.execute("select 1")
    late = database.submit(lambda counter: pytest.fail("ran after close"))
    assert late.cancelled


def test_a_background_result_is_not_delivered_to_a_deleted_receiver(
    qtbot: QtBot, gate: threading.Event
) -> None:
    class Panel(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.results: list[object] = []

        def show(self, result: object) -> None:
            self.results.append(result)

    panel, other = Panel(), Panel()
    doomed = run_in_background(lambda: gate.wait(10) and "pdf", panel.show)
    kept = run_in_background(lambda: gate.wait(10) and "pdf", other.show)
    owned = run_in_background(lambda: gate.wait(10) and "pdf", other.results.append, owner=panel)
    shiboken6.delete(panel)  # the page went with the window while the PDF was being written
    with qtbot.waitSignal(kept.succeeded, timeout=5000):
        gate.set()
    qtbot.waitUntil(lambda: not (set(_running) & {doomed, owned}), timeout=5000)
    assert other.results == ["pdf"]  # only the live receiver's own result
