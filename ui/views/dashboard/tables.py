"""The dashboard's tables: one line per service item or per staff member (``GroupFigures``).

Each cell has two faces: what the table shows (``DisplayRole``: ``75%``, ``5.5``, a dash for a share
with nothing behind it) and its plain value (``VALUE_ROLE``: ``0.75``, ``5.5``, ``None``), which the
XLSX export writes as a number. :meth:`FiguresTableModel.table` gives every line (also those the view
has not fetched yet) for the exports. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from counter_app.statistics import Figures, GroupFigures
from ui.i18n import fill
from ui.models.rows import RowTableModel
from ui.views.dashboard.numbers import count_text, days_text, rate_text

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1

# How a column's plain value is written: a text, a count, a share (0..1) or working days.
TEXT, COUNT, RATE, DAYS = "text", "count", "rate", "days"


@dataclass(frozen=True)
class Table:
    """A table as exported: column titles, each column's kind, and the lines as (shown, plain) cells."""

    titles: list[str]
    kinds: list[str]
    shown: list[list[str]]
    values: list[list[Any]]


class FiguresTableModel(RowTableModel):
    """``key_title``/``name_title`` name the first two columns (item code and name, or account and
    staff member); ``key_text`` says a line's key as the table and the exports show it (a staff
    member's account without the audit trail's ``user:``)."""

    NAME = 0
    KEY = 1
    TAKEN_IN = 2
    ACCEPTED = 3
    REFUSED = 4
    IN_PROGRESS = 5
    COMPLETED = 6
    DELIVERED = 7
    OVERDUE = 8
    ON_TIME_RATE = 9
    AVG_DAYS = 10
    P90_DAYS = 11
    NOTICE_RATE = 12
    RATED = 13
    SATISFACTION_RATE = 14
    BAD_RATINGS = 15
    RECTIFICATIONS_OPEN = 16
    RECTIFICATIONS_OVERDUE = 17
    COLUMN_COUNT = 18

    KINDS = [TEXT, TEXT] + [COUNT] * 7 + [RATE, DAYS, DAYS, RATE, COUNT, RATE, COUNT, COUNT, COUNT]

    def __init__(
        self,
        name_title: str,
        key_title: str,
        parent: Any = None,
        *,
        key_text: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._name_title = name_title
        self._key_title = key_title
        self._key_text = key_text or str

    def titles(self) -> list[str]:
        return [
            self._name_title,
            self._key_title,
            self.tr("Taken in"),
            self.tr("Accepted"),
            self.tr("Refused"),
            self.tr("In progress"),
            self.tr("Completed"),
            self.tr("Delivered"),
            self.tr("Overdue now"),
            self.tr("On time"),
            self.tr("Average working days"),
            self.tr("P90 working days"),
            self.tr("One-time notice rate"),
            self.tr("Ratings"),
            self.tr("Satisfaction rate"),
            self.tr("Bad ratings"),
            self.tr("Open rectifications"),
            self.tr("Overdue rectifications"),
        ]

    def line(self, row: int) -> GroupFigures:
        return self.row_at(row)

    def value(self, line: GroupFigures, column: int) -> Any:
        """The plain value of one cell: a text, an int, a share from 0 to 1, working days, or None."""
        f: Figures = line.figures
        values = (
            line.label,
            self._key_text(line.key),
            f.taken_in,
            f.accepted,
            f.refused,
            f.in_progress,
            f.completed,
            f.delivered,
            f.overdue,
            f.on_time_rate,
            f.avg_working_days,
            f.p90_working_days,
            f.one_time_notice_rate,
            f.rated,
            f.satisfaction_rate,
            f.bad_ratings,
            f.rectifications_open,
            f.rectifications_overdue,
        )
        return values[column]

    def shown(self, line: GroupFigures, column: int) -> str:
        value, kind = self.value(line, column), self.KINDS[column]
        if kind == COUNT:
            return count_text(value)
        if kind == RATE:
            return rate_text(value)
        if kind == DAYS:
            return days_text(value)
        return str(value)

    def cell(self, row: GroupFigures, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown(row, column)
        if role == VALUE_ROLE:
            return self.value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.KINDS[column] != TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._counts_behind(row.figures, column)
        return None

    def _counts_behind(self, f: Figures, column: int) -> str | None:
        """The counts a share is made of, for its tooltip."""
        if column == self.ON_TIME_RATE:
            return fill(self.tr("%1 of %2 on time"), f.completed_on_time, f.completed_with_due_date)
        if column == self.NOTICE_RATE:
            whole = f.notices_issued + f.sent_home_without_notice
            return fill(self.tr("%1 of %2 with the notice"), f.notices_issued, whole)
        if column == self.SATISFACTION_RATE:
            return fill(self.tr("%1 good of %2"), f.good_ratings, f.rated)
        return None

    def table(self) -> Table:
        """Every line with its titles, for an export."""
        lines = self.rows()
        columns = range(self.COLUMN_COUNT)
        return Table(
            titles=self.titles(),
            kinds=list(self.KINDS),
            shown=[[self.shown(line, c) for c in columns] for line in lines],
            values=[[self.value(line, c) for c in columns] for line in lines],
        )
