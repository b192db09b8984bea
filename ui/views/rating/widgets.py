"""The rating view's large toggle: a checkable button for a finger, coloured, with a tick when chosen
(so colour is never the only sign), whose type shrinks a little when its words would not fit the
width the row gives it (English names, the tick, a narrow citizen screen)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

TICK = "✓ "
BORDER_PX = 3
PADDING_PX = 6
SMALLEST_PX = 18  # never below this: still large type for the citizen


def toggle_style(colour: str, size: int) -> str:
    return (
        f"QPushButton {{ font-size: {size}px; font-weight: bold; color: {colour}; background: white;"
        f" border: {BORDER_PX}px solid {colour}; border-radius: 14px; padding: {PADDING_PX}px; }}"
        f" QPushButton:checked {{ color: white; background: {colour}; }}"
        " QPushButton:disabled { color: #9aa0a6; border-color: #c4c7c5; }"
    )


class BigToggle(QPushButton):
    """``text`` may hold a line break (two-word names in English)."""

    def __init__(
        self, text: str, colour: str, font_px: int, height: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self.plain_text = text
        self.colour = colour
        self.font_px = font_px
        self.fitted_px = font_px
        self.setCheckable(True)
        self.setAccessibleName(text.replace("\n", " "))
        self.setStyleSheet(toggle_style(colour, font_px))
        self.setMinimumHeight(height)
        # Equal widths whatever the words: the layout shares the row out, not the text's length.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.toggled.connect(self._mark)

    def _mark(self, checked: bool) -> None:
        self.setText(f"{TICK}{self.plain_text}" if checked else self.plain_text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """The largest type up to ``font_px`` at which every line fits the button's width."""
        room = self.width() - 2 * (BORDER_PX + PADDING_PX) - 4
        font = self.font()
        font.setBold(True)
        size = self.font_px
        while size > SMALLEST_PX:
            font.setPixelSize(size)
            metrics = QFontMetrics(font)
            if max(metrics.horizontalAdvance(line) for line in self.text().split("\n")) <= room:
                break
            size -= 1
        if size != self.fitted_px:
            self.fitted_px = size
            self.setStyleSheet(toggle_style(self.colour, size))
