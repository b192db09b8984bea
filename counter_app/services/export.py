"""Export of the applications of a period to XLSX or CSV (ID numbers masked unless asked; audited)."""

from __future__ import annotations

from counter_app.services.context import Context


class ExportService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
