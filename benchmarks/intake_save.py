"""Saving an intake at the desk: p95 of ``counter.intake.draft`` (target ≤ 5 ms).

One draft is a fsync'd transaction (WAL, ``synchronous=FULL``) holding the application record, its
status event, its outbox operation and its audit event, plus the reads around it (the applicant,
the catalogue item, the form check, the receipt number, the saved record).

Baseline, in the same process and on the same disk: the machine's floor for one durable write, a
plain ``sqlite3`` single-row INSERT + COMMIT in its own transaction on a WAL, ``synchronous=FULL``
database. Each timed save is immediately preceded by one timed floor insert, so both series see
the same disk conditions. ``ratio`` = value / baseline: how many floors one save costs (lower is
better). Registration (``register_person``: record + outbox + audit, also one fsync'd transaction)
is measured the same way first and reported as information.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from benchmarks.runner import Options, Result, scratch_counter, summary_ms
from counter_app.accounts import Actor
from counter_app.people import PeopleGenerator
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder

TARGET_MS = 5.0
SEED = 20261123
_PAYLOAD = "申请人王秀英，事项：城乡居民最低生活保障，材料：身份证、户口簿、收入证明。" * 3


class FloorDatabase:
    """The cheapest durable write SQLite offers: one small row per fsync'd transaction."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("CREATE TABLE floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")

    def insert(self) -> int:
        """One INSERT + COMMIT; returns its duration in ns."""
        began = time.perf_counter_ns()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO floor (payload) VALUES (?)", (_PAYLOAD,))
        self.conn.execute("COMMIT")
        return time.perf_counter_ns() - began

    def close(self) -> None:
        self.conn.close()


def run(options: Options) -> list[Result]:
    n = options.size("n", full=2000, quick=300, tiny=20)
    warmup = options.size("warmup", full=100, quick=30, tiny=3)
    total = warmup + n
    with options.workspace("intake") as root, scratch_counter(root) as counter:
        actor = Actor.command_line("bench")
        people = PeopleGenerator(SEED)
        seeder = Seeder(counter, actor, SEED)
        catalogue = counter.catalogue.active()
        items = [i for i in catalogue.active_items() if "natural_person" in i.service_objects]
        if not items:
            raise RuntimeError("the active catalogue has no item for natural persons")
        # Inputs are prepared outside the timed region.
        persons = [people.person() for _ in range(total)]
        inputs = [PersonInput(p.name, p.resident_id, p.mobile, p.address) for p in persons]
        chosen = [items[k % len(items)] for k in range(total)]
        drafts = [(item.code, seeder.form_values(item)) for item in chosen]
        floor = FloorDatabase(root / "floor.db")
        try:
            options.progress(f"[intake_save] registering {total} applicants")
            register_ns, register_floor_ns, applicant_ids = [], [], []
            for data in inputs:
                register_floor_ns.append(floor.insert())
                began = time.perf_counter_ns()
                applicant = counter.applicants.register_person(actor, data)
                register_ns.append(time.perf_counter_ns() - began)
                applicant_ids.append(applicant.id)
            options.progress(f"[intake_save] drafting {total} applications")
            draft_ns, draft_floor_ns = [], []
            for applicant_id, (code, form) in zip(applicant_ids, drafts, strict=True):
                draft_floor_ns.append(floor.insert())
                began = time.perf_counter_ns()
                counter.intake.draft(actor, applicant_id, code, form)
                draft_ns.append(time.perf_counter_ns() - began)
        finally:
            floor.close()
        saved = counter.ctx.store.scalar("SELECT count(*) FROM applications")
        if saved != total:
            raise RuntimeError(f"expected {total} applications, found {saved}")

    draft, draft_floor = summary_ms(draft_ns[warmup:]), summary_ms(draft_floor_ns[warmup:])
    reg, reg_floor = summary_ms(register_ns[warmup:]), summary_ms(register_floor_ns[warmup:])
    floor_note = ("baseline = p95 of a plain sqlite3 single-row INSERT+COMMIT (WAL, synchronous=FULL) on the "
                  "same disk, interleaved with the saves; ratio = value / baseline (lower is better)")
    return [
        Result.measured(
            "intake_save_p95", draft["p95"], "ms", target=TARGET_MS, baseline=draft_floor["p95"],
            ratio=draft["p95"] / draft_floor["p95"], n=n, warmup=warmup,
            p50=draft["p50"], p99=draft["p99"], max=draft["max"], mean=draft["mean"],
            baseline_p50=draft_floor["p50"], items=len(items),
            note="counter.intake.draft: record + event + outbox op + audit in one fsync'd transaction; "
                 + floor_note,
        ),
        Result.measured(
            "register_applicant_p95", reg["p95"], "ms", target=None, baseline=reg_floor["p95"],
            ratio=reg["p95"] / reg_floor["p95"], n=n, warmup=warmup,
            p50=reg["p50"], p99=reg["p99"], max=reg["max"], mean=reg["mean"], baseline_p50=reg_floor["p50"],
            note="informational: counter.applicants.register_person (validation, duplicate check through the "
                 "blind index, encrypted record + outbox op + audit, one fsync'd transaction); " + floor_note,
        ),
    ]
