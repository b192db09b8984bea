"""``python -m benchmarks.memory_rounds --rounds 3000``: where the soak's memory slope comes from.

One counter in this process does what a soak counter does (:class:`benchmarks.soak_counter.Desk`:
take in a few applications, now and then one with a scan, and sync) behind a
:class:`tests.faultproxy.FaultProxy` that cuts a share of the connections, against
``counter-central serve`` in its own process on SQLite. Every ``--every`` rounds it samples:

- the counter's and the server's resident anonymous memory (``RssAnon`` of ``/proc``; the server's
  whole process tree),
- SQLite's own heap in this process (``sqlite3_memory_used``),
- Python's live objects after a full collection (``len(gc.get_objects())``).

The soak reports MB per hour, which depends on how fast its counters work; this reports MB per 100
rounds, in each quarter of the run, so a growth that slows down (caches and allocator pools filling
as the data grows) shows apart from one that keeps its pace (a leak). Not in CI.
"""

from __future__ import annotations

import _sqlite3
import argparse
import ctypes
import gc
import json
import os
import shutil
import sys
import tempfile
from itertools import pairwise
from pathlib import Path
from typing import Any

from benchmarks.central_process import _tree, central_on
from benchmarks.central_server import OFFICE
from benchmarks.runner import scratch_counter
from benchmarks.soak_checks import resident_mb
from benchmarks.soak_counter import CounterConfig, Desk
from central import admin
from counter_app.accounts import Actor
from counter_app.services.seed import Seeder
from sync.engine import enroll
from tests.faultproxy import FaultProxy

_sqlite_lib = ctypes.CDLL(_sqlite3.__file__)  # the library the sqlite3 module is linked with
_sqlite_lib.sqlite3_memory_used.restype = ctypes.c_int64


def _anon_mb(pids: list[int]) -> float:
    """The anonymous resident memory of these processes together (``soak_checks.resident_mb``)."""
    measured = resident_mb(pids)
    return measured[1] if measured is not None else 0.0


def run(rounds: int, every: int, faults: float, seed: int, root: Path) -> dict[str, Any]:
    samples: list[dict[str, Any]] = []
    with (
        central_on("sqlite", root) as server,
        FaultProxy(server.url, seed=seed, faults=faults) as proxy,
        scratch_counter(root, "counter") as counter,
    ):
        enroll(counter, proxy.url, admin.new_enroll_code(server.engine, OFFICE), "counter")
        config = CounterConfig("counter", str(root), proxy.url, "", seed)
        desk = Desk(counter, Seeder(counter, Actor.command_line("memory"), seed), config)
        for done in range(1, rounds + 1):
            desk.round()
            if done % every == 0 or done == 1:
                gc.collect()
                samples.append(
                    {
                        "round": done,
                        "counter_mb": round(_anon_mb([os.getpid()]), 1),
                        "server_mb": round(_anon_mb(_tree(server.process.pid)), 1),
                        "sqlite_heap_mb": round(_sqlite_lib.sqlite3_memory_used() / 1e6, 2),
                        "python_objects": len(gc.get_objects()),
                        "applications": desk.work.applications,
                    }
                )
        work = {"rounds": desk.work.rounds, "errors": desk.work.errors, "outcomes": dict(desk.work.outcomes)}
    return {"samples": samples, "growth_per_100_rounds": _growth(samples), "work": work}


def _growth(samples: list[dict[str, Any]]) -> dict[str, list[float]]:
    """MB per 100 rounds over each quarter of the run (after the first sample), per process."""
    later = samples[1:]
    if len(later) < 5:
        return {}
    quarter = (len(later) - 1) / 4
    marks = [later[round(i * quarter)] for i in range(5)]
    growth: dict[str, list[float]] = {}
    for key in ("counter_mb", "server_mb", "sqlite_heap_mb"):
        growth[key] = [
            round(100 * (b[key] - a[key]) / max(1, b["round"] - a["round"]), 2) for a, b in pairwise(marks)
        ]
    return growth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.memory_rounds", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--rounds", type=int, default=3000)
    parser.add_argument("--every", type=int, default=100, help="rounds between samples")
    parser.add_argument("--faults", type=float, default=0.2, help="share of connections cut")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tmp-dir", type=Path)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="memory-rounds-", dir=args.tmp_dir))
    try:
        report = run(args.rounds, args.every, args.faults, args.seed, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0 if report["work"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
