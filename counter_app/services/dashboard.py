"""The dashboard (统计): the office's figures for a period and a scope, from the counter's own store.

Supervisors and administrators (``VIEW_REPORTS``) see the whole office, any service item, any staff
member. A clerk sees the same figures for their own cases (those they answer for: accepted by them,
or taken in by them and not accepted by anyone): whatever scope they ask for is narrowed to their
own cases, and asking for a colleague's is refused (and audited, like every refusal). Viewing the
figures is not audited: they hold no citizen's personal data, like the applications list (only
views of personal data, changes and logins are audit events).

Every figure comes from an SQL aggregate (``counter_app/store/statistics.py``); see
``counter_app/statistics.py`` for the definitions. May be called on the thread that owns the
profile's connection (the desktop app's database thread).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from counter_app.accounts import Actor, Permission
from counter_app.errors import ValidationError
from counter_app.services.catalogue import CatalogueService
from counter_app.services.context import Context
from counter_app.statistics import BUCKETS, Dashboard, Figures, GroupFigures, Period, Scope
from counter_app.store.statistics import StatisticsRepo

_USER_PREFIX = "user:"


class DashboardService:
    def __init__(self, ctx: Context, catalogue: CatalogueService) -> None:
        self.ctx = ctx
        self.catalogue = catalogue
        self.repo = StatisticsRepo(ctx.store)

    def today(self) -> date:
        """The office's today by the profile's clock (never the machine's own idea)."""
        return self.ctx.today()

    def period(self, name: str) -> Period:
        """``this_week``, ``this_month`` or ``last_month`` as of the office's today."""
        return Period.named(name, self.ctx.today())

    def allowed_scope(self, actor: Actor, scope: Scope) -> Scope:
        """The scope ``actor`` may see: as asked with ``VIEW_REPORTS``, else their own cases only."""
        if actor.can(Permission.VIEW_REPORTS):
            return scope
        self.ctx.require(actor, Permission.TAKE_IN)  # someone who takes cases in, or nobody
        if scope.staff not in (None, actor.audit_name):
            self.ctx.require(actor, Permission.VIEW_REPORTS)  # raises, audited
        return replace(scope, staff=actor.audit_name)

    def figures(
        self, actor: Actor, period: Period, scope: Scope | None = None, *, satisfaction_bucket: str = "week"
    ) -> Dashboard:
        """Figures, per-item and per-staff tables and chart series for ``period`` and ``scope``
        (default: the whole office, or a clerk's own cases), read in one snapshot."""
        scope = self.allowed_scope(actor, scope or Scope())
        if not isinstance(period, Period):
            raise ValidationError("period", "a Period", code="invalid")
        if satisfaction_bucket not in BUCKETS:
            raise ValidationError("satisfaction_bucket", f"one of {', '.join(BUCKETS)}", code="choice")
        today = self.ctx.today()
        calendar = self.catalogue.calendar()
        repo = self.repo
        with repo.snapshot():
            first = min(period.start, repo.stage_completed(period, scope) or period.start)
            days = [first + timedelta(days=i) for i in range((period.end - first).days + 1)]
            repo.load_calendar((day, calendar.is_working_day(day)) for day in days)
            figures = repo.figures(period, scope, today)
            intake = repo.intake_per_day(period, scope)
            satisfaction = repo.satisfaction(period, scope, satisfaction_bucket)
            names = self._display_names()
        catalogue = self.catalogue.active()
        return Dashboard(
            period=period,
            scope=scope,
            today=today,
            totals=figures["office"].get("", Figures()),
            # Lines with nothing to show (an item last used years ago) are left out.
            by_item=tuple(
                GroupFigures(code, catalogue.item(code).name if catalogue.has_item(code) else code, line)
                for code, line in sorted(figures["item"].items())
                if line != Figures()
            ),
            by_staff=tuple(
                GroupFigures(staff, names.get(staff, staff), line)
                for staff, line in sorted(figures["staff"].items())
                if line != Figures()
            ),
            intake_per_day=tuple(intake),
            satisfaction=tuple(satisfaction),
            satisfaction_bucket=satisfaction_bucket,
            calendar_estimated=not all(
                calendar.is_official(year) for year in range(first.year, period.end.year + 1)
            ),
        )

    def staff_members(self, actor: Actor) -> list[str]:
        """The staff members a scope may name (audit names of who answers for cases)."""
        if not actor.can(Permission.VIEW_REPORTS):
            self.ctx.require(actor, Permission.TAKE_IN)
            return [actor.audit_name]
        return self.repo.staff_members()

    def staff_names(self, actor: Actor) -> dict[str, str]:
        """Every staff account's display name by its audit name (``user:wangfang`` -> 王芳), for lists
        that name who answers for a case; colleagues' names are no citizen's personal data."""
        if not actor.can(Permission.VIEW_REPORTS):
            self.ctx.require(actor, Permission.TAKE_IN)
        return self._display_names()

    def _display_names(self) -> dict[str, str]:
        return {_USER_PREFIX + user.username: user.display_name for user in self.ctx.users.all()}
