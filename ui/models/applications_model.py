"""The applications list, read from the core a page at a time, off the UI thread, as the view scrolls.

``set_source(load)`` takes a loader ``load(offset, limit, deliver, fail)`` that starts reading
``limit`` rows from ``offset`` elsewhere (the page submits it to the database thread) and later
calls ``deliver(ApplicationsPage)`` or ``fail(exception)`` on the UI thread. The model asks for the
first page at once and for the next one in ``fetchMore()`` while the last page came back full; it
inserts the rows when they arrive. One page is asked for at a time, so none is asked for twice; a
page of a source that ``set_source``/``set_rows`` has replaced meanwhile is ignored.

Until a new source's first page arrives the model keeps showing the rows it has (no empty flash while
the clerk types); then they are replaced at once. Filtering happens in the query, not in a proxy: a
proxy can only filter the rows already fetched.

Service names come with the rows (``ApplicationsPage.service_names``, read on the database thread by
:func:`service_names`), so ``data()`` never reaches the core. UI thread only, except
:func:`service_names`, which runs where the ``Counter`` is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.records import ApplicationRow
from ui.models.case_labels import status_name, sync_state_name
from ui.models.labels import localised
from ui.models.rows import Index

ServiceKey = tuple[str, str]  # (item code, catalogue version)
ServiceNames = Mapping[ServiceKey, tuple[str, str]]  # → (Chinese name, English name)


@dataclass(frozen=True)
class ApplicationsPage:
    """Rows of the list and the names of the services they are for."""

    rows: list[ApplicationRow]
    service_names: dict[ServiceKey, tuple[str, str]] = field(default_factory=dict)


Deliver = Callable[[ApplicationsPage], None]
Fail = Callable[[BaseException], None]
Load = Callable[[int, int, Deliver, Fail], object]


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


class ApplicationsModel(QAbstractTableModel):
    RECEIPT_NO = 0
    APPLICANT = 1
    ID_MASKED = 2
    SERVICE = 3
    STATUS = 4
    ACCEPTED_ON = 5
    DUE_DATE = 6
    SYNC_STATE = 7
    COLUMN_COUNT = 8
    PAGE = 200

    # (first row, row count) of a page now in the model; a first page (0, n) replaced every row.
    page_loaded = Signal(int, int)
    # A page could not be read (the exception); a first page that failed leaves the model empty.
    load_failed = Signal(object)

    def __init__(
        self, service_name: Callable[[ApplicationRow], str] | None = None, parent: Any = None
    ) -> None:
        """``service_name``: the name of a row's service when no page brought it (optional)."""
        super().__init__(parent)
        self._rows: list[ApplicationRow] = []
        self._names: dict[ServiceKey, tuple[str, str]] = {}
        self._load: Load | None = None
        self._source = 0  # which source a page belongs to; bumped by set_source()/set_rows()
        self._waiting_for: int | None = None  # the offset of the page asked for and not yet here
        self._more = False
        self._resetting = False
        self._fallback_name = service_name or (lambda row: row.item_code)

    # --- rows -----------------------------------------------------------------------------------------
    def set_source(self, load: Load | None, *, at_least: int = 0) -> None:
        """Start over with ``load`` (None: empty) and ask for its first page; the rows shown stay
        until it arrives. ``at_least``: make the first page that many rows (in whole pages), so a
        re-read keeps what the clerk had scrolled to."""
        self._source += 1
        self._load = load
        self._more = False
        self._waiting_for = None
        if load is None:
            self._replace([], {})
            return
        pages = max(1, -(-at_least // self.PAGE))
        self._ask(0, pages * self.PAGE)

    def set_rows(self, rows: Iterable[ApplicationRow], names: ServiceNames | None = None) -> None:
        """A fixed list (no more pages), with the names of its services."""
        self._source += 1
        self._load, self._more, self._waiting_for = None, False, None
        self._replace(list(rows), dict(names or {}))

    @property
    def loading(self) -> bool:
        """A page has been asked for and has not arrived yet."""
        return self._waiting_for is not None

    def application(self, row: int) -> ApplicationRow:
        return self._rows[row]

    def row_of(self, application_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == application_id), -1)

    def service_name(self, row: ApplicationRow) -> str:
        names = self._names.get((row.item_code, row.catalogue_version))
        return localised(*names) if names else self._fallback_name(row)

    def _ask(self, offset: int, limit: int) -> None:
        assert self._load is not None
        source = self._source
        self._waiting_for = offset
        self._load(
            offset,
            limit,
            lambda page: self._arrived(source, offset, limit, page),
            lambda error: self._failed(source, offset, error),
        )

    def _arrived(self, source: int, offset: int, limit: int, page: ApplicationsPage) -> None:
        if source != self._source or offset != self._waiting_for:
            return  # superseded
        self._waiting_for = None
        self._more = len(page.rows) >= limit
        if offset == 0:
            self._replace(list(page.rows), dict(page.service_names))
        elif page.rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._names.update(page.service_names)
            self.endInsertRows()
        self.page_loaded.emit(offset, len(page.rows))

    def _failed(self, source: int, offset: int, error: BaseException) -> None:
        if source != self._source or offset != self._waiting_for:
            return
        self._waiting_for = None
        self._more = False  # no retry loop from the view; set_source() starts again
        if offset == 0:
            self._replace([], {})
        self.load_failed.emit(error)

    def _replace(self, rows: list[ApplicationRow], names: dict[ServiceKey, tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows, self._names = rows, names
        # A view (or the model tester) reacting to modelReset may ask for more at once: not while
        # the reset is still being announced.
        self._resetting = True
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
        return not parent.isValid() and self._more and not self.loading and not self._resetting

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._load is None:
            return
        self._ask(len(self._rows), self.PAGE)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            self.RECEIPT_NO: row.receipt_no,
            self.APPLICANT: row.applicant_name,
            self.ID_MASKED: row.id_masked or "",
            self.SERVICE: self.service_name(row),
            self.STATUS: status_name(row.status),
            self.ACCEPTED_ON: row.accepted_on or "",
            self.DUE_DATE: row.due_date or "",
            self.SYNC_STATE: sync_state_name(row.sync_state),
        }
        return values.get(column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("Receipt no."),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Accepted"),
            self.tr("Due"),
            self.tr("Sync"),
        ]
        return titles[section] if 0 <= section < len(titles) else None
