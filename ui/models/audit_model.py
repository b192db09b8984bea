"""The audit trail as lists: events newest first, read a page at a time by sequence number as the view
scrolls, and views of citizens' personal data per person.

``AuditEventsModel.set_source(load)`` takes a loader ``load(before_seq, limit, deliver, fail)`` that
starts reading ``limit`` events older than ``before_seq`` (None: the newest) elsewhere — the page
submits it to the database thread — and later calls ``deliver(list[AuditEvent])`` or
``fail(exception)`` on the UI thread. The first page is asked for at once; ``fetchMore()`` asks for
the next one (the last row's ``seq`` as the cursor, so events written meanwhile never shift a page)
while the last page came back full. One page is asked for at a time; a page of a replaced source is
ignored; the rows shown stay until a new source's first page arrives. ``add_newer`` puts the events
written since on top of the rows held (the page keeps the reader's place). A staff member is named
"张晓燕 (clerk1)" — display name and account — from the names ``set_staff_names`` gave (read with the
page's choices on the database thread). UI thread only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from counter_app.records import AuditEvent, PersonalDataViews
from ui.i18n import fill
from ui.models.audit_labels import action_name, outcome_name, person_and_account, record_text
from ui.models.rows import Index, RowTableModel

Deliver = Callable[[list[AuditEvent]], None]
Fail = Callable[[BaseException], None]
Load = Callable[[int | None, int, Deliver, Fail], object]

PROBLEM_COLOUR = QColor("#a4262c")


def when(ts: str | None) -> str:
    """``2026-11-25T09:30:12.345+08:00`` → ``2026-11-25 09:30:12``."""
    return (ts or "")[:19].replace("T", " ")


def detail_text(detail: dict[str, Any]) -> str:
    """``a=1, b=["M01","M02"], c=true``: the event's codes and counts, strings as they are."""

    def shown(value: Any) -> str:
        return (
            value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        )

    return ", ".join(f"{key}={shown(value)}" for key, value in sorted(detail.items()))


