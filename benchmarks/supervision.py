"""The supervisor's pages at 200,000 applications and a trail of a million audit events, with the
schema v6 indexes and, as the baseline, the same store without them.

The office's history (two years; most cases closed, the recent ones open, some running late) is
bulk-loaded by :func:`load_history`: applications with the dates their life cycle sets (accepted,
completed, delivered, refused), suspensions, the citizens' ratings and a rectification task for
each bad one, closed after a week unless recent; and an audit trail over the same two years (staff
looking citizens up and viewing their data, drafting and deciding cases, logging in, syncing every
few minutes, closing rectification tasks). Rows are written by ``executemany`` with the tables'
indexes dropped and built again afterwards from their own DDL; the audit events carry placeholder
hashes (the chain is not what is read here; ``intake_save`` measures appending to it).
200,000 applications and 1,000,000 events at ``--quick`` and full size (``--quick`` takes about
45 s on this machine, most of it the load), 600 and 3,000 at ``--tiny``. The office's clock is
fixed (:data:`NOW`, late in a month), so every run reads the same four weeks.

Measured through the use cases the pages call, warm page cache, for the whole office:

- ``supervision_dashboard_month_ms``: ``counter.dashboard.figures`` for this month (every figure,
  the per-item and per-staff tables, both charts);
- ``supervision_dashboard_person_ms`` (information): the same for one clerk's cases (what a clerk
  sees of their own work);
- ``supervision_audit_person_ms``: the audit page filtered by one clerk: the first page (200
  events, newest first) and the count of all that match, as ``ui/views/audit/reads.py`` reads them;
- ``supervision_audit_day_ms`` (information): the same for one day of last month;
- ``supervision_audit_views_ms`` (information): who viewed citizens' personal data this month;
- ``supervision_rectifications_closed_ms`` (information): the closed rectification tasks with who
  closed each (from the audit trail).

Each result's ``baseline`` is the same measurement on a copy of the store with every index of
``upgrade_to_6`` dropped (the schema v5 had), in the same process; ``ratio`` = value / baseline
(lower is better), ``speedup`` its inverse. The figures of both stores are checked to be equal.
Target: the 200 ms DESIGN §6 gives for opening the applications list, taken as what opening a
supervision page may cost.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.bulk import indexes_set_aside, uuid_from
from benchmarks.runner import Options, Result, rounded, scratch_counter, summary_ms
from counter_app.accounts import Actor
from counter_app.clock import CHINA_TZ, FixedClock, iso
from counter_app.core import Counter
from counter_app.records import AuditFilter
from counter_app.statistics import Period, Scope
from counter_app.store.audit_log import HEAD_KEY
from counter_app.store.db import Store
from counter_app.workflow import Status

TARGET_MS = 200.0
SEED = 20_261_010
# The office's now, fixed: "this month" holds four weeks of work whatever day the benchmark runs.
NOW = datetime(2026, 11, 27, 16, 0, tzinfo=CHINA_TZ)
DAYS = 730
RECENT = 45  # cases taken in within these many days are mostly still open
PAGE = 200
STAFF = [f"user:{name}" for name in ("wangfang", "lijing", "zhangwei", "liuyang", "chenjie", "zhaolei")]
SUPERVISOR = "user:zhuguan"
V6_INDEXES = (
    "applications_updated",
    "applications_accepted_on",
    "applications_completed",
    "applications_delivered",
    "ratings_rated",
    "rectifications_status_due",
    "audit_events_actor",
    "audit_events_action",
    "audit_events_ts",
)
_OPEN = {
    Status.DRAFT: 4,
    Status.AWAITING_MATERIALS: 4,
    Status.ACCEPTED: 15,
    Status.IN_PROGRESS: 35,
    Status.SUSPENDED: 4,
    Status.COMPLETED: 15,
    Status.DELIVERED: 8,
    Status.RATED: 10,
    Status.REFUSED: 5,
}
_OLD = {
    Status.RATED: 60,
    Status.DELIVERED: 20,
    Status.COMPLETED: 4,
    Status.REFUSED: 5,
    Status.WITHDRAWN: 5,
    Status.IN_PROGRESS: 5,  # long overdue
    Status.SUSPENDED: 1,
}
_LEVELS = {1: 62, 2: 24, 3: 9, 4: 3, 5: 2}
# (action, entity kind, weight) of the everyday trail; rectification closes are added where they happen
_ACTIONS = [
    ("applicant.lookup", "applicant", 14),
    ("applicant.view", "applicant", 8),
    ("applicant.register", "applicant", 3),
    ("application.draft", "application", 6),
    ("application.materials", "application", 4),
    ("application.accept", "application", 5),
    ("application.complete", "application", 4),
    ("application.deliver", "application", 4),
    ("notice.view", "application", 6),
    ("attachment.add", "attachment", 5),
    ("attachment.view", "attachment", 3),
    ("rating.session_open", "application", 2),
    ("rating.record", "rating", 2),
    ("login", None, 6),
    ("sync.run", None, 24),
    ("sync.pull", None, 3),
    ("permission.denied", None, 1),
]


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def load_history(counter: Counter, applications: int, events: int, *, seed: int = SEED) -> dict[str, int]:
    """Bulk-load two years of the office: ``applications`` cases with their ratings, tasks and
    suspensions, and ``events`` audit events (rectification closes included). Returns the counts."""
    store = counter.ctx.store
    rng = random.Random(seed)
    now = counter.ctx.clock.now()
    stamp = iso(now)
    item_codes = [item.code for item in counter.catalogue.active().active_items()][:12]
    version = counter.catalogue.active().version
    applicant_ids = [uuid_from(rng) for _ in range(max(1, applications // 40))]
    people = [
        (person, "person", f"申请人{n}", "resident_id", stamp, stamp)
        for n, person in enumerate(applicant_ids)
    ]
    cases: list[tuple[Any, ...]] = []
    ratings: list[tuple[Any, ...]] = []
    tasks: list[tuple[Any, ...]] = []
    suspensions: list[tuple[Any, ...]] = []
    closes: list[tuple[datetime, str, str]] = []  # (when, who, task id)
    for n in range(applications):
        days_ago = rng.randrange(DAYS)
        status = _weighted(rng, _OPEN if days_ago < RECENT else _OLD)
        taken = now - timedelta(
            days=days_ago, seconds=rng.randrange(8 * 3600), milliseconds=rng.randrange(1000)
        )
        clerk = rng.choice(STAFF)
        accepted = status not in (Status.DRAFT, Status.AWAITING_MATERIALS, Status.REFUSED)
        accepted_by = (clerk if rng.random() < 0.9 else rng.choice(STAFF)) if accepted else None
        day = taken.date()
        completed = delivered = None
        if status in (Status.COMPLETED, Status.DELIVERED, Status.RATED):
            completed = min(now, taken + timedelta(days=rng.randrange(1, 25), hours=rng.randrange(8)))
        if status in (Status.DELIVERED, Status.RATED) and completed is not None:
            delivered = min(now, completed + timedelta(days=rng.randrange(0, 6)))
        updated = delivered or completed or taken
        if status in (Status.REFUSED, Status.WITHDRAWN):
            updated = min(now, taken + timedelta(days=rng.randrange(0, 3)))
        case_id = uuid_from(rng)
        cases.append(
            (
                case_id,
                f"LBENCH{day:%y%m%d}{n:08d}",
                applicant_ids[n % len(applicant_ids)],
                rng.choice(item_codes),
                version,
                status.value,
                clerk,
                accepted_by,
                iso(taken) if accepted else None,
                day.isoformat() if accepted else None,
                (day + timedelta(days=20)).isoformat() if accepted else None,
                rng.choice(("承诺件", None)) if accepted and rng.random() < 0.05 else None,
                iso(taken) if status is Status.AWAITING_MATERIALS or rng.random() < 0.1 else None,
                iso(completed) if completed else None,
                iso(delivered) if delivered else None,
                "granted" if completed else None,
                1,
                "synced",
                iso(taken),
                iso(updated),
            )
        )
        if accepted and (status is Status.SUSPENDED or rng.random() < 0.03):
            ended = None if status is Status.SUSPENDED else (day + timedelta(days=5)).isoformat()
            suspensions.append((case_id, (day + timedelta(days=2)).isoformat(), ended, "补正"))
        if status is Status.RATED and delivered is not None:
            rated = min(now, delivered + timedelta(hours=rng.randrange(1, 30)))
            level = _weighted(rng, _LEVELS)
            rating_id = uuid_from(rng)
            ratings.append((rating_id, case_id, level, "sms", iso(rated), 1, "synced"))
            if level >= 4:
                task_id = uuid_from(rng)
                closed = rated + timedelta(days=rng.randrange(1, 8))
                is_closed = closed < now - timedelta(days=3)
                tasks.append(
                    (
                        task_id,
                        rating_id,
                        case_id,
                        (rated.date() + timedelta(days=7)).isoformat(),
                        "closed" if is_closed else "open",
                        "已回访并改进" if is_closed else None,
                        iso(closed) if is_closed else None,
                        1,
                        "synced",
                    )
                )
                if is_closed:
                    closes.append((closed, SUPERVISOR, task_id))
    trail = _trail(rng, now, events, closes, [case[0] for case in cases], applicant_ids)
    base = int(store.scalar("SELECT coalesce(max(seq), 0) FROM audit_events"))
    with indexes_set_aside(
        store, ("applications", "ratings", "rectifications", "suspensions", "audit_events")
    ):
        with store.transaction():
            store.executemany(
                "INSERT INTO applicants (id, kind, name, id_type, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?)",
                people,
            )
            store.executemany(
                "INSERT INTO applications (id, receipt_no, applicant_id, item_code, catalogue_version,"
                " status, created_by, accepted_by, accepted_at, accepted_on, due_date, commitment,"
                " notice_issued_at, completed_at, delivered_at, result, version, sync_state, created_at,"
                " updated_at)"
                f" VALUES ({', '.join('?' * 20)})",
                cases,
            )
            store.executemany(
                "INSERT INTO suspensions (application_id, started_on, ended_on, reason) VALUES (?,?,?,?)",
                suspensions,
            )
            store.executemany(
                "INSERT INTO ratings (id, application_id, level, channel, rated_at, version, sync_state)"
                " VALUES (?,?,?,?,?,?,?)",
                ratings,
            )
            store.executemany(
                "INSERT INTO rectifications (id, rating_id, application_id, due_date, status, resolution,"
                " closed_at, version, sync_state) VALUES (?,?,?,?,?,?,?,?,?)",
                tasks,
            )
        for start in range(0, len(trail), 250_000):
            with store.transaction():
                store.executemany(
                    "INSERT INTO audit_events (seq, ts, device_ts, actor, action, entity, entity_id, outcome,"
                    " detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        (base + i + 1, *event, f"{base + i:064x}", f"{base + i + 1:064x}")
                        for i, event in enumerate(trail[start : start + 250_000], start)
                    ),
                )
        if trail:  # later events link to the last one loaded
            last = base + len(trail)
            counter.ctx.settings.set(HEAD_KEY, f"{last}:{last:064x}")
    store.checkpoint()
    return {
        "applications": len(cases),
        "ratings": len(ratings),
        "rectifications": len(tasks),
        "audit_events": len(trail),
    }


def _trail(
    rng: random.Random,
    now: datetime,
    events: int,
    closes: list[tuple[datetime, str, str]],
    case_ids: list[str],
    applicant_ids: list[str],
) -> list[tuple[Any, ...]]:
    """``events`` everyday events spread evenly over :data:`DAYS` days up to ``now`` (office hours),
    and the rectification closes, in time order: ``(ts, device_ts, actor, action, entity, entity_id,
    outcome, detail)``."""
    start = now - timedelta(days=DAYS)
    step = timedelta(days=DAYS) / max(1, events)
    names = [action for action, _, _ in _ACTIONS]
    weights = list(itertools.accumulate(weight for _, _, weight in _ACTIONS))
    kinds = {action: kind for action, kind, _ in _ACTIONS}
    picks = rng.choices(names, cum_weights=weights, k=events)
    trail: list[tuple[Any, ...]] = []
    closes = sorted(closes)
    pending = 0
    for n, action in enumerate(picks):
        moment = start + step * n
        while pending < len(closes) and closes[pending][0] <= moment:
            when, who, task_id = closes[pending]
            ts = iso(when)
            trail.append((ts, ts, who, "rectification.close", "rectification", task_id, "success", "{}"))
            pending += 1
        ts = iso(moment)
        kind = kinds[action]
        if action.startswith("sync."):
            actor = "sync"
        elif action == "permission.denied":
            actor = rng.choice(STAFF)
        else:
            actor = rng.choice(STAFF) if rng.random() < 0.97 else SUPERVISOR
        if kind == "applicant":
            entity_id = rng.choice(applicant_ids)
        elif kind in ("application", "rating", "attachment"):
            entity_id = rng.choice(case_ids) if case_ids else None
        else:
            entity_id = None
        outcome = "denied" if action == "permission.denied" else "success"
        if action == "login" and rng.random() < 0.05:
            outcome = "failure"
        detail = '{"ok":true}' if kind is None else '{"item":"990101101-05-0001-001"}'
        trail.append((ts, ts, actor, action, kind, entity_id, outcome, detail))
    for when, who, task_id in closes[pending:]:
        ts = iso(when)
        trail.append((ts, ts, who, "rectification.close", "rectification", task_id, "success", "{}"))
    return trail


def _timed(samples: int, action: Callable[[], Any]) -> list[int]:
    action()  # warm
    out = []
    for _ in range(samples):
        began = time.perf_counter_ns()
        action()
        out.append(time.perf_counter_ns() - began)
    return out


def _pages(counter: Counter, actor: Actor, today: date) -> dict[str, Callable[[], Any]]:
    """The measured reads, each as the page calls it; each returns what it read (compared across stores)."""
    last_month = Period.last_month(today)
    day = (last_month.start + timedelta(days=9)).isoformat()
    person = AuditFilter(actor=STAFF[2])
    one_day = AuditFilter(date_from=day, date_to=day)
    month = Period.this_month(today)

    def first_page(where: AuditFilter) -> Callable[[], Any]:
        def read() -> Any:
            events = counter.audit_trail.events(actor, where, limit=PAGE)
            return [event.seq for event in events], counter.audit_trail.count(actor, where)

        return read

    return {
        "dashboard_month": lambda: counter.dashboard.figures(actor, month),
        "dashboard_person": lambda: counter.dashboard.figures(actor, month, Scope(staff=STAFF[1])),
        "audit_person": first_page(person),
        "audit_day": first_page(one_day),
        "audit_views": lambda: counter.audit_trail.personal_data_views(
            actor, month.start.isoformat(), month.end.isoformat()
        ),
        "rectifications_closed": lambda: counter.ratings.rectifications(actor, "closed"),
    }


def _baseline_copy(counter: Counter, root: Path) -> Path:
    """A copy of the profile's database without the v6 indexes (what schema v5 had)."""
    data = root / "baseline-data"
    data.mkdir()
    counter.ctx.store.backup_to(data / "counter.db")
    store = Store(data / "counter.db")
    with store.transaction():
        for name in V6_INDEXES:
            store.execute(f'DROP INDEX "{name}"')
    store.checkpoint()
    store.close()
    return data


