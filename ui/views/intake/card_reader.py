"""An ID card reader that acts as a keyboard: recognise its burst of keys anywhere on a screen.

Desk readers (and barcode scanners reading a business licence) "type" the 18-character number in
a few milliseconds and press Enter. A person cannot: even a fast typist leaves 80 ms and more
between keys. So a run of at least ``MIN_KEYS`` characters, each within ``MAX_GAP_MS`` of the one
before, ended by Enter within the same gap, is a card read wherever the focus was. The reader's
characters have already reached the focused field by then; they are taken out of it again (line
and plain-text edits) before ``scanned(text)`` is emitted, and the Enter is swallowed.

Timing comes from the key events' own ``timestamp()`` (the window system's clock), never from the
time the event is handled, so a busy UI thread does not turn a person's typing into a burst, and
tests simulate a burst deterministically. Events with no timestamp (0, as QTest sends them) never
form a burst. A field may take card reads itself (a form's resident-ID field): give it the
dynamic property ``TAKES_CARD_READS`` = True, and the burst and its Enter are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

MIN_KEYS = 15
MAX_GAP_MS = 40
TAKES_CARD_READS = "takesCardReads"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class CardReader(QObject):
    """Watches the key presses aimed at ``scope`` or its children while ``scope`` is visible.

    Install with :meth:`start` (an application-wide event filter: key events go to the focused
    child, not to ``scope``) and remove with :meth:`stop`; the intake view does both as it is shown
    and hidden. UI thread only.
    """

    scanned = Signal(str)

    def __init__(self, scope: QWidget, min_keys: int = MIN_KEYS, max_gap_ms: int = MAX_GAP_MS) -> None:
        super().__init__(scope)
        self.scope = scope
        self.min_keys = min_keys
        self.max_gap_ms = max_gap_ms
        self._keys: list[tuple[str, int]] = []
        self._target: QWidget | None = None
        self._installed = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not self._in_scope(watched):
            return False
        assert isinstance(watched, QWidget)
        if event.key() in _ENTER_KEYS:
            return self._enter(watched, event.timestamp())
        text = event.text()
        if len(text) != 1 or not text.isalnum() or not text.isascii() or event.modifiers() & _MODIFIERS:
            self._reset()
            return False
        stamp = event.timestamp()
        if not stamp or not self._keys or not 0 <= stamp - self._keys[-1][1] <= self.max_gap_ms:
            self._reset()
        if stamp:
            self._keys.append((text, stamp))
            self._target = watched
        return False

    # --- details ----------------------------------------------------------------------------------------
    def _in_scope(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget) or not self.scope.isVisible():
            return False
        if not (watched is self.scope or self.scope.isAncestorOf(watched)):
            return False
        # A key the focused widget ignores travels on to its parents: count it once, where it started.
        focus = QApplication.focusWidget()
        return focus is None or focus is watched or not self.scope.isAncestorOf(focus)

    def _enter(self, watched: QWidget, stamp: int) -> bool:
        keys, target = self._keys, self._target
        self._reset()
        if len(keys) < self.min_keys or not stamp or not 0 <= stamp - keys[-1][1] <= self.max_gap_ms:
            return False
        if target is not None and target.property(TAKES_CARD_READS):
            return False
        text = "".join(char for char, _ in keys)
        if target is not None:
            _take_back(target, text)
        self.scanned.emit(text)
        return True

    def _reset(self) -> None:
        self._keys = []
        self._target = None


def _take_back(widget: QWidget, text: str) -> None:
    """Remove ``text`` where the reader typed it: just before the cursor."""
    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
        if edit is None:
            return
        widget = edit
    if isinstance(widget, QLineEdit):
        position = widget.cursorPosition()
        current = widget.text()
        if current[:position].endswith(text):
            widget.setText(current[: position - len(text)] + current[position:])
            widget.setCursorPosition(position - len(text))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        cursor = widget.textCursor()
        position = cursor.position()
        current = widget.toPlainText()
        if current[:position].endswith(text):
            cursor.setPosition(position - len(text))
            cursor.setPosition(position, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
