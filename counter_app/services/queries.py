"""Read-only lists for the screens: pages of applications, an applicant's applications.

Each call checks the actor's permission; the rows carry masked identifiers only.
"""

from __future__ import annotations

from counter_app.accounts import Actor, Permission
from counter_app.errors import ValidationError
from counter_app.records import ApplicationRow
from counter_app.services.context import Context
from counter_app.store.queries import QueryRepo
from counter_app.workflow import Status

MAX_PAGE = 1000
MAX_TEXT = 50


class QueryService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.repo = QueryRepo(ctx.store)

    def applications(
        self, actor: Actor, *, status: str | None = None, text: str = "", limit: int = 200, offset: int = 0
    ) -> list[ApplicationRow]:
        """Newest first, ``limit`` rows from ``offset``; filtered by status and by part of the receipt
        number or the applicant's name (or its pinyin initials)."""
        self.ctx.require(actor, Permission.TAKE_IN)
        if status and status not in {s.value for s in Status}:
            raise ValidationError("status", "an application status", code="choice")
        if not 0 < limit <= MAX_PAGE or offset < 0:
            raise ValidationError("limit", f"1 to {MAX_PAGE} rows from offset 0 or more", code="range")
        text = " ".join((text or "").split())
        if len(text) > MAX_TEXT:
            raise ValidationError("text", f"at most {MAX_TEXT} characters", code="max_length")
        return self.repo.applications(status=status or None, text=text, limit=limit, offset=offset)

    def applications_of(self, actor: Actor, applicant_id: str) -> list[ApplicationRow]:
        self.ctx.require(actor, Permission.TAKE_IN)
        return self.repo.applications_of(applicant_id)
