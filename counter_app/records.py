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


@dataclass(frozen=True)
class AuditEvent:
    """One event of the audit trail, as stored (see ``counter_app.audit``)."""

    seq: int
    ts: str  # device time corrected by the clock offset measured at the last sync: order by seq, not by this
    device_ts: str  # the device's own clock when the event was written
    actor: str  # ``user:<username>``, ``cli:<os user>``, ``sync`` or ``system``
    action: str  # e.g. ``applicant.view``, ``login``, ``rectification.close``
    entity: str | None
    entity_id: str | None
    outcome: str  # success | failure | denied
    detail: dict[str, Any]  # decoded JSON: record ids, codes and counts, never a citizen's data


@dataclass(frozen=True)
class AuditFilter:
    """Which audit events to show or export; every field narrows, ``None`` does not."""

    actor: str | None = None  # exact, as in ``AuditTrailService.actors()``
    action: str | None = None  # exact (``login``), or a prefix ending with a dot (``applicant.``)
    outcome: str | None = None
    # ISO dates (``2026-11-23``) on the stored (corrected) time, Beijing dates, both ends included
    date_from: str | None = None
    date_to: str | None = None
    personal_data_views_only: bool = False  # only views of citizens' personal data


@dataclass(frozen=True)
class PersonalDataViews:
    """How often one person viewed citizens' personal data in a period (from the audit trail)."""

    actor: str
    total: int
    by_action: dict[str, int]  # ``applicant.view`` / ``attachment.view`` / ``notice.view`` -> count
    first_ts: str
    last_ts: str


@dataclass(frozen=True)
class RectificationRow:
    """One rectification task with its case and rating: the applicant's name, no other personal data."""

    id: str
    application_id: str
    receipt_no: str
    item_code: str
    applicant_name: str
    rating_id: str
    level: int  # 4 不满意 or 5 非常不满意
    channel: str
    comment: str | None
    rated_at: str
    due_date: str
    status: str  # open | closed
    overdue: bool  # open, and due before the office's today
    resolution: str | None  # what was done (closed tasks)
    closed_at: str | None
    closed_by: str | None  # audit name of who closed it on this counter; None if it was closed elsewhere
    version: int
    sync_state: str


@dataclass(frozen=True)
class RectificationCounts:
    """For the dashboard: ``open`` includes the ``overdue`` ones."""

    open: int
    overdue: int
    closed: int
