"""What the soak (:mod:`benchmarks.soak`) checks at the end: the ledger (every op the counters made
landed on central exactly once, and every counter agrees with central), the logs (tracebacks and
errors nobody handled), and the memory series (the slope of resident memory after warm-up)."""

from __future__ import annotations

import ctypes
import functools
import json
import re
from collections import Counter as Tally
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from central import admin, db

# One op as a counter reports it (benchmarks.soak_counter.Desk.final):
# [op_id, entity, entity_id, op, outbox state, the server's result status, new_version]
OP_ID, ENTITY, ENTITY_ID, OP, STATE, STATUS, VERSION = range(7)
_SHOWN = 20  # problems listed per kind (the counts are complete)


# --- the ledger ------------------------------------------------------------------------------------
@dataclass
class Ledger:
    ops_made: int = 0
    ops_applied: int = 0
    records: int = 0
    applications: int = 0
    lost: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # rejected or in conflict: taken in, not landed
    diverged: list[str] = field(default_factory=list)  # a counter that does not agree with central

    def as_dict(self) -> dict[str, Any]:
        return {
            "ops_made": self.ops_made,
            "ops_applied": self.ops_applied,
            "records": self.records,
            "applications": self.applications,
            **{
                kind: {"count": len(items), "first": items[:_SHOWN]}
                for kind, items in (
                    ("lost", self.lost),
                    ("duplicated", self.duplicated),
                    ("refused", self.refused),
                    ("diverged", self.diverged),
                )
            },
        }


def check_ledger(engine: Engine, office: str, finals: Mapping[str, Mapping[str, Any]]) -> Ledger:
    """Compare what each counter holds (its ``final`` report) with central's records and stored op
    results. Every version of every record on central must come from exactly one op a counter made
    and saw acknowledged (nothing here writes on central but the counters)."""
    ledger = Ledger()
    made: dict[str, tuple[str, list[Any]]] = {}  # op_id -> (counter, op)
    for name, final in finals.items():
        for op in final["ops"]:
            if op[OP_ID] in made:
                ledger.duplicated.append(f"op {op[OP_ID]} in the outboxes of {made[op[OP_ID]][0]} and {name}")
            made[op[OP_ID]] = (name, op)
    ledger.ops_made = len(made)

    device_of = {final["device_id"]: name for name, final in finals.items()}
    with engine.connect() as conn:
        t = db.applied_ops
        stored = {
            row.op_id: (row.device_id, json.loads(row.result).get("status"))
            for row in conn.execute(
                select(t.c.op_id, t.c.device_id, t.c.result).where(t.c.device_id.in_(list(device_of)))
            )
        }
        r = db.records
        central = {
            row.id: (row.entity, int(row.version))
            for row in conn.execute(select(r.c.id, r.c.entity, r.c.version).where(r.c.office_code == office))
        }
    ledger.records = len(central)

    produced: dict[str, list[int]] = {}  # record id -> the versions acknowledged ops made
    for op_id, (name, op) in made.items():
        state, status = op[STATE], op[STATUS]
        where = f"{name}: {op[ENTITY]} {op[OP]} {op[ENTITY_ID]} (op {op_id})"
        if state == "withdrawn":
            if op_id in stored:
                ledger.duplicated.append(f"{where} was withdrawn unsent, yet central stored it")
            continue
        if state == "pending":
            ledger.lost.append(f"{where} is still in the outbox")
            continue
        if state != "done":
            ledger.refused.append(f"{where} ended {state} ({status})")
        if op_id not in stored:
            ledger.lost.append(f"{where} was acknowledged ({status}) but central has no result for it")
            continue
        device, central_status = stored[op_id]
        if device_of.get(device) != name:
            ledger.duplicated.append(f"{where}: central stored it for device {device}")
        if central_status != status:
            ledger.lost.append(f"{where}: the counter holds {status}, central {central_status}")
        if status == "applied":
            ledger.ops_applied += 1
            produced.setdefault(op[ENTITY_ID], []).append(int(op[VERSION]))
    for op_id, (device, status) in stored.items():
        if op_id not in made:
            ledger.duplicated.append(
                f"central stored op {op_id} ({status}) of {device_of[device]}, unknown there"
            )

    for record_id, (entity, version) in central.items():
        versions = sorted(produced.pop(record_id, []))
        if versions == list(range(1, version + 1)):
            continue
        counts = Tally(versions)
        if len(versions) < version:
            ledger.duplicated.append(
                f"{entity} {record_id} is at version {version} on central, from {len(versions)} ops"
            )
        if any(n > 1 for n in counts.values()) or any(not 1 <= v <= version for v in versions):
            ledger.lost.append(f"{entity} {record_id} (version {version}): ops acknowledged as {versions}")
    for record_id, versions in produced.items():
        ledger.lost.append(f"record {record_id}: {len(versions)} acknowledged ops, not on central")

    exported = admin.export_office(engine, office)["applications"]
    ledger.applications = len(exported)
    created = {
        op[ENTITY_ID] for _name, op in made.values() if op[ENTITY] == "application" and op[OP] == "create"
    }
    on_central = Tally(a["id"] for a in exported)
    receipts = Tally(a["receipt_no"] for a in exported)
    ledger.duplicated += [f"application {i} is on central {n} times" for i, n in on_central.items() if n > 1]
    ledger.duplicated += [f"receipt number {r} on central {n} times" for r, n in receipts.items() if n > 1]
    ledger.lost += [f"application {i} taken in, not on central" for i in sorted(created - set(on_central))]
    ledger.duplicated += [
        f"application {i} on central, taken in by no counter" for i in set(on_central) - created
    ]

    versions_on_central = {record_id: version for record_id, (_entity, version) in central.items()}
    for name, final in finals.items():
        problems = []
        if final["pending"]:
            problems.append(f"{final['pending']} ops pending")
        if final["conflicts_open"]:
            problems.append(f"{final['conflicts_open']} open conflicts")
        if final["verified"] is not True:
            problems.append(f"the last sync ended {final['outcome']}, verify {final['verified']}")
        if not final["audit_ok"]:
            problems.append(f"audit chain broken: {final['audit_problems']}")
        local = final["records"]
        if local != versions_on_central:
            missing = len(versions_on_central.keys() - local.keys())
            extra = len(local.keys() - versions_on_central.keys())
            stale = sum(
                1 for i, v in local.items() if i in versions_on_central and versions_on_central[i] != v
            )
            problems.append(
                f"records differ from central: {missing} missing, {extra} extra, {stale} at another version"
            )
        ledger.diverged += [f"{name}: {problem}" for problem in problems]
    return ledger