class AuditEventsModel(QAbstractTableModel):
    SEQ = 0
    TIME = 1
    PERSON = 2
    ACTION = 3
    RECORD = 4
    OUTCOME = 5
    DETAIL = 6
    COLUMN_COUNT = 7
    PAGE = 200

    # (first row, row count) of a page now in the model; a first page (0, n) replaced every row.
    page_loaded = Signal(int, int)
    load_failed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditEvent] = []
        self._load: Load | None = None
        self._source = 0
        self._waiting = False
        self._more = False
        self._resetting = False
        self._staff_names: dict[str, str] = {}

    def set_staff_names(self, names: Mapping[str, str]) -> None:
        """Colleagues' display names by audit name, for the Who column."""
        self._staff_names = dict(names)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.PERSON),
                self.index(len(self._rows) - 1, self.PERSON),
                [Qt.ItemDataRole.DisplayRole],
            )

    # --- rows -----------------------------------------------------------------------------------------
    def set_source(self, load: Load | None) -> None:
        """Start over with ``load`` (None: empty) and ask for its first page."""
        self._source += 1
        self._load = load
        self._more = False
        self._waiting = False
        if load is None:
            self._replace([])
            return
        self._ask(None)

    @property
    def loading(self) -> bool:
        return self._waiting

    @property
    def source(self) -> int:
        """Which source the rows come from: changes with each ``set_source``."""
        return self._source

    def add_newer(self, first_page: list[AuditEvent]) -> int | None:
        """Put the events of ``first_page`` (the newest under the source's filter, read again) that are
        newer than the rows held on top of them; how many. None when the rows held are empty, or when
        all of a full page is newer (there may be more between it and the rows): start over instead."""
        if not self._rows:
            return None
        top = self._rows[0].seq
        newer = [event for event in first_page if event.seq > top]
        if len(newer) >= self.PAGE:
            return None
        if newer:
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._rows[0:0] = newer
            self.endInsertRows()
        return len(newer)

    def event_at(self, row: int) -> AuditEvent:
        return self._rows[row]

    def events(self) -> list[AuditEvent]:
        return list(self._rows)

    def _ask(self, before_seq: int | None) -> None:
        assert self._load is not None
        source, offset = self._source, 0 if before_seq is None else len(self._rows)
        self._waiting = True
        self._load(
            before_seq,
            self.PAGE,
            lambda page: self._arrived(source, offset, page),
            lambda error: self._failed(source, offset, error),
        )

    def _arrived(self, source: int, offset: int, page: list[AuditEvent]) -> None:
        if source != self._source:
            return  # superseded
        self._more = len(page) >= self.PAGE
        if offset == 0:
            self._waiting = False
            self._replace(list(page))
        elif page:
            # Still waiting while the rows go in: a view or proxy that asks for more on
            # rowsAboutToBeInserted must not ask again for the page being inserted.
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self._waiting = False
        self.page_loaded.emit(offset, len(page))

    def _failed(self, source: int, offset: int, error: BaseException) -> None:
        if source != self._source:
            return
        self._waiting = False
        self._more = False
        if offset == 0:
            self._replace([])
        self.load_failed.emit(error)

    def _replace(self, rows: list[AuditEvent]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._resetting = True  # no fetchMore while the reset is still being announced
        try:
            self.endResetModel()
        finally:
            self._resetting = False

    # --- QAbstractItemModel -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._waiting and not self._resetting

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or not self._rows:
            return
        self._ask(self._rows[-1].seq)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        event, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                self.SEQ: str(event.seq),
                self.TIME: when(event.ts),
                self.PERSON: person_and_account(event.actor, self._staff_names),
                self.ACTION: action_name(event.action),
                self.RECORD: record_text(event.entity, event.entity_id),
                self.OUTCOME: outcome_name(event.outcome),
                self.DETAIL: detail_text(event.detail),
            }
            return values.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                self.TIME: fill(self.tr("On this counter's clock: %1"), when(event.device_ts)),
                self.PERSON: event.actor,
                self.ACTION: event.action,
                self.RECORD: event.entity_id or "",
                self.DETAIL: detail_text(event.detail),
            }
            return tips.get(column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME and event.outcome != "success":
            return QBrush(PROBLEM_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return event.seq
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("No."),
            self.tr("When"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Outcome"),
            self.tr("Details"),
        ]
        return titles[section] if 0 <= section < len(titles) else None


class PersonalDataViewsModel(RowTableModel):
    """Per person: how often they viewed citizens' personal data in the period, most first."""

    PERSON = 0
    TOTAL = 1
    APPLICANTS = 2
    SCANS = 3
    NOTICES = 4
    FIRST = 5
    LAST = 6
    COLUMN_COUNT = 7
    # The columns that count one kind of view, and the action each counts.
    COUNTED: ClassVar[dict[int, str]] = {
        APPLICANTS: "applicant.view",
        SCANS: "attachment.view",
        NOTICES: "notice.view",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._staff_names: dict[str, str] = {}

    def set_staff_names(self, names: Mapping[str, str]) -> None:
        """Colleagues' display names by audit name, for the Who column (set before the rows)."""
        self._staff_names = dict(names)

    def titles(self) -> list[str]:
        return [
            self.tr("Who"),
            self.tr("Views in all"),
            self.tr("Applicants' data shown"),
            self.tr("Scans opened"),
            self.tr("Notices prepared"),
            self.tr("First"),
            self.tr("Last"),
        ]

    def views(self, row: int) -> PersonalDataViews:
        return self.row_at(row)

    def cell(self, row: PersonalDataViews, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PERSON:
                return person_and_account(row.actor, self._staff_names)
            if column == self.TOTAL:
                return str(row.total)
            if column in self.COUNTED:
                return str(row.by_action.get(self.COUNTED[column], 0))
            if column == self.FIRST:
                return when(row.first_ts)
            if column == self.LAST:
                return when(row.last_ts)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TOTAL, *self.COUNTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PERSON:
            return row.actor
        return None
