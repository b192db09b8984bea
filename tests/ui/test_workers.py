"""Background work: the event loop keeps running, results come back on the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from pytestqt.qtbot import QtBot

from ui.workers import run_in_background


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
