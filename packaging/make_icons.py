"""Render the application icon ``resources/icons/counter.svg`` to ``counter.png`` and ``counter.ico``.

``make icons`` runs this after the SVG changed; the PNG (the window icon Qt loads everywhere) and the
ICO (the Windows executables' icon, see build.spec) are committed, so building the app needs neither
this script nor an SVG renderer. Qt renders the SVG (QtSvg is in PySide6-Essentials); the ICO holds
one PNG-compressed image per size, which Windows reads since Vista.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG as a ``size``×``size`` PNG with an alpha channel."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot encode the {size} px icon as PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file of PNG images: ICONDIR, one ICONDIRENTRY per image, then the images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "counter.svg"))
    if not renderer.isValid():
        print(f"{ICONS / 'counter.svg'} is not a valid SVG", file=sys.stderr)
        return 1
    (ICONS / "counter.png").write_bytes(render(renderer, PNG_SIZE))
    (ICONS / "counter.ico").write_bytes(ico({size: render(renderer, size) for size in ICO_SIZES}))
    print(f"wrote {ICONS / 'counter.png'} and {ICONS / 'counter.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
