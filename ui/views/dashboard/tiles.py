"""The dashboard's figures as labelled tiles: a title, the figure in large type, and the counts behind
it in small grey words (a share always says what it is a share of).

:class:`FigureTiles` holds the tiles by name (``tiles["taken_in"]``) in two groups: what happened in the
period, and the office as it is today whatever the period. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from counter_app.statistics import Figures, Period
from ui.i18n import fill
from ui.views.dashboard.numbers import NOTHING, count_text, day_text, days_text, rate_text

TILE_STYLE = "QFrame#tile { background: #f7f8fa; border: 1px solid #dadce0; border-radius: 4px; }"
TITLE_STYLE = "color: #3c4043;"
VALUE_STYLE = "font-size: 22px; font-weight: bold; color: #202124;"
ALERT_STYLE = "font-size: 22px; font-weight: bold; color: #a4262c;"
DETAIL_STYLE = "color: #5f6368;"
COLUMNS = 6
DETAIL_LINES = 3

PERIOD_TILES = (
    "taken_in",
    "accepted",
    "refused",
    "completed",
    "delivered",
    "on_time_rate",
    "avg_working_days",
    "p90_working_days",
    "one_time_notice_rate",
    "satisfaction_rate",
    "bad_ratings",
)
NOW_TILES = ("in_progress", "overdue", "rectifications_open", "rectifications_overdue")
# Tiles whose figure is a warning when above zero (shown in red; the title says it in words too).
ALERTS = frozenset({"overdue", "bad_ratings", "rectifications_overdue"})


class Tile(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(TILE_STYLE)
        self.title = QLabel(title)
        self.title.setStyleSheet(TITLE_STYLE)
        self.title.setWordWrap(True)
        self.value = QLabel(NOTHING)
        self.value.setStyleSheet(VALUE_STYLE)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setStyleSheet(DETAIL_STYLE)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for three lines of words whatever the layout's squeeze (a wrapped label's own minimum
        # is one line, and the page's scroll area does not ask labels for their height for a width).
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * DETAIL_LINES + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail, 1)
        self.setMinimumWidth(140)
        self.setAccessibleName(title)

    def show_figure(self, value: str, detail: str = "", *, alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(ALERT_STYLE if alert else VALUE_STYLE)
        self.detail.setText(detail)
        self.value.setAccessibleName(self.title.text())
        self.setAccessibleDescription(f"{value} {detail}".strip())


class FigureTiles(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles = {
            "taken_in": self.tr("Taken in"),
            "accepted": self.tr("Accepted"),
            "refused": self.tr("Refused"),
            "completed": self.tr("Completed"),
            "delivered": self.tr("Delivered"),
            "on_time_rate": self.tr("Completed on time"),
            "avg_working_days": self.tr("Average processing time"),
            "p90_working_days": self.tr("Processing time (P90)"),
            "one_time_notice_rate": self.tr("One-time notice rate"),
            "satisfaction_rate": self.tr("Satisfaction rate"),
            "bad_ratings": self.tr("Bad ratings"),
            "in_progress": self.tr("In progress"),
            "overdue": self.tr("Overdue now"),
            "rectifications_open": self.tr("Open rectifications"),
            "rectifications_overdue": self.tr("Overdue rectifications"),
        }
        self.tiles = {name: Tile(title) for name, title in titles.items()}
        self.period_group = QGroupBox(self.tr("In the period"))
        self.now_group = QGroupBox(self.tr("Now"))
        for group, names in ((self.period_group, PERIOD_TILES), (self.now_group, NOW_TILES)):
            grid = QGridLayout(group)
            grid.setSpacing(6)
            for number, name in enumerate(names):
                grid.addWidget(self.tiles[name], number // COLUMNS, number % COLUMNS)
            for column in range(COLUMNS):
                grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.period_group)
        layout.addWidget(self.now_group)

    def show_figures(self, f: Figures, period: Period, today_text: str) -> None:
        self.period_group.setTitle(
            fill(self.tr("In the period %1 to %2"), day_text(period.start), day_text(period.end))
        )
        self.now_group.setTitle(fill(self.tr("Now (%1), whatever the period"), today_text))
        counts = {
            "taken_in": (f.taken_in, self.tr("applications drafted at the counter")),
            "accepted": (
                f.accepted,
                fill(self.tr("%1 of them with minor materials pending"), count_text(f.accepted_pending)),
            ),
            "refused": (f.refused, self.tr("with the reason and the remedies")),
            "completed": (f.completed, self.tr("granted or denied")),
            "delivered": (f.delivered, self.tr("results handed out")),
            "bad_ratings": (f.bad_ratings, self.tr("dissatisfied or very dissatisfied")),
            "in_progress": (f.in_progress, fill(self.tr("%1 of them suspended"), count_text(f.suspended))),
            "overdue": (f.overdue, self.tr("time limit passed, clock running")),
            "rectifications_open": (f.rectifications_open, self.tr("opened by bad ratings, not closed")),
            "rectifications_overdue": (f.rectifications_overdue, self.tr("open past their deadline")),
        }
        for name, (value, detail) in counts.items():
            self.tiles[name].show_figure(count_text(value), detail, alert=name in ALERTS and value > 0)

        with_notice = f.notices_issued + f.sent_home_without_notice
        shares = {
            "on_time_rate": (
                f.on_time_rate,
                fill(
                    self.tr("%1 of %2 completed cases with a time limit"),
                    f.completed_on_time,
                    f.completed_with_due_date,
                ),
            ),
            "one_time_notice_rate": (
                f.one_time_notice_rate,
                fill(
                    self.tr("%1 of %2 sent home with the written notice"),
                    f.notices_issued,
                    with_notice,
                ),
            ),
            "satisfaction_rate": (
                f.satisfaction_rate,
                fill(self.tr("%1 satisfied of %2 ratings"), f.good_ratings, f.rated),
            ),
        }
        for name, (share, detail) in shares.items():
            self.tiles[name].show_figure(rate_text(share), detail)

        nothing_completed = self.tr("no case completed in the period")
        self.tiles["avg_working_days"].show_figure(
            days_text(f.avg_working_days),
            self.tr("working days, suspensions excluded")
            if f.avg_working_days is not None
            else nothing_completed,
        )
        self.tiles["p90_working_days"].show_figure(
            days_text(f.p90_working_days),
            self.tr("working days or fewer, for 9 in 10 cases")
            if f.p90_working_days is not None
            else nothing_completed,
        )
