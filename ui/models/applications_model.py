"""The applications list, read from the core by keyset pages, off the UI thread, as the view scrolls.

``set_source(load)`` takes a loader ``load(after, limit, deliver, fail)`` (the page submits it to the
database thread, see ``ui/views/applications/reads.py``); the model holds a window of the list and
reads pages past either edge as the clerk scrolls (:mod:`ui.models.paged_window`). Filtering and
sorting happen in the query, never in a proxy: a proxy can only filter or sort the rows it holds.

A page brings the names of its rows' services (read on the database thread by :func:`service_names`),
so ``data()`` never reaches the core, and the office's today its rows' deadlines were computed with.

Deadlines are shown twice, so that neither colour nor text alone carries them: the Deadline column
says 逾期 / 临期 (overdue / due within 3 working days, as the core decided for the row), and the whole
row is tinted red or amber with dark text. Screen readers get the mark and the due date as the
cell's accessible text, and every cell of a marked row carries the mark as its description.

UI thread only, except :func:`service_names`, which runs where the ``Counter`` is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.records import ApplicationRow, ApplicationSortKey, DeadlineState
from ui.i18n import fill
from ui.models.audit_labels import person_name
from ui.models.case_labels import status_name, sync_state_name
from ui.models.labels import localised
from ui.models.paged_window import Deliver, Fail, Load, WindowModel
from ui.models.rows import Index

__all__ = [
    "ApplicationsModel",
    "ApplicationsPage",
    "Deliver",
    "Fail",
    "Load",
    "ServiceKey",
    "service_names",
]

ServiceKey = tuple[str, str]  # (item code, catalogue version)
ServiceNames = Mapping[ServiceKey, tuple[str, str]]  # → (Chinese name, English name)

# Light tints with dark text (contrast above 7:1), and the mark's own darker colour.
_TINT = {DeadlineState.OVERDUE: "#fde7e9", DeadlineState.DUE_SOON: "#fff4ce"}
_MARK_COLOUR = {DeadlineState.OVERDUE: "#a4262c", DeadlineState.DUE_SOON: "#6b4500"}
_TEXT_ON_TINT = "#1f1f1f"


@dataclass(frozen=True)
class ApplicationsPage:
    """Rows of the list and the names of the services they are for; ``next`` is where the rows after
    them start (None: the list ends here), ``breaks`` where each later page of them starts (a read of
    several pages); ``today``: the office's today (ISO) the rows' deadline states were computed with."""

    rows: list[ApplicationRow]
    service_names: dict[ServiceKey, tuple[str, str]] = field(default_factory=dict)
    next: object | None = None
    breaks: tuple[object, ...] = ()
    today: str = ""


def service_names(counter: Counter, rows: Iterable[ApplicationRow]) -> dict[ServiceKey, tuple[str, str]]:
    """The names of the services ``rows`` are for. Database thread (or wherever ``counter`` lives);
    an item the catalogue does not know keeps its code."""
    names: dict[ServiceKey, tuple[str, str]] = {}
    for row in rows:
        key = (row.item_code, row.catalogue_version)
        if key in names:
            continue
        try:
            item = counter.catalogue.item(row.item_code, row.catalogue_version)
        except CounterError:
            continue
        names[key] = (item.name, item.name_en)
    return names


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.UserRole,
        Qt.ItemDataRole.UserRole + 1,  # ApplicationsModel.DEADLINE_ROLE
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    }
)


class ApplicationsModel(WindowModel):
    RECEIPT_NO = 0
    APPLICANT = 1
    ID_MASKED = 2
    SERVICE = 3
    STATUS = 4
    DEADLINE = 5
    DUE_DATE = 6
    TAKEN_IN = 7
    ACCEPTED_ON = 8
    HANDLED_BY = 9
    SYNC_STATE = 10
    COLUMN_COUNT = 11
    # The row's DeadlineState (None when it has none), for any column.
    DEADLINE_ROLE = Qt.ItemDataRole.UserRole + 1
    # The order each sortable column asks the core for; the others cannot be sorted by.
    SORT_KEYS: ClassVar[dict[int, ApplicationSortKey]] = {
        RECEIPT_NO: ApplicationSortKey.RECEIPT_NO,
        APPLICANT: ApplicationSortKey.APPLICANT,
        SERVICE: ApplicationSortKey.SERVICE,
        STATUS: ApplicationSortKey.STATUS,
        TAKEN_IN: ApplicationSortKey.INTAKE,
        DUE_DATE: ApplicationSortKey.DUE,
        DEADLINE: ApplicationSortKey.DUE,
    }

    def __init__(
        self, service_name: Callable[[ApplicationRow], str] | None = None, parent: Any = None
    ) -> None:
        """``service_name``: the name of a row's service when no page brought it (optional)."""
        super().__init__(parent)
        self._names: dict[ServiceKey, tuple[str, str]] = {}
        self._fallback_name = service_name or (lambda row: row.item_code)
        self.today = ""  # the office's today (ISO) the rows' deadline states were computed with
        self._staff_names: dict[str, str] = {}
        self._brushes = {state: QBrush(QColor(colour)) for state, colour in _TINT.items()}
        self._mark_brushes = {state: QBrush(QColor(colour)) for state, colour in _MARK_COLOUR.items()}
        self._text_brush = QBrush(QColor(_TEXT_ON_TINT))
        self._bold = QFont()
        self._bold.setBold(True)

    # --- rows -----------------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ApplicationRow], names: ServiceNames | None = None) -> None:  # type: ignore[override]
        """A fixed list (no more pages), with the names of its services."""
        self._names = dict(names or {})
        super().set_rows(list(rows))

    def key_of(self, row: ApplicationRow) -> str:
        return row.id

    def take_page(self, page: ApplicationsPage) -> None:
        self._names.update(page.service_names)
        if page.today:
            self.today = page.today

    def application(self, row: int) -> ApplicationRow | None:
        """The row's application (None outside the rows held)."""
        return self.row_at(row)

    def row_of(self, application_id: str) -> int:
        return self.row_of_key(application_id)

    def set_staff_names(self, names: Mapping[str, str]) -> None:
        """Colleagues' display names by audit name, for the Handled by column (the account name
        where none is known)."""
        self._staff_names = dict(names)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self.HANDLED_BY),
                self.index(self.rowCount() - 1, self.HANDLED_BY),
                [Qt.ItemDataRole.DisplayRole],
            )

    def service_name(self, row: ApplicationRow) -> str:
        names = self._names.get((row.item_code, row.catalogue_version))
        return localised(*names) if names else self._fallback_name(row)

    def deadline_mark(self, state: DeadlineState | None) -> str:
        """The text mark of a deadline state: shown in the Deadline column, said by screen readers."""
        if state is DeadlineState.OVERDUE:
            return self.tr("Overdue")
        if state is DeadlineState.DUE_SOON:
            return self.tr("Due soon")
        return ""

    # --- QAbstractItemModel -------------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for ten roles of every cell it paints: the others are answered first.
        if role not in _ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        state = row.deadline_state
        if role == self.DEADLINE_ROLE:
            return state
        if state not in self._brushes:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[state]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._mark_brushes[state] if column == self.DEADLINE else self._text_brush
        if role == Qt.ItemDataRole.FontRole and column == self.DEADLINE:
            return self._bold
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and (
            column == self.DEADLINE
        ):
            return fill(self.tr("%1: due on %2"), self.deadline_mark(state), row.due_date or "")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.deadline_mark(state)
        return None

    def _text(self, row: ApplicationRow, column: int) -> str | None:
        if column == self.RECEIPT_NO:
            return row.receipt_no
        if column == self.APPLICANT:
            return row.applicant_name
        if column == self.ID_MASKED:
            return row.id_masked or ""
        if column == self.SERVICE:
            return self.service_name(row)
        if column == self.STATUS:
            return status_name(row.status)
        if column == self.TAKEN_IN:
            return row.created_at[:10]
        if column == self.ACCEPTED_ON:
            return row.accepted_on or ""
        if column == self.DUE_DATE:
            return row.due_date or ""
        if column == self.DEADLINE:
            return self.deadline_mark(row.deadline_state)
        if column == self.HANDLED_BY:
            return person_name(row.handled_by, self._staff_names)
        if column == self.SYNC_STATE:
            return sync_state_name(row.sync_state)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # The newest intake first; everything else from A (or the earliest date) on.
            newest_first = section == self.TAKEN_IN
            order = Qt.SortOrder.DescendingOrder if newest_first else Qt.SortOrder.AscendingOrder
            return order.value
        if role == Qt.ItemDataRole.ToolTipRole and section not in self.SORT_KEYS:
            return self.tr("This column cannot be sorted.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("Receipt no."),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Deadline"),
            self.tr("Due"),
            self.tr("Taken in"),
            self.tr("Accepted"),
            self.tr("Handled by"),
            self.tr("Sync"),
        ]
        return titles[section]
