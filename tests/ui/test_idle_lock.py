"""The idle lock: no input for a while locks the main window the way Ctrl+L does.

The watcher reads a fake monotonic clock the tests move, and the tests call ``check()`` where the
timer would: nothing here waits for real time to pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from tests.ui.helpers import opens, press_enter, settle_app, type_text
from ui.app import AppController
from ui.dialogs.login import LoginDialog
from ui.idle import IdleWatcher
from ui.main_window import MainWindow
from ui.preferences import Preferences

PASSWORD = "correct horse 1"  # the conftest's staff accounts use it
IDLE_S = 300
IDLE_MS = IDLE_S * 1000


class FakeMonotonic:
    """Monotonic seconds that move only when the test says."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: int) -> None:
        self.seconds += seconds


@pytest.fixture
def monotonic() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def idle_controller(
    counter: Counter, data_dir: Path, clock: FixedClock, monotonic: FakeMonotonic
) -> Iterator[AppController]:
    controller = AppController(None, open_profile=opens(data_dir, clock), idle_lock_ms=IDLE_MS)
    controller.idle.clock = monotonic
    yield controller
    controller.shutdown()


@pytest.fixture
def watcher(qtbot: QtBot, monotonic: FakeMonotonic) -> Iterator[IdleWatcher]:
    watcher = IdleWatcher(IDLE_MS, clock=monotonic)
    yield watcher
    watcher.stop()


def log_in(qtbot: QtBot, controller: AppController, username: str) -> MainWindow:
    settle_app(qtbot, controller)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    qtbot.waitExposed(dialog)
    dialog.username.clear()
    type_text(qtbot, dialog.username, username)
    type_text(qtbot, dialog.password, PASSWORD)
    press_enter(qtbot, dialog.password)
    settle_app(qtbot, controller)
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.waitExposed(window)
    return window


def test_no_input_locks_the_window_and_asks_for_the_password(
    qtbot: QtBot, idle_controller: AppController, monotonic: FakeMonotonic, clerk: Actor
) -> None:
    idle_controller.start()
    assert not idle_controller.idle.watching  # nothing to protect at the login
    window = log_in(qtbot, idle_controller, clerk.username)
    assert idle_controller.idle.watching

    monotonic.advance(IDLE_S - 1)
    assert not idle_controller.idle.check()
    assert idle_controller.window is window and window.isVisible()
    monotonic.advance(1)
    assert idle_controller.idle.check()
    assert idle_controller.window is None and not window.isVisible()  # the window is put away
    assert not idle_controller.idle.watching  # the login dialog does not lock again
    login = idle_controller.dialog
    assert isinstance(login, LoginDialog)
    assert login.username.text() == clerk.username
    assert login.password.text() == ""

    again = log_in(qtbot, idle_controller, clerk.username)  # unlocking is a real (audited) login
    assert again.actor.username == clerk.username
    assert idle_controller.idle.watching
    assert idle_controller.idle.idle_ms() == 0  # the idle time starts again from the login


def test_typing_restarts_the_idle_time(qtbot: QtBot, watcher: IdleWatcher, monotonic: FakeMonotonic) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    timed_out: list[bool] = []
    watcher.timed_out.connect(lambda: timed_out.append(True))
    watcher.start()
    monotonic.advance(200)
    assert watcher.idle_ms() == 200_000
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert watcher.idle_ms() == 0
    monotonic.advance(200)  # past the limit since start(), not since the key
    assert not watcher.check()
    assert timed_out == [] and watcher.watching
    assert watcher.timer.isActive() and watcher.timer.interval() == 100_000  # looks again then
    monotonic.advance(100)
    assert watcher.check()
    assert timed_out == [True] and not watcher.watching
    assert not watcher.timer.isActive()


def test_clicking_restarts_the_idle_time(
    qtbot: QtBot, watcher: IdleWatcher, monotonic: FakeMonotonic
) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher.start()
    monotonic.advance(IDLE_S - 1)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert watcher.idle_ms() == 0
    monotonic.advance(IDLE_S - 1)
    assert not watcher.check() and watcher.watching


def test_other_events_are_not_input(qtbot: QtBot, watcher: IdleWatcher, monotonic: FakeMonotonic) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher.start()
    monotonic.advance(IDLE_S)
    for kind in (QEvent.Type.UpdateRequest, QEvent.Type.StyleChange, QEvent.Type.LayoutRequest):
        QCoreApplication.sendEvent(field, QEvent(kind))
    assert watcher.idle_ms() == IDLE_MS
    assert watcher.check() and not watcher.watching


def test_the_timer_makes_the_check(qtbot: QtBot, watcher: IdleWatcher, monotonic: FakeMonotonic) -> None:
    """The timer only says when to look: fired early (the clock says not yet), it waits the rest."""
    timed_out: list[bool] = []
    watcher.timed_out.connect(lambda: timed_out.append(True))
    watcher.start()
    assert watcher.timer.isActive() and watcher.timer.interval() == IDLE_MS
    monotonic.advance(IDLE_S - 60)
    watcher.timer.timeout.emit()
    assert timed_out == [] and watcher.timer.interval() == 60_000
    monotonic.advance(60)
    watcher.timer.timeout.emit()
    assert timed_out == [True] and not watcher.watching
    watcher.timer.timeout.emit()  # a stopped watcher does not time out twice
    assert timed_out == [True]


def test_an_idle_time_of_zero_turns_the_lock_off(qtbot: QtBot) -> None:
    watcher = IdleWatcher(0)
    watcher.start()
    assert not watcher.enabled and not watcher.watching
    assert not watcher.timer.isActive()


def test_the_idle_time_is_a_setting_of_five_minutes_by_default(
    tmp_path: Path, counter: Counter, data_dir: Path, clock: FixedClock
) -> None:
    assert Preferences().idle_lock_ms == 5 * 60_000
    settings = QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
    Preferences(settings).idle_lock_minutes = 2
    reread = Preferences(QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat))
    assert reread.idle_lock_minutes == 2
    controller = AppController(None, open_profile=opens(data_dir, clock), preferences=reread)
    try:
        assert controller.idle.timeout_ms == 2 * 60_000
    finally:
        controller.shutdown()
