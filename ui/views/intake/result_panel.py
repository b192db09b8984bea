"""Step 6 of an intake: the decision taken, and its statutory notice on screen, on paper and in PDF.

The notice is laid out once per paper (A4 or the 80 mm receipt roll) and shown as a picture; the
print preview prints it, "Save as PDF" writes it where the clerk chooses. Both use ``ui.notices``.
The picture and the print preview are made on the UI thread (they are on screen); the PDF is laid
out again and written on a pool thread (``run_in_background``), with its own ``NoticeWords`` —
QTextDocument, fonts and QPdfWriter work on any thread as long as the objects stay on the thread
that made them. ``notice_words`` is therefore called on both threads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.records import Application
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.models.case_labels import status_name
from ui.notices import (
    LaidOutNotice,
    NoticeData,
    NoticeWords,
    lay_out,
    preview_dialog,
    render_image,
    write_pdf,
)
from ui.notices.pdf import new_printer
from ui.notices.wording import title
from ui.views.intake.widgets import OK_STYLE, heading, hint, named
from ui.workers import run_in_background

PREVIEW_DPI = 64


class ResultPanel(QWidget):
    """Emits ``new_intake_requested`` (the "New intake" button) and ``pdf_saved(Path)`` once a PDF
    is written."""

    new_intake_requested = Signal()
    pdf_saved = Signal(object)

    def __init__(
        self,
        notice_words: Callable[[], NoticeWords] = NoticeWords,
        *,
        native_dialogs: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._notice_words = notice_words
        self.native_dialogs = native_dialogs
        self.notice: NoticeData | None = None
        self.laid_out: LaidOutNotice | None = None
        self.words: NoticeWords | None = None
        self.save_dialog: QFileDialog | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.saved_to: Path | None = None
        self.writing = False  # a PDF is being written on a pool thread

        self.title = heading(self.tr("Notice"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Decision details"))
        self.paper = named(QComboBox(), self.tr("Paper"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("80 mm receipt roll"), "receipt")
        self.preview_button = named(
            QPushButton(self.tr("&Print preview… (Ctrl+P)")), self.tr("Print preview")
        )
        self.pdf_button = named(QPushButton(self.tr("Save as P&DF… (Ctrl+S)")), self.tr("Save as PDF"))
        self.new_button = named(QPushButton(self.tr("New intake (Ctrl+N)")), self.tr("New intake"))
        self.saved = hint(name=self.tr("Where the PDF was saved"))
        self.saved.setStyleSheet(OK_STYLE)
        self.message = MessageLabel(self.tr("Notice problem"))
        self.image = QLabel()
        self.image.setAccessibleName(self.tr("The notice"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName(self.tr("The notice"))
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)

        paper_label = QLabel(self.tr("Pape&r:"))
        paper_label.setBuddy(self.paper)
        side = QVBoxLayout()
        side.addWidget(self.title)
        side.addWidget(self.details)
        side.addSpacing(8)
        paper_row = QHBoxLayout()
        paper_row.addWidget(paper_label)
        paper_row.addWidget(self.paper, 1)
        side.addLayout(paper_row)
        for button in (self.preview_button, self.pdf_button, self.new_button):
            side.addWidget(button)
        side.addWidget(self.saved)
        side.addWidget(self.message)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(side, 2)
        layout.addWidget(self.scroll, 3)

        self.paper.currentIndexChanged.connect(lambda _index: self._lay_out())
        self.preview_button.clicked.connect(self.open_preview)
        self.pdf_button.clicked.connect(self.choose_pdf_path)
        self.new_button.clicked.connect(self.new_intake_requested)
        for keys, slot in (
            (QKeySequence.StandardKey.Print, self.open_preview),
            (QKeySequence.StandardKey.Save, self.choose_pdf_path),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def show_decision(self, application: Application, notice: NoticeData) -> None:
        self.notice = notice
        self.words = self._notice_words()
        self.saved_to = None
        self.saved.clear()
        self.message.clear_message()
        self.paper.blockSignals(True)  # laid out once, below
        self.paper.setCurrentIndex(max(self.paper.findData(notice.paper), 0))  # the office's paper
        self.paper.blockSignals(False)
        notice_title = title(notice.kind, self.words)
        self.title.setText(notice_title)
        self.title.setAccessibleName(notice_title)
        lines = [
            fill(self.tr("Decision: %1"), status_name(application.status)),
            fill(self.tr("Receipt number: %1"), application.receipt_no),
        ]
        if application.due_date:
            lines.append(fill(self.tr("Promised completion date: %1"), application.due_date))
        if application.pending_deadline:
            lines.append(fill(self.tr("Pending materials due by: %1"), application.pending_deadline))
        if application.missing_materials:
            lines.append(self.tr("%n material(s) to hand in.", "", len(application.missing_materials)))
        lines.append(self.tr("Print the notice for the applicant, or save it as a PDF."))
        self.details.setText("\n".join(lines))
        self.details.setAccessibleDescription(self.details.text())
        self._lay_out()

    def focus_first(self) -> None:
        self.preview_button.setFocus()

    def _lay_out(self) -> None:
        if self.notice is None or self.words is None:
            return
        self.laid_out = lay_out(self.notice, self.paper.currentData(), self.words)
        image = render_image(self.laid_out, PREVIEW_DPI)
        self.image.setPixmap(QPixmap.fromImage(image))

    # --- paper and PDF ---------------------------------------------------------------------------------
    def open_preview(self) -> None:
        if self.laid_out is None or self.words is None:
            return
        printer = new_printer(self.laid_out, self.words)
        dialog = preview_dialog(self.laid_out, printer, self)
        dialog._printer = printer  # type: ignore[attr-defined]  # the printer lives as long as the dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.preview = dialog
        dialog.open()

    def choose_pdf_path(self) -> None:
        if self.notice is None or self.words is None:
            return
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{title(self.notice.kind, self.words)} {self.notice.receipt_no}.pdf"
        dialog = QFileDialog(self, self.tr("Save the notice as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("PDF files (*.pdf)")])
        dialog.setDefaultSuffix("pdf")
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDirectory(documents or str(Path.home()))
        dialog.selectFile(name)
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.save_dialog = dialog
        dialog.open()

    def save_pdf(self, path: Path) -> None:
        """Write the notice as a PDF at ``path`` off the UI thread; ``saved_to`` and ``pdf_saved``
        follow when it is written (a second request meanwhile is ignored)."""
        if self.notice is None or self.writing:
            return
        notice, layout, make_words = self.notice, self.paper.currentData(), self._notice_words
        self.writing = True
        self.message.clear_message()
        self.saved.setText(self.tr("Writing the PDF…"))

        def write() -> Path:  # pool thread: its own words (a QTranslator) and document
            return write_pdf(notice, path, layout, words=make_words())

        def written(target: Path) -> None:
            if not shiboken6.isValid(self):
                return
            self.writing = False
            if self.notice is not notice:  # the next intake's decision is on screen by now
                return
            self.saved_to = target
            self.saved.setText(fill(self.tr("Saved: %1"), str(target)))
            self.pdf_saved.emit(target)

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.writing = False
            if self.notice is not notice:
                return
            self.saved.clear()
            self.message.show_message(fill(self.tr("The PDF could not be written: %1"), error_text(error)))

        run_in_background(write, written, failed)
