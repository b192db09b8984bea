"""One intake at the desk, from the applicant to the decision: its state and the use cases it calls.

Qt-free, so the screen's panels only show and collect; this is where the intake talks to the core
(``counter.intake``, ``counter.catalogue``) and gathers the notice. Call on the UI thread (the
profile's database connection belongs to it); every call is a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from counter_app.accounts import Actor
from counter_app.catalogue import Catalogue, ServiceItem
from counter_app.core import Counter
from counter_app.services.lifecycle import MaterialCheck
from counter_app.store.applicants import ApplicantSummary
from counter_app.store.applications import Application
from counter_app.workflow import Status
from ui.notices import NoticeData, build_notice


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


class IntakeSession:
    def __init__(self, counter: Counter, actor: Actor, today: Callable[[], date] | None = None) -> None:
        self.counter = counter
        self.actor = actor
        self.today = today or counter.ctx.today
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

    def catalogue(self) -> Catalogue:
        return self.counter.catalogue.active()

    # --- steps ----------------------------------------------------------------------------------------
    def choose_applicant(self, applicant: ApplicantSummary) -> None:
        assert not self.drafted, "the applicant of a draft is fixed"
        if self.applicant is None or applicant.id != self.applicant.id:
            self.item = None
        self.applicant = applicant

    def choose_item(self, item: ServiceItem) -> None:
        assert not self.drafted, "the service of a draft is fixed"
        self.item = item

    def save_form(self, form: dict[str, Any]) -> Application:
        """Draft the application with its form (the receipt number is made here), or update the form."""
        assert self.applicant is not None and self.item is not None
        if self.application is None:
            self.application = self.counter.intake.draft(self.actor, self.applicant.id, self.item.code, form)
        else:
            self.application = self.counter.intake.update_form(self.actor, self.application.id, form)
        return self.application

    def attach(self, material_code: str, filename: str, content: bytes) -> str:
        assert self.application is not None
        return self.counter.intake.attach(self.actor, self.application.id, material_code, filename, content)

    def record_materials(self, received: dict[str, tuple[int, int]]) -> MaterialCheck:
        assert self.application is not None
        self.check = self.counter.intake.record_materials(self.actor, self.application.id, received)
        return self.check

    def decide(self, choice: DecisionInput) -> Application:
        """Take the decision, then gather its notice (what goes on paper)."""
        assert self.application is not None
        intake, actor, application_id = self.counter.intake, self.actor, self.application.id
        if choice.decision is Decision.ACCEPT:
            decided = intake.accept(actor, application_id)
        elif choice.decision is Decision.ACCEPT_PENDING:
            assert choice.deadline is not None
            decided = intake.accept_pending(actor, application_id, choice.commitment, choice.deadline)
        elif choice.decision is Decision.NOTIFY_MISSING:
            decided = intake.notify_missing(actor, application_id)
        else:
            decided = intake.refuse(actor, application_id, choice.reason, choice.remedies)
        self.application = decided
        self.notice = build_notice(self.counter, actor, decided.id)
        return decided
