"""A week's backlog over a weak link (issue 12): 64 kbit/s each way, 300 ms one-way delay, 2 % of
exchanges cut at a random byte. Everything syncs, each run resumes where the last one stopped, and
nothing is lost or duplicated.

Set-up: ``counter-central serve`` in its own process on a SQLite file (:mod:`benchmarks.central_process`),
reached through :class:`~benchmarks.shaping_proxy.ShapingProxy` on loopback (this kernel has no netem).
An enrolled scratch counter takes in ``applications`` applications through the use cases
(:class:`~counter_app.services.seed.Seeder`, which attaches no scans), then each application a
scan may be attached to (not refused, withdrawn or rated) gets one scan through
``intake.attach``: JPEG-ish incompressible bytes, ``scan_min_kb``–``scan_max_kb`` KB (a phone photo
of an ID card or a certificate as counters send them). Drafts get none: their scans stay on the
counter until the application is decided. Sizes: ``full`` is the issue's 500
applications (~9 MB of scans: about 20 minutes at 8 KB/s); ``quick`` 8 (about half a minute);
``tiny`` 3 on a fast link (the code path only).

Measured: ``SyncEngine.run`` in a loop until nothing is pending, as the app's scheduler would
restart it (a cut the transport's retries do not ride out ends a run ``offline``; the next run
resumes: pushed ops are not sent again, an upload goes on from the server's offset). The time of
the loop; the bytes that crossed the link each way (HTTP heads and bodies; TCP/IP headers not
counted); runs, cuts, exchanges.

- ``weak_link_sync_s``: the loop's time. Baseline: the time the link needs for those bytes alone
  (the busier direction's bytes ÷ its rate); ratio = value ÷ baseline (the cost of round trips,
  cuts and retries).
- ``weak_link_wire_bytes``: bytes up + down. Baseline: the scans' bytes (what must cross at
  least); ratio = value ÷ baseline.
- ``weak_link_scan_bytes_sent_ratio``: bytes of upload chunks (PATCH bodies) that went on the
  link ÷ the scans' bytes. A scan re-sent whole after a cut would add its size; resuming from the
  server's offset adds only what was in flight. Target ≤ 1.05.

Checked (the benchmark fails otherwise): central holds every op of the device exactly once (the
applied ops are exactly the counter's sent ops), every record once, every scan's content (sha256)
once and complete; the counter's outbox has nothing pending; verify passes.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from typing import Any

from sqlalchemy import func, select

from benchmarks.central_process import server_process
from benchmarks.central_server import OFFICE, check, device_id, enrolled_counter, seed_applications
from benchmarks.runner import Options, Result, rounded
from benchmarks.shaping_proxy import DOWN, UP, ShapingProxy
from central import admin, db
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.resources import demo_catalogue_path
from counter_app.store.outbox import SUPERSEDED, WITHDRAWN
from sync.engine import SyncEngine, SyncReport

SEED = 20261212
TARGET_SCAN_RATIO = 1.05
ACTOR = Actor.command_line("bench")
# Refused, withdrawn and rated applications take no scans; a draft's scans stay on the counter
# until it is decided (the outbox holds them back), so they are not part of the backlog.
_NO_SCAN = ("draft", "refused", "withdrawn", "rated")


def run(options: Options) -> list[Result]:
    applications = options.size("applications", full=500, quick=8, tiny=3)
    rate_bps = options.size("rate_bps", full=64_000, quick=64_000, tiny=2_000_000)
    delay_ms = options.size("delay_ms", full=300, quick=300, tiny=20)
    cut_permille = options.size("cut_permille", full=20, quick=20, tiny=20)
    scan_min_kb = options.size("scan_min_kb", full=16, quick=16, tiny=4)
    scan_max_kb = options.size("scan_max_kb", full=32, quick=32, tiny=8)
    max_runs = options.size("max_runs", full=500, quick=200, tiny=50)
    with (
        options.workspace("weak-link") as root,
        server_process(f"sqlite:///{root / 'central.db'}", root / "central-log") as server,
    ):
        admin.add_office(server.engine, OFFICE, "青山镇便民服务中心")
        admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        with enrolled_counter(root, server, "weak-link") as counter:
            seeded = seed_applications(counter, SEED, applications)
            scans = attach_scans(counter, random.Random(SEED), scan_min_kb * 1024, scan_max_kb * 1024)
            scan_bytes = sum(scans.values())
            ops = counter.exchange.pending_count()
            options.progress(
                f"[weak_link] {seeded.applications} applications, {ops} ops, "
                f"{len(scans)} scans of {scan_bytes / 1024:.0f} KB; syncing at {rate_bps / 1000:g} "
                f"kbit/s, {delay_ms} ms, {cut_permille / 10:g} % of exchanges cut"
            )
            with ShapingProxy(
                server.url,
                rate_bps=rate_bps,
                delay_s=delay_ms / 1000,
                cut_fraction=cut_permille / 1000,
                seed=SEED,
            ) as link:
                with counter.ctx.store.transaction():
                    counter.ctx.settings.set("server_url", link.url)
                seconds, reports = sync_until_done(counter, max_runs, options, link)
                wire = dict(link.wire)
                patched = sum(n for (method, _path), n in link.body_bytes.items() if method == "PATCH")
                cuts = dict(link.cuts)
                exchanges, connections = link.exchanges, link.connections
            checks = check_exactly_once(counter, server, scans)
    outcomes: dict[str, int] = {}
    for report in reports:
        outcomes[report.outcome] = outcomes.get(report.outcome, 0) + 1
    floor_s = max(wire[UP], wire[DOWN]) * 8 / rate_bps
    common: dict[str, Any] = {
        "level": options.level,
        "applications": seeded.applications,
        "ops": ops,
        "scans": len(scans),
        "scan_bytes": scan_bytes,
        "link": {
            "rate_bps_each_way": rate_bps,
            "one_way_delay_ms": delay_ms,
            "cut_fraction": cut_permille / 1000,
        },
        "runs": len(reports),
        "outcomes": outcomes,
        "cuts": cuts[UP] + cuts[DOWN],
        "cuts_by_direction": cuts,
        "exchanges": exchanges,
        "connections": connections,
        "bytes_up": wire[UP],
        "bytes_down": wire[DOWN],
        "lost": 0,
        "duplicated": 0,
        **checks,
    }
    if options.level != "full":
        common["note"] = (
            f"{options.level}: {seeded.applications} applications; the issue's week (500) is the full "
            "level (python -m benchmarks --only weak_link), about 20 minutes at 64 kbit/s"
        )
    return [
        Result.measured(
            "weak_link_sync_s", seconds, "s", target=None, baseline=floor_s, ratio=seconds / floor_s, **common
        ),
        Result.measured(
            "weak_link_wire_bytes",
            wire[UP] + wire[DOWN],
            "B",
            target=None,
            baseline=scan_bytes,
            ratio=(wire[UP] + wire[DOWN]) / scan_bytes,
            bytes_up=wire[UP],
            bytes_down=wire[DOWN],
            bytes_per_application=rounded((wire[UP] + wire[DOWN]) / max(1, seeded.applications)),
        ),
        Result.measured(
            "weak_link_scan_bytes_sent_ratio",
            patched / scan_bytes,
            "×",
            target=TARGET_SCAN_RATIO,
            baseline=1.0,
            ratio=patched / scan_bytes,
            chunk_bytes_sent=patched,
            scan_bytes=scan_bytes,
            resent_bytes=patched - scan_bytes,
            cuts=cuts[UP] + cuts[DOWN],
        ),
    ]


def scan_content(rng: random.Random, size: int) -> bytes:
    """JPEG-ish: a JPEG's markers around incompressible bytes (as a photo's entropy-coded data is)."""
    return b"\xff\xd8\xff\xe0" + rng.randbytes(size - 6) + b"\xff\xd9"


def attach_scans(counter: Counter, rng: random.Random, low: int, high: int) -> dict[str, int]:
    """One scan for each application that may still take one, through ``intake.attach``: sha256 -> size."""
    rows = counter.ctx.store.all("SELECT id, status, item_code FROM applications ORDER BY id")
    scans: dict[str, int] = {}
    for row in rows:
        if row["status"] in _NO_SCAN:
            continue
        item = counter.catalogue.active().item(row["item_code"])
        material = next((m for m in item.materials if "jpg" in m.accepted_types), None)
        if material is None:
            continue
        content = scan_content(rng, rng.randint(low, high))
        counter.intake.attach(ACTOR, row["id"], material.code, f"{material.name}.jpg", content)
        scans[hashlib.sha256(content).hexdigest()] = len(content)
    return scans


def sync_until_done(
    counter: Counter, max_runs: int, options: Options, link: ShapingProxy
) -> tuple[float, list[SyncReport]]:
    """``SyncEngine.run`` again and again until a run ends ``ok`` with nothing pending."""
    engine = SyncEngine(counter)
    reports: list[SyncReport] = []
    began = time.perf_counter()
    while True:
        report = engine.run("bench")
        reports.append(report)
        options.progress(
            f"[weak_link] run {len(reports)}: {report.outcome}, {report.pushed} pushed, "
            f"{report.uploaded} uploaded, {report.pending} pending, {link.total_cuts} cuts so far "
            f"({time.perf_counter() - began:.0f} s)"
        )
        if report.outcome == "ok" and report.pending == 0:
            check(report.verified is True, "verify: the counter's records differ from central's")
            return time.perf_counter() - began, reports
        check(report.outcome in ("offline", "partial"), f"sync run ended {report.outcome}: {report.error}")
        check(len(reports) < max_runs, f"still {report.pending} pending after {max_runs} runs")


def check_exactly_once(counter: Counter, server: Any, scans: dict[str, int]) -> dict[str, Any]:
    store = counter.ctx.store
    check(counter.exchange.pending_count() == 0, "the counter's outbox still has pending ops")
    # Withdrawn and superseded ops never leave the counter (a scan removed at the desk; an update
    # folded into a later one before it was sent).
    sent = {
        row["op_id"]
        for row in store.all("SELECT op_id FROM outbox WHERE state NOT IN (?, ?)", (WITHDRAWN, SUPERSEDED))
    }
    states = {
        row["state"]: row["n"] for row in store.all("SELECT state, count(*) AS n FROM outbox GROUP BY state")
    }
    device = device_id(counter)
    with server.engine.connect() as conn:
        applied = [
            row.op_id
            for row in conn.execute(
                select(db.applied_ops.c.op_id).where(db.applied_ops.c.device_id == device)
            )
        ]
        records = {
            (row.entity, row.id)
            for row in conn.execute(
                select(db.records.c.entity, db.records.c.id).where(db.records.c.office_code == OFFICE)
            )
        }
        blobs = {
            row.sha256: (int(row.size), hashlib.sha256(bytes(row.data)).hexdigest())
            for row in conn.execute(
                select(db.blobs.c.sha256, db.blobs.c.size, db.blobs.c.data).where(
                    db.blobs.c.sha256.in_(list(scans))
                )
            )
        }
        uploads = int(
            conn.execute(
                select(func.count()).select_from(db.uploads).where(db.uploads.c.device_id == device)
            ).scalar_one()
        )
    check(
        len(applied) == len(set(applied)) == len(sent),
        f"central applied {len(applied)} ops of the {len(sent)} sent; outbox {states}",
    )
    check(set(applied) == sent, "central's applied ops are not the counter's sent ops")
    local = {
        (entity, row["id"])
        for entity, table in (
            ("applicant", "applicants"),
            ("application", "applications"),
            ("attachment", "attachments"),
        )
        for row in store.all(f"SELECT id FROM {table}")
    }
    missing = local - records
    check(not missing, f"{len(missing)} records missing on central, e.g. {sorted(missing)[:3]}")
    for sha256, size in scans.items():
        check(blobs.get(sha256) == (size, sha256), f"scan {sha256[:12]} is not held whole on central")
    check(uploads == len(scans), f"{uploads} uploads opened for {len(scans)} scans")
    return {"ops_applied_once": len(applied), "scans_held_once": len(blobs), "records_checked": len(local)}
