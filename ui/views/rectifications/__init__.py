"""The rectification page (整改): tasks opened by bad ratings, and closing them with what was done."""

from __future__ import annotations

from ui.views.rectifications.view import RectificationsView

__all__ = ["RectificationsView"]
