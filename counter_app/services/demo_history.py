"""The demo office's last few weeks, lived through the use cases its staff use.

``counter-app demo`` (``ui/demo.py``) opens the new profile on a :class:`~counter_app.clock.FixedClock`
set to :func:`history_start` and hands that clock to :class:`DemoHistory`, which moves it from one
office moment to the next — working days on the office's calendar, office hours in Beijing time —
and at each moment does what a clerk or the supervisor would have done then:

* the two clerks take citizens in (3 to 7 a day, more on Mondays): register, draft, materials, then
  accept, accept with minor materials to follow (容缺受理), issue the one-time notice (一次性告知; most
  applicants come back days later with what was missing) or refuse;
* the supervisor starts the promised cases the next working day, suspends some for a special
  procedure and resumes them days later, completes them (mostly in time, a few late); on-the-spot
  cases are completed and handed over at the desk;
* a clerk hands the results over, and the citizen's rating is recorded: mostly good, with bad ones
  that open rectification tasks (the supervisor closes every other one a few days later).

Every record, sync op and audit event carries the moment it happened. Nothing happens in the last
half hour before ``end`` (the real present) or after it, so whatever was under way then stays open:
cases due in the coming days, cases that stalled and are overdue now, a running suspension, an open
rectification task. The story is deterministic for a seed and an ``end``. Its spacings (every n-th
case, rating) make sure that, whatever the date, it holds refusals, one-time notices, suspensions,
overdue cases and a bad rating with an open task; the rest is seeded chance.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from counter_app.accounts import Actor
from counter_app.calendar import WorkingCalendar
from counter_app.catalogue import ServiceItem
from counter_app.clock import CHINA_TZ, FixedClock
from counter_app.people import PeopleGenerator
from counter_app.records import Application
from counter_app.services.applicants import OrganisationInput, PersonInput
from counter_app.services.ratings import COUNTER_SCREEN
from counter_app.services.seed import Seeder
from counter_app.workflow import Status

if TYPE_CHECKING:
    from counter_app.core import Counter

HISTORY_DAYS = 28  # the history reaches at least this many calendar days back,
LAST_MONTH_DAYS = 10  # and over the last days of last month, so that "last month" has figures,
MIN_WORKING_DAYS = 15  # and over this many working days at least (long holidays)
OPENING = time(8, 0)  # the first morning: profile, staff accounts, enrollment
OFFICE_HOURS = ((time(8, 40), time(11, 45)), (time(13, 40), time(17, 10)))  # when citizens come
CLOSING = time(17, 30)
SMS_SURVEY = Actor.command_line("sms-survey")  # the import of the SMS survey's answers
QUIET_BEFORE_END = timedelta(minutes=30)  # the history's clock stays behind the real one
STEP = timedelta(seconds=1)  # each reading of the set-up's clock moves it on by this much

# Every n-th event of a kind goes this way, so the story holds it whatever the date; (n, which).
REFUSE_EVERY = (23, 7)  # of the citizens taken in
NOTICE_EVERY = (11, 4)
STAY_AWAY_EVERY = (5, 2)  # of the one-time notices: the applicant has not come back
STALL_EVERY = (8, 2)  # of the promised cases that would be due before today: never completed
SUSPEND_EVERY = (6, 1)  # of the promised cases with a limit of 10 days or more
BAD_EVERY = (13, 3)  # of the ratings; the first, third … bad one is rectified, the others stay open

REFUSALS = ("申请人户籍不在本镇，不属于本机关受理范围", "申请事项依法不需要取得行政许可")
SUSPENSIONS = ("需实地核查申请人家庭经济状况", "需组织听证", "需专家评审", "进入公示期（7个工作日）")
DENIAL = "经审核，申请人家庭收入超出规定标准"
BAD_RATINGS = (  # (level, comment, unsatisfied aspects), in turn
    (4, "等了一个多小时才办上，叫号也不清楚。", ("efficiency",)),
    (5, "工作人员态度不耐烦，材料要求没有一次说清楚，跑了两趟。", ("competence", "attitude")),
    (4, "说好几个工作日办结，结果拖了一周多才通知领取。", ("efficiency",)),
    (4, "窗口对政策解释不清楚，让我去别的部门问。", ("competence",)),
)
GOOD_COMMENTS = ("办事效率高，工作人员很耐心。", "一次就办好了，谢谢！", "")
RECTIFIED = "已电话回访申请人并致歉；窗口增设取号引导，材料清单张贴上墙，组织窗口人员学习一次性告知要求。"


def history_start(end: datetime) -> datetime:
    """The first morning of the history that ends at ``end``: on the official calendar (the office's
    own overrides are not known before the profile exists)."""
    today = end.astimezone(CHINA_TZ).date()
    calendar = WorkingCalendar()
    last_month_end = today.replace(day=1) - timedelta(days=1)
    first = min(today - timedelta(days=HISTORY_DAYS), last_month_end - timedelta(days=LAST_MONTH_DAYS - 1))
    while calendar.working_days_between(first, today) < MIN_WORKING_DAYS:
        first -= timedelta(days=1)
    while not calendar.is_working_day(first):
        first += timedelta(days=1)
    return datetime.combine(first, OPENING, CHINA_TZ)


def history_clock(end: datetime) -> FixedClock:
    """The clock to open the demo profile with, for the history that ends at ``end``."""
    return FixedClock(history_start(end), STEP)


@dataclass
class _Case:
    id: str
    receipt_no: str
    item: ServiceItem
    clerk: Actor
    created_on: date
    status: str = Status.DRAFT.value
    accepted_on: date | None = None
    due_date: date | None = None


@dataclass(frozen=True)
class HistoryReport:
    first_day: date
    intake_days: int
    applications: int
    by_status: dict[str, int]
    suspensions: int
    ratings: int
    bad_ratings: int
    # In progress and not yet due at the end: the back office may decide these.
    awaiting_decision: tuple[str, ...]


class DemoHistory:
    """Lives through the days from the clock's present to ``end``; see the module's docstring."""

    def __init__(
        self,
        counter: Counter,
        clock: FixedClock,
        clerks: Sequence[Actor],
        supervisor: Actor,
        end: datetime,
        seed: int = 2026,
    ) -> None:
        self.counter = counter
        self.clock = clock
        self.clerks = tuple(clerks)
        self.supervisor = supervisor
        self.end = end.astimezone(CHINA_TZ)
        self.cutoff = self.end - QUIET_BEFORE_END
        self.rng = random.Random(seed)
        self.people = PeopleGenerator(seed)
        self.forms = Seeder(counter, supervisor, seed)  # for its form values
        self.calendar = counter.catalogue.calendar()
        self.cases: dict[str, _Case] = {}
        self.counts: Tally[str] = Tally()
        self._queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self._order = itertools.count()

    # --- the story ----------------------------------------------------------------------------------
    def run(self) -> HistoryReport:
        items = self.counter.catalogue.active().active_items()
        self.person_items = [i for i in items if "natural_person" in i.service_objects]
        self.org_items = [i for i in items if "legal_person" in i.service_objects]
        first = self.clock.now().date()
        days = [
            first + timedelta(days=n)
            for n in range((self.end.date() - first).days + 1)
            if self.calendar.is_working_day(first + timedelta(days=n))
        ]
        for day in days:
            arrivals = self.rng.randint(3, 7) + (2 if day.weekday() == 0 else 0)
            for moment in sorted(self._office_moment(day) for _ in range(arrivals)):
                clerk = self.clerks[0] if self.rng.random() < 0.55 else self.clerks[-1]
                self._at(moment, lambda clerk=clerk: self._take_in(clerk))
        while self._queue:
            moment, _, step = heapq.heappop(self._queue)
            if moment > self.clock.now():
                self.clock.advance(moment - self.clock.now())
            step()
        intake_days = {case.created_on for case in self.cases.values()}
        today = self.end.date()
        return HistoryReport(
            first_day=first,
            intake_days=len(intake_days),
            applications=len(self.cases),
            by_status=dict(Tally(case.status for case in self.cases.values())),
            suspensions=self.counts["suspensions"],
            ratings=self.counts["ratings"],
            bad_ratings=self.counts["bad"],
            awaiting_decision=tuple(
                case.receipt_no
                for case in self.cases.values()
                if case.status == Status.IN_PROGRESS.value and (case.due_date or today) >= today
            ),
        )

    def _take_in(self, clerk: Actor) -> None:
        c, rng = self.counter, self.rng
        number = self._next("taken_in")
        as_org = bool(self.org_items) and rng.random() < 0.08
        applicant = self._register(clerk, as_org)
        item = rng.choice(self.org_items if as_org else self.person_items)
        self._pause(2, 5)
        app = c.intake.draft(clerk, applicant.id, item.code, self.forms.form_values(item))
        case = _Case(app.id, app.receipt_no, item, clerk, self.clock.now().date())
        self.cases[app.id] = case
        self._pause(3, 8)
        roll = rng.random()
        minor = [m.code for m in item.materials if m.mandatory and m.minor]
        if _nth(number, REFUSE_EVERY) or roll < 0.015:
            c.intake.record_materials(clerk, app.id, _handed(item))
            self._track(case, c.intake.refuse(clerk, app.id, rng.choice(REFUSALS)))
        elif _nth(number, NOTICE_EVERY) or roll < 0.10:
            required = [m.code for m in item.materials if m.mandatory]
            missing = rng.sample(required, k=min(len(required), rng.randint(1, 2)))
            c.intake.record_materials(clerk, app.id, _handed(item, missing))
            self._track(case, c.intake.notify_missing(clerk, app.id))
            if not _nth(self._next("notices"), STAY_AWAY_EVERY):  # most come back with it
                self._at(self._days_later(rng.randint(1, 4)), lambda: self._come_back(case))
        elif minor and item.case_type != "on_the_spot" and roll < 0.16:
            missing = rng.sample(minor, k=1)
            c.intake.record_materials(clerk, app.id, _handed(item, missing))
            deadline = self.clock.now().date() + timedelta(days=rng.randint(5, 10))
            self._accepted(case, c.intake.accept_pending(clerk, app.id, "本人承诺在期限内补齐材料", deadline))
        else:
            c.intake.record_materials(clerk, app.id, _handed(item))
            self._accepted(case, c.intake.accept(clerk, app.id))

    def _come_back(self, case: _Case) -> None:
        """After the one-time notice: the applicant brings everything, and the clerk accepts."""
        clerk = self.rng.choice(self.clerks)
        self.counter.intake.record_materials(clerk, case.id, _handed(case.item))
        self._pause(2, 5)
        self._accepted(case, self.counter.intake.accept(clerk, case.id))

    def _accepted(self, case: _Case, app: Application) -> None:
        self._track(case, app)
        rng = self.rng
        if case.item.case_type == "on_the_spot":  # done at the desk, while the citizen waits
            self._pause(3, 8)
            self._track(case, self.counter.cases.complete(case.clerk, case.id, granted=True))
            self._pause(1, 3)
            self._deliver(case, "counter", case.clerk)
            return
        if app.status == Status.ACCEPTED_PENDING.value:  # the minor material first, then the work
            self._at(self._days_later(rng.randint(1, 2)), lambda: self._supplement(case))
            return
        self._plan(case)

    def _supplement(self, case: _Case) -> None:
        app = self.counter.cases.get(case.clerk, case.id)
        clerk = self.rng.choice(self.clerks)
        received = {code: _counts(case.item, code) for code in app.pending_materials}
        self._track(case, self.counter.cases.supplement(clerk, case.id, received))
        self._plan(case)

    def _plan(self, case: _Case) -> None:
        """What the back office will do with an accepted case: starting it next working day."""
        assert case.due_date is not None
        plan = "late" if self.rng.random() < 0.06 else "on_time"
        if case.due_date < self.end.date() and _nth(self._next("due_before_end"), STALL_EVERY):
            plan = "stalled"
        elif case.item.promised_limit.value >= 10 and _nth(self._next("long"), SUSPEND_EVERY):
            plan = "suspend"
        self._at(self._days_later(1), lambda: self._start(case, plan))

    def _start(self, case: _Case, plan: str) -> None:
        self._track(case, self.counter.cases.start(self.supervisor, case.id))
        if plan == "suspend":
            self._at(self._days_later(self.rng.randint(1, 3)), lambda: self._suspend(case))
        elif plan != "stalled":  # a stalled case waits for someone to remember it: overdue today
            self._at(self._completion(case, late=plan == "late"), lambda: self._complete(case))

    def _suspend(self, case: _Case) -> None:
        reason = self.rng.choice(SUSPENSIONS)
        self._track(case, self.counter.cases.suspend(self.supervisor, case.id, reason))
        self.counts["suspensions"] += 1
        self._at(self._days_later(self.rng.randint(3, 6)), lambda: self._resume(case))

    def _resume(self, case: _Case) -> None:
        self._track(case, self.counter.cases.resume(self.supervisor, case.id))
        self._at(self._completion(case, late=False), lambda: self._complete(case))

    def _complete(self, case: _Case) -> None:
        granted = self.rng.random() < 0.92
        app = self.counter.cases.complete(self.supervisor, case.id, granted, "" if granted else DENIAL)
        self._track(case, app)
        # The citizen collects the result a few days later, or it goes out by post or online.
        method = self.rng.choices(("counter", "post", "electronic"), weights=(70, 15, 15))[0]
        clerk = self.rng.choice(self.clerks)
        self._at(self._days_later(self.rng.randint(1, 3)), lambda: self._deliver(case, method, clerk))

    def _deliver(self, case: _Case, method: str, clerk: Actor) -> None:
        self._track(case, self.counter.cases.deliver(clerk, case.id, method))
        if method == "counter" and self.rng.random() < 0.75:  # rated on the pad at the counter
            self._pause(1, 2)
            self._rate(case, clerk, COUNTER_SCREEN)
        elif method != "counter" and self.rng.random() < 0.5:  # rated by SMS later
            later = self._days_later(self.rng.randint(1, 2))
            self._at(later, lambda: self._rate(case, SMS_SURVEY, "sms"))

    def _rate(self, case: _Case, actor: Actor, channel: str) -> None:
        rng = self.rng
        if _nth(self._next("ratings"), BAD_EVERY):
            bad = self._next("bad")
            level, comment, aspects = BAD_RATINGS[bad % len(BAD_RATINGS)]
            self._give(case, actor, channel, level, comment, aspects)
            if bad % 2 == 0:  # the supervisor calls the citizen back and closes the task
                self._at(self._days_later(rng.randint(2, 4)), lambda: self._rectify(case))
        else:
            level = rng.choices((1, 2, 3), weights=(64, 28, 8))[0]
            comment = rng.choice(GOOD_COMMENTS) if level == 1 and rng.random() < 0.3 else ""
            self._give(case, actor, channel, level, comment, ())
        case.status = Status.RATED.value

    def _give(
        self, case: _Case, actor: Actor, channel: str, level: int, comment: str, aspects: Iterable[str]
    ) -> None:
        """At the counter the citizen rates on the screen the clerk opened; an SMS survey's answer
        comes in through its import."""
        ratings = self.counter.ratings
        if channel == COUNTER_SCREEN:
            session = ratings.open_session(actor, case.id)
            ratings.submit(session.token, level, aspects, comment)
        else:
            ratings.rate(actor, case.id, level, channel, comment, aspects)

    def _rectify(self, case: _Case) -> None:
        ratings = self.counter.ratings
        task = next(row for row in ratings.rectifications(self.supervisor) if row.application_id == case.id)
        ratings.close_rectification(self.supervisor, task.id, RECTIFIED)

    # --- people and things --------------------------------------------------------------------------
    def _register(self, clerk: Actor, organisation: bool):
        applicants = self.counter.applicants
        if organisation:
            org = self.people.organisation()
            return applicants.register_organisation(
                clerk,
                OrganisationInput(org.name, org.uscc, org.legal_representative.name, org.mobile, org.address),
            )
        person = self.people.person()
        return applicants.register_person(
            clerk, PersonInput(person.name, person.resident_id, person.mobile, person.address)
        )

    def _track(self, case: _Case, app: Application) -> None:
        case.status = app.status
        case.accepted_on = date.fromisoformat(app.accepted_on) if app.accepted_on else None
        case.due_date = date.fromisoformat(app.due_date) if app.due_date else None

    def _next(self, kind: str) -> int:
        """How many of ``kind`` came before this one."""
        number = self.counts[kind]
        self.counts[kind] += 1
        return number

    # --- time ---------------------------------------------------------------------------------------
    def _at(self, moment: datetime, step: Callable[[], None]) -> None:
        """Do ``step`` at ``moment``, unless that is too close to the end or after it."""
        if moment < self.cutoff:
            heapq.heappush(self._queue, (moment, next(self._order), step))

    def _pause(self, low: int, high: int) -> None:
        self.clock.advance(timedelta(minutes=self.rng.randint(low, high)))

    def _office_moment(self, day: date) -> datetime:
        opens, closes = OFFICE_HOURS[0] if self.rng.random() < 0.6 else OFFICE_HOURS[1]
        minute = self.rng.randint(opens.hour * 60 + opens.minute, closes.hour * 60 + closes.minute)
        return datetime.combine(day, time(minute // 60, minute % 60), CHINA_TZ)

    def _days_later(self, working_days: int) -> datetime:
        return self._office_moment(self.calendar.add_working_days(self.clock.now().date(), working_days))

    def _completion(self, case: _Case, *, late: bool) -> datetime:
        """When the supervisor completes a case: within its time limit, or a few days after it."""
        today = self.clock.now().date()
        assert case.due_date is not None
        if late:
            return self._office_moment(self.calendar.add_working_days(case.due_date, self.rng.randint(1, 3)))
        left = self.calendar.working_days_between(today, case.due_date)
        if left <= 0:
            later = self.clock.now() + timedelta(minutes=self.rng.randint(20, 90))
            return later if later.time() < CLOSING else self._days_later(1)
        return self._days_later(max(1, round(left * self.rng.uniform(0.3, 1.0))))


def _nth(number: int, every: tuple[int, int]) -> bool:
    return number % every[0] == every[1]


def _counts(item: ServiceItem, code: str) -> tuple[int, int]:
    material = item.material(code)
    return material.originals, material.copies


def _handed(item: ServiceItem, missing: Sequence[str] = ()) -> dict[str, tuple[int, int]]:
    """What the applicant hands over: every material, less ``missing``."""
    return {m.code: (0, 0) if m.code in missing else (m.originals, m.copies) for m in item.materials}
