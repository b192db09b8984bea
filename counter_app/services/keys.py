"""Where the data key lives (OS keyring or the fallback file) and moving it to the keyring."""

from __future__ import annotations

from counter_app.services.context import Context


class KeyService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
