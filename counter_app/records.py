"""The records the use cases hand to their callers: plain frozen dataclasses, no SQL.

The repositories in ``counter_app/store/`` build them from rows; the user interfaces (``ui/``) read
them and never import the store (an import-linter contract holds that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ApplicantSummary:
    """What lists show: no personal data beyond masks."""

    id: str
    kind: str
    name: str
    name_initials: str
    id_type: str
    id_masked: str | None
    birth_date: str | None
    sex: str | None
    phone_masked: str | None
    representative: str | None
    version: int
    sync_state: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class ApplicantDetails:
    """The decrypted record. Reading it is audited (see ApplicantService.reveal)."""

    summary: ApplicantSummary
    id_number: str | None
    phone: str | None
    address: str | None


@dataclass(frozen=True)
class Application:
    id: str
    receipt_no: str
    applicant_id: str
    item_code: str
    catalogue_version: str
    status: str
    form: dict[str, Any]
    created_by: str | None
    accepted_by: str | None
    accepted_at: str | None
    accepted_on: str | None
    due_date: str | None
    limit_value: int | None
    limit_unit: str | None
    missing_materials: list[str]
    notice_issued_at: str | None
    pending_materials: list[str]
    commitment: str | None
    pending_deadline: str | None
    refusal_reason: str | None
    remedies: str | None
    resume_status: str | None
    result: str | None
    result_reason: str | None
    completed_at: str | None
    delivered_at: str | None
    delivery_method: str | None
    withdrawn_reason: str | None
    version: int
    sync_state: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class MaterialRecord:
    material_code: str
    originals: int
    copies: int
    status: str  # received | missing | pending


@dataclass(frozen=True)
class ApplicationRow:
    """One line of the applications list: no personal data beyond the masked ID number."""

    id: str
    receipt_no: str
    applicant_id: str
    applicant_name: str
    id_masked: str | None
    item_code: str
    catalogue_version: str
    status: str
    accepted_on: str | None
    due_date: str | None
    sync_state: str
    created_at: str
