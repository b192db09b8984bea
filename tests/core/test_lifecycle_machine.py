"""The application lifecycle as a Hypothesis state machine driving the real services.

A small model (written from DESIGN §3 and the workflow docstring, not from TRANSITIONS) says which
actions each application allows; rules take the allowed ones and one rule tries a disallowed one,
which must fail and write nothing. After every step: the stored status is the model's, the outbox
and the audit trail grew by exactly what the steps wrote, the audit chain verifies, a final status
never changes, and the due date is set exactly when the application was accepted (and moves by the
working days spent suspended).
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, Phase, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from counter_app.accounts import Actor
from counter_app.calendar import WorkingCalendar
from counter_app.catalogue import ServiceItem
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, ValidationError
from counter_app.people import PeopleGenerator
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder
from tests.conftest import START

ITEMS = (
    "990101101-05-0003-001",  # 临时救助: 10 working days, three minor materials
    "990101101-05-0001-001",  # 最低生活保障: 20 working days, two minor materials
    "990101101-01-0001-001",  # 农村宅基地: 15 working days, one minor material
    "990101101-20-0102-001",  # on the spot: 0 days, no minor material
)
OPEN = {"draft", "awaiting_materials", "accepted", "accepted_pending", "in_progress", "suspended"}
FINAL = {"refused", "rated", "withdrawn"}
CLOCK_MATTERS = {"accepted", "accepted_pending", "in_progress", "suspended"}
# Latest in the lifecycle first: Hypothesis leans towards the first choices, and the late steps are the
# ones that take longest to reach.
ACTIONS = (
    "supplement",
    "resume",
    "rate",
    "deliver",
    "suspend",
    "complete",
    "start",
    "accept_pending",
    "accept",
    "notify_missing",
    "record",
    "refuse",
    "withdraw",
)
PEOPLE = PeopleGenerator(31337)
CALENDAR = WorkingCalendar()
_SEEDER: list[Seeder] = []


def form_values(counter: Counter, actor: Actor, item: ServiceItem) -> dict:
    """The Seeder's valid form values; one Seeder for the module (a new one costs ~50 ms)."""
    if not _SEEDER:
        _SEEDER.append(Seeder(counter, actor, 0))
        _SEEDER[0].people = PEOPLE
    seeder = _SEEDER[0]
    seeder.counter, seeder.actor, seeder.rng = counter, actor, random.Random(0)
    return seeder.form_values(item)


COMMITMENT = "本人承诺在期限内补齐材料"


@dataclass
class Model:
    item: ServiceItem
    status: str = "draft"
    left_out: frozenset[str] | None = None  # materials not handed in; None: nothing recorded yet
    pending: list[str] = field(default_factory=list)
    resume_to: str | None = None
    accepted_on: date | None = None
    due: date | None = None
    suspensions: list[tuple[date, date | None]] = field(default_factory=list)
    rated: bool = False

    @property
    def missing_mandatory(self) -> set[str]:
        mandatory = {m.code for m in self.item.materials if m.mandatory}
        return mandatory if self.left_out is None else mandatory & self.left_out

    @property
    def complete(self) -> bool:
        return not self.missing_mandatory

    @property
    def minor_only(self) -> bool:
        missing = self.missing_mandatory
        return bool(missing) and all(self.item.material(code).minor for code in missing)

    def allows(self, action: str) -> bool:
        s = self.status
        return {
            "record": s in ("draft", "awaiting_materials", "accepted_pending"),
            "notify_missing": s == "draft" and not self.complete,
            "accept": s in ("draft", "awaiting_materials") and self.complete,
            "accept_pending": s in ("draft", "awaiting_materials") and self.minor_only,
            "refuse": s in ("draft", "awaiting_materials"),
            "supplement": s in ("draft", "awaiting_materials", "accepted_pending"),
            "start": s in ("accepted", "accepted_pending"),
            "suspend": s in ("accepted", "accepted_pending", "in_progress"),
            "resume": s == "suspended",
            "complete": s in ("accepted", "in_progress"),
            "deliver": s == "completed",
            "rate": s == "delivered" or (s == "refused" and not self.rated),
            "withdraw": s in OPEN,
        }[action]

    def drivable(self, action: str) -> bool:
        """Allowed, and something the machine's rule for it does: it records materials and supplements
        pending ones only before the decision and under 容缺 respectively."""
        if action == "record":
            return self.status in ("draft", "awaiting_materials")
        if action == "supplement":
            return self.status == "accepted_pending"
        return self.allows(action)

    def expected_due(self) -> date | None:
        if self.accepted_on is None:
            return None
        limit = self.item.promised_limit
        excluded = [
            (first, end - timedelta(days=1)) for first, end in self.suspensions if end and end > first
        ]
        return CALENDAR.add_days(self.accepted_on, limit.value, limit.unit, excluded=excluded)


class LifecycleMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        root = Path(self.tmp.name)
        self.clock = FixedClock(START)
        self.counter = Counter.open(root / "data", clock=self.clock, config_dir=root / "config")
        self.actor = Actor.command_line("machine")
        self.auditor = Actor.command_line("auditor")
        self.apps: dict[str, Model] = {}
        self.finals: dict[str, str] = {}
        self.ops = self.counter.ctx.outbox.count()
        self.events = self.counter.ctx.audit_log.count()

    def teardown(self) -> None:
        self.counter.close()
        self.tmp.cleanup()

    # --- helpers -------------------------------------------------------------------------------------

    def today(self) -> date:
        return self.counter.ctx.today()

    def wrote(self, ops: int) -> None:
        """Record what a successful step wrote: ``ops`` outbox ops and as many audit events."""
        self.ops += ops
        self.events += ops

    def can(self, action: str) -> bool:
        return any(model.drivable(action) for model in self.apps.values())

    def act(self, action: str, data: st.DataObject) -> None:
        """Do ``action`` on an application the model says allows it (drawn from ``data``)."""
        candidates = [app_id for app_id, model in self.apps.items() if model.drivable(action)]
        app_id = data.draw(st.sampled_from(candidates), label=f"{action} on")
        # Days go by between the steps of a case (and so during suspensions).
        self.clock.advance(timedelta(days=data.draw(st.integers(0, 2), label="days before")))
        getattr(self, f"_{action}")(app_id, self.apps[app_id], data)

    @staticmethod
    def full(model: Model, codes: frozenset[str] | None = None) -> dict[str, tuple[int, int]]:
        chosen = [m for m in model.item.materials if codes is None or m.code in codes]
        return {m.code: (m.originals, m.copies) for m in chosen}

    def _new_application(self, code: str) -> None:
        person = PEOPLE.person()
        applicant = self.counter.applicants.register_person(
            self.actor, PersonInput(person.name, person.resident_id, person.mobile)
        )
        item = self.counter.catalogue.active().item(code)
        app = self.counter.intake.draft(
            self.actor, applicant.id, code, form_values(self.counter, self.actor, item)
        )
        self.apps[app.id] = Model(item)
        self.wrote(2)

    # --- what each action does to the store and to the model ----------------------------------------

    def _record(self, app_id: str, model: Model, data: st.DataObject) -> None:
        # "all" twice: most applicants bring what the checklist says.
        how = data.draw(
            st.sampled_from(["minor_missing", "all", "all", "major_missing", "nothing"]), label="how"
        )
        mandatory = [m for m in model.item.materials if m.mandatory]
        left_out = {
            "all": set(),
            "minor_missing": {m.code for m in mandatory if m.minor},
            "major_missing": {m.code for m in mandatory if not m.minor},
            "nothing": {m.code for m in model.item.materials},
        }[how]
        received = {
            m.code: (0, 0) if m.code in left_out else (m.originals, m.copies) for m in model.item.materials
        }
        check = self.counter.intake.record_materials(self.actor, app_id, received)
        model.left_out = frozenset(left_out)
        assert check.complete == model.complete
        assert set(check.missing_mandatory) == model.missing_mandatory
        self.wrote(1)

    def _notify_missing(self, app_id: str, model: Model, data: st.DataObject) -> None:
        app = self.counter.intake.notify_missing(self.actor, app_id)
        assert app.missing_materials == [
            m.code for m in model.item.materials if m.code in model.missing_mandatory
        ]
        model.status = "awaiting_materials"
        self.wrote(1)

    def _accepted(self, model: Model, status: str) -> None:
        model.status = status
        model.accepted_on = self.today()
        model.due = model.expected_due()
        self.wrote(1)

    def _accept(self, app_id: str, model: Model, data: st.DataObject) -> None:
        self.counter.intake.accept(self.actor, app_id)
        self._accepted(model, "accepted")

    def _accept_pending(self, app_id: str, model: Model, data: st.DataObject) -> None:
        days = data.draw(st.integers(1, 20), label="commitment deadline in days")
        app = self.counter.intake.accept_pending(
            self.actor, app_id, COMMITMENT, self.today() + timedelta(days)
        )
        model.pending = [m.code for m in model.item.materials if m.code in model.missing_mandatory]
        assert app.pending_materials == model.pending
        self._accepted(model, "accepted_pending")

    def _refuse(self, app_id: str, model: Model, data: st.DataObject) -> None:
        self.counter.intake.refuse(self.actor, app_id, "不符合受理条件")
        model.status = "refused"
        self.wrote(1)

    def _supplement(self, app_id: str, model: Model, data: st.DataObject) -> None:
        handed = data.draw(st.sets(st.sampled_from(model.pending), min_size=1), label="handed in")
        app = self.counter.cases.supplement(self.actor, app_id, self.full(model, frozenset(handed)))
        model.pending = [code for code in model.pending if code not in handed]
        if not model.pending:
            model.status = "accepted"
        assert app.pending_materials == model.pending
        self.wrote(1)

    def _start(self, app_id: str, model: Model, data: st.DataObject) -> None:
        self.counter.cases.start(self.actor, app_id)
        model.status = "in_progress"
        self.wrote(1)

    def _suspend(self, app_id: str, model: Model, data: st.DataObject) -> None:
        self.counter.cases.suspend(self.actor, app_id, "特别程序：专家评审")
        model.resume_to, model.status = model.status, "suspended"
        model.suspensions.append((self.today(), None))
        self.wrote(1)

    def _resume(self, app_id: str, model: Model, data: st.DataObject) -> None:
        self.counter.cases.resume(self.actor, app_id)
        assert model.resume_to is not None
        model.status, model.resume_to = model.resume_to, None
        model.suspensions[-1] = (model.suspensions[-1][0], self.today())
        model.due = model.expected_due()
        self.wrote(1)

    def _complete(self, app_id: str, model: Model, data: st.DataObject) -> None:
        granted = data.draw(st.booleans(), label="granted")
        app = self.counter.cases.complete(self.actor, app_id, granted, "" if granted else "不符合条件")
        assert app.result == ("granted" if granted else "denied")
        model.status = "completed"
        self.wrote(1)

    def _deliver(self, app_id: str, model: Model, data: st.DataObject) -> None:
        self.counter.cases.deliver(self.actor, app_id)
        model.status = "delivered"
        self.wrote(1)

    def _rate(self, app_id: str, model: Model, data: st.DataObject) -> None:
        level = data.draw(st.integers(1, 5), label="level")
        self.counter.ratings.rate(self.actor, app_id, level)
        # The rating; a rectification for a 4 or 5; the status change unless the application was refused.
        self.wrote(1 + (level >= 4) + (model.status == "delivered"))
        if model.status == "delivered":
            model.status = "rated"
        model.rated = True

    def _withdraw(self, app_id: str, model: Model, data: st.DataObject) -> None:
        self.counter.cases.withdraw(self.actor, app_id, "申请人撤回申请")
        model.status = "withdrawn"
        self.wrote(1)

    # --- rules ---------------------------------------------------------------------------------------

    @initialize(code=st.sampled_from(ITEMS))
    def first_application(self, code: str) -> None:
        self._new_application(code)

    # A second application while the first is open; more once everything is closed, so that the steps
    # go into moving applications along rather than into starting them.
    @precondition(lambda self: len(self.apps) < 2 or (len(self.apps) < 4 and self.all_final()))
    @rule(code=st.sampled_from(ITEMS))
    def new_application(self, code: str) -> None:
        self._new_application(code)

    def all_final(self) -> bool:
        return all(model.status in FINAL for model in self.apps.values())

    @precondition(lambda self: self.can("record"))
    @rule(data=st.data())
    def record(self, data: st.DataObject) -> None:
        self.act("record", data)

    @precondition(lambda self: self.can("notify_missing"))
    @rule(data=st.data())
    def notify_missing(self, data: st.DataObject) -> None:
        self.act("notify_missing", data)

    @precondition(lambda self: self.can("accept"))
    @rule(data=st.data())
    def accept(self, data: st.DataObject) -> None:
        self.act("accept", data)

    @precondition(lambda self: self.can("accept_pending"))
    @rule(data=st.data())
    def accept_pending(self, data: st.DataObject) -> None:
        self.act("accept_pending", data)

    @precondition(lambda self: self.can("refuse"))
    @rule(data=st.data())
    def refuse(self, data: st.DataObject) -> None:
        self.act("refuse", data)

    @precondition(lambda self: self.can("supplement"))
    @rule(data=st.data())
    def supplement(self, data: st.DataObject) -> None:
        self.act("supplement", data)

    @precondition(lambda self: self.can("start"))
    @rule(data=st.data())
    def start(self, data: st.DataObject) -> None:
        self.act("start", data)

    @precondition(lambda self: self.can("suspend"))
    @rule(data=st.data())
    def suspend(self, data: st.DataObject) -> None:
        self.act("suspend", data)

    @precondition(lambda self: self.can("resume"))
    @rule(data=st.data())
    def resume(self, data: st.DataObject) -> None:
        self.act("resume", data)

    @precondition(lambda self: self.can("complete"))
    @rule(data=st.data())
    def complete(self, data: st.DataObject) -> None:
        self.act("complete", data)

    @precondition(lambda self: self.can("deliver"))
    @rule(data=st.data())
    def deliver(self, data: st.DataObject) -> None:
        self.act("deliver", data)

    @precondition(lambda self: self.can("rate"))
    @rule(data=st.data())
    def rate(self, data: st.DataObject) -> None:
        self.act("rate", data)

    @precondition(lambda self: self.can("withdraw"))
    @rule(data=st.data())
    def withdraw(self, data: st.DataObject) -> None:
        self.act("withdraw", data)

    # Hypothesis switches random subsets of rules off for a whole example (swarm testing), which would
    # keep most examples from ever reaching delivery; this rule takes any allowed step, so they do.
    @precondition(lambda self: any(self.can(action) for action in ACTIONS))
    @rule(data=st.data())
    def any_allowed_step(self, data: st.DataObject) -> None:
        allowed = [a for a in ACTIONS if self.can(a)]
        forward = [a for a in allowed if a not in ("refuse", "withdraw")] or allowed  # those have own rules
        self.act(data.draw(st.sampled_from(forward), label="step"), data)

    @precondition(lambda self: any(m.status in CLOCK_MATTERS for m in self.apps.values()))
    @rule(days=st.integers(0, 3), hours=st.integers(0, 8))
    def time_passes(self, days: int, hours: int) -> None:
        self.clock.advance(timedelta(days=days, hours=hours))

    @rule(data=st.data())
    def disallowed_actions_fail_and_write_nothing(self, data: st.DataObject) -> None:
        """Every action the model forbids for one application is refused, and nothing is written."""
        app_id = data.draw(st.sampled_from(list(self.apps)), label="application")
        model = self.apps[app_id]
        c, actor = self.counter, self.actor
        calls = {
            "record": lambda: c.intake.record_materials(actor, app_id, self.full(model)),
            "notify_missing": lambda: c.intake.notify_missing(actor, app_id),
            "accept": lambda: c.intake.accept(actor, app_id),
            "accept_pending": lambda: c.intake.accept_pending(
                actor, app_id, COMMITMENT, self.today() + timedelta(days=5)
            ),
            "refuse": lambda: c.intake.refuse(actor, app_id, "理由"),
            "supplement": lambda: c.cases.supplement(actor, app_id, self.full(model)),
            "start": lambda: c.cases.start(actor, app_id),
            "suspend": lambda: c.cases.suspend(actor, app_id, "理由"),
            "resume": lambda: c.cases.resume(actor, app_id),
            "complete": lambda: c.cases.complete(actor, app_id, True),
            "deliver": lambda: c.cases.deliver(actor, app_id),
            "rate": lambda: c.ratings.rate(actor, app_id, 3),
            "withdraw": lambda: c.cases.withdraw(actor, app_id, "理由"),
        }
        before = self.counter.ctx.applications.get(app_id)
        for action in ACTIONS:
            if model.allows(action):
                continue
            try:
                calls[action]()
            except (InvalidTransition, ValidationError) as exc:
                note(f"{action} refused as expected: {exc}")
            else:
                raise AssertionError(f"{action} was allowed from {model.status}")
            assert self.counter.ctx.applications.get(app_id) == before
        # (the invariants check that no op and no audit event was written)

    # --- invariants ----------------------------------------------------------------------------------

    @invariant()
    def stored_status_is_the_models(self) -> None:
        for app_id, model in self.apps.items():
            app = self.counter.ctx.applications.get(app_id)
            assert app is not None
            assert app.status == model.status, (app.status, model.status)
            assert (app.resume_status or None) == model.resume_to

    @invariant()
    def final_status_never_changes(self) -> None:
        for app_id, model in self.apps.items():
            if app_id in self.finals:
                assert model.status == self.finals[app_id]
            elif model.status in FINAL:
                self.finals[app_id] = model.status

    @invariant()
    def outbox_and_audit_grow_by_exactly_what_was_written(self) -> None:
        ops, events = self.counter.ctx.outbox.count(), self.counter.ctx.audit_log.count()
        assert ops == self.ops, (ops, self.ops)
        assert events == self.events, (events, self.events)

    @invariant()
    def audit_chain_verifies(self) -> None:
        result = self.counter.admin.verify_audit(self.auditor)
        assert result.ok, result.problems
        self.events += 1  # verifying is itself audited

    @invariant()
    def due_date_is_set_exactly_when_accepted(self) -> None:
        for app_id, model in self.apps.items():
            app = self.counter.ctx.applications.get(app_id)
            assert app is not None
            assert (app.due_date is not None) == (model.accepted_on is not None)
            assert app.accepted_on == (model.accepted_on.isoformat() if model.accepted_on else None)
            assert app.due_date == (model.due.isoformat() if model.due else None)

    @invariant()
    def one_rating_per_rated_application(self) -> None:
        for app_id, model in self.apps.items():
            assert (self.counter.ctx.ratings.for_application(app_id) is not None) == model.rated


def test_lifecycle_state_machine() -> None:
    run_state_machine_as_test(
        LifecycleMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            # Every example opens a profile and commits with fsync: shrinking a failure could take
            # Hypothesis' full five minutes. The failing steps (at most 25) are printed unshrunk instead.
            phases=[Phase.explicit, Phase.reuse, Phase.generate],
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
