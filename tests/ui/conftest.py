"""Fixtures for driving the real desktop app with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from counter_app.core import Counter
from ui.app import AppController


@pytest.fixture
def controller(qtbot: QtBot, counter: Counter) -> Iterator[AppController]:
    """The app's controller over the test's profile (``counter``); call ``start()`` in the test,
    after the fixtures that add accounts."""
    app_controller = AppController(None, open_profile=lambda _data_dir: counter)
    yield app_controller
    app_controller.shutdown()
