"""The row of intake steps above the page: where the clerk is, which steps are open (Alt+1 … Alt+6)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.i18n import fill

STEP_STYLE = (
    "QPushButton { border: 1px solid #c4c7c5; border-radius: 12px; padding: 4px 12px; color: #444746; }"
    "QPushButton:checked { background: #0b57d0; color: white; border-color: #0b57d0; font-weight: bold; }"
    "QPushButton:disabled { color: #a8abaf; border-color: #e3e3e3; }"
)


class StepBar(QWidget):
    """Emits ``step_requested(index)`` when the clerk clicks a step or presses Alt+<number>."""

    step_requested = Signal(int)

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, title in enumerate(titles):
            button = QPushButton(f"{index + 1} {title}")
            button.setCheckable(True)
            button.setAutoExclusive(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached with Alt+<number>, not Tab
            button.setAccessibleName(fill(self.tr("Step %1: %2"), index + 1, title))
            button.setToolTip(f"{title} (Alt+{index + 1})")
            button.setStyleSheet(STEP_STYLE)
            button.clicked.connect(lambda _checked=False, index=index: self._request(index))
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda index=index: self._request(index))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)

    def _request(self, index: int) -> None:
        if self.buttons[index].isEnabled() and self.isVisible():
            self.step_requested.emit(index)
        else:
            self.buttons[index].setChecked(index == self.current())

    def current(self) -> int:
        return next((index for index, button in enumerate(self.buttons) if button.isChecked()), -1)

    def show_step(self, current: int, reachable: set[int]) -> None:
        for index, button in enumerate(self.buttons):
            button.setEnabled(index in reachable)
            button.setChecked(index == current)
