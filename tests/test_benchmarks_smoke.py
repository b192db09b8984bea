"""The benchmark runner's code path at tiny sizes: the report's shape, never its timings."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks import runner
from benchmarks.registry import BENCHMARKS

KEYS = ("name", "value", "unit", "target", "baseline", "ratio", "meets")
# The results each registered benchmark must report (their names, never their values).
EXPECTED_BY_BENCHMARK = {
    "intake_save": {"intake_save_p95", "register_applicant_p95"},
    "id_lookup": {"id_lookup_p95", "id_lookup_audited_p95"},
    "name_search": {"name_search_chinese_p95", "name_search_initials_p95"},
    "sync_push": {"sync_push_ops_per_s", "sync_push_postgresql_ops_per_s"},
    "sync_pull": {"sync_pull_changes_per_s", "sync_pull_postgresql_changes_per_s"},
    "sync_end_to_end": {
        "sync_end_to_end_applications_per_s",
        "sync_end_to_end_postgresql_applications_per_s",
    },
    "wire_bytes_per_application": {"wire_bytes_per_application"},
    "cold_start": {"cold_start_to_login_s"},
    "applications_list": {
        "applications_list_open_ms",
        "applications_list_overdue_ms",
        "applications_list_last_page_ms",
        "applications_list_sorted_max_ms",
        "applications_list_name_filter_ms",
    },
    "applications_view": {"applications_view_open_ms", "applications_view_scroll_rss_mb"},
    "supervision": {
        "supervision_dashboard_month_ms",
        "supervision_dashboard_person_ms",
        "supervision_audit_person_ms",
        "supervision_audit_day_ms",
        "supervision_audit_views_ms",
        "supervision_rectifications_closed_ms",
    },
    "many_counters": {
        f"many_counters_{database}_{figure}"
        for database in ("pg", "sqlite")
        for figure in ("p95_s", "p50_s", "max_s", "ops_per_s")
    },
    "weak_link": {"weak_link_sync_s", "weak_link_wire_bytes", "weak_link_scan_bytes_sent_ratio"},
}
EXPECTED = set().union(*EXPECTED_BY_BENCHMARK.values())


def _positive(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and value > 0


def _check_report(report: dict) -> None:
    assert set(report) >= {"results", "machine"}
    names = [r["name"] for r in report["results"]]
    assert len(names) == len(set(names)), "result names are unique"
    for result in report["results"]:
        for key in KEYS:
            assert key in result, (result.get("name"), key)
        assert isinstance(result["name"], str) and result["name"]
        assert isinstance(result["unit"], str) and result["unit"]
        assert _positive(result["value"]), result
        assert _positive(result["baseline"]), result
        assert _positive(result["ratio"]), result
        if result["target"] is None:  # informational
            assert result["meets"] is None and result.get("info") is True, result
        else:
            assert _positive(result["target"]), result
            assert isinstance(result["meets"], bool), result
        if result["name"].startswith(("sync_push", "sync_pull", "sync_end_to_end")):
            # Where the CPU went: each side's seconds (/proc counts in 10 ms ticks, so a tiny run may
            # show none), and the ceiling they put on the rate.
            for side in ("client_cpu_s", "server_cpu_s", "db_cpu_s"):
                assert result[side] >= 0, (result["name"], side)
            spent = result["client_cpu_s"] + result["server_cpu_s"] + result["db_cpu_s"]
            assert (result["cpu_ceiling_per_s"] is None) == (spent == 0), result["name"]
    machine = report["machine"]
    assert machine["level"] == "tiny"
    assert machine["cpu_count"] >= 1 and _positive(machine["elapsed_s"])


def test_cli_json_report_at_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = runner.main(["--tiny", "--json", "--quiet", "--tmp-dir", str(tmp_path / "scratch")])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)  # stdout is exactly the JSON document
    assert "errors" not in report
    _check_report(report)
    assert {r["name"] for r in report["results"]} >= EXPECTED
    assert set(report["machine"]["benchmark_s"]) == set(BENCHMARKS)
    assert set(EXPECTED_BY_BENCHMARK) == set(BENCHMARKS), "a registered benchmark's results are listed here"
    assert not list((tmp_path / "scratch").iterdir()), "scratch profiles are removed"


def test_only_with_a_result_name_and_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = runner.main(
        ["--tiny", "--quiet", "--only", "id_lookup_p95", "--size", "rows=30", "--tmp-dir", str(tmp_path)]
    )
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == list(KEYS)
    table = lines[2 : lines.index("")]
    assert [line.split()[0] for line in table] == ["id_lookup_p95", "id_lookup_audited_p95"]


def test_cpu_ceiling_is_the_rate_with_every_side_in_parallel_on_every_core() -> None:
    from benchmarks.central_process import CORES, CpuSplit

    split = CpuSplit(client=1.0, server=0.5, database=0.5)
    assert split.total == 2.0
    assert split.ceiling(10_000) == pytest.approx(10_000 / (2.0 / CORES))
    assert split.fields(10_000)["cpu_ceiling_per_s"] == round(10_000 * CORES / 2.0, 1)
    assert CpuSplit(0.0, 0.0, 0.0).ceiling(5) is None


def test_sizes_and_selection() -> None:
    options = runner.Options(level="tiny", overrides={"rows": 7})
    assert options.size("rows", full=3, quick=2, tiny=1) == 7
    assert options.size("n", full=3, quick=2, tiny=1) == 1
    assert runner.select(["intake_save_p95", "intake_save"]) == ["intake_save"]
    with pytest.raises(SystemExit):
        runner.select(["no_such_benchmark"])
    assert runner.percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert runner.percentile([10.0], 95) == 10.0