def run(options: Options) -> list[Result]:
    applications = options.size("rows", full=200_000, quick=200_000, tiny=600)
    events = options.size("events", full=1_000_000, quick=1_000_000, tiny=3_000)
    samples = options.size("samples", full=20, quick=10, tiny=2)
    actor = Actor.command_line("bench")
    with options.workspace("supervision") as root, scratch_counter(root) as counter:
        counter.ctx.clock = FixedClock(NOW)  # every use case reads the office's time from here
        options.progress(f"[supervision] loading {applications:,} applications and {events:,} audit events")
        began = time.perf_counter()
        counts = load_history(counter, applications, events)
        load_s = time.perf_counter() - began
        today = counter.ctx.today()
        baseline_dir = _baseline_copy(counter, root)
        baseline = Counter.open(baseline_dir, config_dir=root / "profile-config", clock=counter.ctx.clock)
        try:
            ours, theirs = _pages(counter, actor, today), _pages(baseline, actor, today)
            measured: dict[str, tuple[list[int], list[int]]] = {}
            half = max(1, (samples + 1) // 2)
            for name in ours:
                if ours[name]() != theirs[name]():
                    raise RuntimeError(f"{name}: the store without the v6 indexes reads something else")
                options.progress(f"[supervision] {name}")
                # side by side, alternating, so a change in the machine's load weighs on both alike
                base_ns, value_ns = [], []
                for _ in range(2):
                    base_ns += _timed(half, theirs[name])
                    value_ns += _timed(half, ours[name])
                measured[name] = (value_ns, base_ns)
        finally:
            baseline.close()

    common = {"applications": applications, "load_s": rounded(load_s), **counts}
    note = (
        "baseline = the same read of a copy of the store without the schema v6 indexes, in the same run; "
        "ratio = value / baseline (lower is better); warm page cache"
    )
    what = {
        "dashboard_month": (TARGET_MS, "p95 of counter.dashboard.figures for this month, the whole office"),
        "dashboard_person": (None, "informational: p95 of the same for one clerk's cases"),
        "audit_person": (TARGET_MS, "p95 of the audit page filtered by one clerk: first 200 events + count"),
        "audit_day": (None, "informational: p95 of the audit page for one day: first 200 events + count"),
        "audit_views": (
            None,
            "informational: p95 of personal_data_views (who viewed citizens' data) this month",
        ),
        "rectifications_closed": (
            None,
            "informational: p95 of the closed rectification tasks (first 200) with who closed each",
        ),
    }
    results = []
    for name, (value_ns, base_ns) in measured.items():
        target, text = what[name]
        value, base = summary_ms(value_ns), summary_ms(base_ns)
        results.append(
            Result.measured(
                f"supervision_{name}_ms",
                value["p95"],
                "ms",
                target=target,
                baseline=base["p95"],
                ratio=value["p95"] / base["p95"],
                **common,
                n=len(value_ns),
                p50=value["p50"],
                baseline_p50=base["p50"],
                speedup=rounded(base["p95"] / value["p95"]),
                note=f"{text}; {note}",
            )
        )
    return results
