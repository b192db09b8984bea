"""Gathering the notice of an application's intake decision (read-only, audited).

The clerk must be allowed to take applications in; the notice reads the applicant's masked summary,
never the decrypted record, and the audit trail records who printed or previewed whose notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from counter_app.accounts import Actor, Permission
from counter_app.catalogue import ServiceItem
from counter_app.errors import InvalidTransition, NotFound
from counter_app.notices import (
    DECISIONS,
    DEFAULT_OFFICE_NAME,
    MaterialLine,
    NoticeData,
    NoticeKind,
    notice_kind,
)
from counter_app.records import Application, MaterialRecord
from counter_app.services.catalogue import CatalogueService
from counter_app.services.context import Context
from counter_app.services.lifecycle import check_materials
from counter_app.services.office_settings import OfficeSettingsService


class NoticeService:
    def __init__(self, ctx: Context, catalogue: CatalogueService) -> None:
        self.ctx = ctx
        self.catalogue = catalogue

    def build(self, actor: Actor, application_id: str) -> NoticeData:
        """The notice of an application's intake decision. Raises ``InvalidTransition`` when no
        decision was made, ``PermissionDenied`` for a role that does not take applications in."""
        self.ctx.require(actor, Permission.TAKE_IN)
        ctx = self.ctx
        app = ctx.applications.get(application_id)
        if app is None:
            raise NotFound("application", application_id)
        kind = notice_kind(app.status)
        if kind is None:
            raise InvalidTransition("print a notice for", app.status, "no intake decision has been made")
        applicant = ctx.applicants.get(app.applicant_id)
        if applicant is None:
            raise NotFound("applicant", app.applicant_id)
        item = self.catalogue.item(app.item_code, app.catalogue_version)
        records = ctx.applications.materials(app.id)
        settings = ctx.settings
        office = OfficeSettingsService(ctx).get()
        staff, decided_on = self._decision(actor, app, kind)

        check = check_materials(item, records)
        missing = _required(item, app.missing_materials) if kind is NoticeKind.MISSING_MATERIALS else ()
        pending = _required(item, app.pending_materials) if kind is NoticeKind.ACCEPTED_PENDING else ()
        received = tuple(_received(item, records, check.received))

        notice = NoticeData(
            kind=kind,
            application_id=app.id,
            receipt_no=app.receipt_no,
            # The name the administrator set for notices, else the one given at enrollment.
            office_name=office.notice_office_name
            or (settings.get("office_name") or "").strip()
            or DEFAULT_OFFICE_NAME,
            office_address=(settings.get("office_address") or "").strip() or None,
            office_phone=(settings.get("office_phone") or "").strip() or None,
            applicant_name=applicant.name,
            applicant_kind=applicant.kind,
            applicant_id_type=applicant.id_type,
            applicant_id_masked=applicant.id_masked or "",
            representative=applicant.representative,
            item_code=item.code,
            item_name=item.name,
            item_name_en=item.name_en,
            item_type=item.item_type,
            legal_basis=item.legal_basis,
            implementing_body=item.implementing_body,
            submitted_on=_day(app.created_at),
            issued_on=decided_on,
            staff_name=staff,
            materials_received=received,
            materials_missing=missing,
            materials_pending=pending,
            accepted_on=date.fromisoformat(app.accepted_on) if app.accepted_on else None,
            promised_date=date.fromisoformat(app.due_date) if app.due_date else None,
            limit_value=app.limit_value,
            limit_unit=app.limit_unit,
            commitment=app.commitment,
            pending_deadline=date.fromisoformat(app.pending_deadline) if app.pending_deadline else None,
            refusal_reason=app.refusal_reason,
            remedies=app.remedies,
            office_contact=office.office_contact or None,
            paper=office.notice_layout,
            printer_name=office.printer_name or None,
        )
        with ctx.store.transaction():
            ctx.audit(actor, "notice.view", "application", app.id, kind=kind.value, applicant=applicant.id)
        return notice

    def _decision(self, actor: Actor, app: Application, kind: NoticeKind) -> tuple[str, date]:
        """Who took the decision the notice records, and on which day (the latest such event)."""
        events = [e for e in self.ctx.applications.events(app.id) if e["action"] in DECISIONS[kind]]
        if not events:  # e.g. a record that arrived by sync without its local history
            fallback = app.accepted_at or app.notice_issued_at or app.updated_at
            return self._staff_name(app.accepted_by) or actor.display_name, _day(fallback)
        last = events[-1]
        return self._staff_name(last["actor"]) or actor.display_name, _day(last["at"])

    def _staff_name(self, audit_name: str | None) -> str | None:
        """``user:wangfang`` → the account's display name; ``cli:ops`` → ``ops``."""
        if not audit_name:
            return None
        if audit_name.startswith("user:"):
            user = self.ctx.users.by_username(audit_name[len("user:") :])
            return user.display_name if user else audit_name[len("user:") :]
        return audit_name.removeprefix("cli:")


def _day(moment: str) -> date:
    return datetime.fromisoformat(moment).date()


def _line(
    item: ServiceItem, code: str, originals: int | None = None, copies: int | None = None
) -> MaterialLine:
    material = item.material(code)
    return MaterialLine(
        code=material.code,
        name=material.name,
        name_en=material.name_en,
        issuer=material.issuer,
        originals=material.originals if originals is None else originals,
        copies=material.copies if copies is None else copies,
        notes=material.notes,
    )


def _required(item: ServiceItem, codes: Iterable[str]) -> tuple[MaterialLine, ...]:
    """The listed materials in catalogue order, with the counts the item requires."""
    wanted = set(codes)
    return tuple(_line(item, m.code) for m in item.materials if m.code in wanted)


def _received(
    item: ServiceItem, records: dict[str, MaterialRecord], codes: Iterable[str]
) -> Iterable[MaterialLine]:
    for code in codes:
        record = records[code]
        yield _line(item, code, record.originals, record.copies)
