"""The intake page (受理): find or register the applicant, choose the service, fill in its form,
check the materials, decide, and issue the statutory notice. ``IntakeView`` is the page."""

from __future__ import annotations

from ui.views.intake.view import IntakeView

__all__ = ["IntakeView"]
