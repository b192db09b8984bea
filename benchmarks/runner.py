"""The benchmark runner: sizes, the result record, scratch profiles, and the JSON / table output.

A benchmark is a module with ``run(options: Options) -> list[Result]``, registered by one line in
:data:`benchmarks.registry.BENCHMARKS`. ``python -m benchmarks --json`` prints::

    {"results": [{"name", "value", "unit", "target", "baseline", "ratio", "meets", ...extra}],
     "machine": {...}}

Informational results (no target of their own) carry ``"target": null``, ``"meets": null`` and
``"info": true``; every result with a target has a boolean ``meets``. Progress goes to stderr,
so stdout is exactly the JSON document.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import importlib.util
import json
import math
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from counter_app.core import Counter

Level = Literal["full", "quick", "tiny"]
LEVELS: tuple[Level, ...] = ("full", "quick", "tiny")


# --- sizes and scratch space ----------------------------------------------------------------------
@dataclass(frozen=True)
class Options:
    """How big to run. ``tiny`` is for the smoke test: the code path runs, the numbers mean nothing."""

    level: Level = "quick"
    overrides: Mapping[str, int] = field(default_factory=dict)
    tmp_dir: Path | None = None  # where scratch profiles go (default: the system temp dir)
    log: Callable[[str], None] | None = None
    # Folders kept for the whole run (``run_folder``), removed when it ends (``finish``).
    run_folders: list[Path] = field(default_factory=list)

    def size(self, name: str, *, full: int, quick: int, tiny: int) -> int:
        """The size ``name`` at this level, unless ``--size name=N`` overrides it."""
        if name in self.overrides:
            return int(self.overrides[name])
        return {"full": full, "quick": quick, "tiny": tiny}[self.level]

    def progress(self, message: str) -> None:
        if self.log is not None:
            self.log(message)

    def run_folder(self, label: str) -> Path:
        """A new directory kept until the run ends (what several benchmarks of one run share);
        ``run_benchmarks`` removes it at the end, and the process's exit if nothing else did."""
        base = self.tmp_dir
        if base is not None:
            base.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f"counter-bench-{label}-", dir=base))
        self.run_folders.append(folder)
        atexit.register(shutil.rmtree, folder, True)
        return folder

    def finish(self) -> None:
        """Remove the run's folders."""
        while self.run_folders:
            shutil.rmtree(self.run_folders.pop(), ignore_errors=True)

    @contextmanager
    def workspace(self, label: str) -> Iterator[Path]:
        """A fresh directory, removed afterwards (on the same disk as ``tmp_dir``)."""
        base = self.tmp_dir
        if base is not None:
            base.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f"counter-bench-{label}-", dir=base) as path:
            yield Path(path)


@contextmanager
def scratch_counter(root: Path, name: str = "profile") -> Iterator[Counter]:
    """A new office profile in ``root`` that never touches a real keyring.

    The keyring is swapped for the failing backend (so the profile uses its fallback key file in
    ``root``) and ``COUNTER_APP_CONFIG_DIR`` points into ``root``; both are restored afterwards.
    """
    import keyring
    from keyring.backends import fail

    from counter_app.core import Counter
    from counter_app.paths import CONFIG_DIR_ENV

    config_dir = root / f"{name}-config"
    previous_env = os.environ.get(CONFIG_DIR_ENV)
    previous_keyring = keyring.get_keyring()
    os.environ[CONFIG_DIR_ENV] = str(config_dir)
    keyring.set_keyring(fail.Keyring())
    counter: Counter | None = None
    try:
        counter = Counter.open(root / f"{name}-data", config_dir=config_dir)
        yield counter
    finally:
        if counter is not None:
            counter.close()
        keyring.set_keyring(previous_keyring)
        if previous_env is None:
            os.environ.pop(CONFIG_DIR_ENV, None)
        else:
            os.environ[CONFIG_DIR_ENV] = previous_env


def settle() -> None:
    """Flush the OS's dirty pages, so a benchmark's fsyncs do not wait for an earlier one's write-back."""
    if hasattr(os, "sync"):
        os.sync()


_FLOOR_PAYLOAD = "申请人王秀英，事项：城乡居民最低生活保障，材料：身份证、户口簿、收入证明。" * 3


