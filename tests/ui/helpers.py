"""Keyboard helpers for UI tests: what a clerk does, typed key by key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counter_app.clock import Clock
from counter_app.core import Counter
from ui.app import AppController, OpenProfile
from ui.workers import Database


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII key by key; Chinese as an input method commits it (QTest
    can only synthesise keys that exist on a keyboard)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def press_enter(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def settle(qtbot: QtBot, db: Database, timeout_ms: int = 10_000) -> None:
    """Wait until the database thread has run and delivered everything submitted (incl. follow-ups)."""
    qtbot.waitUntil(lambda: db.idle, timeout=timeout_ms)


def settle_app(qtbot: QtBot, controller: AppController) -> None:
    """Wait for the app controller's database work (opening, login, the window's first reads)."""
    if controller.db is not None:
        settle(qtbot, controller.db)


def opens(data_dir: Path, clock: Clock) -> OpenProfile:
    """An ``open_profile`` for the app controller: the test's profile, with the test's clock."""
    return lambda _requested: Counter.open(data_dir, clock=clock)
