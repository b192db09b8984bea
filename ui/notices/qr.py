"""The QR code printed on a notice, as an image a QTextDocument can show."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage


def qr_image(payload: str, *, module_px: int = 8) -> QImage:
    """A black-on-white QR code (error correction M, with its 4-module quiet zone) of ``payload``.

    Each module is ``module_px`` pixels, so the code stays sharp when printed at ~30 mm.
    """
    code = segno.make(payload, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=module_px, border=4)
    image = QImage.fromData(buffer.getvalue(), "PNG")
    if image.isNull():
        raise RuntimeError("the QR code image could not be read")  # Qt without its PNG reader
    return image
