"""The office's settings: name and contact on notices, idle lock, backup folder and days, retention
days, printer and paper."""

from __future__ import annotations

from counter_app.services.context import Context


class OfficeSettingsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