class FloorDatabase:
    """The cheapest durable write SQLite offers: one small row per fsync'd transaction
    (WAL, ``synchronous=FULL``, the store's settings), through plain ``sqlite3``."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")

    def insert(self) -> int:
        """One INSERT + COMMIT in its own transaction; returns its duration in ns."""
        began = time.perf_counter_ns()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO floor (payload) VALUES (?)", (_FLOOR_PAYLOAD,))
        self.conn.execute("COMMIT")
        return time.perf_counter_ns() - began

    def close(self) -> None:
        self.conn.close()


class QuietGate:
    """Start each timed round of fsync'd work on a quiet disk, within a waiting budget.

    Virtual disks have spells, seconds long, in which every fsync takes milliseconds (another
    tenant, the write-back of an earlier benchmark, TRIM after a deletion): timing saves during one
    measures the disk, not the app. DESIGN §6 states this machine's normal state (~6,000 fsync'd
    transactions/s). So the timed work runs in rounds, and :meth:`wait` holds each round back until a
    short probe of floor inserts has p95 ≤ ``quiet_us``. The total wait is capped (``quiet_budget_s``);
    once it is spent, rounds start regardless and are counted as ``rounds_unquiet``. The floor series
    timed next to the work stays the honest comparison either way.
    """

    def __init__(self, floor: FloorDatabase, options: Options, label: str) -> None:
        self.floor = floor
        self.options = options
        self.label = label
        self.budget_s = float(options.size("quiet_budget_s", full=180, quick=45, tiny=0))
        self.window = options.size("quiet_window", full=20, quick=20, tiny=3)
        self.quiet_ms = options.size("quiet_us", full=1000, quick=1000, tiny=1000) / 1000
        self.round_size = options.size("round", full=100, quick=100, tiny=10)
        self.waited_s = 0.0
        self.rounds = 0
        self.rounds_unquiet = 0

    def rounds_of(self, total: int) -> Iterator[range]:
        """``range(total)`` in rounds, each released by :meth:`wait`."""
        for start in range(0, total, self.round_size):
            self.wait()
            yield range(start, min(start + self.round_size, total))

    def wait(self) -> bool:
        began = time.perf_counter()
        while True:
            p95 = percentile([self.floor.insert() for _ in range(self.window)], 95) / 1e6
            if p95 <= self.quiet_ms:
                break
            if self.waited_s + (time.perf_counter() - began) >= self.budget_s:
                break
            time.sleep(0.1)
        waited = time.perf_counter() - began
        self.waited_s += waited
        self.rounds += 1
        quiet = p95 <= self.quiet_ms
        if not quiet:
            self.rounds_unquiet += 1
        if waited > 2 or not quiet:
            state = "quiet" if quiet else "still slow (waiting budget spent)"
            self.options.progress(f"[{self.label}] disk {state} after {waited:.1f} s, fsync p95 {p95:.2f} ms")
        return quiet

    def info(self) -> dict[str, Any]:
        return {
            "rounds": self.rounds,
            "rounds_unquiet": self.rounds_unquiet,
            "disk_wait_s": rounded(self.waited_s, 2),
        }


# --- statistics -------------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary_ms(samples_ns: Sequence[int]) -> dict[str, float]:
    """p50/p95/p99/max/mean in milliseconds from perf_counter_ns samples."""
    ms = [s / 1e6 for s in samples_ns]
    return {
        "p50": rounded(percentile(ms, 50)),
        "p95": rounded(percentile(ms, 95)),
        "p99": rounded(percentile(ms, 99)),
        "max": rounded(max(ms)),
        "mean": rounded(sum(ms) / len(ms)),
    }


def rounded(value: float, digits: int = 4) -> float:
    """``digits`` significant digits (JSON stays readable; precision beyond that is noise)."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, max(0, digits - 1 - math.floor(math.log10(abs(value)))))


# --- the result record -----------------------------------------------------------------------------
@dataclass
class Result:
    name: str
    value: float
    unit: str
    target: float | None
    baseline: float | None
    ratio: float | None
    meets: bool | None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def measured(
        cls,
        name: str,
        value: float,
        unit: str,
        *,
        target: float | None,
        baseline: float | None,
        ratio: float | None,
        higher_is_better: bool = False,
        **extra: Any,
    ) -> Result:
        """A result. ``meets``: ``value <= target`` (``>=`` if higher is better); None without a target."""
        meets: bool | None = None
        if target is not None:
            meets = bool(value >= target) if higher_is_better else bool(value <= target)
        else:
            extra.setdefault("info", True)
        return cls(
            name,
            rounded(value),
            unit,
            target,
            None if baseline is None else rounded(baseline),
            None if ratio is None else rounded(ratio),
            meets,
            extra,
        )

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "target": self.target,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "meets": self.meets,
        }
        for key, value in self.extra.items():
            record.setdefault(key, value)
        return record


# --- machine description ---------------------------------------------------------------------------
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _filesystem(path: Path) -> str | None:
    """The filesystem type under ``path`` (``tmpfs`` would make every fsync free and the numbers moot)."""
    try:
        resolved = str(path.resolve())
        best, kind = "", None
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) < 3:
                continue
            mount = parts[1]
            inside = resolved == mount or resolved.startswith(mount.rstrip("/") + "/")
            if inside and len(mount) > len(best):
                best, kind = mount, parts[2]
        return kind
    except OSError:
        return None


def machine_info(options: Options) -> dict[str, Any]:
    scratch = options.tmp_dir or Path(tempfile.gettempdir())
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_mb": _memory_mb(),
        "scratch_dir": str(scratch),
        "scratch_fs": _filesystem(scratch),
        "level": options.level,
        "overrides": dict(options.overrides),
        # What uvicorn runs central's servers with (pyproject's ``server`` extra, or its fallbacks).
        "uvicorn_http": "httptools" if _importable("httptools") else "h11",
        "uvicorn_loop": "uvloop" if _importable("uvloop") else "asyncio",
    }


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# --- running ---------------------------------------------------------------------------------------
def select(names: Sequence[str] | None) -> list[str]:
    """Registered benchmarks matching ``names``: a benchmark's key, or a result name starting with it
    (``intake_save_p95`` selects ``intake_save``)."""
    from benchmarks.registry import BENCHMARKS

    if not names:
        return list(BENCHMARKS)
    chosen: list[str] = []
    for wanted in names:
        matches = [key for key in BENCHMARKS if wanted == key or wanted.startswith(key + "_")]
        if not matches:
            raise SystemExit(f"no benchmark {wanted!r}; known: {', '.join(BENCHMARKS)}")
        chosen.extend(key for key in matches if key not in chosen)
    return chosen


