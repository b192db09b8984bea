"""The catalogue page (事项): the active catalogue's items, searched in Chinese or by pinyin initials
(``Catalogue.search``), and the chosen item's type, time limits, fee, materials and form fields.

The active catalogue is read on the database thread (``ui.workers.Database``) and shown when it
arrives; a ``Catalogue`` is immutable plain data, so searching it happens on the UI thread.
``reload()`` reads it again (a sync may have installed a new version). UI thread only.
"""

from __future__ import annotations

import sys
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from counter_app.catalogue import Catalogue, ServiceItem
from counter_app.errors import CounterError
from ui.i18n import error_text, fill
from ui.models.item_form_model import ItemFormModel
from ui.models.item_materials_model import ItemMaterialsModel
from ui.models.labels import enumerate_names, item_type_name, localised, time_limit_text
from ui.models.services_model import ServicesModel
from ui.views.intake.widgets import heading, list_table, named, select_row
from ui.workers import Database

LOAD_KEY = "catalogue.active"  # keys are global to the Database: prefixed with the page


class CatalogueView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_catalogue")
        self.db = db
        self.catalogue: Catalogue | None = None  # until the first reading arrives

        self.search = named(
            QLineEdit(), self.tr("Search the catalogue"), self.tr("Part of the name, or its pinyin initials")
        )
        self.search.setPlaceholderText(self.tr("Service name or pinyin initials, e.g. zdshbz"))
        self.search.setClearButtonEnabled(True)
        self.version = QLabel()
        self.model = ServicesModel(self)
        self.table = list_table(self.tr("Service items"))
        self.table.setModel(self.model)
        self.table.setColumnHidden(ServicesModel.CODE, True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(ServicesModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Service item details"))
        self.materials_model = ItemMaterialsModel(self)
        self.materials = list_table(self.tr("Materials"))
        self.materials.setModel(self.materials_model)
        self.fields_model = ItemFormModel(self)
        self.fields = list_table(self.tr("Form fields"))
        self.fields.setModel(self.fields_model)

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Catalogue")))
        top.addWidget(self.version)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(QLabel(self.tr("Materials:")))
        right_layout.addWidget(self.materials, 2)
        right_layout.addWidget(QLabel(self.tr("Form fields:")))
        right_layout.addWidget(self.fields, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.search.textChanged.connect(lambda _text: self.filter())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_row(current.row())
        )
        self.show_row(-1)
        self.reload()

    def reload(self) -> None:
        """Read the active catalogue again; a new version replaces the list, staying on the chosen item."""
        self.db.submit(
            lambda counter: counter.catalogue.active(),
            self._show_catalogue,
            self._load_failed,
            key=LOAD_KEY,
            owner=self,
        )

    def _show_catalogue(self, catalogue: Catalogue) -> None:
        if catalogue is self.catalogue:  # the database thread keeps one parsed copy per version
            return
        self.catalogue = catalogue
        self.version.setText(fill(self.tr("Version %1"), catalogue.version))
        self.filter(keep=self._current_code())

    def _load_failed(self, error: BaseException) -> None:
        self.details.setText(error_text(error))
        if not isinstance(error, CounterError):  # a bug, not a refusal: report it as well
            sys.excepthook(type(error), error, error.__traceback__)

    def _current_code(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.item(row).code if 0 <= row < self.model.rowCount() else None

    def filter(self, keep: str | None = None) -> None:
        """Show the items matching the search field, on the item coded ``keep`` or else the first."""
        if self.catalogue is None:
            return
        text = self.search.text().strip()
        items = self.catalogue.search(text) if text else list(self.catalogue.active_items())
        self.model.set_rows(items)
        row = next((n for n, item in enumerate(items) if item.code == keep), 0) if items else -1
        if items:
            select_row(self.table, row)
        self.show_row(row)

    def show_row(self, row: int) -> None:
        if self.catalogue is None:
            self.details.setText(self.tr("Reading the catalogue…"))
            return
        if not 0 <= row < self.model.rowCount():
            self.details.setText(self.tr("No service item matches."))
            self.materials_model.set_rows([])
            self.fields_model.set_rows([])
            return
        item = self.model.item(row)
        self._show_item(item)
        self.materials_model.set_rows(item.materials)
        self.fields_model.set_rows(item.form)
        self.materials.resizeColumnsToContents()
        self.fields.resizeColumnsToContents()

    def _show_item(self, item: ServiceItem) -> None:
        free = self.tr("Free of charge")
        fee = fill(self.tr("%1 yuan"), item.fee.amount_yuan) if item.fee.charged else free
        lines = [
            f"<b>{escape(localised(item.name, item.name_en))}</b> ({escape(item.code)})",
            fill(self.tr("Type: %1"), item_type_name(item.item_type)),
            fill(self.tr("Implemented by: %1"), item.implementing_body),
            fill(
                self.tr("Legal time limit: %1; promised: %2"),
                time_limit_text(item.legal_limit.value, item.legal_limit.unit),
                time_limit_text(item.promised_limit.value, item.promised_limit.unit),
            ),
            fill(self.tr("Fee: %1"), fee),
        ]
        if item.acceptance_conditions:
            lines.append(fill(self.tr("Conditions: %1"), enumerate_names(list(item.acceptance_conditions))))
        self.details.setText("<br>".join(lines[:1] + [escape(line) for line in lines[1:]]))