# --- the logs --------------------------------------------------------------------------------------
_LEVELS = "DEBUG|INFO|WARNING|ERROR|CRITICAL"
# uvicorn's "ERROR:    Exception in ASGI application"; the counters' "2026-01-01 10:00:00,123 ERROR name: ..."
_HEADER = re.compile(rf"^(?:({_LEVELS}):\s+|\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ ({_LEVELS}) )(.*)$")
# The counters' timestamp is left out of what an entry says (entries are grouped by it).
_VARYING = re.compile(r"[0-9a-f]{8}-[0-9a-f-]{27}|\b[0-9a-f]{16,}\b|\d+|(?<=unparsed data: )'[^']*'")
# Known lines that are not problems: the server's start-up housekeeping note.
_BENIGN = (re.compile(r"^removed \d+ abandoned upload"),)


@dataclass
class LogEntry:
    source: str
    level: str  # a logging level, or UNLABELLED (a line with no level: a bare print or logging's last resort)
    lines: list[str]

    @property
    def traceback(self) -> bool:
        return any(line.startswith("Traceback (most recent call last)") for line in self.lines)

    @property
    def unhandled(self) -> bool:
        """ERROR and above, or a traceback nobody logged (an exception that escaped to stderr). A
        WARNING with a traceback was logged on purpose by code that went on (urllib3 does, for a
        reply cut inside its headers): listed with the warnings."""
        return self.level in ("ERROR", "CRITICAL") or (self.traceback and self.level == "UNLABELLED")

    def signature(self) -> str:
        exception = next((line for line in reversed(self.lines) if line and not line[0].isspace()), "")
        head = _VARYING.sub("N", self.lines[0][:200])
        if self.traceback and exception != self.lines[0]:
            return f"{head} … {_VARYING.sub('N', exception[:200])}"
        return head


def parse_log(source: str, text: str) -> list[LogEntry]:
    entries: list[LogEntry] = []
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header:
            level = header.group(1) or header.group(2)
            entries.append(LogEntry(source, level, [header.group(3)]))
            continue
        if not line.strip():
            continue
        current = entries[-1] if entries else None
        # An entry goes on over indented lines (a multi-line message) and, once it has a
        # traceback, to the next header (the exception's own line is not indented).
        continues = current is not None and (
            current.traceback or line[0].isspace() or line.startswith("Traceback (most recent call last)")
        )
        if continues and current is not None:
            current.lines.append(line)
        elif not any(pattern.match(line) for pattern in _BENIGN):
            entries.append(LogEntry(source, "UNLABELLED", [line]))
    return entries


