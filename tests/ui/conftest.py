"""Fixtures for driving the real desktop app with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter_app.clock import FixedClock
from counter_app.core import Counter
from tests.ui.helpers import settle
from ui.app import AppController
from ui.workers import Database


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
