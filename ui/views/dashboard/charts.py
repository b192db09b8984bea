"""A small bar chart drawn with QPainter: the dashboard's intake per day and satisfaction over time.

Why our own and not QtCharts: QtCharts is in the PySide6 Add-ons, which we do not ship (docs/design.md,
"Packages"), and pyqtgraph or matplotlib would add large dependencies for two simple charts.

The chart draws its title, a y axis with round ticks and grid lines, one bar per point with its value
above when there is room, and x labels thinned so they never overlap; a "muted" bar (a day off) is
grey *and* hatched, so it differs without colour too, and a legend says what that means. Text is in
the widget's font (the app's font list puts the CJK families after a Latin one). The accessible name
is the title and the accessible description gives the data in words, for screen readers.

:meth:`BarChart.image` renders it into a ``QImage`` at twice the size for "Save chart as PNG", on a
white background whatever the screen's theme. UI thread only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2f6db5")
MUTED = QColor("#9aa0a6")
MUTED_FILL = QColor("#e3e5e8")
DAY_OFF = QColor("#f1f3f4")
AXIS = QColor("#5f6368")
GRID = QColor("#e0e0e0")
TEXT = QColor("#202124")
BACKGROUND = QColor("#ffffff")
PAD = 8.0
DESCRIBED_POINTS = 120  # a screen reader reads this many points and says how many more there are


@dataclass(frozen=True)
class Bar:
    """One point: ``label`` under the bar, ``value`` its height (None: no bar, e.g. no rating that
    week), ``text`` above it (may have two lines), ``spoken`` what the accessible description says
    of it, ``muted`` drawn grey and hatched."""

    label: str
    value: float | None
    text: str
    spoken: str
    muted: bool = False


class BarChart(QWidget):
    """``percent``: the y axis runs from 0 to 100 % (values are percentages), else from 0 to a round
    number above the highest value. ``muted_legend``: the words for muted bars in the legend (no legend
    without it)."""

    def __init__(
        self,
        title: str,
        *,
        percent: bool = False,
        bar_legend: str = "",
        muted_legend: str = "",
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.subtitle = ""
        self.percent = percent
        self.bar_legend = bar_legend
        self.muted_legend = muted_legend
        self.empty_text = empty_text
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches its description
        self.setAccessibleName(title)
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(560, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 220)

    def set_bars(self, bars: list[Bar], subtitle: str = "") -> None:
        self.bars = list(bars)
        self.subtitle = subtitle
        self._describe()
        self.update()

    def _describe(self) -> None:
        spoken = [bar.spoken for bar in self.bars[:DESCRIBED_POINTS]]
        if len(self.bars) > DESCRIBED_POINTS:
            spoken.append(f"(+{len(self.bars) - DESCRIBED_POINTS})")
        head = f"{self.title} {self.subtitle}".strip()
        self.setAccessibleDescription("; ".join([head, *spoken]) if spoken else f"{head}; {self.empty_text}")

    # --- drawing ---------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw(painter, QRectF(self.rect()))
        if self.hasFocus():
            painter.setPen(QPen(BAR, 2, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def image(self, scale: float = 2.0) -> QImage:
        """The chart as a picture ``scale`` times its size on screen (its size hint when not laid out)."""
        size = self.size() if self.width() >= 100 and self.height() >= 100 else self.sizeHint()
        image = QImage(
            math.ceil(size.width() * scale), math.ceil(size.height() * scale), QImage.Format.Format_ARGB32
        )
        image.setDevicePixelRatio(scale)
        image.fill(BACKGROUND)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.fillRect(area, BACKGROUND)
        font = QFont(self.font())
        title_font = QFont(font)
        title_font.setBold(True)
        metrics, title_metrics = QFontMetricsF(font), QFontMetricsF(title_font)
        line = metrics.height()

        painter.setPen(TEXT)
        painter.setFont(title_font)
        title_rect = QRectF(
            area.left() + PAD, area.top() + PAD, area.width() - 2 * PAD, title_metrics.height()
        )
        title = title_metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(font)
        top = title_rect.bottom() + 2
        if self.subtitle:
            painter.setPen(AXIS)
            sub_rect = QRectF(title_rect.left(), top, title_rect.width(), line)
            subtitle = metrics.elidedText(self.subtitle, Qt.TextElideMode.ElideRight, sub_rect.width())
            painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subtitle)
            top = sub_rect.bottom()
        legend = self._legend_entries()
        bottom = area.bottom() - PAD - (line + 4 if legend else 0)

        if not self.bars:
            painter.setPen(AXIS)
            empty = QRectF(area.left(), top, area.width(), bottom - top)
            painter.drawText(empty, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return

        top_value, ticks = self._scale()
        tick_texts = [self._tick_text(t) for t in ticks]
        left = area.left() + PAD + max(metrics.horizontalAdvance(t) for t in tick_texts) + 6
        value_lines = max(bar.text.count("\n") + 1 for bar in self.bars)
        plot = QRectF(
            left,
            top + PAD + value_lines * line,
            area.right() - PAD - left,
            bottom - line - 4 - (top + PAD + value_lines * line),
        )
        if plot.height() < 20 or plot.width() < 20:
            return

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * (value / top_value if top_value else 0)

        slot = plot.width() / len(self.bars)
        for number, bar in enumerate(self.bars):  # days off shaded even when nothing was taken in
            if bar.muted:
                shade = QRectF(plot.left() + slot * number, plot.top(), slot, plot.height())
                painter.fillRect(shade, DAY_OFF)
        for tick, text in zip(ticks, tick_texts, strict=True):
            y = y_of(tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            label = QRectF(area.left() + PAD, y - line / 2, plot.left() - 6 - area.left() - PAD, line)
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

        width = max(1.0, slot * 0.7)
        label_width = max(metrics.horizontalAdvance(bar.label) for bar in self.bars) + 6
        label_every = max(1, math.ceil(label_width / slot))
        for number, bar in enumerate(self.bars):
            centre = plot.left() + slot * (number + 0.5)
            if bar.value is not None:
                y = y_of(max(0.0, min(bar.value, top_value)))
                rect = QRectF(centre - width / 2, y, width, plot.bottom() - y)
                self._draw_bar(painter, rect, bar.muted)
                self._draw_value(painter, metrics, bar.text, centre, y, slot)
            else:  # nothing to show (no rating): its text (a dash) on the axis, never a bar of 0
                self._draw_value(painter, metrics, bar.text, centre, plot.bottom(), slot)
            if number % label_every == 0:
                painter.setPen(AXIS)
                label = QRectF(centre - label_width / 2, plot.bottom() + 4, label_width, line)
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label)
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        if legend:
            self._draw_legend(painter, metrics, legend, QPointF(plot.left(), area.bottom() - PAD - line))

    def _legend_entries(self) -> list[tuple[str, bool]]:
        if not self.muted_legend or not any(bar.muted for bar in self.bars):
            return []
        return [(self.bar_legend, False), (self.muted_legend, True)]

    @staticmethod
    def _draw_bar(painter: QPainter, rect: QRectF, muted: bool) -> None:
        if muted:
            painter.fillRect(rect, MUTED_FILL)
            painter.fillRect(rect, QBrush(MUTED, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(MUTED, 1))
            painter.drawRect(rect)
        else:
            painter.fillRect(rect, BAR)

    @staticmethod
    def _draw_value(
        painter: QPainter, metrics: QFontMetricsF, text: str, centre: float, y: float, slot: float
    ) -> None:
        lines = text.split("\n")
        if max(metrics.horizontalAdvance(t) for t in lines) > slot:
            return  # no room: the description and the table carry the value
        painter.setPen(TEXT)
        height = metrics.height()
        for number, words in enumerate(reversed(lines)):
            rect = QRectF(centre - slot / 2, y - 2 - height * (number + 1), slot, height)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, words)

    @staticmethod
    def _draw_legend(
        painter: QPainter, metrics: QFontMetricsF, entries: list[tuple[str, bool]], origin: QPointF
    ) -> None:
        x, size = origin.x(), metrics.height() * 0.7
        for words, muted in entries:
            swatch = QRectF(x, origin.y() + (metrics.height() - size) / 2, size, size)
            BarChart._draw_bar(painter, swatch, muted)
            painter.setPen(AXIS)
            x = swatch.right() + 4
            text_width = metrics.horizontalAdvance(words)
            painter.drawText(
                QRectF(x, origin.y(), text_width + 2, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                words,
            )
            x += text_width + 16

    # --- the y axis --------------------------------------------------------------------------------
    def _scale(self) -> tuple[float, list[float]]:
        """The top of the axis and its ticks: 0-100 in quarters for percentages, else a 1-2-5 step."""
        if self.percent:
            return 100.0, [0.0, 25.0, 50.0, 75.0, 100.0]
        highest = max((bar.value or 0.0) for bar in self.bars)
        if highest <= 0:
            return 1.0, [0.0, 1.0]
        rough = highest / 4
        power = 10 ** math.floor(math.log10(rough))
        step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
        step = max(step, 1.0)  # counts: whole numbers
        top = step * math.ceil(highest / step)
        return top, [step * n for n in range(round(top / step) + 1)]

    def _tick_text(self, value: float) -> str:
        return f"{value:g}%" if self.percent else f"{value:g}"
