"""Looking at the scans attached to a material, and removing one attached by mistake.

``ScansDialog`` lists the scans of one material (Enter: view, Delete: remove, Esc: close).
``ScanPreviewDialog`` shows a scan inside the application: an image as a picture, a PDF by its name,
size and page count. A scan is personal data: it is decrypted into memory only, never written to a
temporary file or handed to another program, and the dialog forgets it when it closes.
``decode_scan`` turns the bytes into what the preview shows; it runs off the UI thread (a QImage
may be made on any thread).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.fields import MessageLabel
from ui.i18n import fill
from ui.models.materials_model import AttachedScan
from ui.views.intake.widgets import heading, hint, named

# "/Type /Page" objects, not "/Type /Pages" (the page tree).
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
PREVIEW_SHARE = 0.8  # of the screen, at most, for the picture


def pdf_page_count(content: bytes) -> int | None:
    """The number of pages of a PDF, or None when they cannot be counted without a PDF library
    (page objects inside compressed object streams)."""
    if not content.startswith(b"%PDF"):
        return None
    pages = len(_PDF_PAGE.findall(content))
    return pages or None


@dataclass(frozen=True)
class ScanPicture:
    """What the preview shows of a scan: a picture, or (a PDF) its page count."""

    name: str
    size: int
    image: QImage | None = None
    is_pdf: bool = False
    pages: int | None = None


def decode_scan(name: str, content: bytes) -> ScanPicture:
    """Any thread."""
    if content.startswith(b"%PDF") or name.lower().endswith(".pdf"):
        return ScanPicture(name, len(content), is_pdf=True, pages=pdf_page_count(content))
    image = QImage.fromData(content)
    return ScanPicture(name, len(content), None if image.isNull() else image)


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class ScansDialog(QDialog):
    """The scans of one material. ``view(scan)`` and ``remove(scan)`` are the panel's: they run on the
    database thread and report back through :meth:`show_scans` and :meth:`show_problem`.
    ``removing(scan)`` says whether the scan's removal is on its way: Remove (and Delete) is off for
    it meanwhile, so it is not removed twice; the panel calls :meth:`update_buttons` as that changes.
    """

    def __init__(
        self,
        material_name: str,
        view: Callable[[AttachedScan], None],
        remove: Callable[[AttachedScan], None],
        parent: QWidget | None = None,
        *,
        removing: Callable[[AttachedScan], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._remove = remove
        self._removing = removing or (lambda _scan: False)
        self.confirm: QMessageBox | None = None
        title = fill(self.tr("Scans of %1"), material_name)
        self.setWindowTitle(title)
        self.list = named(QListWidget(), self.tr("Scans attached"))
        self.view_button = named(QPushButton(self.tr("&View (Enter)")), self.tr("View the scan"))
        self.remove_button = named(QPushButton(self.tr("&Remove… (Del)")), self.tr("Remove the scan"))
        self.close_button = named(QPushButton(self.tr("Close (Esc)")), self.tr("Close"))
        for button in (self.view_button, self.remove_button, self.close_button):
            button.setAutoDefault(False)
        self.message = MessageLabel(self.tr("Scan problem"))
        self.status = hint(name=self.tr("Scan status"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addWidget(
            hint(
                self.tr(
                    "A scan attached by mistake can be removed until the decision, as long as it has "
                    "not been sent to the platform yet."
                )
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(520, 320)

        self.list.itemActivated.connect(lambda _item: self.view_current())
        self.view_button.clicked.connect(self.view_current)
        self.remove_button.clicked.connect(self.ask_to_remove)
        self.close_button.clicked.connect(self.reject)
        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self)
        self.delete_shortcut.activated.connect(self.ask_to_remove)
        self.list.currentItemChanged.connect(lambda _current, _previous: self.update_buttons())

    def show_scans(self, scans: tuple[AttachedScan, ...]) -> None:
        """List ``scans``, keeping the one under the cursor where it still is."""
        current = self.current()
        self.list.clear()
        for scan in scans:
            item = QListWidgetItem(f"{scan.name} · {size_text(scan.size)}")
            item.setData(Qt.ItemDataRole.UserRole, scan)
            self.list.addItem(item)
        row = next(
            (n for n, scan in enumerate(scans) if current and scan.attachment_id == current.attachment_id), 0
        )
        if scans:
            self.list.setCurrentRow(row)
        self.update_buttons()
        if not scans:
            self.status.setText(self.tr("No scan is attached to this material."))

    def update_buttons(self) -> None:
        """View for any scan; Remove (and Delete) unless the scan's removal is on its way."""
        scan = self.current()
        removable = scan is not None and not self._removing(scan)
        self.view_button.setEnabled(scan is not None)
        self.remove_button.setEnabled(removable)
        self.delete_shortcut.setEnabled(removable)

    def current(self) -> AttachedScan | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_problem(self, text: str) -> None:
        self.message.show_message(text)

    def view_current(self) -> None:
        scan = self.current()
        if scan is not None:
            self.message.clear_message()
            self._view(scan)

    def ask_to_remove(self) -> None:
        """Remove the scan under the cursor, once the clerk confirms (Enter: remove, Esc: keep)."""
        scan = self.current()
        if scan is None or self._removing(scan):
            return
        self.message.clear_message()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove scan"),
            fill(self.tr("Remove %1? It is deleted from this computer."), scan.name),
            parent=self,
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        remove.setAccessibleName(self.tr("Remove"))
        keep.setAccessibleName(self.tr("Keep"))
        box.setDefaultButton(remove)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda button: self._remove(scan) if button is remove else None)
        box.finished.connect(lambda _result: box.deleteLater())
        self.confirm = box
        box.open()

    def focus_list(self) -> None:
        self.list.setFocus()


class ScanPreviewDialog(QDialog):
    """One scan, shown in the application (Esc closes). Deleted, with the picture, when closed."""

    def __init__(self, picture: ScanPicture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(fill(self.tr("Scan: %1"), picture.name))
        facts = [picture.name, size_text(picture.size)]
        if picture.is_pdf:
            facts.append(
                self.tr("PDF, %n page(s)", "", picture.pages)
                if picture.pages is not None
                else self.tr("PDF, pages not counted")
            )
        elif picture.image is not None:
            facts.append(fill(self.tr("%1 × %2 pixels"), picture.image.width(), picture.image.height()))
        self.facts = QLabel(" · ".join(facts))
        self.facts.setAccessibleName(self.tr("About the scan"))
        self.facts.setWordWrap(True)
        self.picture = QLabel()
        self.picture.setAccessibleName(fill(self.tr("Scan: %1"), picture.name))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        if picture.image is not None:
            pixmap = QPixmap.fromImage(picture.image)
            screen = QGuiApplication.primaryScreen()
            room = screen.availableGeometry().size() * PREVIEW_SHARE if screen is not None else pixmap.size()
            if pixmap.width() > room.width() or pixmap.height() > room.height():
                pixmap = pixmap.scaled(
                    room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            self.picture.setPixmap(pixmap)
            scroll = QScrollArea()
            scroll.setAccessibleName(self.tr("The scan"))
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.picture)
            scroll.setWidgetResizable(True)
            layout.addWidget(scroll, 1)
            self.resize(pixmap.width() + 40, pixmap.height() + 80)
        else:
            self.picture.setText(
                self.tr("PDF scans are not shown on screen here: check the paper original.")
                if picture.is_pdf
                else self.tr("This file is not a picture that can be shown.")
            )
            self.picture.setWordWrap(True)
            layout.addWidget(self.picture, 1)
            self.resize(480, 160)
        self.close_button = named(QPushButton(self.tr("Close (Esc)")), self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
