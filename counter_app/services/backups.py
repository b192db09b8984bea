"""Backups: the automatic daily backup, backups to a chosen folder, the list of backups, restore."""

from __future__ import annotations

from counter_app.services.context import Context


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
