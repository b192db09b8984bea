"""The applications list with 200,000 applications: open ≤ 200 ms (DESIGN §6), deep pages as fast.

The office's history (two years of intake, most cases closed, the recent ones open, some running
late) among 1,000,000 citizens is bulk-loaded (:func:`load_office`): the citizens by the shared bulk
path (:func:`benchmarks.bulk.load_applicants`: each generated, encrypted and blind-indexed as the
store writes them), the first application through ``ApplicationRepo.insert`` (form encrypted), every
other one reusing its encrypted form under its own id, by ``executemany`` in large transactions, the
tables' indexes built once afterwards: taking 200,000 cases in through the use cases adds nothing to
what the list reads. Due dates are counted on the working-day calendar from the acceptance day, as
acceptance does. 200,000 applications among 1,000,000 citizens at full and ``--quick`` (the
targets' sizes), 600 among 1,200 at ``--tiny`` (:func:`office_sizes`). One office serves a run
(:func:`loaded_office`): the Qt list's benchmark (``benchmarks/applications_view.py``) and name search
(``benchmarks/name_search.py``, among its citizens) read copies of it, whichever of the three runs
first loads it. ``tests/ui/test_applications_scale.py`` loads its own the same way.

Measured through the use cases the list calls (``counter.queries``), warm page cache:

- ``applications_list_open_ms``: the first page (200 rows, newest first) and the counts per status
  for the header — what opening the list costs the core;
- ``applications_list_overdue_ms``: the same with the overdue filter;
- ``applications_list_last_page_ms`` (information): the last page, reached by keyset; the whole list
  is scrolled page by page to get there, the rows kept as the list model keeps them. Its extras give
  the slowest page of the scroll, the same last page by OFFSET, and the process's resident memory
  before and after the scroll (the rows the model would hold; the Qt side is measured elsewhere);
- ``applications_list_sorted_max_ms`` (information): the slowest first page among every order,
  both directions;
- ``applications_list_name_filter_ms`` (information): the list opened with a part of a citizen's
  name or initials in its search box (秀英, xy: the name index of migration v8, then their cases).

Baseline: a plain ``SELECT`` of the list's columns from ``applications`` with ``LIMIT 200`` (no
join, no order, no filter), the floor of reading a page; ``ratio`` = value / baseline (lower is better).
"""

from __future__ import annotations

import functools
import gc
import itertools
import random
import resource
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.bulk import indexes_set_aside, load_applicants, uuid_from
from benchmarks.runner import Options, Result, rounded, scratch_counter, summary_ms
from counter_app.accounts import Actor
from counter_app.catalogue import ServiceItem
from counter_app.clock import iso
from counter_app.core import Counter
from counter_app.receipts import format_receipt
from counter_app.records import (
    ApplicationCursor,
    ApplicationFilter,
    ApplicationRow,
    ApplicationSort,
    ApplicationSortKey,
    DeadlineState,
)
from counter_app.workflow import Status

TARGET_MS = 200.0
SEED = 20_000_003
PAGE = 200
STAFF = [f"user:{name}" for name in ("wangfang", "lijing", "zhangwei", "liuyang", "chenjie", "zhaolei")]
# Cases taken in more than RECENT days ago are mostly closed; recent ones mostly open.
RECENT = 45
_OPEN = [
    (Status.DRAFT, 5),
    (Status.AWAITING_MATERIALS, 5),
    (Status.ACCEPTED, 20),
    (Status.ACCEPTED_PENDING, 5),
    (Status.IN_PROGRESS, 45),
    (Status.SUSPENDED, 5),
    (Status.COMPLETED, 15),
]
_OLD = [
    (Status.RATED, 60),
    (Status.DELIVERED, 20),
    (Status.COMPLETED, 4),
    (Status.REFUSED, 5),
    (Status.WITHDRAWN, 5),
    (Status.IN_PROGRESS, 5),  # long overdue
    (Status.SUSPENDED, 1),
]
_NOT_ACCEPTED = {Status.DRAFT, Status.AWAITING_MATERIALS, Status.REFUSED}


def _pick(rng: random.Random, weighted: list[tuple[Status, int]]) -> Status:
    statuses, cumulative = _CUMULATIVE[id(weighted)]
    return rng.choices(statuses, cum_weights=cumulative)[0]


_CUMULATIVE = {
    id(weighted): ([s for s, _ in weighted], list(itertools.accumulate(w for _, w in weighted)))
    for weighted in (_OPEN, _OLD)
}