def scan_logs(paths: Mapping[str, Path]) -> dict[str, Any]:
    """Every log (source name -> file) parsed; entries grouped by what they say, with a count and the
    first one's text. ``unhandled``: a traceback, or ERROR and above."""
    groups: dict[tuple[str, str, str], list[LogEntry]] = {}
    for source, path in paths.items():
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError:
            continue
        for entry in parse_log(source, text):
            if entry.level in ("DEBUG", "INFO"):
                continue
            groups.setdefault((source, entry.level, entry.signature()), []).append(entry)
    listed: dict[str, list[dict[str, Any]]] = {"unhandled": [], "warnings": []}
    for (source, level, signature), entries in sorted(groups.items()):
        first = entries[0]
        item = {
            "source": source,
            "level": level,
            "count": len(entries),
            "message": signature,
            "text": first.lines[:1] + first.lines[-12:] if len(first.lines) > 13 else first.lines,
        }
        listed["unhandled" if first.unhandled else "warnings"].append(item)
    return {
        "unhandled": listed["unhandled"],
        "unhandled_count": sum(item["count"] for item in listed["unhandled"]),
        "warnings": listed["warnings"],
        "warning_count": sum(item["count"] for item in listed["warnings"]),
    }


# --- memory ----------------------------------------------------------------------------------------
def slope_per_hour(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of (seconds, MB) points, in MB per hour; None with fewer than 3 points."""
    if len(points) < 3:
        return None
    n = len(points)
    mean_t = sum(t for t, _ in points) / n
    mean_v = sum(v for _, v in points) / n
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    if spread == 0:
        return None
    return sum((t - mean_t) * (v - mean_v) for t, v in points) / spread * 3600


def memory_summary(
    points: Iterable[tuple[float, float]], *, after: float, flat_mb_per_h: float
) -> dict[str, Any]:
    """Start, end and peak resident memory of a series, and its slope over the points at or after
    ``after`` seconds (the warm-up left out); ``flat`` when the slope is at most ``flat_mb_per_h``."""
    series = list(points)
    if not series:
        return {"samples": 0, "slope_mb_per_h": None, "flat": None}
    window = [(t, v) for t, v in series if t >= after]
    slope = slope_per_hour(window)
    return {
        "samples": len(series),
        "start_mb": round(series[0][1], 1),
        "end_mb": round(series[-1][1], 1),
        "peak_mb": round(max(v for _, v in series), 1),
        "window_s": [round(window[0][0], 1), round(window[-1][0], 1)] if window else None,
        "window_samples": len(window),
        "slope_mb_per_h": None if slope is None else round(slope, 2),
        "flat": None if slope is None else slope <= flat_mb_per_h,
    }


def resident_mb(pids: Iterable[int]) -> tuple[float, float] | None:
    """Resident memory of these processes together, in MB: all of it (``VmRSS``) and its anonymous
    part (``RssAnon``: the heap, where a leak shows; the rest is mapped files, which the kernel may
    drop). None if none of them could be read (from ``/proc``)."""
    total_kb = anon_kb = 0
    seen = False
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total_kb += int(line.split()[1])
                seen = True
            elif line.startswith("RssAnon:"):
                anon_kb += int(line.split()[1])
    return (total_kb / 1024, anon_kb / 1024) if seen else None


class _MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2`` (glibc 2.33 and later)."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


@functools.cache
def _mallinfo2() -> Any:
    """glibc's ``mallinfo2``, looked up once (each ``CDLL`` is a small reference cycle)."""
    try:
        function = ctypes.CDLL(None).mallinfo2
    except (AttributeError, OSError):
        return None
    function.restype = _MallInfo2
    return function


def malloc_mb() -> tuple[float, float] | None:
    """The C heap of this process as glibc's allocator sees it (``mallinfo2``, every arena), in MB:
    the bytes in use (blocks and mmapped chunks), and the bytes free but kept in its arenas. A leak
    grows the first; fragmentation, or free space the allocator does not give back, the second.
    None where the C library is not glibc 2.33 or later."""
    mallinfo2 = _mallinfo2()
    if mallinfo2 is None:
        return None
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 1e6, info.fordblks / 1e6
