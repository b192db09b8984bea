"""Fixtures for driving the real desktop app with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.clock import FixedClock
from counter_app.core import Counter
from tests.ui.helpers import settle
from ui.app import AppController
from ui.workers import Database


@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[QApplication]:
    """``run`` configures the shared QApplication; put it back for the other tests."""
    saved = (
        qapp.font(),
        qapp.applicationName(),
        qapp.applicationDisplayName(),
        qapp.quitOnLastWindowClosed(),
        QLocale(),
    )
    yield qapp
    font, name, display_name, quit_on_last, locale = saved
    qapp.setFont(font)
    qapp.setApplicationName(name)
    qapp.setApplicationDisplayName(display_name)
    qapp.setQuitOnLastWindowClosed(quit_on_last)
    QLocale.setDefault(locale)


@pytest.fixture
def db(qtbot: QtBot, counter: Counter, data_dir: Path, clock: FixedClock) -> Iterator[Database]:
    """The test's profile served by the app's database thread (its own connection, the test's clock).

    ``counter`` stays the test's own connection, for setting up and checking the store.
    """
    database = Database(lambda: Counter.open(data_dir, clock=clock))
    database.start()
    settle(qtbot, database)
    yield database
    database.close()


@pytest.fixture
def controller(qtbot: QtBot, counter: Counter, data_dir: Path, clock: FixedClock) -> Iterator[AppController]:
    """The app's controller over the test's profile (``counter``); call ``start()`` in the test,
    after the fixtures that add accounts."""
    app_controller = AppController(None, open_profile=lambda _data_dir: Counter.open(data_dir, clock=clock))
    yield app_controller
    app_controller.shutdown()
