"""What a notice says, gathered from the core: a plain, Qt-free record ready to lay out.

``build_notice`` only reads. It goes through ``counter.cases.get`` (the use case checks the clerk
may take applications in) and reads the masked applicant summary, never the decrypted record: a
notice is paper that leaves the office, so the full ID number never reaches it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from counter_app.accounts import Actor
from counter_app.catalogue import ServiceItem
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, NotFound
from counter_app.services.lifecycle import check_materials
from counter_app.store.applications import Application, MaterialRecord
from counter_app.workflow import Action, Status

DEFAULT_OFFICE_NAME = "便民服务中心"
QR_SCHEME = "CNTR-NOTICE:1"


class NoticeKind(str, Enum):
    ACCEPTANCE = "acceptance"  # 受理通知书
    MISSING_MATERIALS = "missing_materials"  # 一次性告知书
    ACCEPTED_PENDING = "accepted_pending"  # 容缺受理通知书
    REFUSAL = "refusal"  # 不予受理通知书


# The status an application is in → the notice its decision issued. Statuses after acceptance
# reprint the acceptance notice (a citizen who lost it asks for another at the desk).
_KIND_BY_STATUS: dict[str, NoticeKind] = {
    Status.ACCEPTED.value: NoticeKind.ACCEPTANCE,
    Status.ACCEPTED_PENDING.value: NoticeKind.ACCEPTED_PENDING,
    Status.AWAITING_MATERIALS.value: NoticeKind.MISSING_MATERIALS,
    Status.REFUSED.value: NoticeKind.REFUSAL,
    Status.IN_PROGRESS.value: NoticeKind.ACCEPTANCE,
    Status.SUSPENDED.value: NoticeKind.ACCEPTANCE,
    Status.COMPLETED.value: NoticeKind.ACCEPTANCE,
    Status.DELIVERED.value: NoticeKind.ACCEPTANCE,
    Status.RATED.value: NoticeKind.ACCEPTANCE,
}
_DECISIONS: dict[NoticeKind, tuple[str, ...]] = {
    NoticeKind.ACCEPTANCE: (Action.ACCEPT.value, Action.ACCEPT_PENDING.value),
    NoticeKind.ACCEPTED_PENDING: (Action.ACCEPT_PENDING.value,),
    NoticeKind.MISSING_MATERIALS: (Action.NOTIFY_MISSING.value,),
    NoticeKind.REFUSAL: (Action.REFUSE.value,),
}


@dataclass(frozen=True)
class MaterialLine:
    """One material on a notice, with the counts handed over (received) or required (otherwise)."""

    code: str
    name: str
    name_en: str
    issuer: str
    originals: int
    copies: int
    notes: str = ""


@dataclass(frozen=True)
class NoticeData:
    kind: NoticeKind
    application_id: str
    receipt_no: str
    office_name: str
    office_address: str | None
    office_phone: str | None
    applicant_name: str
    applicant_kind: str  # person | organisation
    applicant_id_type: str  # resident_id | uscc
    applicant_id_masked: str  # masked, never the full number
    representative: str | None
    item_code: str
    item_name: str
    item_name_en: str
    item_type: str
    legal_basis: tuple[str, ...]
    implementing_body: str
    submitted_on: date
    issued_on: date
    staff_name: str
    materials_received: tuple[MaterialLine, ...] = ()
    materials_missing: tuple[MaterialLine, ...] = ()
    materials_pending: tuple[MaterialLine, ...] = ()
    accepted_on: date | None = None
    promised_date: date | None = None
    limit_value: int | None = None
    limit_unit: str | None = None
    commitment: str | None = None
    pending_deadline: date | None = None
    refusal_reason: str | None = None
    remedies: str | None = None

    def __post_init__(self) -> None:
        # A last guard: whatever builds a notice, an unmasked number must not reach paper.
        if self.applicant_id_masked and "*" not in self.applicant_id_masked:
            raise ValueError("a notice carries the masked ID number only")

    @property
    def is_licensing(self) -> bool:
        """Administrative licensing (item type 01): the Administrative Licensing Law applies."""
        return self.item_type == "01"

    @property
    def on_the_spot(self) -> bool:
        return self.limit_value == 0

    @property
    def verification_code(self) -> str:
        """Ten characters derived from the application's UUID (which only the office and the
        central platform hold) and what the notice states; a checksum to look the notice up and
        compare, not a signature."""
        text = "|".join((self.application_id, self.receipt_no, self.kind.value, self.issued_on.isoformat()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10].upper()

    @property
    def qr_payload(self) -> str:
        """ASCII only and no personal data: the receipt number, the kind, the date and the code."""
        return (
            f"{QR_SCHEME};R={self.receipt_no};K={self.kind.value};"
            f"D={self.issued_on:%Y%m%d};C={self.verification_code}"
        )


def notice_kind(status: str) -> NoticeKind | None:
    """The notice an application in ``status`` has (None for drafts and withdrawn applications)."""
    return _KIND_BY_STATUS.get(status)


def build_notice(counter: Counter, actor: Actor, application_id: str) -> NoticeData:
    """Gather the notice of an application's intake decision. Read-only; UI thread or a worker
    that owns the profile's connection. Raises ``InvalidTransition`` when no decision was made."""
    app = counter.cases.get(actor, application_id)
    kind = notice_kind(app.status)
    if kind is None:
        raise InvalidTransition("print a notice for", app.status, "no intake decision has been made")
    applicant = counter.ctx.applicants.get(app.applicant_id)
    if applicant is None:
        raise NotFound("applicant", app.applicant_id)
    item = counter.catalogue.item(app.item_code, app.catalogue_version)
    records = counter.ctx.applications.materials(app.id)
    settings = counter.ctx.settings
    staff, decided_on = _decision(counter, actor, app, kind)

    check = check_materials(item, records)
    missing = _required(item, app.missing_materials) if kind is NoticeKind.MISSING_MATERIALS else ()
    pending = _required(item, app.pending_materials) if kind is NoticeKind.ACCEPTED_PENDING else ()
    received = tuple(_received(item, records, check.received))

    return NoticeData(
        kind=kind,
        application_id=app.id,
        receipt_no=app.receipt_no,
        office_name=(settings.get("office_name") or "").strip() or DEFAULT_OFFICE_NAME,
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
    )


def _day(moment: str) -> date:
    return datetime.fromisoformat(moment).date()


def _decision(counter: Counter, actor: Actor, app: Application, kind: NoticeKind) -> tuple[str, date]:
    """Who took the decision the notice records, and on which day (the latest such event)."""
    events = [e for e in counter.cases.history(actor, app.id) if e["action"] in _DECISIONS[kind]]
    if not events:  # e.g. a record that arrived by sync without its local history
        fallback = app.accepted_at or app.notice_issued_at or app.updated_at
        return _staff_name(counter, app.accepted_by) or actor.display_name, _day(fallback)
    last = events[-1]
    return _staff_name(counter, last["actor"]) or actor.display_name, _day(last["at"])


def _staff_name(counter: Counter, audit_name: str | None) -> str | None:
    """``user:wangfang`` → the account's display name; ``cli:ops`` → ``ops``."""
    if not audit_name:
        return None
    if audit_name.startswith("user:"):
        user = counter.ctx.users.by_username(audit_name[len("user:") :])
        return user.display_name if user else audit_name[len("user:") :]
    return audit_name.removeprefix("cli:")


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
