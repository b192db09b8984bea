"""The audit page (审计): the audit trail filtered and paged, views of citizens' personal data per
person, the hash-chain check and an export to CSV, for supervisors and administrators."""

from __future__ import annotations

from ui.views.audit.view import AuditView

__all__ = ["AuditView"]
