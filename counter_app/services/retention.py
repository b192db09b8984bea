"""Retention: removing the personal data of cases delivered and synced long ago."""

from __future__ import annotations

from counter_app.services.context import Context


class RetentionService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
