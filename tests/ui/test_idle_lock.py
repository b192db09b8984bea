"""The idle lock: no input for a while locks the main window the way Ctrl+L does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
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
SHORT_IDLE_MS = 150


@pytest.fixture
def idle_controller(counter: Counter, data_dir: Path, clock: FixedClock) -> Iterator[AppController]:
    controller = AppController(None, open_profile=opens(data_dir, clock), idle_lock_ms=SHORT_IDLE_MS)
    yield controller
    controller.shutdown()


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
    qtbot: QtBot, idle_controller: AppController, clerk: Actor
) -> None:
    idle_controller.start()
    assert not idle_controller.idle.watching  # nothing to protect at the login
    log_in(qtbot, idle_controller, clerk.username)
    assert idle_controller.idle.watching

    qtbot.waitUntil(lambda: idle_controller.window is None, timeout=5000)  # the window is put away
    assert not idle_controller.idle.watching  # the login dialog does not lock again
    login = idle_controller.dialog
    assert isinstance(login, LoginDialog)
    assert login.username.text() == clerk.username
    assert login.password.text() == ""

    idle_controller.idle.timer.setInterval(60_000)  # no second lock while the test looks
    again = log_in(qtbot, idle_controller, clerk.username)  # unlocking is a real (audited) login
    assert again.actor.username == clerk.username
    assert idle_controller.idle.watching


def test_typing_restarts_the_idle_time(qtbot: QtBot) -> None:
    watcher = IdleWatcher(60_000)
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher.start()
    try:
        qtbot.waitUntil(lambda: watcher.timer.remainingTime() < 59_900, timeout=5000)
        qtbot.keyClick(field, Qt.Key.Key_A)
        assert watcher.timer.remainingTime() > 59_900
        assert watcher.timer.isActive()
    finally:
        watcher.stop()
    assert not watcher.timer.isActive()


def test_clicking_restarts_the_idle_time(qtbot: QtBot) -> None:
    watcher = IdleWatcher(60_000)
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher.start()
    try:
        qtbot.waitUntil(lambda: watcher.timer.remainingTime() < 59_900, timeout=5000)
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        assert watcher.timer.remainingTime() > 59_900
    finally:
        watcher.stop()


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
        assert controller.idle.timer.interval() == 2 * 60_000
    finally:
        controller.shutdown()
