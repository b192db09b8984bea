"""Putting a notice on paper: PDF files, the print preview and the print dialog.

The dialogs run on the UI thread. ``write_pdf`` may also run on a worker thread (the intake writes
its PDFs on a pool thread): it makes its own document and writer, and the caller gives it
``NoticeWords`` made on that thread. ``print_notice`` is the only function that opens a modal
dialog; tests use ``preview_dialog`` (shown non-modally) and ``print_to`` (what the preview's
``paintRequested`` does).
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from counter_app.notices import NoticeData
from ui.i18n import FONT_FAMILIES, fill
from ui.notices.layout import TITLE_FAMILIES, LaidOutNotice, fit_to_page, lay_out
from ui.notices.pdf_text import repair_text_mapping
from ui.notices.wording import title
from ui.notices.words import NoticeWords

PDF_RESOLUTION = 600  # dpi of the PDF's coordinate space; text and the QR code stay vector-sharp
# The fonts notices are set in, whose radicals the PDF's text maps are corrected for.
NOTICE_FAMILIES = tuple(dict.fromkeys([*TITLE_FAMILIES, *FONT_FAMILIES]))


def document_name(laid_out: LaidOutNotice, words: NoticeWords) -> str:
    """``受理通知书 L3K9Q22611230001``: the PDF title and the print job's name."""
    return f"{title(laid_out.notice.kind, words)} {laid_out.notice.receipt_no}"


def write_pdf(
    notice: NoticeData, path: str | Path, layout: str | None = None, *, words: NoticeWords | None = None
) -> Path:
    """Write ``notice`` as a one-notice PDF on ``layout`` ("a4" or "receipt"; None: the office's
    paper) paper. Any thread, with ``words`` made on that thread."""
    words = words or NoticeWords()
    laid_out = lay_out(notice, layout, words)
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setPageLayout(laid_out.page_layout)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(document_name(laid_out, words))
    writer.setCreator("Counter")
    laid_out.document.print_(writer)  # opens and ends its own painter: the file is complete after it
    del writer
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(errno.EIO, "the PDF could not be written", str(target))  # the UI names the file
    repair_text_mapping(target, NOTICE_FAMILIES)
    return target


def new_printer(laid_out: LaidOutNotice, words: NoticeWords) -> QPrinter:
    """A printer set up for the notice's paper (the user may still change it in the dialogs): the
    office's printer (Admin page, Settings) when it is installed on this machine, else the system's
    default printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    chosen = laid_out.notice.printer_name
    if chosen and chosen in installed_printers():
        printer.setPrinterName(chosen)  # before the page layout: a printer comes with its own page
    printer.setPageLayout(laid_out.page_layout)
    printer.setDocName(document_name(laid_out, words))
    printer.setCreator("Counter")
    return printer


def installed_printers() -> list[str]:
    """The names of the printers installed on this machine (none on a machine without any)."""
    return list(QPrinterInfo.availablePrinterNames())


def print_to(laid_out: LaidOutNotice, printer: QPrinter) -> None:
    """Paint the notice on ``printer``, paginated for the page it has now (the preview's
    ``paintRequested`` handler and the print dialog's last step)."""
    fit_to_page(laid_out, printer.pageLayout())
    laid_out.document.print_(printer)


def preview_dialog(
    laid_out: LaidOutNotice, printer: QPrinter, parent: QWidget | None = None
) -> QPrintPreviewDialog:
    """The print preview of a notice, not yet shown. Printing from it goes to ``printer``."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        fill(QCoreApplication.translate("NoticePrinting", "Print preview: %1"), laid_out.notice.receipt_no)
    )
    dialog.paintRequested.connect(lambda target: print_to(laid_out, target))
    dialog._laid_out = laid_out  # type: ignore[attr-defined]  # the document lives as long as the dialog
    return dialog


def print_notice(
    notice: NoticeData,
    parent: QWidget | None = None,
    layout: str | None = None,
    *,
    preview: bool = True,
    words: NoticeWords | None = None,
) -> bool:
    """Show the print preview (or, with ``preview=False``, the print dialog) and print the notice.

    Modal: returns when the user has printed (True) or cancelled (False).
    """
    words = words or NoticeWords()
    laid_out = lay_out(notice, layout, words)
    printer = new_printer(laid_out, words)
    if preview:
        dialog = preview_dialog(laid_out, printer, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
    else:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("NoticePrinting", "Print notice"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            print_to(laid_out, printer)
    if accepted and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        output = Path(printer.outputFileName())
        if output.exists():
            repair_text_mapping(output, NOTICE_FAMILIES)
    return accepted
