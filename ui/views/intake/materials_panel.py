"""Step 4 of an intake: the materials checklist of the service item.

The table lists what the catalogue asks for; the clerk records the originals and copies handed
over (Space: received in full, or nothing; a digit: edit the count under the cursor), and attaches
scans from a file picker or picks up the newest shot of the document camera. Each scan's type and
size are checked before it is read, and again by the core before it is kept; a refused scan says
why in its row and below the table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue import Material, ServiceItem
from counter_app.errors import CounterError, ValidationError
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.models.labels import localised
from ui.models.materials_model import MAX_COUNT, MaterialsModel
from ui.views.intake import messages
from ui.views.intake.scans import ScanFolder, newest_scan, read_scan
from ui.views.intake.widgets import OK_STYLE, current_row, heading, hint, name_headers, named, select_row

Attach = Callable[[str, str, bytes], str]  # material code, file name, content → attachment id


class CountDelegate(QStyledItemDelegate):
    """Counts are edited in a spin box from 0 to 99; each change is written at once."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, MAX_COUNT)
        title = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        named(spin, str(title))
        spin.valueChanged.connect(lambda _value: self.commitData.emit(spin))
        return spin


class MaterialsTable(QTableView):
    """Space marks the current material received in full (or nothing, if it was)."""

    toggle_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.state() != QAbstractItemView.State.EditingState:
            row = self.currentIndex().row()
            if row >= 0:
                self.toggle_requested.emit(row)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusInEvent(event)
        model = self.model()
        if model is not None and model.rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(model.index(0, MaterialsModel.ORIGINALS))


