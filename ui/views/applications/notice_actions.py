"""The applications page's notice: print preview and PDF of the selected application's notice.

A mixin of ``ApplicationsView`` (it uses the page's database, actor, selected application, busy
flags, keyboard-focus parking and message line). The notice's data is read on the database thread;
the preview opens on the UI thread; a PDF is written on a pool thread with notice words made on that
thread. One preview and one PDF at a time. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from ui.i18n import fill
from ui.notices import NoticeData, NoticeWords, lay_out, preview_dialog, write_pdf
from ui.notices.pdf import new_printer
from ui.workers import run_in_background

if TYPE_CHECKING:
    from ui.views.applications.view import ApplicationsView

    _Base = ApplicationsView
else:
    _Base = object


class NoticeActions(_Base):
    def open_preview(self) -> None:
        """The print preview of the selected application's notice (its data read on the database
        thread, the dialog opened on the UI thread when it arrives)."""
        app = self.application
        if app is None or self._notice_busy:
            return
        self._notice_busy = True
        self._enable_steps()
        actor, application_id = self.actor, app.id
        self.db.submit(
            lambda counter: counter.notices.build(actor, application_id),
            self._show_preview,
            self._notice_failed,
            key=f"{self._key}.notice",
            owner=self,
        )

    def _show_preview(self, notice: NoticeData) -> None:
        self._notice_busy = False
        self._enable_steps()
        self._unpark_focus()  # before the dialog: it gives the focus back to this control
        words = self.notice_words()
        laid_out = lay_out(notice, words=words)  # on the office's paper (Admin page, Settings)
        printer = new_printer(laid_out, words)
        dialog = preview_dialog(laid_out, printer, self)
        dialog._printer = printer  # type: ignore[attr-defined]  # the printer lives as long as the dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.preview = dialog
        dialog.open()

    def _notice_failed(self, error: BaseException) -> None:
        self._notice_busy = False
        self._enable_steps()
        self._unpark_focus()
        self._failed(error)

    def choose_pdf_path(self) -> None:
        if self.application is None:
            return
        receipt_no = self.application.receipt_no
        dialog = QFileDialog(self, self.tr("Save the notice as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("PDF files (*.pdf)")])
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{receipt_no}.pdf")
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def save_pdf(self, path: Path) -> None:
        """Write the selected application's notice to ``path``: its data is read on the database
        thread, the PDF written on a pool thread; ``notice_saved`` and the message line tell when
        it is done. One at a time."""
        app = self.application
        if app is None or self._pdf_busy:
            return
        self._pdf_busy = True
        self._enable_steps()
        make_words = self.notice_words  # the words hold a QTranslator: made on the pool thread
        actor, application_id = self.actor, app.id
        self.db.submit(
            lambda counter: counter.notices.build(actor, application_id),
            lambda notice: self._write_pdf(notice, path, make_words),
            self._pdf_failed,
            owner=self,
        )

    def _write_pdf(self, notice: NoticeData, path: Path, make_words: Callable[[], NoticeWords]) -> None:
        def write() -> Path:  # pool thread: its own words, made and used there alone
            return write_pdf(notice, path, "a4", words=make_words())

        run_in_background(write, self._pdf_written, self._pdf_failed)

    def _pdf_written(self, written: Path) -> None:
        self._pdf_busy = False
        self._enable_steps()
        self._unpark_focus()
        self._say(fill(self.tr("Saved: %1"), str(written)), ok=True)
        self.notice_saved.emit(written)

    def _pdf_failed(self, error: BaseException) -> None:
        self._pdf_busy = False
        self._enable_steps()
        self._unpark_focus()
        self._failed(error)