def load_office(
    counter: Counter,
    applications: int,
    *,
    applicants: int | None = None,
    batch: int = 50_000,
    options: Options | None = None,
    label: str = "applications_list",
) -> None:
    """Bulk-load ``applicants`` citizens (default: one for two applications) and ``applications``
    valid applications among them.

    The citizens come from the shared bulk path (:func:`benchmarks.bulk.load_applicants`: each one
    generated, encrypted and blind-indexed as the store writes them). An application is the visit of
    a citizen drawn at random from all of them, or, one time in two, of one of the last thousand who
    came (people come back). The first application goes through ``ApplicationRepo.insert``; every
    later one reuses its encrypted form under its own id, with its own intake time, status, service,
    staff and due date, written by ``executemany`` in one transaction per ``batch``, the table's
    indexes set aside for the load and built once afterwards (:func:`benchmarks.bulk.indexes_set_aside`).
    Progress goes to ``options`` under ``label``."""
    ctx = counter.ctx
    store = ctx.store
    catalogue = counter.catalogue.active()
    calendar = counter.catalogue.calendar()

    @functools.cache  # a few thousand distinct (day, limit) pairs among 200,000 applications
    def due_date(day: date, value: int, unit: str) -> str:
        return calendar.add_days(day, value, unit).isoformat()

    items = [item for item in catalogue.active_items() if "natural_person" in item.service_objects]
    prefix = ctx.settings.get("receipt_prefix") or "LBENCH"
    rng = random.Random(SEED)
    now = ctx.clock.now()
    sequences: dict[date, int] = {}
    citizens = max(1, applications // 2) if applicants is None else applicants
    first = int(store.scalar("SELECT ifnull(max(rowid), 0) FROM applicants")) + 1
    load_applicants(counter, citizens, batch=batch, options=options, label=label)
    id_of = store.conn.execute
    recent: list[str] = []
    form_enc: bytes | None = None
    done = 0
    with indexes_set_aside(store, ("applications",)):
        while done < applications:
            stop = min(done + batch, applications)
            groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
            with store.transaction():
                for _ in range(done, stop):
                    if not recent or rng.random() < 0.5:
                        rowid = first + rng.randrange(citizens)
                        recent.append(
                            id_of("SELECT id FROM applicants WHERE rowid = ?", (rowid,)).fetchone()[0]
                        )
                        del recent[:-1000]
                    applicant_id = rng.choice(recent)
                    values = _application(
                        rng, items, due_date, prefix, sequences, now, applicant_id, catalogue.version
                    )
                    if form_enc is None:  # the first one as the use cases write it; the others reuse its form
                        ctx.applications.insert(values)
                        form_enc = store.scalar(
                            "SELECT form_enc FROM applications WHERE id = ?", (values["id"],)
                        )
                        continue
                    del values["form"]
                    values["form_enc"] = form_enc
                    groups.setdefault(tuple(values), []).append(tuple(values.values()))
                for columns, rows in groups.items():
                    store.executemany(
                        f"INSERT INTO applications ({', '.join(columns)})"
                        f" VALUES ({', '.join('?' for _ in columns)})",
                        rows,
                    )
            done = stop
            if options is not None:
                options.progress(f"[{label}] loaded {done:,}/{applications:,} applications")


def _application(
    rng: random.Random,
    items: list[ServiceItem],
    due_date: Callable[[date, int, str], str],
    prefix: str,
    sequences: dict[date, int],
    now: datetime,
    applicant_id: str,
    version: str,
) -> dict:
    days_ago = rng.randrange(730)
    status = _pick(rng, _OPEN if days_ago < RECENT else _OLD)
    taken = now - timedelta(days=days_ago, seconds=rng.randrange(8 * 3600), milliseconds=rng.randrange(1000))
    day = taken.date()
    sequences[day] = sequences.get(day, 0) + 1
    item = rng.choice(items)
    clerk = rng.choice(STAFF)
    stamp = iso(taken)
    values = {
        "id": uuid_from(rng),
        "receipt_no": format_receipt(prefix, day, sequences[day]),
        "applicant_id": applicant_id,
        "item_code": item.code,
        "catalogue_version": version,
        "status": status.value,
        "form": {},
        "created_by": clerk,
        "version": 1,
        "sync_state": "synced",
        "created_at": stamp,
        "updated_at": stamp,
    }
    if status not in _NOT_ACCEPTED and not (status is Status.WITHDRAWN and rng.random() < 0.5):
        limit = item.promised_limit
        values.update(
            accepted_by=clerk if rng.random() < 0.9 else rng.choice(STAFF),
            accepted_at=stamp,
            accepted_on=day.isoformat(),
            limit_value=limit.value,
            limit_unit=limit.unit,
            due_date=due_date(day, limit.value, limit.unit),
        )
    return values


def _rss_mb() -> float:
    """Resident memory now (Linux ``/proc``), falling back to the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(samples: int, action) -> list[int]:
    action()  # warm
    out = []
    for _ in range(samples):
        t0 = time.perf_counter_ns()
        action()
        out.append(time.perf_counter_ns() - t0)
    return out


# Offices loaded in this run, by (applications, citizens): name_search, applications_list and
# applications_view read the same office, so it is loaded once and each gets its own copy (data and key).
_OFFICES: dict[tuple[int, int], tuple[Path, float]] = {}


def office_sizes(options: Options) -> tuple[int, int]:
    """The shared office's (applications, citizens): 200,000 among 1,000,000 at full and ``--quick``
    (DESIGN §6's sizes), 600 among 1,200 at ``--tiny``; ``--size rows=N`` / ``applicants=N`` override."""
    applications = options.size("rows", full=200_000, quick=200_000, tiny=600)
    citizens = options.size("applicants", full=1_000_000, quick=1_000_000, tiny=1_200)
    return applications, citizens


@contextmanager
def loaded_office(
    options: Options, root: Path, applications: int, citizens: int, label: str
) -> Iterator[tuple[Counter, float]]:
    """A scratch profile in ``root`` holding :func:`load_office`'s office, and the seconds its load
    took. The first benchmark of a run that asks for these sizes (name_search, applications_list or
    applications_view, whichever runs first) loads it into a folder kept until the run ends; every
    one, that one too, gets a copy of that profile, its key file with it."""
    key = (applications, citizens)
    if key not in _OFFICES or not _OFFICES[key][0].exists():
        cache = options.run_folder("office")
        options.progress(f"[{label}] loading {applications:,} applications among {citizens:,} citizens")
        began = time.perf_counter()
        with scratch_counter(cache) as counter:
            load_office(counter, applications, applicants=citizens, options=options, label=label)
            counter.ctx.store.checkpoint()
        _OFFICES[key] = (cache, time.perf_counter() - began)
    else:
        options.progress(f"[{label}] copying the office loaded earlier in this run")
    source, load_s = _OFFICES[key]
    for part in ("profile-data", "profile-config"):
        shutil.copytree(source / part, root / part)
    with scratch_counter(root) as counter:
        yield counter, load_s


def run(options: Options) -> list[Result]:
    rows, citizens = office_sizes(options)
    samples = options.size("samples", full=30, quick=15, tiny=3)
    actor = Actor.command_line("bench")
    with (
        options.workspace("list") as root,
        loaded_office(options, root, rows, citizens, "applications_list") as (counter, load_s),
    ):
        queries, conn = counter.queries, counter.ctx.store.conn
        overdue = ApplicationFilter(deadlines=frozenset({DeadlineState.OVERDUE}))

        def baseline() -> None:
            conn.execute(
                "SELECT id, receipt_no, applicant_id, item_code, catalogue_version, status, accepted_on,"
                " due_date, sync_state, created_at FROM applications LIMIT 200"
            ).fetchall()

        def open_list(filters: ApplicationFilter = ApplicationFilter()) -> None:  # noqa: B008
            queries.applications_page(actor, filters, limit=PAGE)
            queries.application_counts(actor, filters)

        base = summary_ms(_timed(samples, baseline))
        opened = summary_ms(_timed(samples, open_list))
        late = summary_ms(_timed(samples, lambda: open_list(overdue)))
        counts = queries.application_counts(actor)

        sorted_ms = {}
        for key in ApplicationSortKey:
            for descending in (False, True):
                sort = ApplicationSort(key, descending)
                ns = _timed(
                    max(3, samples // 3), lambda sort=sort: queries.applications_page(actor, sort=sort)
                )
                sorted_ms[f"{key.value}{' desc' if descending else ''}"] = summary_ms(ns)["p95"]

        # A part of a citizen's name (two characters) or initials (two letters or more), of citizens
        # with cases, as a clerk types into the list's search box.
        pick = random.Random(SEED + 1)
        texts = []
        for _ in range(samples):
            rowid = pick.randrange(1, rows + 1)
            name, initials = conn.execute(
                "SELECT p.name, p.name_initials FROM applications a"
                " JOIN applicants p ON p.id = a.applicant_id"
                " WHERE a.rowid = ?",
                (rowid,),
            ).fetchone()
            start = pick.randrange(len(name) - 1)
            texts.append(name[start : start + 2])
            start = pick.randrange(len(initials) - 1)
            texts.append(initials[start:])
        named_ns = []
        for text in texts:
            open_list(ApplicationFilter(text=text))  # warm: as after the search's first keystrokes
            t0 = time.perf_counter_ns()
            open_list(ApplicationFilter(text=text))
            named_ns.append(time.perf_counter_ns() - t0)
        named = summary_ms(named_ns)

        options.progress("[applications_list] scrolling the whole list by keyset")
        gc.collect()
        rss_before = _rss_mb()
        kept: list[ApplicationRow] = []
        page_ns: list[int] = []
        cursor: ApplicationCursor | None = None
        while True:
            t0 = time.perf_counter_ns()
            page = queries.applications_page(actor, after=cursor, limit=PAGE)
            page_ns.append(time.perf_counter_ns() - t0)
            kept.extend(page.rows)
            if page.next is None:
                break
            cursor = page.next
        gc.collect()
        rss_after = _rss_mb()
        if len(kept) != rows or len({row.id for row in kept}) != rows:
            raise RuntimeError("scrolling by keyset did not give every application exactly once")
        last_ms = page_ns[-1] / 1e6
        before_last = cursor
        last_by_key = summary_ms(_timed(samples, lambda: queries.applications_page(actor, after=before_last)))
        last_offset = (len(page_ns) - 1) * PAGE
        by_offset = summary_ms(_timed(samples, lambda: queries.applications(actor, offset=last_offset)))
        scroll = summary_ms(page_ns)

    common = {
        "rows": rows,
        "applicants": citizens,
        "n": samples,
        "load_s": rounded(load_s),
        "floor_p95_ms": base["p95"],
    }
    note = (
        "baseline = p95 of SELECT of the list's columns FROM applications LIMIT 200 (no join, order or "
        "filter); ratio = value / baseline (lower is better); warm page cache"
    )
    return [
        Result.measured(
            "applications_list_open_ms",
            opened["p95"],
            "ms",
            target=TARGET_MS,
            baseline=base["p95"],
            ratio=opened["p95"] / base["p95"],
            **common,
            p50=opened["p50"],
            max=opened["max"],
            by_status=counts.by_status,
            note="p95 of counter.queries.applications_page (200 rows, newest first) + application_counts; "
            + note,
        ),
        Result.measured(
            "applications_list_overdue_ms",
            late["p95"],
            "ms",
            target=TARGET_MS,
            baseline=base["p95"],
            ratio=late["p95"] / base["p95"],
            **common,
            overdue=counts.overdue,
            p50=late["p50"],
            max=late["max"],
            note="the same with the overdue filter; " + note,
        ),
        Result.measured(
            "applications_list_last_page_ms",
            last_by_key["p95"],
            "ms",
            target=None,
            baseline=base["p95"],
            ratio=last_by_key["p95"] / base["p95"],
            **common,
            pages=len(page_ns),
            last_page_in_scroll_ms=rounded(last_ms),
            scroll_page_p95_ms=scroll["p95"],
            scroll_page_max_ms=scroll["max"],
            last_page_by_offset_p95_ms=by_offset["p95"],
            rss_before_scroll_mb=rounded(rss_before),
            rss_after_scroll_mb=rounded(rss_after),
            kept_bytes_per_row=rounded((rss_after - rss_before) * 2**20 / rows),
            note="informational: p95 of the last page by keyset (after= the cursor of the page before); "
            "scroll_* = every page of a scroll through the whole list by keyset, the rows kept in a list as "
            "the model keeps them (rss_* = this process before and after, kept_bytes_per_row their "
            "difference per row); last_page_by_offset = the same "
            "page by OFFSET; " + note,
        ),
        Result.measured(
            "applications_list_sorted_max_ms",
            max(sorted_ms.values()),
            "ms",
            target=None,
            baseline=base["p95"],
            ratio=max(sorted_ms.values()) / base["p95"],
            **common,
            first_page_p95_ms=sorted_ms,
            note="informational: the slowest first page (p95) among every order of the list, both "
            "directions; " + note,
        ),
        Result.measured(
            "applications_list_name_filter_ms",
            named["p95"],
            "ms",
            target=None,
            baseline=base["p95"],
            ratio=named["p95"] / base["p95"],
            **common,
            texts=len(texts),
            p50=named["p50"],
            max=named["max"],
            note="informational: p95 of opening the list (first page + counts) with a search text: two "
            "characters of a citizen's name or a part of their initials (citizens with cases, at random; "
            "the name index of migration v8), each timed once warm; " + note,
        ),
    ]
