"""The soak (``python -m benchmarks.soak``) for a few seconds: its report's shape, and that it found
nothing lost; and its checks shown to fail on planted defects (an op gone from central, an extra
version, a traceback in a log), so a clean report means something. Never its timings or slopes."""

from __future__ import annotations

import io
import json
import math
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from benchmarks import soak
from benchmarks.central_server import OFFICE
from benchmarks.soak_checks import check_ledger, memory_summary, parse_log, scan_logs, slope_per_hour
from central import db
from central.db import make_engine

KEYS = ("name", "value", "unit", "target", "baseline", "ratio", "meets")
CHECKS = (
    "soak_ops_lost",
    "soak_ops_duplicated",
    "soak_ops_refused",
    "soak_counters_diverged",
    "soak_unhandled_errors",
)
INFO = ("soak_applications", "soak_ops", "soak_syncs", "soak_link_cuts", "soak_server_restarts")


@pytest.fixture(scope="module")
def soaked(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """A 3-second soak with two counters (retries in milliseconds: the restart is over quickly), its
    workspace kept for the planted-defect checks."""
    scratch = tmp_path_factory.mktemp("soak")
    argv = ["--seconds", "3", "--counters", "2", "--backoff", "0.02", "--pause", "0.05"]
    argv += ["--tmp-dir", str(scratch), "--keep", "--json", "--quiet"]
    stdout = io.StringIO()
    with redirect_stdout(stdout):
        code = soak.main(argv)
    document = json.loads(stdout.getvalue())  # stdout is exactly the JSON document
    assert code == (0 if document["ok"] else 1)
    return document, Path(document["soak"]["workspace"])


@pytest.mark.slow
def test_a_short_soak_loses_nothing(soaked: tuple[dict, Path]) -> None:
    document, _workspace = soaked
    problems = {
        kind: document["soak"]["ledger"][kind] for kind in ("lost", "duplicated", "refused", "diverged")
    }
    assert document["ok"], (problems, document["soak"]["logs"]["unhandled"])

    results = {r["name"]: r for r in document["results"]}
    assert set(results) >= set(CHECKS) | set(INFO)
    for result in document["results"]:
        assert all(key in result for key in KEYS), result
        assert isinstance(result["value"], (int, float)) and math.isfinite(result["value"])
        if result["target"] is None:
            assert result["meets"] is None and result.get("info") is True, result
        else:
            assert isinstance(result["meets"], bool), result
    for name in CHECKS:
        assert results[name]["value"] == 0 and results[name]["meets"] is True, results[name]
    assert results["soak_applications"]["value"] > 0
    assert results["soak_ops"]["value"] >= results["soak_applications"]["value"]
    assert results["soak_server_restarts"]["value"] == 1

    details = document["soak"]
    (restart,) = details["restarts"]
    assert restart["started_at_s"] > restart["stopped_at_s"]
    # while central was down every counter took in applications and synced offline
    assert set(restart["offline_syncs"]) == {"counter1", "counter2"}
    assert all(n >= 1 for n in restart["offline_syncs"].values()), restart
    for name, counter in details["counters"].items():
        assert counter["final_outcome"] == "ok" and counter["verified"] is True, (name, counter)
        assert counter["audit_ok"] is True and counter["exit_code"] == 0, (name, counter)
        assert counter["work"]["errors"] == 0 and counter["work"]["applications"] > 0, (name, counter)
    assert details["ledger"]["ops_made"] == details["ledger"]["ops_applied"] > 0
    memory = details["memory"]
    assert memory["server"]["samples"] >= 1 and memory["server"]["start_mb"] > 0
    assert set(memory["counters"]) == {"counter1", "counter2"}
    assert all(m["samples"] >= 1 and m["start_mb"] > 0 for m in memory["counters"].values())
    assert all(
        0 < m["anon"]["start_mb"] <= m["start_mb"] for m in [memory["server"], *memory["counters"].values()]
    )
    for m in memory["counters"].values():  # the C heap of each counter, as it measured it (glibc)
        assert 0 < m["malloc"]["in_use"]["start_mb"] < m["anon"]["peak_mb"], m
        assert m["malloc"]["free"]["peak_mb"] >= 0, m
    assert details["logs"]["unhandled"] == [] and details["logs"]["unhandled_count"] == 0
    assert document["machine"]["level"] == "soak"


@pytest.mark.slow
def test_the_ledger_check_finds_a_lost_op_and_an_extra_version(soaked: tuple[dict, Path]) -> None:
    _document, workspace = soaked
    finals = json.loads((workspace / soak.FINALS).read_text("utf-8"))
    engine = make_engine(f"sqlite:///{workspace / 'central.db'}")
    try:
        clean = check_ledger(engine, OFFICE, finals)
        assert (clean.lost, clean.duplicated, clean.refused, clean.diverged) == ([], [], [], [])

        # Plant: central forgets one op it applied, and a record gains a version no op made.
        with engine.begin() as conn:
            op_id = conn.execute(select(db.applied_ops.c.op_id).limit(1)).scalar_one()
            conn.execute(delete(db.applied_ops).where(db.applied_ops.c.op_id == op_id))
            record_id = conn.execute(
                select(db.records.c.id).where(db.records.c.entity == "applicant").limit(1)
            ).scalar_one()
            conn.execute(
                update(db.records)
                .where(db.records.c.id == record_id)
                .values(version=db.records.c.version + 1)
            )
        planted = check_ledger(engine, OFFICE, finals)
    finally:
        engine.dispose()
    assert any(op_id in item for item in planted.lost), planted.lost
    assert any(record_id in item for item in planted.duplicated), planted.duplicated
    assert planted.diverged  # the counters hold the record at another version than central now


def test_the_log_scan_finds_tracebacks_and_errors(tmp_path: Path) -> None:
    server = tmp_path / "central.log"
    server.write_text(
        "removed 2 abandoned upload(s)\n"
        "WARNING:  Invalid HTTP request received.\n"
        "ERROR:    Exception in ASGI application\n"
        "Traceback (most recent call last):\n"
        '  File "central/push.py", line 10, in push\n'
        "    raise KeyError(op_id)\n"
        "KeyError: 'abc'\n"
        "WARNING:  Invalid HTTP request received.\n"
        "database unavailable on POST /v1/sync/push: database is locked\n",
        "utf-8",
    )
    client = tmp_path / "counter1.log"
    client.write_text(
        "2026-05-01 10:00:00,123 WARNING sync.engine: verify: local 12 records, server 15; hashes differ\n"
        "2026-05-01 10:00:01,456 ERROR benchmarks.soak_counter: sync run raised\n"
        "Traceback (most recent call last):\n"
        '  File "sync/engine.py", line 1, in run\n'
        "ValueError: boom\n"
        "2026-05-01 10:00:02,000 WARNING urllib3.connection: Failed to parse headers (url=/v1/hello)\n"
        "Traceback (most recent call last):\n"
        '  File "urllib3/connection.py", line 641, in getresponse\n'
        "urllib3.exceptions.HeaderParsingError: [MissingHeaderBodySeparatorDefect()]\n"
        "2026-05-01 10:00:02,001 WARNING sync.transport: malformed reply to /v1/hello: 1 validation error\n"
        "  Invalid JSON: EOF while parsing a value at line 1 column 0\n"
        "    For further information visit https://errors.pydantic.dev/2.14/v/json_invalid\n",
        "utf-8",
    )
    stray = tmp_path / "counter2.log"
    stray.write_text('Traceback (most recent call last):\n  File "x.py", line 1\nOSError: gone\n', "utf-8")
    logs = {"central": server, "counter1": client, "counter2": stray, "counter3": tmp_path / "absent.log"}
    found = scan_logs(logs)
    unhandled = {(item["source"], item["message"]) for item in found["unhandled"]}
    assert unhandled == {
        ("central", "Exception in ASGI application … KeyError: 'abc'"),
        ("counter1", "benchmarks.soak_counter: sync run raised … ValueError: boom"),
        ("counter2", "Traceback (most recent call last): … OSError: gone"),
    }
    assert found["unhandled_count"] == 3
    warnings = sorted((item["source"], item["level"], item["count"]) for item in found["warnings"])
    assert warnings == [
        ("central", "UNLABELLED", 1),
        ("central", "WARNING", 2),
        ("counter1", "WARNING", 1),  # urllib3's, with its traceback
        ("counter1", "WARNING", 1),  # malformed reply, its message on three lines
        ("counter1", "WARNING", 1),  # verify
    ]
    assert [e.level for e in parse_log("x", "INFO:     Started server process [1]\n")] == ["INFO"]


def test_memory_slope() -> None:
    rising = [(t, 100 + t / 360) for t in range(0, 3600, 10)]  # 10 MB per hour
    assert slope_per_hour(rising) == pytest.approx(10.0)
    assert slope_per_hour(rising[:2]) is None
    summary = memory_summary(rising, after=1800, flat_mb_per_h=5.0)
    assert summary["flat"] is False and summary["slope_mb_per_h"] == pytest.approx(10.0)
    assert summary["window_samples"] == 180 and summary["start_mb"] == 100.0
    flat = memory_summary(
        [(t, 200.0 + (t % 20) / 10) for t in range(0, 3600, 10)], after=1800, flat_mb_per_h=5.0
    )
    assert flat["flat"] is True
    assert memory_summary([], after=0, flat_mb_per_h=5.0)["samples"] == 0


def test_memory_rounds_reports_each_side_per_round(tmp_path: Path) -> None:
    """``python -m benchmarks.memory_rounds`` for a few rounds: a sample every ``--every`` rounds of
    both processes' memory, SQLite's heap, Python's objects and the C heap (in use, and free), and the
    growth per quarter; a colleague counter of the office works beside it in its own process."""
    from benchmarks import memory_rounds

    stdout = io.StringIO()
    argv = [
        "--rounds",
        "10",
        "--every",
        "2",
        "--faults",
        "0",
        "--colleagues",
        "1",
        "--default-arenas",  # the allocator of this test process stays as it is
        "--tmp-dir",
        str(tmp_path),
    ]
    with redirect_stdout(stdout):
        assert memory_rounds.main(argv) == 0
    report = json.loads(stdout.getvalue())
    assert [s["round"] for s in report["samples"]] == [1, 2, 4, 6, 8, 10]
    for sample in report["samples"]:
        assert sample["counter_mb"] > 0 and sample["server_mb"] > 0
        assert sample["sqlite_heap_mb"] > 0 and sample["python_objects"] > 0
        assert 0 < sample["malloc_used_mb"] < sample["counter_mb"] and sample["malloc_free_mb"] >= 0
    assert report["samples"][-1]["applications"] >= 10 * 3  # three a round at least
    assert set(report["growth_per_100_rounds"]) == {
        "counter_mb",
        "server_mb",
        "sqlite_heap_mb",
        "malloc_used_mb",
        "malloc_free_mb",
    }
    assert all(len(q) == 4 for q in report["growth_per_100_rounds"].values())
    assert report["work"]["rounds"] == 10 and report["work"]["errors"] == 0
    assert list(tmp_path.iterdir()) == []  # its workspace is removed
