"""The window stays responsive while the database is slow: its work runs on the database thread.

Two kinds of slowness, both real: another connection holding the write lock (as a sync applying a
large page does), and a long job ahead in the database thread's queue. Meanwhile a timer on the
UI thread must keep ticking and the clerk's keys must keep landing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from tests.ui.helpers import press_enter, settle, type_text
from tests.ui.pages_support import open_page, window_fixture  # noqa: F401 - the window fixture
from ui.app import AppController
from ui.main_window import MainWindow
from ui.workers import Database

PASSWORD = "correct horse 1"


class Ticks:
    """Counts a 10 ms timer on the UI thread: it only advances while the event loop runs."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1

    def advance(self, qtbot: QtBot, by: int = 10) -> None:
        target = self.count + by
        qtbot.waitUntil(lambda: self.count >= target, timeout=5000)


@pytest.fixture
def ticks() -> Iterator[Ticks]:
    clock = Ticks()
    yield clock
    clock.timer.stop()


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


def test_logging_in_while_another_connection_holds_the_write_lock(
    qtbot: QtBot, controller: AppController, counter: Counter, clerk: Actor, ticks: Ticks
) -> None:
    controller.start()
    assert controller.db is not None
    settle(qtbot, controller.db)
    dialog = controller.dialog
    assert dialog is not None
    type_text(qtbot, dialog.username, clerk.username)  # type: ignore[attr-defined]
    type_text(qtbot, dialog.password, PASSWORD)  # type: ignore[attr-defined]

    with counter.ctx.store.transaction():  # e.g. the sync thread applying a large page
        press_enter(qtbot, dialog.password)  # type: ignore[attr-defined]
        # The login's write waits for the lock on the database thread; the UI goes on.
        ticks.advance(qtbot, 20)
        assert dialog.checking and not dialog.submit_button.isEnabled()  # type: ignore[attr-defined]
        assert not controller.db.idle and controller.window is None
        press_enter(qtbot, dialog.password)  # a second Enter does not log in twice  # type: ignore[attr-defined]
    settle(qtbot, controller.db)

    window = controller.window
    assert isinstance(window, MainWindow)
    logins = [
        e for e in counter.ctx.audit_log.recent(20) if e["action"] == "login" and e["outcome"] == "success"
    ]
    assert len(logins) == 1


def test_pages_take_keys_while_the_database_is_busy(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    counter: Counter,
    clerk: Actor,
    ticks: Ticks,
    gate: threading.Event,
) -> None:
    settle(qtbot, db)
    running = threading.Event()

    def long_job(_counter: Counter) -> None:
        running.set()
        assert gate.wait(timeout=10)

    db.submit(long_job)
    assert running.wait(timeout=10)

    page = open_page(window, "applications")
    type_text(qtbot, page.search, "NOTHING-LIKE-THIS")  # type: ignore[attr-defined]
    ticks.advance(qtbot, 20)
    assert page.search.text() == "NOTHING-LIKE-THIS"  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "applicants"
    assert not db.idle
    # Work that takes a while is said in the status bar, not by a frozen window.
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Working…")

    gate.set()
    settle(qtbot, db)
    assert window.statusBar().currentMessage() == ""
    assert page.model.rowCount() == 0  # type: ignore[attr-defined]  # the search ran once the way was clear
