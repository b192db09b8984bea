"""``COUNTER_APP_SMOKE_REPORT=FILE``: the first window the app shows, described in ``FILE``, then quit.

A packaged app has to prove without a display that it starts and speaks Simplified Chinese: its
Python cannot be asked from outside, and under ``QT_QPA_PLATFORM=offscreen`` nothing can be looked
at. With this variable set, :func:`watch_first_window` writes, once the first window is shown, a JSON
object — the window's class, title and the texts of its visible labels and buttons, the application's
display name, whether the window icon loaded, the Qt platform — and ends the event loop with exit
code 0.
``tests/test_bundle.py`` sets it for the PyInstaller bundle; nothing else does, and without it
nothing here runs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

SMOKE_REPORT_ENV = "COUNTER_APP_SMOKE_REPORT"


def describe(window: QWidget) -> dict[str, object]:
    """What the first window shows, in words, and what the application around it loaded."""
    shown = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
    texts = [w.text() for w in shown if isinstance(w, (QLabel, QAbstractButton)) and w.text()]
    return {
        "window": type(window).__name__,
        "title": window.windowTitle(),
        "texts": texts,
        "display_name": QGuiApplication.applicationDisplayName(),
        "icon": not QGuiApplication.windowIcon().isNull(),
        "platform": QGuiApplication.platformName(),
    }


def _is_window(widget: QWidget) -> bool:
    """A window or dialog of the app's own, not a tooltip, popup or other helper window."""
    return widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)


class _FirstWindow(QObject):
    """Application-wide event filter: the first top-level window shown is reported."""

    def __init__(self, app: QApplication, report: Path, finish: Callable[[], None]) -> None:
        super().__init__(app)
        self.report = report
        self.finish = finish
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show
        if shown and not self.done and isinstance(watched, QWidget) and _is_window(watched):
            # Once the event loop is back: the window has finished showing.
            QTimer.singleShot(0, lambda: self._write(watched))
        return False

    def _write(self, window: QWidget) -> None:
        if self.done or not (window.isWindow() and window.isVisible()):
            # A widget shown before it was put in its layout is a window for a moment (the login
            # dialog's demo hint): not a window the app showed.
            return
        self.done = True
        scratch = self.report.with_name(self.report.name + ".part")
        scratch.write_text(json.dumps(describe(window), ensure_ascii=False), "utf-8")
        os.replace(scratch, self.report)  # the reader never sees half a report
        self.finish()


def watch_first_window(app: QApplication, finish: Callable[[], None] | None = None) -> QObject | None:
    """Install the report when ``COUNTER_APP_SMOKE_REPORT`` names a file; None (nothing done) else.

    ``finish``: what to do once the report is written (default: end the event loop with exit code 0;
    a test inside a running test session passes its own, as ending the shared application's loop
    would end every later test's waits)."""
    path = os.environ.get(SMOKE_REPORT_ENV)
    if not path:
        return None
    watcher = _FirstWindow(app, Path(path), finish or (lambda: app.exit(0)))
    app.installEventFilter(watcher)
    return watcher
