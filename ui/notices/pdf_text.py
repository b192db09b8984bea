"""Make the Chinese in Qt's PDFs copy, search and extract as the characters that were printed.

Qt writes each embedded font's ToUnicode map by looking up, for every glyph, the lowest code point
the font maps to it. CJK fonts (Noto Sans CJK, Microsoft YaHei, ...) draw a radical and the
ideograph it looks like with one glyph, and the radicals (U+2E80…U+2FDF) come first: a notice's
日, 月, 民, 青, 身 … would extract as ⽇, ⽉, ⺠, ⻘, ⾝ — the same look, other characters, so
searching the PDF for "2026年11月24日" or for the office's name fails. This module rewrites those
entries to the ideographs: Kangxi radicals by their NFKC form, and every radical (or Extension A
character) to the CJK Unified Ideograph the installed CJK fonts draw with the same glyph.

Qt writes ToUnicode maps as uncompressed streams with 4-digit hex codes, so the rewrite swaps
bytes for bytes of the same length: no object moves and the cross-reference table stays valid.
Anything else (a compressed map, another writer) is left untouched.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

_RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement, Kangxi Radicals
_EXTENSION_A = range(0x3400, 0x4DC0)
_UNIFIED = range(0x4E00, 0xA000)


def kangxi_table() -> dict[int, int]:
    """Kangxi radicals → their ideographs (NFKC); no fonts needed."""
    table: dict[int, int] = {}
    for code in _RADICALS:
        normal = unicodedata.normalize("NFKC", chr(code))
        if len(normal) == 1 and normal != chr(code):
            table[code] = ord(normal)
    return table


@functools.cache
def font_table(families: tuple[str, ...]) -> dict[int, int]:
    """Radicals and Extension A characters → the unified ideograph drawn with the same glyph, in
    the first of ``families`` that has one. Needs a QGuiApplication (fonts)."""
    from PySide6.QtGui import QFont, QRawFont

    table = kangxi_table()
    unified = "".join(chr(code) for code in _UNIFIED)
    early = "".join(chr(code) for code in (*_RADICALS, *_EXTENSION_A))
    for family in reversed(families):  # the first family's answer is written last and wins
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        by_glyph: dict[int, str] = {}
        for char, glyph in zip(unified, raw.glyphIndexesForString(unified), strict=True):
            if glyph and glyph not in by_glyph:
                by_glyph[glyph] = char
        for char, glyph in zip(early, raw.glyphIndexesForString(early), strict=True):
            if glyph in by_glyph:
                table[ord(char)] = ord(by_glyph[glyph])
    return table


_CMAP = re.compile(rb"begincmap.*?endcmap", re.DOTALL)
_RANGES = re.compile(rb"(beginbfrange)(.*?)(endbfrange)", re.DOTALL)
_CHARS = re.compile(rb"(beginbfchar)(.*?)(endbfchar)", re.DOTALL)
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")
# In a bfrange section: <lo> <hi> [<u1> <u2> ...], one destination per code ...
_RANGE_ARRAY = re.compile(rb"(<[0-9A-Fa-f]{4}>\s*<[0-9A-Fa-f]{4}>\s*\[)([^\]]*)(\])")
# ... or <lo> <hi> <u>: only a range of one is changed (a longer one maps consecutive code points).
_RANGE_ONE = re.compile(rb"(<([0-9A-Fa-f]{4})>\s*<\2>\s*)<([0-9A-Fa-f]{4})>")
# In a bfchar section: <code> <u>.
_CHAR = re.compile(rb"(<[0-9A-Fa-f]{4}>\s*)<([0-9A-Fa-f]{4})>")


def _fix_cmap(cmap: bytes, table: dict[int, int]) -> bytes:
    def ideograph(hex_code: bytes) -> bytes:
        code = int(hex_code, 16)
        return b"<%04X>" % table[code] if code in table else b"<" + hex_code + b">"

    def ranges(section: re.Match[bytes]) -> bytes:
        body = _RANGE_ARRAY.sub(
            lambda m: m.group(1) + _HEX4.sub(lambda h: ideograph(h.group(1)), m.group(2)) + m.group(3),
            section.group(2),
        )
        body = _RANGE_ONE.sub(lambda m: m.group(1) + ideograph(m.group(3)), body)
        return section.group(1) + body + section.group(3)

    def chars(section: re.Match[bytes]) -> bytes:
        body = _CHAR.sub(lambda m: m.group(1) + ideograph(m.group(2)), section.group(2))
        return section.group(1) + body + section.group(3)

    return _CHARS.sub(chars, _RANGES.sub(ranges, cmap))


def fix_pdf_bytes(data: bytes, table: dict[int, int] | None = None) -> bytes:
    """``data`` with the ToUnicode maps' radicals replaced by ideographs (same length); ``table``
    maps code points to code points (default: the Kangxi radicals only)."""
    table = kangxi_table() if table is None else table
    fixed = _CMAP.sub(lambda match: _fix_cmap(match.group(0), table), data)
    if len(fixed) != len(data):  # cannot happen with 4-digit codes; never write a broken file
        return data
    return fixed


def repair_text_mapping(path: str | Path, families: Iterable[str] = ()) -> bool:
    """Rewrite the PDF at ``path`` in place if its text maps need it; True if it changed.
    ``families``: the fonts the PDF was written with (their radicals are looked up)."""
    target = Path(path)
    data = target.read_bytes()
    fixed = fix_pdf_bytes(data, font_table(tuple(families)))
    if fixed == data:
        return False
    scratch = target.with_name(target.name + ".tmp")
    with open(scratch, "wb") as handle:
        handle.write(fixed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(scratch, target)
    return True
