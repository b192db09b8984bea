"""The records the use cases hand to their callers: plain frozen dataclasses, no SQL.

The repositories in ``counter_app/store/`` build them from rows; the user interfaces (``ui/``) read
them and never import the store (an import-linter contract holds that).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
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


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    """One line of the applications list: no personal data beyond the masked ID number. (Slots: a
    list scrolled to the end holds 200,000 of them.)"""

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
    # Who answers for the case (``user:<name>``): whoever accepted it, before acceptance who took it in.
    handled_by: str | None = None
    # Against the office's today and working-day calendar; None for a closed case or one not yet accepted.
    deadline_state: DeadlineState | None = None


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
    # What the citizen found unsatisfactory: ``efficiency``, ``competence``, ``attitude`` (in that order)
    unsatisfied_aspects: tuple[str, ...]
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
class RatingSession:
    """A rating the clerk opened for the citizen to give on the counter screen
    (``counter.ratings.open_session``). It carries what that screen may show, nothing of the citizen:
    the service's name and the receipt number."""

    token: str  # for ``counter.ratings.submit``; lives in memory until the rating or a cancel
    application_id: str
    receipt_no: str
    item_name: str
    item_name_en: str
    opened_by: str  # audit name of the clerk who handed the screen over


@dataclass(frozen=True)
class RectificationCounts:
    """For the dashboard: ``open`` includes the ``overdue`` ones."""

    open: int
    overdue: int
    closed: int


# --- the applications list -------------------------------------------------------------------------
class DeadlineState(str, Enum):
    """Where a case stands against its promised date (``ApplicationRow.deadline_state``)."""

    OVERDUE = "overdue"  # the clock runs and the due date is before the office's today
    DUE_SOON = "due_soon"  # the clock runs and it is due today or within the next 3 working days
    ON_TIME = "on_time"  # the clock runs and it is due later, or it is suspended (the clock stopped)


class ApplicationSortKey(str, Enum):
    """The orders the list offers (a whitelist: the store maps each to its own SQL). Within a service,
    status or due date the list follows the intake time; the receipt number breaks the last ties."""

    RECEIPT_NO = "receipt_no"
    APPLICANT = "applicant"  # the name's pinyin initials, then the name
    SERVICE = "service"  # the service item's code
    STATUS = "status"  # lifecycle order (draft … withdrawn), not the codes' alphabet
    INTAKE = "intake"  # created_at
    DUE = "due"  # cases without a due date come after every dated one (before them, descending)


@dataclass(frozen=True)
class ApplicationSort:
    key: ApplicationSortKey = ApplicationSortKey.INTAKE
    descending: bool = True  # every part of the order goes the same way


@dataclass(frozen=True)
class ApplicationFilter:
    """Which applications the list shows; every field narrows, an empty one does not."""

    statuses: frozenset[str] = frozenset()  # any of these ``workflow.Status`` values
    item_code: str | None = None
    staff: str | None = None  # audit name (``user:wangfang``) compared with ``ApplicationRow.handled_by``
    intake_from: date | None = None  # the intake day (created_at) in the office's timezone, inclusive
    intake_to: date | None = None  # inclusive
    deadlines: frozenset[DeadlineState] = frozenset()  # any of these states (overdue and due soon: both)
    text: str = ""  # part of the receipt number, of the applicant's name or of its pinyin initials


@dataclass(frozen=True)
class ApplicationCursor:
    """Where the next page starts: the sort values of the last row given. Hand it back unchanged."""

    filters: ApplicationFilter
    sort: ApplicationSort
    last: tuple[str | int, ...]


@dataclass(frozen=True)
class ApplicationPage:
    """A page of the list; ``next`` is None after the last page. ``today`` and ``due_soon_until``
    (ISO dates) are the cut-offs the rows' deadline states were computed with."""

    rows: tuple[ApplicationRow, ...]
    next: ApplicationCursor | None
    today: str
    due_soon_until: str


@dataclass(frozen=True)
class ApplicationCounts:
    """For the list's header: applications per status under every filter except the status choice
    (so each status can show what choosing it would give), and how many of them are overdue / due soon."""

    by_status: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    due_soon: int = 0
    today: str = ""
    due_soon_until: str = ""

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def total_for(self, statuses: frozenset[str]) -> int:
        """How many the list shows with ``statuses`` chosen (all of them when empty)."""
        return self.total if not statuses else sum(self.by_status.get(s, 0) for s in statuses)


@dataclass(frozen=True)
class ConflictField:
    """One line of a conflict's side-by-side view."""

    name: str
    local: Any  # this counter's value (its record; the refused op's value where the record has none)
    platform: Any  # the platform's value
    differs: bool
    personal: bool  # citizens' personal data (entity_fields): reading it is audited
    in_conflict: bool  # both writers changed it: why the platform refused the op; what "edit" may set


@dataclass(frozen=True)
class SyncConflict:
    """An open conflict, decrypted: reading one is audited (``conflict.view``)."""

    id: int
    entity: str
    record_id: str
    receipt_no: str | None  # for display, where the record is or belongs to an application
    applicant_name: str | None
    detected_at: str
    op_id: str
    op_data: dict[str, Any]  # the refused op's fields as this counter sent them
    conflict_fields: tuple[str, ...]
    platform_version: int
    fields: tuple[ConflictField, ...]  # every stored field of the entity, in its defined order


@dataclass(frozen=True)
class RejectedOp:
    """An op the platform refused for good (``rejected``): kept, listed until acknowledged."""

    op_id: str
    seq: int
    entity: str
    record_id: str
    op: str  # create | update
    receipt_no: str | None
    applicant_name: str | None
    made_at: str  # when the change was made at the counter (device time)
    made_by: str  # the user id that made it
    rejected_at: str  # when the platform's answer was recorded
    fields: tuple[str, ...]  # the fields the op carried (names only: no personal data)
    field: str | None  # the field the platform named
    code: str  # machine-readable reason (sync.protocol ErrorCode, or the answer's status)
    message: str
    acknowledged_at: str | None
    acknowledged_by: str | None
