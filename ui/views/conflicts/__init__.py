"""The conflicts page (同步冲突): open sync conflicts side by side and the operations the platform
rejected, for a supervisor; and the status bar's indicator that opens it."""

from __future__ import annotations

from ui.views.conflicts.indicator import ConflictIndicator
from ui.views.conflicts.view import ConflictsView

__all__ = ["ConflictIndicator", "ConflictsView"]
