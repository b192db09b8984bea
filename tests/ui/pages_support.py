"""Shared by the page tests: the main window as the app builds it, shown at the default size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from tests.ui.test_accessibility import unnamed_controls
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.workers import Database

SMALL_SCREEN = QSize(1366, 768)


@pytest.fixture(name="window")
def window_fixture(qtbot: QtBot, db: Database, clerk: Actor) -> Iterator[MainWindow]:
    window = build_main_window(db, clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.hide()


def open_page(window: MainWindow, key: str) -> QWidget:
    index = [page.key for page in window.pages].index(key)
    window.show_page(index)
    page = window.stack.widget(index)
    assert page.objectName() == f"page_{key}"
    return page


def check_named_and_fits(window: MainWindow, page: QWidget) -> None:
    assert unnamed_controls(page) == []
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL_SCREEN.width() and hint.height() <= SMALL_SCREEN.height(), hint
