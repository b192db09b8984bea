"""The Admin page (管理): every administration task of a township office as a screen, for the
administrator only; each task is a use case of the core, which checks the role and audits it."""

from __future__ import annotations

from ui.views.admin.view import AdminView

__all__ = ["AdminView"]
