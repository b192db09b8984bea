"""What a statutory notice of an intake decision says: a plain record ready to lay out.

受理通知书 (acceptance), 一次性告知书 (one-time notice of the materials to supply), 容缺受理通知书
(accepted with minor materials pending) and 不予受理通知书 (refusal). The use case that gathers one is
``NoticeService.build`` (``counter_app/services/notices.py``); ``ui/notices/`` lays it out and prints it.
A notice is paper that leaves the office: only the masked ID number ever reaches it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import Enum

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
DECISIONS: dict[NoticeKind, tuple[str, ...]] = {
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
    # The office's settings (Admin page, Settings): a line under the signature (address, telephone),
    # and how this office prints notices by default: the layout ("a4" or "receipt", the 80 mm roll) and
    # the printer (None: the system's default; a printer not installed here is passed over).
    office_contact: str | None = None
    paper: str = "a4"
    printer_name: str | None = None

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
