"""Exact lookup by resident ID number among many applicants: p95 ≤ 1 ms among 1,000,000.

The population is bulk-loaded by the shared bulk path (:func:`benchmarks.bulk.load_applicants`: ID
number, phone and address encrypted with AES-GCM as ``ApplicantRepo`` encrypts them, blind indexes
computed, the same row layout as ``ApplicantService._register``, the indexes built once after the
load); registering a million people through the use case would take too long and adds nothing to
what a lookup reads.

Measured: random lookups of present IDs mixed with absent ones through the blind index
(``counter.ctx.applicants.find_by_id_number``), and the same through the audited use case
(``counter.applicants.find_by_id_number``, which also commits an fsync'd audit event; reported as
information). Baseline in the same run: what a lookup costs without the blind index, a scan that
decrypts each row's ID number and compares it, stopping at the match. It is timed for a few IDs at
evenly spaced positions (1/4, 1/2, 3/4 of the table for three), so its mean is the expected cost of
finding a present ID; an absent ID would cost a full scan, about twice as much. ``ratio`` = baseline
/ value (the speed-up; higher is better).

The lookups run right after the load, so the database pages are in the OS page cache: this is the
warm case, as on a counter PC that has been in use for the day.
"""

from __future__ import annotations

import random
import time

from benchmarks.bulk import load_applicants
from benchmarks.runner import (
    FloorDatabase,
    Options,
    QuietGate,
    Result,
    rounded,
    scratch_counter,
    settle,
    summary_ms,
)
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.people import FakePerson
from counter_app.records import ApplicantSummary

TARGET_MS = 1.0
SEED = 1_000_003
_PURPOSE = "applicant.id_number"


def scan_lookup(counter: Counter, id_number: str) -> ApplicantSummary | None:
    """The lookup without a blind index: decrypt every row's ID number until one matches."""
    ctx = counter.ctx
    decrypt = ctx.cipher.decrypt
    for applicant_id, blob in ctx.store.conn.execute("SELECT id, id_number_enc FROM applicants"):
        if blob is not None and decrypt(blob, _PURPOSE) == id_number:
            return ctx.applicants.get(applicant_id)
    return None


