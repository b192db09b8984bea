"""Step 4 of an intake: the materials checklist of the service item.

The table lists what the catalogue asks for; the clerk records the originals and copies handed
over (Space: received in full, or nothing; a digit: edit the count under the cursor), and attaches
scans from a file picker or picks up the newest shot of the document camera. Each scan's type and
size are checked before it is read, and again by the core before it is kept; a refused scan says
why in its row and below the table. "View scans" (Alt+W) lists a material's scans: each can be
looked at in the application, and one attached by mistake removed (before the decision, while it
has not been sent to the platform).

Threads: the scan file is read, and a scan decoded for viewing, on a pool thread; storing, reading
back and removing a scan run on the database thread. ``busy`` is true (and ``busy_changed`` says
so) while any of it is on its way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
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
from counter_app.errors import ValidationError
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.models.labels import localised
from ui.models.materials_model import MAX_COUNT, AttachedScan, MaterialsModel
from ui.views.intake import messages
from ui.views.intake.scan_dialogs import ScanPicture, ScanPreviewDialog, ScansDialog, decode_scan
from ui.views.intake.scans import ScanFolder, newest_scan, read_scan
from ui.views.intake.session import IntakeSession, ScanContent
from ui.views.intake.widgets import OK_STYLE, current_row, heading, hint, name_headers, named, select_row
from ui.workers import Database, run_in_background


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
    """Emits ``busy_changed(bool)`` as scan work starts and ends."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        db: Database,
        session: IntakeSession,
        scan_folder: ScanFolder,
        *,
        native_dialogs: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._session = session
        self.scan_folder = scan_folder
        self.native_dialogs = native_dialogs
        self.item: ServiceItem | None = None
        self.file_dialog: QFileDialog | None = None
        self.folder_dialog: QFileDialog | None = None
        self.scans_dialog: ScansDialog | None = None
        self.preview: ScanPreviewDialog | None = None
        self._tasks = 0  # scan work on its way (pool or database thread)
        self._removing: set[str] = set()  # the scans (attachment ids) whose removal is on its way

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
        self.scans_button = named(
            QPushButton(self.tr("Vie&w scans…")), self.tr("View or remove the scans of the material")
        )
        self.scans_button.clicked.connect(self.open_scans)
        self.folder_label = hint(name=self.tr("Camera folder"))
        self.summary = hint(name=self.tr("Materials summary"))
        self.summary.setStyleSheet("")
        self.scan_message = MessageLabel(self.tr("Scan problem"))
        self.scan_done = hint(name=self.tr("Scan attached"))
        self.scan_done.setStyleSheet(OK_STYLE)

        buttons = QHBoxLayout()
        for button in (
            self.all_button,
            self.attach_button,
            self.scans_button,
            self.pick_up_button,
            self.folder_button,
        ):
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
        self.scan_message.clear_message()
        self.scan_done.clear()
        if self.scans_dialog is not None:
            self.scans_dialog.reject()

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

    # --- work off the UI thread ------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._tasks > 0

    def _begin(self) -> None:
        self._tasks += 1
        if self._tasks == 1:
            self.busy_changed.emit(True)

    def _end(self) -> None:
        self._tasks = max(0, self._tasks - 1)
        if self._tasks == 0:
            self.busy_changed.emit(False)

    def _in_background(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        """``fn()`` on a pool thread; the outcome is dropped if this panel is gone by then."""
        self._begin()

        def done(result: Any) -> None:
            if shiboken6.isValid(self):
                self._end()
                on_done(result)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self):
                self._end()
                on_error(error)

        run_in_background(fn, done, failed)

    def _on_db(
        self,
        work: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._begin()

        def done(result: Any) -> None:
            self._end()
            on_done(result)

        def failed(error: BaseException) -> None:
            self._end()
            on_error(error)

        self._db.submit(work, done, failed, owner=self)

    # --- attaching scans -----------------------------------------------------------------------------
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
        """Attach the newest file of the camera folder to the current material (the folder is
        listed off the UI thread: it may be on a slow share)."""
        material = self.current_material()
        if material is None:
            return
        folder = self.scan_folder.get()
        if folder is None:
            self.scan_message.show_message(self.tr("Choose the camera folder first (Alt+F)."))
            return
        code = material.code

        def found(newest: Path | None) -> None:
            if newest is None:
                self.scan_message.show_message(fill(self.tr("No scan found in %1."), str(folder)))
            else:
                self.attach_file(code, newest)

        self._in_background(lambda: newest_scan(folder), found, self._scan_failed)

    def attach_file(self, code: str, path: Path) -> None:
        """Check and read the file (pool thread), then keep it (database thread). The outcome shows
        in the material's row and below the table."""
        assert self.item is not None
        material = self.item.material(code)
        self.scan_done.clear()
        self.scan_message.clear_message()

        def read(content: bytes) -> None:
            self._on_db(
                self._session.attach_work(code, path.name, content),
                lambda attachment_id: self._attached(
                    code, AttachedScan(attachment_id, path.name, len(content))
                ),
                lambda error: self._refused(code, path.name, error),
            )

        self._in_background(
            lambda: read_scan(path, material), read, lambda error: self._refused(code, path.name, error)
        )

    def _attached(self, code: str, scan: AttachedScan) -> None:
        material = self.model.material_row(self.model.row_of(code)).material
        self.model.add_scan(code, scan)
        self.scan_message.clear_message()
        self.scan_done.setText(
            fill(self.tr("%1 attached to %2."), scan.name, localised(material.name, material.name_en))
        )
        self._refresh_scans_dialog()

    def _refused(self, code: str, filename: str, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            self._scan_failed(error)
            return
        material = self.model.material_row(self.model.row_of(code)).material
        text = messages.scan_error(error, material.accepted_types, material.max_size_mb)
        self.model.set_problem(code, text)
        self.scan_message.show_message(
            fill(
                self.tr("%1 was not attached to %2: %3"),
                filename,
                localised(material.name, material.name_en),
                text,
            )
        )

    def _scan_failed(self, error: BaseException) -> None:
        self.scan_message.show_message(error_text(error))

    # --- looking at scans, removing one ------------------------------------------------------------------
    def open_scans(self) -> None:
        """The scans of the current material (Alt+W): view them, remove one attached by mistake."""
        material = self.current_material()
        if material is None:
            return
        name = localised(material.name, material.name_en)
        if not self.model.scans(material.code):
            self.scan_message.show_message(fill(self.tr("No scan is attached to %1 yet."), name))
            return
        self.scan_message.clear_message()
        if self.scans_dialog is not None:
            self.scans_dialog.reject()
        dialog = ScansDialog(name, self.view_scan, self.remove_scan, self, removing=self.removing)
        dialog.setProperty("material_code", material.code)
        dialog.show_scans(self.model.scans(material.code))
        dialog.finished.connect(lambda _result: self._scans_dialog_closed(dialog))
        self.scans_dialog = dialog
        dialog.open()
        dialog.focus_list()

    def _scans_dialog_closed(self, dialog: ScansDialog) -> None:
        if self.scans_dialog is dialog:
            self.scans_dialog = None
            self.table.setFocus()
        dialog.deleteLater()

    def _refresh_scans_dialog(self) -> None:
        dialog = self.scans_dialog
        if dialog is not None:
            dialog.show_scans(self.model.scans(str(dialog.property("material_code"))))

    def view_scan(self, scan: AttachedScan) -> None:
        """Decrypt the scan (database thread, audited as a view of personal data), decode it (pool
        thread), show it in the application."""
        self._status(fill(self.tr("Opening %1…"), scan.name))

        def opened(read: ScanContent) -> None:
            self._in_background(
                lambda: decode_scan(read.name, read.content), self._show_preview, self._view_failed
            )

        self._on_db(self._session.read_scan_work(scan.attachment_id), opened, self._view_failed)

    def _show_preview(self, picture: ScanPicture) -> None:
        self._status("")
        if self.preview is not None and shiboken6.isValid(self.preview):
            self.preview.close()
        parent = self.scans_dialog if self.scans_dialog is not None else self
        self.preview = ScanPreviewDialog(picture, parent)
        self.preview.open()

    def _view_failed(self, error: BaseException) -> None:
        self._status("")
        self._problem(error_text(error))

    def removing(self, scan: AttachedScan) -> bool:
        """The scan's removal is on its way (the scans dialog offers no second one meanwhile)."""
        return scan.attachment_id in self._removing

    def remove_scan(self, scan: AttachedScan) -> None:
        """Remove a scan attached by mistake (the core refuses once it was sent or decided). Once:
        asked again while its removal is on its way, nothing more is sent."""
        if self.removing(scan):
            return
        self._removing.add(scan.attachment_id)
        self._update_scans_dialog()
        self._status(fill(self.tr("Removing %1…"), scan.name))
        self._on_db(
            self._session.remove_scan_work(scan.attachment_id),
            lambda _none: self._removed(scan),
            lambda error: self._removal_refused(scan, error),
        )

    def _update_scans_dialog(self) -> None:
        if self.scans_dialog is not None:
            self.scans_dialog.update_buttons()

    def _removed(self, scan: AttachedScan) -> None:
        self._removing.discard(scan.attachment_id)
        self._status("")
        self.model.remove_scan(scan.attachment_id)
        self.scan_message.clear_message()
        self.scan_done.setText(fill(self.tr("%1 was removed."), scan.name))
        dialog = self.scans_dialog
        if dialog is not None:
            code = str(dialog.property("material_code"))
            if self.model.scans(code):
                dialog.show_scans(self.model.scans(code))
                dialog.show_status(fill(self.tr("%1 was removed."), scan.name))
            else:
                dialog.accept()  # nothing left to look at

    def _removal_refused(self, scan: AttachedScan, error: BaseException) -> None:
        self._removing.discard(scan.attachment_id)  # it is still there: it may be removed again
        self._update_scans_dialog()
        self._status("")
        self._problem(messages.scan_removal_error(error))

    def _status(self, text: str) -> None:
        if self.scans_dialog is not None:
            self.scans_dialog.show_status(text)

    def _problem(self, text: str) -> None:
        if self.scans_dialog is not None:
            self.scans_dialog.show_problem(text)
        else:
            self.scan_message.show_message(text)

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
