"""The applicants page (群众): find an applicant, show their personal data (audited), their applications."""

from __future__ import annotations

from ui.views.applicants.view import ApplicantsView

__all__ = ["ApplicantsView"]
