"""One intake at the desk, from the applicant to the decision: its state and the use cases it calls.

Qt-free, so the screen's panels only show and collect. The page never calls the core itself: each
step has a ``*_work`` method that returns the work to run on the database thread (a function of the
``Counter``, holding a copy of what it needs, never the session), and a method that records the
result on the UI thread once it is back. Build work and apply results on the UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from counter_app.accounts import Actor
from counter_app.catalogue import ServiceItem
from counter_app.core import Counter
from counter_app.records import ApplicantSummary, Application
from counter_app.services.lifecycle import MaterialCheck
from counter_app.workflow import Status
from ui.notices import NoticeData

T = TypeVar("T")
Work = Callable[[Counter], T]


class Decision(str, Enum):
    ACCEPT = "accept"
    ACCEPT_PENDING = "accept_pending"  # 容缺受理
    NOTIFY_MISSING = "notify_missing"  # 一次性告知
    REFUSE = "refuse"


@dataclass(frozen=True)
class DecisionInput:
    decision: Decision
    commitment: str = ""
    deadline: date | None = None
    reason: str = ""
    remedies: str = ""


@dataclass(frozen=True)
class Decided:
    """A decision taken, with its notice — or why the notice could not be gathered (the decision
    stands all the same)."""

    application: Application
    notice: NoticeData | None
    notice_error: Exception | None = None


@dataclass(frozen=True)
class ScanContent:
    """A scan read back (decrypted) for the clerk to look at; it stays in memory."""

    attachment_id: str
    name: str
    content: bytes


class IntakeSession:
    def __init__(self, actor: Actor, today: Callable[[], date]) -> None:
        self.actor = actor
        self.today = today
        self.reset()

    def reset(self) -> None:
        self.applicant: ApplicantSummary | None = None
        self.item: ServiceItem | None = None
        self.application: Application | None = None
        self.check: MaterialCheck | None = None
        self.notice: NoticeData | None = None

    # --- where the intake stands --------------------------------------------------------------------
    @property
    def drafted(self) -> bool:
        return self.application is not None

    @property
    def decided(self) -> bool:
        return self.application is not None and self.application.status != Status.DRAFT.value

    # --- steps on the UI thread -----------------------------------------------------------------------
    def choose_applicant(self, applicant: ApplicantSummary) -> None:
        assert not self.drafted, "the applicant of a draft is fixed"
        if self.applicant is None or applicant.id != self.applicant.id:
            self.item = None
        self.applicant = applicant

    def choose_item(self, item: ServiceItem) -> None:
        assert not self.drafted, "the service of a draft is fixed"
        self.item = item

    # --- work for the database thread, and its result back on the UI thread ---------------------------
    def save_form_work(self, form: dict[str, Any]) -> Work[Application]:
        """Draft the application with its form (the receipt number is made then), or update the form."""
        assert self.applicant is not None and self.item is not None
        actor, applicant_id, item_code = self.actor, self.applicant.id, self.item.code
        if self.application is None:
            return lambda counter: counter.intake.draft(actor, applicant_id, item_code, form)
        application_id = self.application.id
        return lambda counter: counter.intake.update_form(actor, application_id, form)

    def form_saved(self, application: Application) -> None:
        self.application = application

    def attach_work(self, material_code: str, filename: str, content: bytes) -> Work[str]:
        """Store a scan (encrypted); the result is its attachment id."""
        assert self.application is not None
        actor, application_id = self.actor, self.application.id
        return lambda counter: counter.intake.attach(actor, application_id, material_code, filename, content)

    def remove_scan_work(self, attachment_id: str) -> Work[None]:
        actor = self.actor
        return lambda counter: counter.intake.remove_attachment(actor, attachment_id)

    def read_scan_work(self, attachment_id: str) -> Work[ScanContent]:
        """The scan's content, decrypted (the core records that personal data was viewed)."""
        actor = self.actor

        def read(counter: Counter) -> ScanContent:
            name, content = counter.intake.read_attachment(actor, attachment_id)
            return ScanContent(attachment_id, name, content)

        return read

    def materials_work(self, received: dict[str, tuple[int, int]]) -> Work[MaterialCheck]:
        assert self.application is not None
        actor, application_id = self.actor, self.application.id
        return lambda counter: counter.intake.record_materials(actor, application_id, received)

    def materials_recorded(self, check: MaterialCheck) -> None:
        self.check = check

    def decide_work(self, choice: DecisionInput) -> Work[Decided]:
        """Take the decision, then gather its notice (what goes on paper) from the decided record."""
        assert self.application is not None
        actor, application_id = self.actor, self.application.id

        def decide(counter: Counter) -> Decided:
            intake = counter.intake
            if choice.decision is Decision.ACCEPT:
                decided = intake.accept(actor, application_id)
            elif choice.decision is Decision.ACCEPT_PENDING:
                assert choice.deadline is not None
                decided = intake.accept_pending(actor, application_id, choice.commitment, choice.deadline)
            elif choice.decision is Decision.NOTIFY_MISSING:
                decided = intake.notify_missing(actor, application_id)
            else:
                decided = intake.refuse(actor, application_id, choice.reason, choice.remedies)
            try:
                notice = counter.notices.build(actor, decided.id)
            except Exception as exc:  # the decision is made and stays made: report, do not refuse
                return Decided(decided, None, exc)
            return Decided(decided, notice)

        return decide

    def decision_taken(self, result: Decided) -> None:
        self.application = result.application
        self.notice = result.notice