def run(options: Options) -> list[Result]:
    rows = options.size("rows", full=1_000_000, quick=100_000, tiny=50)
    lookups = options.size("lookups", full=1000, quick=1000, tiny=20)
    absent_count = options.size("absent", full=100, quick=100, tiny=5)
    scans = options.size("scans", full=3, quick=3, tiny=2)
    batch = options.size("batch", full=50_000, quick=50_000, tiny=50_000)
    warmup = options.size("warmup", full=50, quick=50, tiny=3)
    rng = random.Random(SEED)

    # Which rows' ID numbers are kept for the lookups (random) and for the scans (evenly spaced).
    present_rows = [rng.randrange(rows) for _ in range(lookups + warmup)]
    scan_rows = [min(rows - 1, rows * (k + 1) // (scans + 1)) for k in range(scans)]
    wanted: dict[int, list[int]] = {}
    for slot, index in enumerate(present_rows + scan_rows):
        wanted.setdefault(index, []).append(slot)
    picked = [""] * (len(present_rows) + len(scan_rows))

    with options.workspace("lookup") as root, scratch_counter(root) as counter:
        options.progress(f"[id_lookup] loading {rows:,} applicants (encrypted, blind-indexed)")
        began = time.perf_counter()

        def keep(index: int, person: FakePerson) -> None:
            for slot in wanted.get(index, ()):
                picked[slot] = person.resident_id

        people = load_applicants(
            counter, rows, seed=SEED, batch=batch, each=keep, options=options, label="id_lookup"
        )
        load_s = time.perf_counter() - began
        # Let the disk settle (WAL folded into the database, dirty pages written) so the fsyncs timed
        # below do not queue behind the load's write-back.
        began = time.perf_counter()
        counter.ctx.store.checkpoint()
        settle()
        settle_s = time.perf_counter() - began
        db_mb = counter.ctx.store.path.stat().st_size / 1e6
        present = picked[: len(present_rows)]
        scan_ids = picked[len(present_rows) :]
        absent = [people.person().resident_id for _ in range(absent_count)]  # never loaded: same generator
        queries = [(i, True) for i in present[warmup:]] + [(i, False) for i in absent]
        rng.shuffle(queries)
        repo = counter.ctx.applicants

        options.progress(f"[id_lookup] {len(queries)} indexed lookups")
        for id_number in present[:warmup]:
            repo.find_by_id_number(id_number)
        indexed_ns, present_ns, absent_ns = [], [], []
        for id_number, expected in queries:
            t0 = time.perf_counter_ns()
            found = repo.find_by_id_number(id_number)
            elapsed = time.perf_counter_ns() - t0
            if (found is not None) != expected:
                kind = "a present" if expected else "an absent"
                raise RuntimeError(f"the indexed lookup of {kind} ID number went wrong")
            indexed_ns.append(elapsed)
            (present_ns if expected else absent_ns).append(elapsed)

        options.progress(f"[id_lookup] {len(queries)} audited lookups")
        actor = Actor.command_line("bench")
        for id_number in present[:warmup]:
            counter.applicants.find_by_id_number(actor, id_number)
        floor = FloorDatabase(root / "floor.db")
        try:
            gate = QuietGate(floor, options, "id_lookup")
            audited_ns, floor_ns = [], []
            for indexes in gate.rounds_of(len(queries)):
                for k in indexes:
                    id_number, expected = queries[k]
                    floor_ns.append(floor.insert())
                    t0 = time.perf_counter_ns()
                    found = counter.applicants.find_by_id_number(actor, id_number)
                    audited_ns.append(time.perf_counter_ns() - t0)
                    if (found is not None) != expected:
                        raise RuntimeError("audited lookup went wrong")
        finally:
            floor.close()

        options.progress(f"[id_lookup] {scans} decrypt-and-compare scans (baseline)")
        scan_ms = []
        for id_number in scan_ids:
            t0 = time.perf_counter_ns()
            found = scan_lookup(counter, id_number)
            scan_ms.append((time.perf_counter_ns() - t0) / 1e6)
            if found is None or repo.find_by_id_number(id_number) != found:
                raise RuntimeError("the scan baseline did not find the same applicant")

    indexed, audited = summary_ms(indexed_ns), summary_ms(audited_ns)
    baseline = sum(scan_ms) / len(scan_ms)
    common = {"rows": rows, "n": len(queries), "present": len(queries) - len(absent), "absent": len(absent)}
    baseline_note = (
        f"baseline = mean of {scans} decrypt-and-compare scans stopping at the match (IDs at "
        "evenly spaced positions: the expected cost of a present ID; an absent one costs ~2x); "
        "ratio = baseline / value (speed-up, higher is better)"
    )
    return [
        Result.measured(
            "id_lookup_p95",
            indexed["p95"],
            "ms",
            target=TARGET_MS,
            baseline=baseline,
            ratio=baseline / indexed["p95"],
            **common,
            p50=indexed["p50"],
            p99=indexed["p99"],
            max=indexed["max"],
            mean=indexed["mean"],
            present_p95=summary_ms(present_ns)["p95"],
            absent_p95=summary_ms(absent_ns)["p95"] if absent_ns else None,
            scans_ms=[rounded(ms) for ms in scan_ms],
            load_s=rounded(load_s),
            load_rows_per_s=rounded(rows / load_s),
            settle_s=rounded(settle_s),
            db_mb=rounded(db_mb),
            note="counter.ctx.applicants.find_by_id_number (HMAC blind index, unique SQLite index), "
            "warm page cache, random present IDs mixed with absent ones; load_s = bulk load "
            f"(benchmarks/bulk.py, encryption and indexes included) in transactions of {batch:,} rows, "
            "settle_s = WAL checkpoint + sync after it; " + baseline_note,
        ),
        Result.measured(
            "id_lookup_audited_p95",
            audited["p95"],
            "ms",
            target=None,
            baseline=baseline,
            ratio=baseline / audited["p95"],
            **common,
            p50=audited["p50"],
            p99=audited["p99"],
            max=audited["max"],
            mean=audited["mean"],
            floor_p95=summary_ms(floor_ns)["p95"],
            **gate.info(),
            note="informational: counter.applicants.find_by_id_number, the card reader's path, which also "
            "commits an audit event (one fsync'd transaction per lookup); floor_p95 = a plain sqlite3 "
            "INSERT+COMMIT timed before each lookup; timed in rounds, each started once the disk's "
            "fsync p95 <= 1 ms; " + baseline_note,
        ),
    ]
