"""Helpers for UI tests: what a clerk does, typed key by key; waiting for the database thread; Qt's
model tester kept for the whole test (the ``model_tester`` fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QAbstractItemModelTester
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


# --- Qt's model tester ------------------------------------------------------------------------------

MODELTEST_CATEGORY = "qt.modeltest"  # where QAbstractItemModelTester logs what it found wrong


class ModelTesters:
    """Attach ``QAbstractItemModelTester`` to models for one test (``model_tester(model)``).

    - Each tester is kept until the test ends: PySide6 frees a tester nobody holds at once, and a
      freed tester has checked the model only once, while it was still empty.
    - Warning mode, never Fatal: a Fatal report calls qFatal, which aborts the whole pytest run. A
      Warning report is a message in the ``qt.modeltest`` category; the fixture fails the test when
      any was logged (see :func:`model_tester_fixture`).
    """

    def __init__(self) -> None:
        self.testers: list[QAbstractItemModelTester] = []

    def __call__(self, model: QAbstractItemModel) -> QAbstractItemModelTester:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        self.testers.append(tester)
        return tester

    def stop(self, tester: QAbstractItemModelTester) -> None:
        """Stop one tester watching (it walks every row on every change: costly on a large model)."""
        self.testers.remove(tester)
        if shiboken6.isValid(tester):
            shiboken6.delete(tester)

    def stop_all(self) -> None:
        for tester in list(self.testers):
            self.stop(tester)


def _model_test_failures(records: list[Any]) -> list[str]:
    return [
        record.message
        for record in records
        if record.context is not None and record.context.category == MODELTEST_CATEGORY
    ]


@pytest.fixture(name="model_tester")
def model_tester_fixture(request: pytest.FixtureRequest, qtlog: Any) -> Iterator[ModelTesters]:
    """``model_tester(model)``: Qt's model tester on ``model`` for the rest of the test, which fails
    (just this test) if the tester reported anything.

    Use it from a test module with ``from tests.ui.helpers import model_tester_fixture  # noqa: F401``
    and a ``model_tester: ModelTesters`` argument. The reports are read from the Qt messages pytest-qt
    captures for the test (``qtlog``); where that capture is off (``--no-qt-log``, the ``no_qt_log``
    mark) the fixture installs a message handler of its own, so the check never silently passes.
    With the capture on, pytest-qt fails the test itself on a ``qt.modeltest`` warning too, so a
    broken model shows as the test FAILED and as an ERROR at its teardown (this check, with the
    tester's messages). Either way the other tests run on.
    """
    testers = ModelTesters()
    own: list[tuple[QtMsgType, str, str]] = []
    captured = hasattr(request.node, "qt_log_capture")
    previous = None
    if not captured:

        def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
            own.append((kind, context.category or "", message))

        previous = qInstallMessageHandler(handle)
    try:
        yield testers
    finally:
        testers.stop_all()
        if not captured:
            qInstallMessageHandler(previous)
    if captured:
        failures = _model_test_failures(qtlog.records)
    else:
        failures = [message for _kind, category, message in own if category == MODELTEST_CATEGORY]
    assert failures == [], "QAbstractItemModelTester reported:\n" + "\n".join(failures)
