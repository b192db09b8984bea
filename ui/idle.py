"""Locking the counter after a while without input: an application-wide event filter and a timer.

A clerk who walks away from the counter leaves citizens' personal data on screen. ``IdleWatcher``
notes the time of every key, mouse, wheel or touch input anywhere in the application and emits
``timed_out`` once none came for ``timeout_ms``; the app controller locks the main window then,
exactly as Ctrl+L does. Call everything on the UI thread.

The idle time is measured on ``clock`` (monotonic seconds; a test passes a fake one and moves it).
The timer only says when to look again: at each ``check()`` the watcher compares the clock with
the last input and either times out or waits for the rest, so an input costs a clock read, not a
timer restart, and a test calls ``check()`` instead of waiting for the timer.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

DEFAULT_IDLE_LOCK_MINUTES = 5
MS_PER_MINUTE = 60_000

# What counts as the user being there. Paint, focus and timer events do not.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)

Clock = Callable[[], float]
"""Monotonic seconds."""


class IdleWatcher(QObject):
    """Emits ``timed_out`` once after ``timeout_ms`` without user input, while started.

    ``timeout_ms`` <= 0 disables it (``start()`` does nothing). The event filter is installed on
    the application only while started, so a locked app pays nothing for it. ``clock`` gives the
    time in monotonic seconds (``time.monotonic`` unless a test passes another).
    """

    timed_out = Signal()

    def __init__(
        self, timeout_ms: int, parent: QObject | None = None, *, clock: Clock = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.timeout_ms = max(timeout_ms, 0)
        self.clock = clock
        self.timer = QTimer(self)  # when to look again; check() decides
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.check)
        self._watching = False
        self._last_input = 0.0

    @property
    def enabled(self) -> bool:
        return self.timeout_ms > 0

    @property
    def watching(self) -> bool:
        return self._watching

    def idle_ms(self) -> int:
        """Milliseconds since the last input (or since ``start()``)."""
        return int((self.clock() - self._last_input) * 1000)

    def start(self) -> None:
        if not self.enabled or self._watching:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._watching = True
        self._last_input = self.clock()
        self.timer.start(self.timeout_ms)

    def stop(self) -> None:
        if not self._watching:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._watching = False
        self.timer.stop()

    def check(self) -> bool:
        """Time out if no input came for ``timeout_ms`` (True), else look again when it could."""
        if not self._watching:
            return False
        left = self.timeout_ms - self.idle_ms()
        if left > 0:
            self.timer.start(left)
            return False
        self.stop()
        self.timed_out.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self.clock()
        return False  # only watching: every event goes on to its receiver