def load(key: str) -> Callable[[Options], list[Result]]:
    from benchmarks.registry import BENCHMARKS

    module_name, _, attribute = BENCHMARKS[key].partition(":")
    return getattr(importlib.import_module(module_name), attribute or "run")


def run_benchmarks(
    names: Sequence[str] | None, options: Options, *, keep_going: bool = False
) -> dict[str, Any]:
    """Run the chosen benchmarks and return the report document. With ``keep_going`` a failing benchmark
    is reported under ``"errors"`` and the others still run; otherwise its exception propagates."""
    started = time.perf_counter()
    started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    results: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    timings: dict[str, float] = {}
    try:
        _run_each(names, options, keep_going, results, errors, timings)
    finally:
        options.finish()
    machine = machine_info(options)
    machine.update(
        started_at=started_at, elapsed_s=round(time.perf_counter() - started, 2), benchmark_s=timings
    )
    report: dict[str, Any] = {"results": results, "machine": machine}
    if errors:
        report["errors"] = errors
    return report


def _run_each(
    names: Sequence[str] | None,
    options: Options,
    keep_going: bool,
    results: list[dict[str, Any]],
    errors: list[dict[str, str]],
    timings: dict[str, float],
) -> None:
    for key in select(names):
        options.progress(f"[{key}] running ({options.level})")
        settle()
        began = time.perf_counter()
        try:
            produced = load(key)(options)
        except Exception as exc:
            if not keep_going:
                raise
            errors.append({"benchmark": key, "error": f"{type(exc).__name__}: {exc}"})
            options.progress(traceback.format_exc())
            continue
        finally:
            timings[key] = round(time.perf_counter() - began, 2)
        options.progress(f"[{key}] done in {timings[key]:.1f} s")
        results.extend(result.to_dict() for result in produced)


# --- output ----------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def render_table(report: Mapping[str, Any]) -> str:
    headers = ("name", "value", "unit", "target", "baseline", "ratio", "meets")
    rows = [
        tuple(_cell(r.get(h)) if h != "meets" or not r.get("info") else "info" for h in headers)
        for r in report["results"]
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    lines = [line(headers), line(["-" * w for w in widths]), *(line(row) for row in rows)]
    notes = [f"  {r['name']}: {r['note']}" for r in report["results"] if r.get("note")]
    if notes:
        lines += ["", "notes:", *notes]
    machine = report["machine"]
    lines += [
        "",
        f"machine: {machine['cpu_count']} × {machine['cpu_model']}, python {machine['python']}, "
        f"sqlite {machine['sqlite']}, scratch {machine['scratch_dir']} ({machine['scratch_fs']}); "
        f"{machine['level']} run took {machine['elapsed_s']} s",
    ]
    lines.extend(f"ERROR {e['benchmark']}: {e['error']}" for e in report.get("errors", []))
    return "\n".join(lines)


def _size_override(text: str) -> tuple[str, int]:
    name, sep, value = text.partition("=")
    if not sep or not name or not value.strip().lstrip("-").isdigit():
        raise argparse.ArgumentTypeError(f"expected NAME=INTEGER, got {text!r}")
    return name.strip(), int(value)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    from benchmarks.registry import BENCHMARKS

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Counter's performance targets "
        "(DESIGN.md §6), each against a baseline measured in the same run.",
    )
    level = parser.add_mutually_exclusive_group()
    level.add_argument("--quick", action="store_true", help="smaller sizes (the whole run in a few minutes)")
    level.add_argument(
        "--tiny", action="store_true", help="smoke-test sizes: exercises the code, the numbers mean nothing"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON report instead of a table")
    known = ", ".join(BENCHMARKS)
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only this benchmark (repeatable, or comma-separated): {known}",
    )
    parser.add_argument(
        "--size",
        action="append",
        type=_size_override,
        default=[],
        metavar="NAME=N",
        help="override one size parameter, e.g. --size rows=1000000",
    )
    parser.add_argument(
        "--tmp-dir",
        type=Path,
        default=None,
        help="where scratch profiles go (a real disk: on tmpfs an fsync costs nothing)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    level: Level = "tiny" if args.tiny else "quick" if args.quick else "full"
    names = [part.strip() for item in (args.only or []) for part in item.split(",") if part.strip()]

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    options = Options(
        level=level, overrides=dict(args.size), tmp_dir=args.tmp_dir, log=None if args.quiet else log
    )
    report = run_benchmarks(names or None, options, keep_going=True)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_table(report))
    return 1 if report.get("errors") else 0
