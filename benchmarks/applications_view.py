"""The applications page (the Qt list) over 200,000 applications: open ≤ 200 ms and resident memory
≤ 200 MB while scrolling all of it (DESIGN §6).

The office is the one applications_list and name_search read
(:func:`benchmarks.applications_list.loaded_office`: bulk-loaded once a run by the first of the three,
copied for each); each measurement then runs in a new ``python`` process (offscreen Qt) that opens
the profile on the app's database thread, as the app does, so that one run's memory never counts in
another's:

- ``applications_view_open_ms``: p95 of opening the page — from creating ``ApplicationsView`` until
  its first page of rows is on screen (the widgets, the first read on the database thread, the
  columns fitted, the first paint). The counts for the filters are read next (``counts_p95_ms``: until
  they are on screen too), then the services and staff members the filters offer. Baseline: p95 of
  the core's reads for an open list (``counter.queries.applications_page`` + ``application_counts``),
  without Qt or the database thread.
- ``applications_view_scroll_rss_mb``: the page's process's peak resident memory while the table is
  scrolled from the first row to the last, page by page as the view asks (painting each one), with
  the model's window (1,000 rows). Baseline: the same scroll with the window unbounded, every row
  kept, as the list kept them before it had a window; ``ratio`` = value / baseline.

Sizes: 200,000 applications among 1,000,000 citizens at ``--quick`` and full; 600 among 1,200 at
``--tiny`` (a 200-row window).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.runner import Options, Result, rounded, summary_ms

TARGET_MS = 200.0
TARGET_MB = 200.0
UNBOUNDED = 10**9


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def _child(data_dir: Path, config_dir: Path, task: str, size: int) -> dict[str, Any]:
    """Runs in the measuring process: ``open`` (``size`` openings) or ``scroll`` (window ``size``)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from counter_app.accounts import Actor
    from counter_app.core import Counter
    from ui.models.applications_model import ApplicationsModel
    from ui.views.applications import ApplicationsView
    from ui.workers import Database

    app = QApplication(sys.argv[:1])
    db = Database(lambda: Counter.open(data_dir, config_dir=config_dir))
    db.start()
    actor = Actor.command_line("bench")

    def wait(done: Any) -> None:
        while not done():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    wait(lambda: db.idle)

    def open_page() -> ApplicationsView:
        view = ApplicationsView(db, actor)
        view.resize(1366, 740)
        view.show()
        wait(lambda: view.model.rowCount() > 0)
        app.processEvents()  # the first paint
        return view

    out: dict[str, Any] = {"rss_start_mb": _rss_mb()}
    if task == "open":
        open_page().deleteLater()  # warm: the catalogue parsed, the page cache filled
        samples, counted = [], []
        for _ in range(size):
            began = time.perf_counter_ns()
            view = open_page()
            samples.append(time.perf_counter_ns() - began)
            wait(lambda: view.counts is not None)  # noqa: B023 - waited for in this iteration
            app.processEvents()
            counted.append(time.perf_counter_ns() - began)
            wait(lambda: db.idle)  # the filters' lists (services, staff), read just after
            view.deleteLater()
            app.processEvents()
        out["open_ns"], out["counts_ns"] = samples, counted
    else:
        view = open_page()
        model, table = view.model, view.table
        model.window_rows = size
        top = ApplicationsModel().index(-1, -1)
        out["rss_open_mb"] = _rss_mb()
        peak, held, pages, page_ns = out["rss_open_mb"], model.rowCount(), 1, []
        began = time.perf_counter()
        while model.canFetchMore(top):
            asked = time.perf_counter_ns()
            table.scrollToBottom()  # the view asks for the next page as the clerk scrolls
            if not model.loading:
                model.fetchMore(top)
            wait(lambda: not model.loading)
            app.processEvents()  # painted
            page_ns.append(time.perf_counter_ns() - asked)
            pages += 1
            held = max(held, model.rowCount())
            peak = max(peak, _rss_mb())
        out.update(
            scroll_s=time.perf_counter() - began,
            rss_peak_mb=peak,
            rss_end_mb=_rss_mb(),
            rows=model.rows_above + model.rowCount(),
            pages=pages,
            most_rows_held=held,
            page_ns=page_ns,
        )
    db.close()
    return out


