"""The intake page (受理): find or register the applicant, choose the service, fill in its form,
check the materials, decide, and issue the statutory notice. ``IntakeView`` is the page.

``IntakeView`` is imported on first use (PEP 562): the first-start dialog borrows this package's
small widgets (``widgets``), and importing the whole page with them would slow the app's start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.views.intake.view import IntakeView

__all__ = ["IntakeView"]


def __getattr__(name: str) -> Any:
    if name == "IntakeView":
        from ui.views.intake.view import IntakeView

        return IntakeView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
