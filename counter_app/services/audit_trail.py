"""The audit viewer's use cases: browse and filter the trail, who viewed citizens' personal data,
the chain check, and an export to CSV.

Supervisors and administrators only (``VIEW_AUDIT``); a refusal is itself audited. Browsing is not
audited (it shows no citizen's data, and a page per scroll would bury the trail in its own reading);
the chain check and an export are.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from counter_app.accounts import Actor, Permission
from counter_app.audit import DENIED, FAILURE, SUCCESS, VerifyResult
from counter_app.canonical import canonical_json
from counter_app.errors import ValidationError
from counter_app.records import AuditEvent, AuditFilter, PersonalDataViews
from counter_app.services.admin import AdminService
from counter_app.services.context import Context
from counter_app.store.audit_log import PERSONAL_DATA_VIEWS

MAX_PAGE = 1000
OUTCOMES = (SUCCESS, FAILURE, DENIED)
CSV_COLUMNS = ("seq", "ts", "device_ts", "actor", "action", "entity", "entity_id", "outcome", "detail")
# Excel runs a cell that starts with one of these as a formula; such a cell is written with a quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class AuditTrailService:
    # ``applicant.view`` (a reveal), ``attachment.view`` (a scan opened), ``notice.view`` (a notice
    # gathered: it names the applicant). ``applicant.lookup`` is not among them: it shows the masked
    # summary only; the action filter finds it.
    PERSONAL_DATA_VIEWS = PERSONAL_DATA_VIEWS

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def events(
        self,
        actor: Actor,
        where: AuditFilter | None = None,
        *,
        limit: int = 200,
        before_seq: int | None = None,
    ) -> list[AuditEvent]:
        """Newest first. The next page: ``before_seq=`` the last row's ``seq`` (stable while events
        are being written). Call on the thread that owns the profile."""
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        where = _checked(where)
        if not 0 < limit <= MAX_PAGE:
            raise ValidationError("limit", f"1 to {MAX_PAGE} rows", code="range")
        if before_seq is not None and (isinstance(before_seq, bool) or not isinstance(before_seq, int)):
            raise ValidationError("before_seq", "an event's sequence number", code="format")
        return self.ctx.audit_log.events(where, limit=limit, before_seq=before_seq)

    def count(self, actor: Actor, where: AuditFilter | None = None) -> int:
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        return self.ctx.audit_log.count_matching(_checked(where))

    def actors(self, actor: Actor) -> list[str]:
        """Everyone found in the trail (``user:<name>``, ``cli:<os user>``, ``sync``, ``system``)."""
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        return self.ctx.audit_log.distinct("actor")

    def actions(self, actor: Actor) -> list[str]:
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        return self.ctx.audit_log.distinct("action")

    def personal_data_views(
        self, actor: Actor, date_from: str | None = None, date_to: str | None = None
    ) -> list[PersonalDataViews]:
        """Per person, how often they viewed citizens' personal data in the period; most first. The
        events themselves: ``events(actor, AuditFilter(personal_data_views_only=True, ...))``."""
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        period = _checked(AuditFilter(date_from=date_from, date_to=date_to))
        people: dict[str, dict[str, tuple[int, str, str]]] = {}
        for name, action, count, first, last in self.ctx.audit_log.views_per_actor(
            PERSONAL_DATA_VIEWS, period.date_from, period.date_to
        ):
            people.setdefault(name, {})[action] = (count, first, last)
        result = [
            PersonalDataViews(
                actor=name,
                total=sum(count for count, _, _ in seen.values()),
                by_action={action: count for action, (count, _, _) in sorted(seen.items())},
                first_ts=min(first for _, first, _ in seen.values()),
                last_ts=max(last for _, _, last in seen.values()),
            )
            for name, seen in people.items()
        ]
        return sorted(result, key=lambda views: (-views.total, views.actor))

    def verify(self, actor: Actor) -> VerifyResult:
        """The hash-chain check (``counter-app audit verify``): ``ok``, the events checked, and each
        problem found (an edited event, a missing one, a removed tail). Audited as ``audit.verify``."""
        return AdminService(self.ctx).verify_audit(actor)

    def export_csv(
        self,
        actor: Actor,
        path: str | Path,
        where: AuditFilter | None = None,
        *,
        headers: Sequence[str] | None = None,
    ) -> int:
        """Write the filtered events (newest first, as shown) to ``path`` as CSV in UTF-8 with a BOM
        (so Excel shows Chinese), ``detail`` as JSON; ``headers`` lets the UI name the columns in the
        user's language. Written beside ``path`` and moved into place, so a failed export leaves no
        half file. Audited as ``audit.export``. Returns the number of events written."""
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        where = _checked(where)
        titles = list(headers) if headers is not None else list(CSV_COLUMNS)
        if len(titles) != len(CSV_COLUMNS):
            raise ValidationError("headers", f"{len(CSV_COLUMNS)} column titles", code="format")
        target = Path(path)
        partial = target.with_name(target.name + ".part")
        written = 0
        try:
            with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(titles)
                for event in self._all(where):
                    writer.writerow(_csv_row(event))
                    written += 1
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        chosen = {key: value for key, value in vars(where).items() if value not in (None, False)}
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "audit.export", events=written, file=target.name, filter=chosen)
        return written

    def _all(self, where: AuditFilter) -> Iterator[AuditEvent]:
        before: int | None = None
        while True:
            page = self.ctx.audit_log.events(where, limit=MAX_PAGE, before_seq=before)
            yield from page
            if len(page) < MAX_PAGE:
                return
            before = page[-1].seq


def _checked(where: AuditFilter | None) -> AuditFilter:
    where = where or AuditFilter()
    if where.outcome is not None and where.outcome not in OUTCOMES:
        raise ValidationError("outcome", f"one of {', '.join(OUTCOMES)}", code="choice")
    if where.action is not None and len(where.action) > 100:
        raise ValidationError("action", "at most 100 characters", code="max_length")
    days = {}
    for name in ("date_from", "date_to"):
        text = getattr(where, name)
        if text is None:
            continue
        try:
            days[name] = date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
        except ValueError:
            days[name] = None
        if days[name] is None:
            raise ValidationError(name, "a date as YYYY-MM-DD", code="format")
    if len(days) == 2 and days["date_from"] > days["date_to"]:
        raise ValidationError("date_to", "on or after the first day", code="range")
    return where


def _csv_row(event: AuditEvent) -> list[str | int]:
    cells = [
        event.ts,
        event.device_ts,
        event.actor,
        event.action,
        event.entity or "",
        event.entity_id or "",
        event.outcome,
        canonical_json(event.detail),
    ]
    return [event.seq, *(("'" + cell) if cell.startswith(_FORMULA_START) else cell for cell in cells)]
