"""``python -m benchmarks.memory_rounds --rounds 3000``: where the soak's memory slope comes from.

One counter in this process does what a soak counter does (:class:`benchmarks.soak_counter.Desk`:
take in a few applications, now and then one with a scan, and sync) behind a
:class:`tests.faultproxy.FaultProxy` that cuts a share of the connections, against
``counter-central serve`` in its own process on SQLite. Every ``--every`` rounds it samples:

- the counter's and the server's resident anonymous memory (``RssAnon`` of ``/proc``; the server's
  whole process tree),
- SQLite's own heap in this process (``sqlite3_memory_used``),
- Python's live objects after a full collection (``len(gc.get_objects())``),
- glibc's heap in this process (``mallinfo2``: bytes in use, and bytes free but kept in its arenas),
  so a growth of blocks in use (something kept) shows apart from one of free space (fragmentation).

``--colleagues N`` starts N more counters of the same office, each in its own process
(:func:`benchmarks.soak_counter.counter_main`, straight to central), taking in and syncing on their
own as the soak's do: then every sync of the measured counter also pulls their work, as in the soak.

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
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

from benchmarks.central_process import _tree, central_on
from benchmarks.central_server import OFFICE
from benchmarks.runner import scratch_counter
from benchmarks.soak_checks import malloc_mb, resident_mb
from benchmarks.soak_counter import CounterConfig, Desk, counter_main
from central import admin
from counter_app.accounts import Actor
from counter_app.allocator import limit_arenas
from counter_app.services.seed import Seeder
from sync.engine import enroll
from tests.faultproxy import FaultProxy

_sqlite_lib = ctypes.CDLL(_sqlite3.__file__)  # the library the sqlite3 module is linked with
_sqlite_lib.sqlite3_memory_used.restype = ctypes.c_int64


def _anon_mb(pids: list[int]) -> float:
    """The anonymous resident memory of these processes together (``soak_checks.resident_mb``)."""
    measured = resident_mb(pids)
    return measured[1] if measured is not None else 0.0


@contextmanager
def _colleagues(count: int, url: str, engine: Any, seed: int, root: Path) -> Iterator[None]:
    """``count`` counters of the office in their own processes, working on their own until the block
    ends (then stopped)."""
    spawn = multiprocessing.get_context("spawn")
    started = []
    try:
        for index in range(count):
            name = f"colleague{index + 1}"
            code = admin.new_enroll_code(engine, OFFICE)
            config = CounterConfig(name, str(root / name), url, code, seed * 100 + index + 1)
            parent, child = spawn.Pipe()
            process = spawn.Process(target=counter_main, args=(child, config), name=name, daemon=True)
            process.start()
            started.append(process)
            child.close()
            kind, _ = parent.recv()
            if kind != "ready":
                raise RuntimeError(f"{name} did not enroll: {kind}")
            # Its ticks are read and dropped, so its pipe never fills and stops it.
            threading.Thread(target=_drain, args=(parent,), daemon=True).start()
        yield
    finally:
        for process in started:
            process.terminate()
            process.join(10)


def _drain(conn: Any) -> None:
    try:
        while True:
            conn.recv()
    except (EOFError, OSError):
        pass


def run(
    rounds: int, every: int, faults: float, seed: int, root: Path, colleagues: int = 0, pause: float = 0.0
) -> dict[str, Any]:
    samples: list[dict[str, Any]] = []
    with (
        central_on("sqlite", root) as server,
        FaultProxy(server.url, seed=seed, faults=faults) as proxy,
        scratch_counter(root, "counter") as counter,
        _colleagues(colleagues, server.url, server.engine, seed, root),
    ):
        enroll(counter, proxy.url, admin.new_enroll_code(server.engine, OFFICE), "counter")
        config = CounterConfig("counter", str(root), proxy.url, "", seed)
        desk = Desk(counter, Seeder(counter, Actor.command_line("memory"), seed), config)
        for done in range(1, rounds + 1):
            desk.round()
            if pause:
                time.sleep(pause)  # the soak's pace between rounds, not a synchronisation
            if done % every == 0 or done == 1:
                gc.collect()
                heap = malloc_mb()
                samples.append(
                    {
                        "round": done,
                        "counter_mb": round(_anon_mb([os.getpid()]), 1),
                        "server_mb": round(_anon_mb(_tree(server.process.pid)), 1),
                        "sqlite_heap_mb": round(_sqlite_lib.sqlite3_memory_used() / 1e6, 2),
                        "python_objects": len(gc.get_objects()),
                        "malloc_used_mb": None if heap is None else round(heap[0], 1),
                        "malloc_free_mb": None if heap is None else round(heap[1], 1),
                        "applications": desk.work.applications,
                        "pulled": desk.work.pulled,
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
    for key in ("counter_mb", "server_mb", "sqlite_heap_mb", "malloc_used_mb", "malloc_free_mb"):
        if any(mark[key] is None for mark in marks):
            continue
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
    parser.add_argument("--colleagues", type=int, default=0, help="other counters of the office, working")
    parser.add_argument(
        "--default-arenas",
        action="store_true",
        help="leave glibc's malloc arenas as they are (the app limits them: counter_app.allocator)",
    )
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between rounds (the soak: 0.5)")
    parser.add_argument("--tmp-dir", type=Path)
    args = parser.parse_args(argv)
    if not args.default_arenas:
        limit_arenas()  # as the app's entry point does (colleagues: soak_counter.counter_main)
    root = Path(tempfile.mkdtemp(prefix="memory-rounds-", dir=args.tmp_dir))
    try:
        report = run(args.rounds, args.every, args.faults, args.seed, root, args.colleagues, args.pause)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0 if report["work"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
