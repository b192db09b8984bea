"""The statutory notices of the intake decision, on paper and in PDF.

- 受理通知书 (acceptance), 一次性告知书 (one-time notice of the materials to supply),
  容缺受理通知书 (accepted with minor materials pending) and 不予受理通知书 (refusal).
- what a notice says (``NoticeData``) is gathered by the core: ``counter.notices.build(actor, id)``.
- ``layout``: the legal wording as a QTextDocument on A4 or on an 80 mm receipt roll.
- ``pdf``: ``write_pdf``, the print preview and the print dialog.

Decisions: the notice is printed in Simplified Chinese whatever language the screen shows
(``words.NoticeWords``); only the masked ID number ever reaches it; the QR code carries the receipt
number, the kind, the date and a verification code, never personal data.
"""

from __future__ import annotations

from counter_app.notices import MaterialLine, NoticeData, NoticeKind, notice_kind
from ui.notices.layout import LaidOutNotice, lay_out, render_image
from ui.notices.pdf import preview_dialog, print_notice, print_to, write_pdf
from ui.notices.words import NoticeWords

__all__ = [
    "LaidOutNotice",
    "MaterialLine",
    "NoticeData",
    "NoticeKind",
    "NoticeWords",
    "lay_out",
    "notice_kind",
    "preview_dialog",
    "print_notice",
    "print_to",
    "render_image",
    "write_pdf",
]
