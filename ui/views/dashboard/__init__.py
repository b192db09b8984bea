"""The dashboard page (统计): figures, charts and tables for a period and a scope."""

from __future__ import annotations

from ui.views.dashboard.view import DashboardView

__all__ = ["DashboardView"]
