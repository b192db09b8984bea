"""Writing the dashboard's tables (XLSX, CSV) and charts (PNG) to files the supervisor chose.

Plain functions of plain data, so they run off the UI thread (``ui.workers.run_in_background``):
the page takes the table out of its model, or the chart's picture (a ``QImage``, which another thread
may save), on the UI thread first. Each file is written beside its target and moved into place, so
a failed write never leaves half a spreadsheet under the chosen name.

- XLSX (openpyxl): counts as numbers, shares as numbers with a percent format, a dash-less empty
  cell where a share has nothing behind it; the titles bold and frozen.
- CSV: UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads the names right; the cells as
  the table shows them, except counts without thousands separators.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

from PySide6.QtGui import QImage

from ui.views.dashboard.tables import COUNT, DAYS, RATE, Table

PERCENT_FORMAT = "0.0%"
DAYS_FORMAT = "0.0"
# Excel refuses sheet names over 31 characters or with any of these.
_SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_xlsx(table: Table, path: Path, sheet_name: str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name.translate(_SHEET_NAME_FORBIDDEN)[:31] or "Sheet1"
    sheet.append(table.titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in table.values:
        sheet.append(values)
    for column, kind in enumerate(table.kinds, start=1):
        number_format = PERCENT_FORMAT if kind == RATE else DAYS_FORMAT if kind == DAYS else None
        if number_format:
            for row in range(2, len(table.values) + 2):
                sheet.cell(row=row, column=column).number_format = number_format
        width = max(len(str(table.titles[column - 1])) * 2, 10)
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = min(width, 40)
    sheet.freeze_panes = "A2"
    return _replace(path, "wb", book.save)


def write_csv(table: Table, path: Path) -> Path:
    def write(stream: IO[str]) -> None:
        out = csv.writer(stream)
        out.writerow(table.titles)
        for shown, values in zip(table.shown, table.values, strict=True):
            out.writerow(
                [
                    str(value) if kind == COUNT else text
                    for text, value, kind in zip(shown, values, table.kinds, strict=True)
                ]
            )

    # utf-8-sig writes the byte-order mark; newline="" lets the csv module end lines with CRLF itself.
    return _replace(path, "w", write, encoding="utf-8-sig", newline="")


def write_png(image: QImage, path: Path) -> Path:
    def save(target: str) -> None:
        if not image.save(target, "PNG"):
            raise OSError(f"the image could not be written to {path}")

    return _replace(path, None, save)


def _replace(path: Path, mode: str | None, write: Callable, **open_args: str) -> Path:
    """Write through ``write`` (given an open stream, or the temporary file's name when ``mode`` is
    None) to a file beside ``path``, then move it into place."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.part")
    try:
        if mode is None:
            write(str(temporary))
        else:
            with open(temporary, mode, **open_args) as stream:
                write(stream)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
