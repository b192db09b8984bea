"""Step 2 of an intake: choose the service item, by Chinese name or pinyin initials (dbdj → 低保...).

The catalogue's own search ranks the items (exact code, name prefix, name, initials); the list shows
only those open to the applicant's kind. The item under the cursor is described below the list:
time limit, fee, materials, form. The catalogue is read once on the database thread and handed in
(``set_catalogue``): it is immutable plain data, so searching it here, as the clerk types, is safe.
A read that fails is shown here (``catalogue_failed``); Enter then asks for it again
(``catalogue_wanted``), as the page's ``reload`` does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.catalogue import CASE_TYPES, Catalogue, ServiceItem
from ui.dialogs.fields import MessageLabel
from ui.i18n import fill
from ui.models.labels import pair, time_limit_text
from ui.models.services_model import ApplicableServices, ServicesModel
from ui.views.intake.widgets import DownIntoList, current_row, heading, hint, list_table, named, select_row


class ServicePicker(QWidget):
    """Emits ``chosen(ServiceItem)``, and ``catalogue_wanted()`` when Enter finds no catalogue because
    reading it failed (the page reads it again)."""

    chosen = Signal(object)
    catalogue_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue: Catalogue | None = None
        self._take_when_loaded = False  # Enter was pressed before the catalogue was in
        self._load_error: str | None = None  # why the last read of the catalogue failed
        self.search = named(QLineEdit(), self.tr("Search services"))
        self.search.setPlaceholderText(self.tr("Name in Chinese, pinyin initials (zdsh) or code"))
        self.search.setClearButtonEnabled(True)
        self.model = ServicesModel(self)
        self.proxy = ApplicableServices(self)
        self.proxy.setSourceModel(self.model)
        self.list = list_table(self.tr("Services"))
        self.list.setModel(self.proxy)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(ServicesModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ServicesModel.CODE, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setColumnWidth(ServicesModel.ITEM_TYPE, 130)
        self.list.setColumnWidth(ServicesModel.TIME_LIMIT, 110)
        self.details = hint(name=self.tr("Service details"))
        self.details.setStyleSheet("")
        self.message = MessageLabel(self.tr("Service message"))

        caption = QLabel(self.tr("&Find the service:"))
        caption.setBuddy(self.search)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Service")))
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)

        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(lambda: self.take(current_row(self.list)))
        self._down_into_list = DownIntoList(self.search, self.list)
        self.list.activated.connect(lambda index: self.take(index.row()))
        self.list.selectionModel().currentRowChanged.connect(self._describe)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """The catalogue in use (read on the database thread). A new version lists its items at
        once, the search and the chosen item kept."""
        self._load_error = None
        if self.catalogue is not None and self.catalogue.version == catalogue.version:
            return
        current = current_row(self.list)
        code = self.proxy.item(current).code if current >= 0 else None
        self.catalogue = catalogue
        self._search(self.search.text())
        if code is not None:
            self.select_code(code)
        if self._take_when_loaded:
            self._take_when_loaded = False
            self.proceed()

    def catalogue_failed(self, text: str) -> None:
        """Reading the catalogue failed (``text`` says why). Without a catalogue in hand, this is said
        here until a read succeeds. Enter pressed meanwhile is forgotten: the first match is not
        taken later, out of the blue, when a reload brings the catalogue in."""
        self._take_when_loaded = False
        if self.catalogue is None:
            self._load_error = text
            self._show_load_error()

    def _show_load_error(self) -> None:
        if self._load_error is not None:
            text = self.tr("The services could not be read; press Enter to try again. %1")
            self.message.show_message(fill(text, self._load_error))

    def start(self, applicant_kind: str | None) -> None:
        """Show the items open to this kind of applicant, the search cleared."""
        self._take_when_loaded = False
        self.proxy.set_applicant_kind(applicant_kind)
        self.search.clear()
        self._search("")

    def focus_first(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def proceed(self) -> bool:
        return self.take(current_row(self.list))

    def take(self, row: int) -> bool:
        if self.catalogue is None:  # still being read: take the first match once it is in
            self._take_when_loaded = True
            if self._load_error is not None:  # the last read failed: read it again
                self._load_error = None
                self.message.clear_message()
                self.catalogue_wanted.emit()
            return True
        if not 0 <= row < self.proxy.rowCount():
            self.message.show_message(self.tr("Choose a service from the list."))
            return False
        self.message.clear_message()
        self.chosen.emit(self.proxy.item(row))
        return True

    def select_code(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.item(row).code == code:
                select_row(self.list, row)
                return

    def _search(self, text: str) -> None:
        self.message.clear_message()
        self._show_load_error()
        self.model.set_rows(self.catalogue.search(text) if self.catalogue is not None else [])
        while self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())  # a catalogue is a few hundred items at most
        if self.proxy.rowCount():
            select_row(self.list, 0)
        elif self.catalogue is not None:
            self.details.setText(self.tr("No service matches. Try fewer characters or the pinyin initials."))

    def _describe(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.clear()
            return
        item = self.proxy.item(current.row())
        self.details.setText(self.description(item))

    def description(self, item: ServiceItem) -> str:
        """One line about an item: the body, the time limits, the fee, what it takes."""
        limit = time_limit_text(item.promised_limit.value, item.promised_limit.unit)
        legal = time_limit_text(item.legal_limit.value, item.legal_limit.unit)
        fee = (
            fill(self.tr("fee %1 yuan"), item.fee.amount_yuan)
            if item.fee.charged
            else self.tr("free of charge")
        )
        mandatory = sum(1 for material in item.materials if material.mandatory)
        case_type = pair(CASE_TYPES[item.case_type]) if item.case_type in CASE_TYPES else item.case_type
        return fill(
            self.tr(
                "%1 · %2 · promised: %3 (legal limit: %4) · %5 · mandatory materials: %6 · form fields: %7"
            ),
            item.implementing_body,
            case_type,
            limit,
            legal,
            fee,
            mandatory,
            len(item.form),
        )
