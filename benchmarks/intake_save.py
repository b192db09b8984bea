"""Saving an intake at the desk: p95 of ``counter.intake.draft`` (target ≤ 5 ms).

One draft is a fsync'd transaction (WAL, ``synchronous=FULL``) holding the application record, its
status event, its outbox operation and its audit event, plus the reads around it (the applicant,
the catalogue item, the form check, the receipt number, the saved record).

Baseline, in the same process and on the same disk: the machine's floor for one durable write, a
plain ``sqlite3`` single-row INSERT + COMMIT in its own transaction on a WAL, ``synchronous=FULL``
database. Each timed save is immediately preceded by one timed floor insert, so both series see
the same disk conditions. ``ratio`` = value / baseline: how many floors one save costs (lower is
better). The saves run in rounds of 100, each released by :class:`~benchmarks.runner.QuietGate` once
the disk is in its normal state (fsync p95 ≤ 1 ms), so a spell of a slow virtual disk is not
reported as the app's cost. Registration (``register_person``: record + outbox + audit, also one
fsync'd transaction) is measured the same way first and reported as information.
"""

from __future__ import annotations

import time

from benchmarks.runner import FloorDatabase, Options, QuietGate, Result, scratch_counter, summary_ms
from counter_app.accounts import Actor
from counter_app.people import PeopleGenerator
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder

TARGET_MS = 5.0
SEED = 20261123


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
            register_gate = QuietGate(floor, options, "intake_save")
            register_ns, register_floor_ns, applicant_ids = [], [], []
            for indexes in register_gate.rounds_of(total):
                for k in indexes:
                    register_floor_ns.append(floor.insert())
                    began = time.perf_counter_ns()
                    applicant = counter.applicants.register_person(actor, inputs[k])
                    register_ns.append(time.perf_counter_ns() - began)
                    applicant_ids.append(applicant.id)
            options.progress(f"[intake_save] drafting {total} applications")
            draft_gate = QuietGate(floor, options, "intake_save")
            draft_ns, draft_floor_ns = [], []
            for indexes in draft_gate.rounds_of(total):
                for k in indexes:
                    code, form = drafts[k]
                    draft_floor_ns.append(floor.insert())
                    began = time.perf_counter_ns()
                    counter.intake.draft(actor, applicant_ids[k], code, form)
                    draft_ns.append(time.perf_counter_ns() - began)
        finally:
            floor.close()
        saved = counter.ctx.store.scalar("SELECT count(*) FROM applications")
        if saved != total:
            raise RuntimeError(f"expected {total} applications, found {saved}")

    draft, draft_floor = summary_ms(draft_ns[warmup:]), summary_ms(draft_floor_ns[warmup:])
    reg, reg_floor = summary_ms(register_ns[warmup:]), summary_ms(register_floor_ns[warmup:])
    floor_note = (
        "baseline = p95 of a plain sqlite3 single-row INSERT+COMMIT (WAL, synchronous=FULL) on the "
        "same disk, each timed right before one save; ratio = value / baseline (lower is better); "
        "timed in rounds, each started once the disk's fsync p95 <= 1 ms (rounds_unquiet: rounds "
        "started without, after the waiting budget was spent)"
    )
    return [
        Result.measured(
            "intake_save_p95",
            draft["p95"],
            "ms",
            target=TARGET_MS,
            baseline=draft_floor["p95"],
            ratio=draft["p95"] / draft_floor["p95"],
            n=n,
            warmup=warmup,
            p50=draft["p50"],
            p99=draft["p99"],
            max=draft["max"],
            mean=draft["mean"],
            baseline_p50=draft_floor["p50"],
            items=len(items),
            **draft_gate.info(),
            note="counter.intake.draft: record + event + outbox op + audit in one fsync'd transaction; "
            + floor_note,
        ),
        Result.measured(
            "register_applicant_p95",
            reg["p95"],
            "ms",
            target=None,
            baseline=reg_floor["p95"],
            ratio=reg["p95"] / reg_floor["p95"],
            n=n,
            warmup=warmup,
            p50=reg["p50"],
            p99=reg["p99"],
            max=reg["max"],
            mean=reg["mean"],
            baseline_p50=reg_floor["p50"],
            **register_gate.info(),
            note="informational: counter.applicants.register_person (validation, duplicate check through the "
            "blind index, encrypted record + outbox op + audit, one fsync'd transaction); " + floor_note,
        ),
    ]
