"""Pulling an office's changes into a new counter: ≥ 20,000 changes/s for 10,000 changes.

Set-up (timed apart, not in the figure): the real central server on loopback, ``counter-central
serve`` in its own process (:mod:`benchmarks.central_process`), once on SQLite and once on
PostgreSQL (``fsync=on``); counter A takes in applications through the use cases
(:class:`~counter_app.services.seed.Seeder`) until its ops touch ``changes`` records, once, before
it is enrolled; each database's copy of A is enrolled with the office and pushes them with
``SyncEngine(A).run()``. Central keeps one row per record (its latest
version), so a pull of the office from cursor 0 returns one change per record: the ~10,000 changes.

Measured: a fresh counter B of the same office runs ``SyncEngine(B).run()``; the value is the
changes applied ÷ the seconds of the pull stage (``SyncEngine._pull``: GET pages sized to the link,
each while the one before is applied; validate them with pydantic, apply each page and its cursor in
one fsync'd transaction: upsert the records, encrypt their protected fields, park a record whose
parent has not arrived yet in the inbox).

Baseline, in the same run: a third fresh counter C of the office pulls the first ``baseline_changes``
changes one per request (``limit=1``, the same ``Transport.get`` and ``ReplicaService.apply_pull_page``
the engine uses, after the engine's hello and catalogue stages): the cost of a change without paging,
one HTTP round trip and one transaction per change. Its rate is measured on fewer changes and
compared as a rate. ``ratio`` = value / baseline (higher is better).

Checked: B applied every change (``pulled`` = central's record count), B's tables hold exactly
central's records of each entity, nothing waits in its inbox, and the engine's verify agrees.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from benchmarks.central_process import BACKEND_NOTES, CPU_NOTE, CpuMeter, backends, central_on
from benchmarks.central_server import (
    OFFICE,
    CentralServer,
    Seeded,
    TimedSync,
    check,
    enrolled_counter,
    load_average,
    seed_until,
)
from benchmarks.runner import Options, Result, rounded, scratch_counter
from central import admin
from counter_app.core import Counter
from counter_app.store.sync_records import TABLES
from sync import protocol as p
from sync.engine import SyncEngine, enroll
from sync.transport import Transport

NOTE = (
    "value = changes applied / seconds of the pull stage (SyncEngine._pull: pages sized to the link, each"
    " fetched while the one before is applied in one fsync'd transaction) of a fresh counter's "
    "SyncEngine.run() against the real central server (counter-central serve in its own process, "
    "{server}) on 127.0.0.1; the changes are the office's records (one per record, its latest version) "
    "after another counter pushed ops made through Seeder (setup_s: seeding + that push, not timed); "
    "run_s = the whole run (hello, catalogue, pull, verify, audit head); CPU of the pull stage: {cpu}; "
    "baseline = a third fresh counter pulling the first baseline_n changes with limit=1 "
    "(one request and one transaction per change, same Transport.get + apply_pull_page), as changes/s; "
    "ratio = value / baseline; load_avg_1m > 2 (cores) means other processes competed for the CPU; "
    "checked: every change applied, local tables = central's records per entity, inbox empty, verify "
    "agrees"
)
TARGET_CHANGES_PER_S = 20_000.0
SEED = 20260706
RECORDS_PER_APPLICATION = 2.1  # roughly: the applicant, the application, sometimes a rating


def _local_counts(counter: Counter, entities: set[str]) -> dict[str, int]:
    store = counter.ctx.store
    return {
        entity: int(store.scalar(f"SELECT count(*) FROM {TABLES[entity]}")) for entity in sorted(entities)
    }


def _pull_one_by_one(counter: Counter, server: CentralServer, limit_changes: int) -> tuple[int, int, float]:
    """Pull the office's first ``limit_changes`` changes with ``limit=1``, as the engine's pull loop does
    with pages of one. Returns (changes received, changes applied, seconds of the pull loop)."""
    engine = SyncEngine(counter)
    token = counter.enrollment.token()
    transport = Transport(server.url, token)
    try:
        hello = engine._hello(transport)
        engine._catalogue(transport, hello)
        received = applied = 0
        began = time.perf_counter()
        while received < limit_changes:
            cursor = counter.exchange.cursor()
            page = transport.get("/v1/sync/pull", p.PullResponse, params={"cursor": cursor, "limit": 1})
            changes = [change.model_dump(mode="json") for change in page.changes]
            applied += counter.exchange.apply_pull_page(changes, page.next_cursor)
            received += len(changes)
            if not page.has_more:
                break
        seconds = time.perf_counter() - began
    finally:
        transport.close()
    return received, applied, seconds


def run(options: Options) -> list[Result]:
    changes = options.size("changes", full=10_000, quick=10_000, tiny=40)
    baseline_changes = options.size("baseline_changes", full=1_000, quick=500, tiny=10)
    results = []
    with options.workspace("pull-seeded") as seeded_root:
        # Counter A takes in once, before enrollment (its receipt numbers carry the local prefix, as
        # work taken in before a counter is enrolled goes out); each database gets its own copy.
        options.progress(f"[sync_pull] seeding applications until ~{changes:,} records are pending")
        with scratch_counter(seeded_root, "source") as source:
            seeded = seed_until(
                source, SEED, lambda s: changes - s.records, RECORDS_PER_APPLICATION, options, "sync_pull"
            )
        for backend in backends():
            with options.workspace(f"pull-{backend}") as root, central_on(backend, root) as server:
                for part in ("data", "config"):
                    shutil.copytree(seeded_root / f"source-{part}", root / f"source-{part}")
                results.append(_measure(options, root, server, backend, seeded, baseline_changes))
    return results


def _measure(
    options: Options, root: Path, server: CentralServer, backend: str, seeded: Seeded, baseline_changes: int
) -> Result:
    label = f"sync_pull[{backend}]"
    with scratch_counter(root, "source") as source:
        enroll(source, server.url, admin.new_enroll_code(server.engine, OFFICE), "source")
        options.progress(f"[{label}] counter A pushes {seeded.ops:,} ops ({seeded.records:,} records)")
        push_began = time.perf_counter()
        pushed = TimedSync(source).run()[0]
        push_s = time.perf_counter() - push_began
        check(
            pushed.outcome == "ok" and pushed.pushed == seeded.ops and not pushed.rejected,
            f"set-up push: {pushed}",
        )
    held = server.records(OFFICE)
    total = sum(held.values())
    check(total == seeded.records, f"central holds {total} records, A's ops touched {seeded.records}")

    with enrolled_counter(root, server, "fresh") as fresh:
        options.progress(f"[{label}] counter B pulls {total:,} changes")
        sync = TimedSync(fresh)
        cpu = CpuMeter(server)
        sync.hooks["_pull"] = (cpu.start, cpu.stop)
        load = load_average()
        report, run_s = sync.run()
        check(report.outcome == "ok", f"pull: sync ended {report.outcome}: {report.error}")
        check(report.pulled == total, f"B applied {report.pulled} of {total} changes")
        local = _local_counts(fresh, set(held))
        check(local == dict(sorted(held.items())), f"B holds {local}, central {held}")
        check(fresh.exchange.inbox_count() == 0, "records left waiting in B's inbox")
        check(report.verified is True, "verify: B disagrees with central")
        pull_s = sync.stage("pull")

    with enrolled_counter(root, server, "single") as single:
        options.progress(f"[{label}] counter C pulls {baseline_changes:,} changes one per request (baseline)")
        base_received, base_applied, base_s = _pull_one_by_one(single, server, baseline_changes)
        check(base_received == min(baseline_changes, total), f"baseline received {base_received} changes")
        check(base_applied <= base_received, "baseline applied more than it received")

    value = report.pulled / pull_s
    baseline = base_received / base_s
    return Result.measured(
        "sync_pull_changes_per_s" if backend == "sqlite" else f"sync_pull_{backend}_changes_per_s",
        value,
        "changes/s",
        target=TARGET_CHANGES_PER_S,
        baseline=baseline,
        ratio=value / baseline,
        higher_is_better=True,
        n=report.pulled,
        changes_by_entity=held,
        applications=seeded.applications,
        pushed_ops=seeded.ops,
        setup_s=rounded(seeded.seconds + push_s),
        seed_s=rounded(seeded.seconds),
        setup_push_s=rounded(push_s),
        pull_s=rounded(pull_s),
        run_s=rounded(run_s),
        run_changes_per_s=rounded(report.pulled / run_s),
        stages_s={k: rounded(v) for k, v in sync.seconds.items()},
        baseline_n=base_received,
        baseline_applied=base_applied,
        baseline_s=rounded(base_s),
        load_avg_1m=load,
        backend=backend,
        **cpu.split.fields(report.pulled),
        note=NOTE.format(server=BACKEND_NOTES[backend], cpu=CPU_NOTE),
    )