def _measure(data_dir: Path, config_dir: Path, task: str, size: int) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # the profile's fallback key file
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.applications_view",
            str(data_dir),
            str(config_dir),
            task,
            str(size),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the measuring process failed (exit {done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(options: Options) -> list[Result]:
    from benchmarks.applications_list import loaded_office, office_sizes
    from counter_app.accounts import Actor

    rows, citizens = office_sizes(options)
    samples = options.size("samples", full=15, quick=7, tiny=2)
    window = options.size("window", full=1000, quick=1000, tiny=200)
    actor = Actor.command_line("bench")
    with options.workspace("view") as root:
        with loaded_office(options, root, rows, citizens, "applications_view") as (counter, _load_s):
            queries = counter.queries

            def core_open() -> int:
                began = time.perf_counter_ns()
                queries.applications_page(actor, limit=200)
                queries.application_counts(actor)
                return time.perf_counter_ns() - began

            core_open()  # warm
            core = summary_ms([core_open() for _ in range(samples)])
            data_dir, config_dir = counter.ctx.paths.root, root / "profile-config"
        options.progress("[applications_view] opening the page")
        opened = _measure(data_dir, config_dir, "open", samples)
        options.progress("[applications_view] scrolling the whole list, the model's window")
        windowed = _measure(data_dir, config_dir, "scroll", window)
        options.progress("[applications_view] scrolling the whole list, every row kept (baseline)")
        kept = _measure(data_dir, config_dir, "scroll", UNBOUNDED)
    for run_ in (windowed, kept):
        if run_["rows"] != rows:
            raise RuntimeError(f"the scroll reached {run_['rows']} of {rows} rows")
    open_ms = summary_ms(opened["open_ns"])
    counts_ms = summary_ms(opened["counts_ns"])
    page_ms = summary_ms(windowed["page_ns"])
    return [
        Result.measured(
            "applications_view_open_ms",
            open_ms["p95"],
            "ms",
            target=TARGET_MS,
            baseline=core["p95"],
            ratio=open_ms["p95"] / core["p95"],
            rows=rows,
            applicants=citizens,
            n=samples,
            p50=open_ms["p50"],
            max=open_ms["max"],
            counts_p50_ms=counts_ms["p50"],
            counts_p95_ms=counts_ms["p95"],
            baseline_p50=core["p50"],
            note="p95 of opening the applications page (ApplicationsView created until its first page of "
            "rows is on screen; offscreen Qt, the database thread, warm page cache); counts_* = until the "
            "counts for the filters are on screen too; baseline = p95 of counter.queries.applications_page "
            "+ application_counts alone; ratio = value / baseline",
        ),
        Result.measured(
            "applications_view_scroll_rss_mb",
            windowed["rss_peak_mb"],
            "MB",
            target=TARGET_MB,
            baseline=kept["rss_peak_mb"],
            ratio=windowed["rss_peak_mb"] / kept["rss_peak_mb"],
            rows=rows,
            applicants=citizens,
            pages=windowed["pages"],
            window_rows=window,
            most_rows_held=windowed["most_rows_held"],
            rss_open_mb=rounded(windowed["rss_open_mb"]),
            rss_end_mb=rounded(windowed["rss_end_mb"]),
            scroll_s=rounded(windowed["scroll_s"]),
            page_p50_ms=page_ms["p50"],
            page_p95_ms=page_ms["p95"],
            baseline_most_rows_held=kept["most_rows_held"],
            baseline_rss_open_mb=rounded(kept["rss_open_mb"]),
            baseline_scroll_s=rounded(kept["scroll_s"]),
            note="peak resident memory of the page's process while its table is scrolled from the first row "
            "to the last, a page at a time as the view asks, each painted (page_* = from asking to painted); "
            "baseline = the same with the model's window unbounded (every row kept, as before the window); "
            "ratio = value / baseline",
        ),
    ]


if __name__ == "__main__":
    data, config, task_name, task_size = sys.argv[1:5]
    result = _child(Path(data), Path(config), task_name, int(task_size))
    print(json.dumps(result))