class MaterialsPanel(QWidget):
    def __init__(
        self, scan_folder: ScanFolder, *, native_dialogs: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.scan_folder = scan_folder
        self.native_dialogs = native_dialogs
        self.attach: Attach | None = None
        self.item: ServiceItem | None = None
        self.file_dialog: QFileDialog | None = None
        self.folder_dialog: QFileDialog | None = None

        self.model = MaterialsModel(self)
        self.table = MaterialsTable()
        named(self.table, self.tr("Materials"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(CountDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        name_headers(self.table, self.tr("Materials"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MaterialsModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (MaterialsModel.REQUIRED, 190),
            (MaterialsModel.ORIGINALS, 70),
            (MaterialsModel.COPIES, 70),
            (MaterialsModel.SCANS, 170),
            (MaterialsModel.STATUS, 90),
        ):
            self.table.setColumnWidth(column, width)
        self.table.toggle_requested.connect(self.model.toggle_received)
        self.model.dataChanged.connect(self._summarise)
        self.model.modelReset.connect(self._summarise)

        self.all_button = named(
            QPushButton(self.tr("Mark all mandatory &received")),
            self.tr("Mark all mandatory materials received"),
        )
        self.all_button.clicked.connect(self.model.mark_all_received)
        self.attach_button = named(
            QPushButton(self.tr("&Attach scan…")), self.tr("Attach a scan from a file")
        )
        self.attach_button.clicked.connect(self.choose_file)
        self.pick_up_button = named(
            QPushButton(self.tr("Pick up from &camera folder")),
            self.tr("Pick up the newest scan from the camera folder"),
        )
        self.pick_up_button.clicked.connect(self.pick_up)
        self.folder_button = named(
            QPushButton(self.tr("Camera &folder…")), self.tr("Choose the camera folder")
        )
        self.folder_button.clicked.connect(self.choose_folder)
        self.folder_label = hint(name=self.tr("Camera folder"))
        self.summary = hint(name=self.tr("Materials summary"))
        self.summary.setStyleSheet("")
        self.scan_message = MessageLabel(self.tr("Scan problem"))
        self.scan_done = hint(name=self.tr("Scan attached"))
        self.scan_done.setStyleSheet(OK_STYLE)

        buttons = QHBoxLayout()
        for button in (self.all_button, self.attach_button, self.pick_up_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Materials")))
        layout.addWidget(
            hint(
                self.tr(
                    "Space: received in full (or nothing); type a number to change the count under the "
                    "cursor. Scans are checked for type and size before they are kept."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.scan_message)
        layout.addWidget(self.scan_done)
        self._show_folder()

    # --- the checklist --------------------------------------------------------------------------------
    def set_item(self, item: ServiceItem) -> None:
        if self.item is not None and self.item.code == item.code:
            return
        self.item = item
        self.model.set_item(item)
        self.scan_message.clear_message()
        self.scan_done.clear()
        select_row(self.table, 0)

    def clear(self) -> None:
        self.item = None
        self.model.set_rows([])

    def focus_first(self) -> None:
        self.table.setFocus()
        if self.model.rowCount():
            row = max(self.table.currentIndex().row(), 0)
            self.table.setCurrentIndex(self.model.index(row, MaterialsModel.ORIGINALS))

    def received(self) -> dict[str, tuple[int, int]]:
        return self.model.received()

    def current_material(self) -> Material | None:
        row = current_row(self.table)
        return self.model.material_row(row).material if row >= 0 else None

    def _summarise(self, *_args: object) -> None:
        if self.item is None or not self.model.rowCount():
            self.summary.clear()
            return
        check = self.model.check()
        self.summary.setText(
            fill(
                self.tr("Received: %1 · mandatory missing: %2 · optional not handed in: %3"),
                len(check.received),
                len(check.missing_mandatory),
                len(check.missing_optional),
            )
        )

    # --- scans ---------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        """Open the file picker for the current material (not blocking: ``fileSelected`` attaches)."""
        material = self.current_material()
        if material is None:
            return
        dialog = QFileDialog(self, fill(self.tr("Scan of %1"), localised(material.name, material.name_en)))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        patterns = " ".join(f"*.{kind}" for kind in material.accepted_types)
        dialog.setNameFilters([fill(self.tr("Scans (%1)"), patterns), self.tr("All files (*)")])
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        folder = self.scan_folder.get()
        if folder is not None and folder.is_dir():
            dialog.setDirectory(str(folder))
        code = material.code
        dialog.fileSelected.connect(lambda path: self.attach_file(code, Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.file_dialog = dialog
        dialog.open()

    def pick_up(self) -> None:
        """Attach the newest file of the camera folder to the current material."""
        material = self.current_material()
        if material is None:
            return
        folder = self.scan_folder.get()
        if folder is None:
            self.scan_message.show_message(self.tr("Choose the camera folder first (Alt+F)."))
            return
        newest = newest_scan(folder)
        if newest is None:
            self.scan_message.show_message(fill(self.tr("No scan found in %1."), str(folder)))
            return
        self.attach_file(material.code, newest)

    def attach_file(self, code: str, path: Path) -> bool:
        assert self.item is not None and self.attach is not None
        material = self.item.material(code)
        self.scan_done.clear()
        try:
            content = read_scan(path, material)
            self.attach(code, path.name, content)
        except ValidationError as exc:
            text = messages.scan_error(exc, material.accepted_types, material.max_size_mb)
            self.model.set_problem(code, text)
            self.scan_message.show_message(
                fill(
                    self.tr("%1 was not attached to %2: %3"),
                    path.name,
                    localised(material.name, material.name_en),
                    text,
                )
            )
            return False
        except CounterError as exc:
            self.scan_message.show_message(error_text(exc))
            return False
        self.model.add_scan(code, path.name)
        self.scan_message.clear_message()
        self.scan_done.setText(
            fill(self.tr("%1 attached to %2."), path.name, localised(material.name, material.name_en))
        )
        return True

    def choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Folder where the document camera saves"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        current = self.scan_folder.get()
        if current is not None:
            dialog.setDirectory(str(current))
        dialog.fileSelected.connect(lambda path: self.set_folder(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.folder_dialog = dialog
        dialog.open()

    def set_folder(self, folder: Path) -> None:
        self.scan_folder.set(folder)
        self._show_folder()

    def _show_folder(self) -> None:
        folder = self.scan_folder.get()
        self.folder_label.setText(
            fill(self.tr("Camera folder: %1"), str(folder)) if folder else self.tr("No camera folder chosen.")
        )
