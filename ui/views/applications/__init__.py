"""The applications page (办件): the list, one application's details and history, and its next steps."""

from __future__ import annotations

from ui.views.applications.view import ApplicationsView

__all__ = ["ApplicationsView"]
