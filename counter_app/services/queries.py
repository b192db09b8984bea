"""Read-only lists for the screens: pages of applications, their counts per status, an applicant's
applications.

Each call checks the actor's permission; the rows carry masked identifiers only. Dates are the
office's: today by the profile's clock (and its timezone), "due soon" on the working-day calendar of
the active catalogue. The cut-offs are computed here once per call and filtered in SQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, tzinfo

from counter_app.accounts import Actor, Permission
from counter_app.calendar import WorkingCalendar
from counter_app.errors import NotFound, ValidationError
from counter_app.records import (
    ApplicationCounts,
    ApplicationCursor,
    ApplicationFilter,
    ApplicationPage,
    ApplicationRow,
    ApplicationSort,
    ApplicationSortKey,
    DeadlineState,
)
from counter_app.services.catalogue import CatalogueService
from counter_app.services.context import Context
from counter_app.store.queries import Cutoffs, QueryRepo
from counter_app.workflow import Status

MAX_PAGE = 1000
MAX_TEXT = 50
MAX_CODE = 100
# "Due soon": due today or within this many working days after it (issue 10).
DUE_SOON_WORKING_DAYS = 3

_STATUSES = frozenset(s.value for s in Status)


class QueryService:
    def __init__(self, ctx: Context, catalogue: CatalogueService | None = None) -> None:
        self.ctx = ctx
        self.repo = QueryRepo(ctx.store)
        self.catalogue = catalogue or CatalogueService(ctx)

    # --- the office's dates ------------------------------------------------------------------------
    def _calendar(self) -> WorkingCalendar:
        try:
            return self.catalogue.calendar()
        except NotFound:  # no catalogue installed yet: the official calendar without overrides
            return WorkingCalendar()

    def cutoffs(self) -> Cutoffs:
        """Today by the profile's clock and the last day that is due soon (today + 3 working days)."""
        now = self.ctx.clock.now()
        today = now.date()
        tz: tzinfo | None = now.tzinfo
        assert tz is not None, "the profile's clock gives timezone-aware times"
        soon = self._calendar().add_working_days(today, DUE_SOON_WORKING_DAYS)
        return Cutoffs(today=today, soon=soon, tz=tz)

    # --- the applications list ---------------------------------------------------------------------
    def applications_page(
        self,
        actor: Actor,
        filters: ApplicationFilter = ApplicationFilter(),  # noqa: B008 - frozen, never mutated
        sort: ApplicationSort = ApplicationSort(),  # noqa: B008
        *,
        after: ApplicationCursor | None = None,
        limit: int = 200,
    ) -> ApplicationPage:
        """``limit`` rows of the list in ``sort`` order; ``after``: the ``next`` of the page before
        (same filters and order). Rows carry their deadline state."""
        self.ctx.require(actor, Permission.TAKE_IN)
        filters = _checked(filters)
        try:
            sort = ApplicationSort(ApplicationSortKey(sort.key), bool(sort.descending))
        except ValueError:
            raise ValidationError("sort", "one of the list's orders", code="choice") from None
        if not 0 < limit <= MAX_PAGE:
            raise ValidationError("limit", f"1 to {MAX_PAGE} rows", code="range")
        if after is not None and (after.filters != filters or after.sort != sort):
            raise ValidationError(
                "after", "a cursor of this list with the same filters and order", code="stale"
            )
        cutoffs = self.cutoffs()
        page = self.repo.page(filters, sort, cutoffs, after=after.last if after else None, limit=limit)
        cursor = ApplicationCursor(filters, sort, page.last_key) if page.last_key is not None else None
        return ApplicationPage(tuple(page.rows), cursor, cutoffs.today.isoformat(), cutoffs.soon.isoformat())

    def application_counts(
        self,
        actor: Actor,
        filters: ApplicationFilter = ApplicationFilter(),  # noqa: B008
    ) -> ApplicationCounts:
        """Per status under every filter except the status choice; overdue and due-soon totals."""
        self.ctx.require(actor, Permission.TAKE_IN)
        return self.repo.counts(_checked(filters), self.cutoffs())

    def applications(
        self, actor: Actor, *, status: str | None = None, text: str = "", limit: int = 200, offset: int = 0
    ) -> list[ApplicationRow]:
        """Newest first, ``limit`` rows from ``offset``; filtered by status and by part of the receipt
        number or the applicant's name (or its pinyin initials). (:meth:`applications_page` pages by
        keyset and offers every filter and order.)"""
        self.ctx.require(actor, Permission.TAKE_IN)
        if status and status not in _STATUSES:
            raise ValidationError("status", "an application status", code="choice")
        if not 0 < limit <= MAX_PAGE or offset < 0:
            raise ValidationError("limit", f"1 to {MAX_PAGE} rows from offset 0 or more", code="range")
        text = _text(text)
        return self.repo.applications(
            self.cutoffs(), status=status or None, text=text, limit=limit, offset=offset
        )

    def applications_of(self, actor: Actor, applicant_id: str) -> list[ApplicationRow]:
        self.ctx.require(actor, Permission.TAKE_IN)
        return self.repo.applications_of(applicant_id, self.cutoffs())


def _text(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) > MAX_TEXT:
        raise ValidationError("text", f"at most {MAX_TEXT} characters", code="max_length")
    return text


def _checked(filters: ApplicationFilter) -> ApplicationFilter:
    """The filters validated, with their text normalised (so equal choices give equal filters)."""
    statuses = frozenset(filters.statuses)
    if not statuses <= _STATUSES:
        raise ValidationError("statuses", "application statuses", code="choice")
    try:
        deadlines = frozenset(DeadlineState(state) for state in filters.deadlines)
    except ValueError:
        raise ValidationError("deadlines", "overdue, due_soon or on_time", code="choice") from None
    for name in ("item_code", "staff"):
        value = getattr(filters, name)
        if value is not None and (not isinstance(value, str) or len(value) > MAX_CODE):
            raise ValidationError(name, f"at most {MAX_CODE} characters", code="max_length")
    for name in ("intake_from", "intake_to"):
        if getattr(filters, name) is not None and not isinstance(getattr(filters, name), date):
            raise ValidationError(name, "a date", code="date")
    if filters.intake_from and filters.intake_to and filters.intake_from > filters.intake_to:
        raise ValidationError("intake_to", "on or after the first day", code="range")
    return replace(
        filters,
        statuses=statuses,
        deadlines=deadlines,
        item_code=filters.item_code or None,
        staff=filters.staff or None,
        text=_text(filters.text),
    )
