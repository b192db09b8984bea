"""Export of the applications of a period to XLSX or CSV (ID numbers masked unless asked; audited).

The administrator's (``EXPORT_DATA``): the desktop app's Admin page and ``counter-app export``.

- One row per application taken in (created) during the period, by the office's days, oldest first:
  receipt number, service item, applicant, ID number, status, the dates of its life, the result and
  the citizen's rating.
- The file is an office document in Chinese whatever language the screen shows (as the notices
  are): Chinese column titles, the status in words and, for scripts, its code.
- ID numbers are masked as lists show them; ``full_ids`` writes them whole. Either way the export is
  audited (``export.applications``: rows, format, full_ids, file, period); a full-ID export is also
  a view of citizens' personal data (``export.full_ids``, counted with ``applicant.view`` and the
  others by the audit viewer).
- Rows are read and written a page at a time (XLSX in openpyxl's write-only mode), into a file
  beside the target that is moved into place when complete: a failed export leaves no half file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.errors import NotFound, ValidationError
from counter_app.services.catalogue import CatalogueService
from counter_app.services.context import Context
from counter_app.services.ratings import LEVELS
from counter_app.store.export_rows import ExportRow, ExportRowsRepo

FORMATS = ("csv", "xlsx")
# The column titles, in order. Adding a column: a title here, its value in _values(), and the tests
# that read the file back (tests/core/test_export.py).
COLUMNS = (
    "受理编号",
    "事项编码",
    "事项名称",
    "申请人",
    "证件号码",
    "状态",
    "状态代码",
    "收件时间",
    "受理日期",
    "承诺办结日期",
    "办结时间",
    "送达时间",
    "办理结果",
    "评价等级",
    "评价",
)
STATUS_NAMES = {
    "draft": "草稿",
    "awaiting_materials": "待补正材料",
    "accepted": "已受理",
    "accepted_pending": "容缺受理",
    "refused": "不予受理",
    "in_progress": "办理中",
    "suspended": "已中止",
    "completed": "已办结",
    "delivered": "已送达",
    "rated": "已评价",
    "withdrawn": "已撤回",
}
RESULT_NAMES = {"granted": "准予", "denied": "不予"}
SHEET_TITLE = "办件"
# Excel runs a cell that starts with one of these as a formula: such a text is written as plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportService:
    def __init__(self, ctx: Context, catalogue: CatalogueService | None = None) -> None:
        self.ctx = ctx
        self.catalogue = catalogue or CatalogueService(ctx)
        self.rows = ExportRowsRepo(ctx.store, ctx.cipher)

    def export(
        self,
        actor: Actor,
        start: date,
        end: date,
        fmt: str,
        path: str | Path,
        full_ids: bool = False,
    ) -> int:
        """Write the applications taken in from ``start`` to ``end`` (both inclusive) to ``path`` as
        ``fmt`` ("csv": UTF-8 with a byte-order mark, for Excel; "xlsx"). Returns the number of
        applications written. Call on the thread that owns the profile."""
        self.ctx.require(actor, Permission.EXPORT_DATA)
        for name, day in (("start", start), ("end", end)):
            if not isinstance(day, date) or isinstance(day, datetime):
                raise ValidationError(name, "a date", code="format")
        if end < start:
            raise ValidationError("end", "on or after the first day", code="range")
        if fmt not in FORMATS:
            raise ValidationError("format", "csv or xlsx", code="choice")
        target = Path(path).expanduser()
        if not target.name or target.is_dir():
            raise ValidationError("path", "a file name", code="format")
        if not target.parent.is_dir():
            raise ValidationError("path", "the folder does not exist", code="not_found")
        tz = self.ctx.clock.now().tzinfo
        assert tz is not None, "the profile's clock gives timezone-aware times"
        values = (
            self._values(row, tz, full_ids) for row in self.rows.taken_in(start, end, tz, full_ids=full_ids)
        )
        partial = target.with_name(f".{target.name}.part")
        try:
            written = _write_xlsx(partial, values) if fmt == "xlsx" else _write_csv(partial, values)
            with self.ctx.store.transaction():
                detail: dict[str, Any] = {
                    "rows": written,
                    "format": fmt,
                    "full_ids": bool(full_ids),
                    "file": target.name,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                }
                self.ctx.audit(actor, "export.applications", **detail)
                if full_ids:
                    self.ctx.audit(actor, "export.full_ids", rows=written, file=target.name)
                os.replace(partial, target)  # a failure here rolls the audit events back too
        finally:
            partial.unlink(missing_ok=True)
        return written

    def _values(self, row: ExportRow, tz: tzinfo, full_ids: bool) -> list[Any]:
        identifier = (row.id_number or row.id_masked) if full_ids else row.id_masked
        return [
            row.receipt_no,
            row.item_code,
            self._item_name(row.item_code, row.catalogue_version),
            row.applicant_name,
            identifier or "",
            STATUS_NAMES.get(row.status, row.status),
            row.status,
            _moment(row.created_at, tz),
            _day(row.accepted_on),
            _day(row.due_date),
            _moment(row.completed_at, tz),
            _moment(row.delivered_at, tz),
            RESULT_NAMES.get(row.result or "", row.result or ""),
            row.rating_level,
            LEVELS.get(row.rating_level, "") if row.rating_level is not None else "",
        ]

    def _item_name(self, code: str, version: str) -> str:
        try:
            return self.catalogue.item(code, version).name  # parsed once per catalogue version
        except NotFound:
            return code


def _moment(text: str | None, tz: tzinfo) -> datetime | None:
    """A stored time as the office's local time (without a zone: Excel has none)."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(tz).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(path: Path, rows: Iterator[list[Any]]) -> int:
    written = 0
    # utf-8-sig writes the byte-order mark; newline="" lets the csv module end lines with CRLF itself.
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for values in rows:
            out.writerow([_csv_cell(value) for value in values])
            written += 1
        handle.flush()
        os.fsync(handle.fileno())
    return written


def _write_xlsx(path: Path, rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    # The file first: a folder that refuses it fails before the workbook starts its own temporary file.
    with open(path, "wb") as handle:
        book = Workbook(write_only=True)  # rows go to a temporary file as they come, not to memory
        sheet = book.create_sheet(SHEET_TITLE)
        sheet.freeze_panes = "A2"
        for column, title in enumerate(COLUMNS):
            wide = title in ("证件号码", "收件时间", "办结时间", "送达时间")
            sheet.column_dimensions[chr(ord("A") + column)].width = 20 if wide else 14
        bold = Font(bold=True)
        header = []
        for title in COLUMNS:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        written = 0
        for values in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in values])
            written += 1
        book.save(handle)
        handle.flush()
        os.fsync(handle.fileno())
    return written


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    if isinstance(value, str) and value.startswith("="):  # openpyxl would write it as a formula
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
