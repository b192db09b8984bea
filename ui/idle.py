"""Locking the counter after a while without input: an application-wide event filter and a timer.

A clerk who walks away from the counter leaves citizens' personal data on screen. ``IdleWatcher``
restarts its timer on every key, mouse, wheel or touch input anywhere in the application and emits
``timed_out`` when none came for ``timeout_ms``; the app controller locks the main window then,
exactly as Ctrl+L does. Call everything on the UI thread.
"""

from __future__ import annotations

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


class IdleWatcher(QObject):
    """Emits ``timed_out`` once after ``timeout_ms`` without user input, while started.

    ``timeout_ms`` <= 0 disables it (``start()`` does nothing). The event filter is installed on
    the application only while started, so a locked app pays nothing for it.
    """

    timed_out = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Precise, so that a restart really starts the full interval again (a coarse timer may be
        # rounded by up to 5%); one timer costs nothing.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(max(timeout_ms, 0))
        self.timer.timeout.connect(self._time_out)
        self._watching = False

    @property
    def enabled(self) -> bool:
        return self.timer.interval() > 0

    @property
    def watching(self) -> bool:
        return self._watching

    def start(self) -> None:
        if not self.enabled or self._watching:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._watching = True
        self.timer.start()

    def stop(self) -> None:
        if not self._watching:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._watching = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.timer.start()  # restarts from the full interval
        return False  # only watching: every event goes on to its receiver

    def _time_out(self) -> None:
        self.stop()
        self.timed_out.emit()
