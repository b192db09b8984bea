"""``counter-app sync`` of 10,000 seeded applications, end to end: ≥ 2,000 applications/s.

Set-up (not timed): central in its own process (``counter-central serve``, see
:mod:`benchmarks.central_process`) on SQLite (WAL, ``synchronous=FULL``) and on PostgreSQL (a new
cluster with ``fsync=on``), the demo catalogue published; one scratch office profile filled
through the use cases (:class:`~counter_app.services.seed.Seeder`: register, draft, check
materials, accept, decide, deliver, rate: about 5 operations per application, each application
with a new applicant), as ``counter-app seed`` does, before enrollment (its receipt numbers carry the
local prefix, as work taken in before a counter is enrolled goes out); each database's run syncs
its own copy of it, enrolled with the office.

Measured: the wall time of the command ``counter-app sync --json`` in its own process, from start to
exit: Python start-up and opening the profile, hello, push of the whole outbox, the pull of the
office's changes, verify, audit head. The value is applications ÷ that time. The client's and the
server's CPU seconds are reported beside it (what bounds the figure on a 2-core machine).

Baseline, in the same run: a sync of ``baseline_applications`` pushing one op per request (not a
setting of the command, so measured in process with ``SyncEngine(batch_size=1)``, as
:mod:`benchmarks.sync_push` measures its baseline).

Checked: the sync reports ``ok``, pushed = the ops seeded, nothing pending, central holds one stored
result per op and the office's records = the records the ops touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.central_process import CPU_NOTE, CpuSplit, ServerProcess, backends, central_on
from benchmarks.central_server import (
    OFFICE,
    Seeded,
    TimedSync,
    check,
    device_id,
    enrolled_counter,
    load_average,
    outbox_state,
    seed_applications,
)
from benchmarks.runner import Options, Result, rounded, scratch_counter, settle
from central import admin
from sync.engine import enroll
from tests.support import ROOT, cli_env  # the command's environment, as the tests run it

TARGET_APPLICATIONS_PER_S = 2_000.0
SEED = 20261204


def _cli_sync(data_dir: Path, config_dir: Path) -> tuple[dict[str, Any], float, float]:
    """``counter-app sync --json`` in its own process: (its report, wall seconds, CPU seconds)."""
    began = time.perf_counter()
    before = os.times()
    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", "sync", "--json"],
        capture_output=True,
        text=True,
        env=cli_env(data_dir, config_dir),
        cwd=ROOT,
        timeout=900,
    )
    seconds = time.perf_counter() - began
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    check(done.returncode == 0, f"counter-app sync exited {done.returncode}: {done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1]), seconds, cpu


def _measure(
    options: Options,
    root: Path,
    seeded_root: Path,
    server: ServerProcess,
    backend: str,
    seeded: Seeded,
    baseline_n: int,
) -> dict[str, Any]:
    label = f"sync_end_to_end[{backend}]"
    # This backend's copy of the seeded profile, enrolled with its server.
    name = f"e2e-{backend}"
    for part in ("data", "config"):
        shutil.copytree(seeded_root / f"seeded-{part}", root / f"{name}-{part}")
    with scratch_counter(root, name) as counter:
        enroll(counter, server.url, admin.new_enroll_code(server.engine, OFFICE), name)
        state = outbox_state(counter)
        device = device_id(counter)
    records_before = sum(server.records(OFFICE).values())
    data_dir, config_dir = root / f"{name}-data", root / f"{name}-config"
    settle()
    options.progress(f"[{label}] counter-app sync of {state.ops:,} ops")
    load = load_average()
    server_cpu, db_cpu = server.cpu_seconds(), server.db_cpu_seconds()
    report, seconds, client_cpu = _cli_sync(data_dir, config_dir)
    cpu = CpuSplit(client_cpu, server.cpu_seconds() - server_cpu, server.db_cpu_seconds() - db_cpu)
    check(report["pushed"] == state.ops, f"{label}: pushed {report['pushed']} of {state.ops} ops")
    check(report["conflicts"] == 0 and report["rejected"] == 0, f"{label}: {report}")
    stored = server.applied_ops(device)
    check(stored == state.ops, f"{label}: central stored {stored} results for {state.ops} ops")
    records = sum(server.records(OFFICE).values()) - records_before
    check(records == state.records, f"{label}: central holds {records} new records of {state.records}")

    # The baseline: the same kind of work, one op per request (in process, as sync_push measures it).
    with enrolled_counter(root, server, f"{name}-single") as single:
        base = seed_applications(single, SEED + 1, baseline_n)
        options.progress(f"[{label}] baseline: {base.ops:,} ops one per request")
        timed = TimedSync(single, batch_size=1)
        base_report, base_s = timed.run()
        check(base_report.outcome == "ok" and base_report.pushed == base.ops, f"baseline: {base_report}")
    return {
        "applications": seeded.applications,
        "ops": state.ops,
        "records": records,
        "seconds": seconds,
        "report": report,
        "cpu": cpu,
        "load": load,
        "setup_s": seeded.seconds,
        "baseline_applications": base.applications,
        "baseline_s": base_s,
    }


def _result(backend: str, m: dict[str, Any]) -> Result:
    value = m["applications"] / m["seconds"]
    baseline = m["baseline_applications"] / m["baseline_s"]
    suffix = "" if backend == "sqlite" else f"_{backend}"
    return Result.measured(
        f"sync_end_to_end{suffix}_applications_per_s",
        value,
        "applications/s",
        target=TARGET_APPLICATIONS_PER_S,
        baseline=baseline,
        ratio=value / baseline,
        higher_is_better=True,
        n=m["applications"],
        ops=m["ops"],
        records=m["records"],
        sync_s=rounded(m["seconds"]),
        ops_per_s=rounded(m["ops"] / m["seconds"]),
        pulled=m["report"]["pulled"],
        **m["cpu"].fields(m["applications"]),
        setup_s=rounded(m["setup_s"]),
        baseline_n=m["baseline_applications"],
        baseline_s=rounded(m["baseline_s"]),
        load_avg_1m=m["load"],
        backend=backend,
        note=f"value = applications / wall seconds of `counter-app sync --json` (its own process: start-up, "
        "hello, push of the whole outbox in batches sized to the link, pull of the office's changes, "
        f"verify, audit head) against `counter-central serve` in its own process on {backend} "
        "(SQLite: WAL, synchronous=FULL; PostgreSQL: fsync=on) over loopback without TLS; the outbox "
        "was filled through the use cases (Seeder: ~5 ops per application, each with a new applicant), "
        f"not timed (setup_s); CPU of the sync: {CPU_NOTE}; baseline = applications/s of an "
        "in-process sync pushing one op per request (baseline_n applications); checked: pushed = "
        "seeded ops, no conflict or rejection, central "
        "holds one stored result per op and exactly the touched records",
    )


def run(options: Options) -> list[Result]:
    applications = options.size("applications", full=10_000, quick=10_000, tiny=20)
    baseline_n = options.size("baseline_applications", full=100, quick=60, tiny=4)
    results = []
    with options.workspace("e2e-seeded") as seeded_root:
        # Seeded once, before enrollment (receipt numbers with the local prefix, as work taken in
        # before a counter is enrolled goes out); each backend syncs its own copy.
        options.progress(f"[sync_end_to_end] seeding {applications:,} applications through the use cases")
        with scratch_counter(seeded_root, "seeded") as counter:
            seeded = seed_applications(counter, SEED, applications)
        for backend in backends():
            with options.workspace(f"e2e-{backend}") as root, central_on(backend, root) as server:
                measured = _measure(options, root, seeded_root, server, backend, seeded, baseline_n)
            results.append(_result(backend, measured))
    return results
