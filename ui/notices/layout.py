"""A notice on paper: its wording as HTML in a QTextDocument, on A4 or on an 80 mm receipt roll.

Document units are 1/96 inch (what a QTextDocument uses without a paint device). The document is
paginated (``setPageSize``) to the printable area of the paper, so ``QTextDocument.print_`` puts it
on a printer or a PDF writer at the paper's scale, with no page numbers of its own. An A4 notice
that does not fit one page is set a little smaller (down to 85 %) before it takes a second page;
the seal and signature block then never splits across pages.

Fonts: a Latin family first, then the CJK one (``FONT_FAMILIES``). Digits and Latin letters come
from the Latin font, whose glyphs Qt's PDF writer maps back to their characters; from the CJK
OpenType fonts, digits would come out of a PDF as garbage. Ligatures are off for the same reason;
``pdf_text`` corrects the CJK radicals.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QTextDocument, QTextFormat

from counter_app.notices import MaterialLine, NoticeData, NoticeKind
from ui.i18n import FONT_FAMILIES
from ui.i18n import fill as _fill
from ui.notices import wording
from ui.notices.qr import qr_image
from ui.notices.words import NoticeWords

PX_PER_MM = 96 / 25.4
QR_URL = QUrl("counter-notice:qr.png")
# Titles in a Song (serif) face, as Chinese official documents set them; Latin first, as everywhere.
TITLE_FAMILIES = [
    "Noto Serif",
    "DejaVu Serif",
    "Times New Roman",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "Songti SC",
    *FONT_FAMILIES,
]
A4_SCALES = (1.0, 0.92, 0.85)  # type sizes tried, largest first, to keep an A4 notice on one page


@dataclass(frozen=True)
class Paper:
    """A page layout: paper width, margins (mm) and type sizes (pt). ``height_mm`` None: a roll,
    cut as long as the notice."""

    name: str
    width_mm: float
    height_mm: float | None
    margins_mm: tuple[float, float, float, float]  # left, top, right, bottom
    letterhead_pt: float
    title_pt: float
    body_pt: float
    table_pt: float
    small_pt: float
    qr_mm: float
    line_height: int  # percent, of the body text
    cell_padding: int  # px

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margins_mm[0] - self.margins_mm[2]

    @property
    def wide(self) -> bool:
        return self.height_mm is not None

    def scaled(self, factor: float) -> Paper:
        return replace(
            self,
            letterhead_pt=round(self.letterhead_pt * factor, 1),
            title_pt=round(self.title_pt * factor, 1),
            body_pt=round(self.body_pt * factor, 1),
            table_pt=round(self.table_pt * factor, 1),
            small_pt=round(self.small_pt * factor, 1),
        )


A4 = Paper("a4", 210, 297, (20, 20, 20, 20), 15, 22, 12, 10.5, 9, 20, 135, 3)
# 80 mm roll paper; thermal printers print 72 mm of it.
RECEIPT = Paper("receipt", 80, None, (4, 4, 4, 10), 9, 13, 8, 7, 7, 26, 130, 2)
PAPERS: dict[str, Paper] = {"a4": A4, "receipt": RECEIPT}


@dataclass
class LaidOutNotice:
    """A notice set for one paper: the document and the page it fills."""

    notice: NoticeData
    paper: Paper
    document: QTextDocument
    page_layout: QPageLayout


def paper(layout: str) -> Paper:
    try:
        return PAPERS[layout]
    except KeyError:
        raise ValueError(f"unknown notice layout {layout!r}; one of {', '.join(PAPERS)}") from None


def lay_out(notice: NoticeData, layout: str | None = None, words: NoticeWords | None = None) -> LaidOutNotice:
    """Set ``notice`` for ``layout`` ("a4" or "receipt"; None: the office's paper, ``notice.paper``)
    in the language of ``words`` (Chinese by default). Any thread: the document belongs to the thread
    that laid it out (the screen's picture and the print preview on the UI thread, a PDF on a pool
    thread)."""
    sheet = paper(layout or notice.paper)
    words = words or NoticeWords()
    qr = qr_image(notice.qr_payload)
    left, top, right, bottom = sheet.margins_mm
    width = sheet.text_width_mm * PX_PER_MM
    if sheet.height_mm is None:
        document = _document(notice, sheet, words, qr)
        document.setTextWidth(width)
        height = document.size().height()
        document.setPageSize(QSizeF(width, height))
        paper_height = height / PX_PER_MM + top + bottom
        size = QPageSize(
            QSizeF(sheet.width_mm, paper_height),
            QPageSize.Unit.Millimeter,
            "Receipt 80 mm",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    else:
        page_height = (sheet.height_mm - top - bottom) * PX_PER_MM
        for factor in A4_SCALES:
            document = _document(notice, sheet.scaled(factor), words, qr)
            document.setPageSize(QSizeF(width, page_height))
            if document.pageCount() == 1:
                break
        else:
            document = _document(notice, sheet, words, qr)
            document.setPageSize(QSizeF(width, page_height))
            keep_closing_together(document)
        size = QPageSize(QPageSize.PageSizeId.A4)
    page = QPageLayout(
        size,
        QPageLayout.Orientation.Portrait,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )
    return LaidOutNotice(notice, sheet, document, page)


def _document(notice: NoticeData, sheet: Paper, words: NoticeWords, qr: QImage) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(sheet.body_pt)
    # No ligatures: a PDF maps a ligature glyph back to "ﬁ" (U+FB01), not to "fi", and the
    # notice's Latin text would no longer be found by search. Every format inherits this.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    document.setDefaultFont(font)
    document.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, qr)
    document.setHtml(notice_html(notice, sheet, words))
    return document


def keep_closing_together(document: QTextDocument) -> None:
    """Start the seal and signature block (the last table) on a new page if it would straddle two."""
    frames = document.rootFrame().childFrames()
    if not frames or not document.pageSize().isValid():
        return
    closing = frames[-1]
    rect = document.documentLayout().frameBoundingRect(closing)
    page_height = document.pageSize().height()
    if int(rect.top() // page_height) != int((rect.bottom() - 1) // page_height):
        frame_format = closing.frameFormat()
        frame_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        closing.setFrameFormat(frame_format)


def fit_to_page(laid_out: LaidOutNotice, page: QPageLayout) -> None:
    """Re-paginate for the page a printer ended up with (the user may pick other paper)."""
    rect = page.paintRect(QPageLayout.Unit.Millimeter)
    document = laid_out.document
    document.setPageSize(QSizeF(rect.width() * PX_PER_MM, rect.height() * PX_PER_MM))
    if laid_out.paper.wide:
        keep_closing_together(document)


def render_image(laid_out: LaidOutNotice, dpi: int = 150) -> QImage:
    """The notice's pages, one under the other, as a white image at ``dpi`` (previews, screenshots)."""
    document = laid_out.document
    page = laid_out.page_layout
    full = page.fullRect(QPageLayout.Unit.Millimeter)
    margins = page.margins(QPageLayout.Unit.Millimeter)
    scale = dpi / 25.4  # image pixels per mm
    pages = document.pageCount()
    image = QImage(
        round(full.width() * scale), round(full.height() * scale * pages), QImage.Format.Format_RGB32
    )
    image.fill(0xFFFFFF)
    page_size = document.pageSize()
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in range(pages):
            painter.save()
            painter.translate(margins.left() * scale, (index * full.height() + margins.top()) * scale)
            painter.scale(scale / PX_PER_MM, scale / PX_PER_MM)
            painter.translate(0, -index * page_size.height())
            document.drawContents(
                painter, QRectF(0, index * page_size.height(), page_size.width(), page_size.height())
            )
            painter.restore()
            if index:  # where one sheet ends and the next begins
                painter.setPen(QColor(0xBB, 0xBB, 0xBB))
                edge = round(index * full.height() * scale)
                painter.drawLine(0, edge, image.width(), edge)
    finally:
        painter.end()
    return image


# ------------------------------------------------------------------------------------------ HTML


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _families(families: list[str]) -> str:
    """A CSS family list (double quotes: the HTML attributes here are single-quoted)."""
    return ", ".join(f'"{family}"' for family in families)


def notice_html(notice: NoticeData, sheet: Paper, words: NoticeWords) -> str:
    """The notice as HTML for a QTextDocument (Qt's rich-text subset)."""
    indent = round(2 * sheet.body_pt * 96 / 72)
    para = f"margin-top:0; margin-bottom:{3 if sheet.wide else 2}px; line-height:{sheet.line_height}%;"
    indented = f"{para} text-indent:{indent}px;"
    parts = [_header(notice, sheet, words), _facts_table(notice, sheet, words)]
    add = parts.append
    add(
        f"<p style='{para} margin-top:{8 if sheet.wide else 5}px;'>{_e(wording.addressee(notice, words))}</p>"
    )
    for text in wording.body(notice, words):
        if text:
            add(f"<p style='{indented}'>{_e(text)}</p>")
    for heading, lines in wording.material_lists(notice, words):
        add(f"<p style='{indented}'>{_e(heading)}</p>")
        add(_materials_table(lines, sheet, words, issuer=notice.kind is not NoticeKind.ACCEPTANCE))
    for text in wording.after(notice, words):
        add(f"<p style='{indented}'>{_e(text)}</p>")
    add(f"<p style='{indented}'>{_e(wording.closing(words))}</p>")
    add(_closing(notice, sheet, words))
    return "\n".join(parts)


def _header(notice: NoticeData, sheet: Paper, words: NoticeWords) -> str:
    """Office, title and number; on A4 the QR code sits in the top right corner."""
    serif = f"font-family:{_families(TITLE_FAMILIES)};"
    office = (
        f"<p align='center' style='margin:0; font-size:{sheet.letterhead_pt}pt; {serif}'>"
        f"{_e(notice.office_name)}</p>"
    )
    heading = (
        f"<p align='center' style='margin-top:{6 if sheet.wide else 3}px; margin-bottom:0;"
        f" font-size:{sheet.title_pt}pt; font-weight:bold; {serif}'>"
        f"{_e(wording.title(notice.kind, words))}</p>"
    )
    number = _e(_fill(words.translate("Notice", "No. %1"), notice.receipt_no))
    if not sheet.wide:
        return f"{office}{heading}<p align='center' style='margin:3px 0 4px 0;'>{number}</p>"
    return (
        "<table width='100%' border='0' cellspacing='0' cellpadding='0'><tr>"
        "<td width='24%'></td>"
        f"<td valign='middle'>{office}{heading}</td>"
        f"<td width='24%' align='right' valign='top'>{_qr_block(notice, sheet, words)}</td>"
        "</tr></table>"
        f"<p align='right' style='margin:2px 0 4px 0;'>{number}</p>"
    )


def _qr_block(notice: NoticeData, sheet: Paper, words: NoticeWords) -> str:
    qr_px = round(sheet.qr_mm * PX_PER_MM)
    scan, code = wording.verification_lines(notice, words)
    small = f"margin:0; font-size:{sheet.small_pt}pt;"
    image = f"<img src='{QR_URL.toString()}' width='{qr_px}' height='{qr_px}'/>"
    return (
        f"<p align='center' style='margin:0;'>{image}</p>"
        f"<p align='center' style='{small}'>{_e(scan)}</p>"
        f"<p align='center' style='{small}'>{_e(code)}</p>"
    )


def _cell(text: str, *, header: bool = False, align: str = "left", colspan: int = 1, width: str = "") -> str:
    tag = "th" if header else "td"
    attributes = f" align='{align}' valign='middle'"
    if colspan > 1:
        attributes += f" colspan='{colspan}'"
    if width:
        attributes += f" width='{width}'"
    if header:
        attributes += " bgcolor='#eeeeee'"
    return f"<{tag}{attributes}>{text}</{tag}>"


def _table(rows: list[str], sheet: Paper) -> str:
    style = (
        f"border-collapse:collapse; border-color:#000000; font-size:{sheet.table_pt}pt; margin-bottom:3px;"
    )
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return (
        f"<table width='100%' border='1' cellspacing='0' cellpadding='{sheet.cell_padding}' style='{style}'>"
        f"{body}</table>"
    )


def _facts_table(notice: NoticeData, sheet: Paper, words: NoticeWords) -> str:
    """Two label/value pairs a row on A4 (long values take a row), one pair a row on a receipt."""

    def label(text: str) -> str:
        return _cell(f"<b>{_e(text)}</b>", width="17%" if sheet.wide else "34%")

    facts = wording.facts(notice, words)
    if not sheet.wide:
        return _table([label(name) + _cell(_e(value)) for name, value, _ in facts], sheet)
    rows: list[str] = []
    pair: list[tuple[str, str]] = []

    def flush() -> None:
        if len(pair) == 2:
            rows.append("".join(label(name) + _cell(_e(value), width="33%") for name, value in pair))
        elif pair:
            rows.append(label(pair[0][0]) + _cell(_e(pair[0][1]), colspan=3))
        pair.clear()

    for name, value, whole_row in facts:
        if whole_row:
            flush()
        pair.append((name, value))
        if whole_row or len(pair) == 2:
            flush()
    flush()
    return _table(rows, sheet)


def _materials_table(
    lines: tuple[MaterialLine, ...], sheet: Paper, words: NoticeWords, *, issuer: bool
) -> str:
    """Numbered materials with their counts; with the issuer (where to get it) on A4 when the
    applicant still has to bring them."""
    notes, issuer = issuer, issuer and sheet.wide
    number, originals, copies = ("7%", "9%", "9%") if sheet.wide else ("11%", "13%", "16%")
    header = [
        _cell(_e(words.translate("Notice", "No.")), header=True, align="center", width=number),
        _cell(_e(words.translate("Notice", "Material")), header=True),
    ]
    if issuer:
        header.append(_cell(_e(words.translate("Notice", "Issued by")), header=True, width="24%"))
    header += [
        _cell(_e(words.translate("Notice", "Originals")), header=True, align="center", width=originals),
        _cell(_e(words.translate("Notice", "Copies")), header=True, align="center", width=copies),
    ]
    rows = ["".join(header)]
    for index, line in enumerate(lines, start=1):
        name = _e(wording.material_name(line, words))
        if line.notes and notes:
            name += f"<br/><span style='font-size:{sheet.small_pt}pt;'>{_e(line.notes)}</span>"
        cells = [_cell(str(index), align="center"), _cell(name)]
        if issuer:
            cells.append(_cell(_e(line.issuer)))
        cells += [_cell(str(line.originals), align="center"), _cell(str(line.copies), align="center")]
        rows.append("".join(cells))
    if not lines:
        rows.append(_cell("—", align="center", colspan=len(header)))
    return _table(rows, sheet)


def _closing(notice: NoticeData, sheet: Paper, words: NoticeWords) -> str:
    """The seal and date (right), who handled it and where to ask (left), the copies note."""
    line = f"margin:0; line-height:{sheet.line_height}%;"
    seal, day = wording.signature_lines(notice, words)
    signed = f"<p align='center' style='{line}'>{_e(seal)}</p><p align='center' style='{line}'>{_e(day)}</p>"
    staff, sign, contact = wording.contact_lines(notice, words)
    date_label = words.translate("Notice", "Date:")
    gap = "&nbsp;" * (20 if sheet.wide else 16)
    details = [_e(staff), f"{_e(sign)}{gap}{_e(date_label)}", *(_e(text) for text in contact)]
    small = f"font-size:{sheet.small_pt}pt; {line}"
    copies = _e(wording.copies_note(words))
    if not sheet.wide:
        return (
            f"<div style='margin-top:6px;'>{signed}</div><hr/>"
            + "".join(f"<p style='{small}'>{text}</p>" for text in details)
            + f"<div style='margin-top:6px;'>{_qr_block(notice, sheet, words)}</div>"
            + f"<p align='center' style='{small} margin-top:4px;'>{copies}</p>"
        )
    left = "".join(f"<p style='{line}'>{text}</p>" for text in details)
    # The seal is stamped over the office name and date: leave room above them.
    return (
        "<table width='100%' border='0' cellspacing='0' cellpadding='0' style='margin-top:10px;'><tr>"
        f"<td width='55%' valign='bottom'>{left}</td>"
        f"<td valign='bottom' align='center' style='padding-top:16px;'>{signed}</td>"
        "</tr></table>"
        f"<hr/><p style='{small}'>{copies}</p>"
    )
