"""Name search among 1,000,000 applicants: p95 ≤ 20 ms for Chinese (2+ characters) and for pinyin
initials (DESIGN §6), beside a ``LIKE '%…%'`` scan measured in the same run at the same size.

The applicants are the citizens of the lists' office (:func:`benchmarks.applications_list.loaded_office`,
sizes :func:`benchmarks.applications_list.office_sizes`): the whole population bulk-loaded by
:func:`benchmarks.bulk.load_applicants` (realistic names from common surnames and given-name
characters, valid resident ID numbers, phones and addresses encrypted as the store encrypts them,
blind indexes, pinyin initials; the name index of migration v8 built from the table), with the
office's 200,000 applications among them. Whichever of name_search, applications_list and
applications_view runs first in a run loads the office; the others search or list a copy of it.
1,000,000 citizens at full and at ``--quick`` (the target's size), 1,200 at ``--tiny``; the size
``applicants`` overrides it (``rows`` is the office's applications, as in the lists' benchmarks).

Queries are what a clerk types, drawn from the people loaded (names read back by rowid, which is
load order): for Chinese, any part of two or more characters of a name (秀英 or 王秀 of 王秀英, the
whole name too), and in one query out of ten two given-name characters that may be nobody's; for
initials, any part of two or more letters of a name's initials (wxy, xy). Measured through the
clerk's use case, ``counter.applicants.search`` (up to 50 applicants, in the list's name order),
warm page cache.

Baseline: the same search as a ``LIKE '%…%'`` over ``applicants`` (``name`` or ``name_initials``,
the same order and limit: SQLite walks the name order's index and stops at the 50th match, or reads
it all), for the first ``baseline`` queries of each kind; each of those answers is checked to be
the use case's, applicant for applicant. ``ratio`` = baseline p95 / value (the speed-up).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from benchmarks.applications_list import loaded_office, office_sizes
from benchmarks.runner import Options, Result, rounded, summary_ms
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.names import pinyin_initials
from counter_app.store.applicants import SUMMARY_COLUMNS
from counter_app.store.name_index import like_pattern

TARGET_MS = 20.0
SEED = 30_000_017
LIMIT = 50
# Given-name characters for the queries that may match nobody (as a clerk mistypes a name).
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"


def _part(rng: random.Random, text: str) -> str:
    """A random part of two or more characters of ``text`` (all of it when it has two)."""
    length = rng.randint(2, len(text))
    start = rng.randrange(len(text) - length + 1)
    return text[start : start + length]


def _queries(rng: random.Random, names: list[str], count: int) -> tuple[list[str], list[str]]:
    chinese, initials = [], []
    for _ in range(count):
        if rng.random() < 0.1:
            chinese.append(rng.choice(_GIVEN) + rng.choice(_GIVEN))
        else:
            chinese.append(_part(rng, rng.choice(names)))
        letters = ""
        while len(letters) < 2:
            letters = pinyin_initials(rng.choice(names))
        initials.append(_part(rng, letters))
    return chinese, initials


def _like(counter: Counter) -> Callable[[str], list[str]]:
    conn = counter.ctx.store.conn

    def search(text: str) -> list[str]:
        column = "name_initials" if text.isascii() else "name"
        rows = conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM applicants WHERE {column} LIKE ? ESCAPE '\\'"
            " ORDER BY name_initials, name, id LIMIT ?",
            (like_pattern(text), LIMIT),
        ).fetchall()
        return [row[0] for row in rows]

    return search


def _names_at(counter: Counter, rows: int, indexes: list[int]) -> list[str]:
    """The names of the ``indexes``-th citizens loaded (0-based, load order): the office's applicants
    are all its citizens, their rowids in load order from the first."""
    store = counter.ctx.store
    first, total = store.conn.execute("SELECT min(rowid), count(*) FROM applicants").fetchone()
    if total != rows:
        raise RuntimeError(f"the office holds {total:,} applicants, not {rows:,}")
    name_at = store.conn.execute
    return [
        name_at("SELECT name FROM applicants WHERE rowid = ?", (first + i,)).fetchone()[0] for i in indexes
    ]


def run(options: Options) -> list[Result]:
    applications, rows = office_sizes(options)
    count = options.size("queries", full=1000, quick=500, tiny=20)
    baseline_count = options.size("baseline", full=40, quick=25, tiny=5)
    warmup = options.size("warmup", full=50, quick=50, tiny=3)
    rng = random.Random(SEED)
    sampled = sorted(rng.sample(range(rows), min(rows, 2000)))

    actor = Actor.command_line("bench")
    with (
        options.workspace("names") as root,
        loaded_office(options, root, applications, rows, "name_search") as (counter, load_s),
    ):
        names = _names_at(counter, rows, sampled)
        store = counter.ctx.store
        distinct_names = int(store.scalar("SELECT count(*) FROM (SELECT DISTINCT name FROM applicants)"))
        name_grams = int(store.scalar("SELECT count(*) FROM applicant_name_grams"))
        initials_grams = int(store.scalar("SELECT count(*) FROM applicant_initials_grams"))
        db_mb = store.path.stat().st_size / 1e6
        chinese, initials = _queries(rng, names, count + warmup)
        search = counter.applicants.search

        def timed(queries: list[str]) -> tuple[list[int], list[int]]:
            for text in queries[:warmup]:
                search(actor, text)
            samples, found = [], []
            for text in queries[warmup:]:
                t0 = time.perf_counter_ns()
                result = search(actor, text)
                samples.append(time.perf_counter_ns() - t0)
                found.append(len(result))
            return samples, found

        options.progress(f"[name_search] {count} Chinese and {count} initials searches")
        chinese_ns, chinese_found = timed(chinese)
        initials_ns, initials_found = timed(initials)

        options.progress(f"[name_search] {baseline_count} + {baseline_count} LIKE '%…%' scans (baseline)")
        like = _like(counter)

        def baseline(queries: list[str]) -> list[int]:
            samples = []
            for text in queries[warmup : warmup + baseline_count]:
                t0 = time.perf_counter_ns()
                expected = like(text)
                samples.append(time.perf_counter_ns() - t0)
                if [s.id for s in search(actor, text)] != expected:
                    raise RuntimeError(f"the name index and LIKE disagree on {text!r}")
            return samples

        chinese_like = summary_ms(baseline(chinese))
        initials_like = summary_ms(baseline(initials))

    results = []
    for label, kind, samples, found, base in (
        ("chinese", "Chinese, 2+ characters of a name", chinese_ns, chinese_found, chinese_like),
        ("initials", "pinyin initials, 2+ letters", initials_ns, initials_found, initials_like),
    ):
        measured = summary_ms(samples)
        results.append(
            Result.measured(
                f"name_search_{label}_p95",
                measured["p95"],
                "ms",
                target=TARGET_MS,
                baseline=base["p95"],
                ratio=base["p95"] / measured["p95"],
                rows=rows,
                applications=applications,
                n=len(samples),
                p50=measured["p50"],
                p99=measured["p99"],
                max=measured["max"],
                empty=sum(1 for n in found if n == 0),
                full_pages=sum(1 for n in found if n == LIMIT),
                baseline_n=baseline_count,
                baseline_p50=base["p50"],
                baseline_max=base["max"],
                distinct_names=distinct_names,
                name_gram_rows=name_grams,
                initials_gram_rows=initials_grams,
                db_mb=rounded(db_mb),
                load_s=rounded(load_s),
                note=f"p95 of counter.applicants.search ({kind}, up to {LIMIT} applicants in name order) "
                "through the name index (migration v8), warm page cache; empty / full_pages = searches that "
                f"found nobody / {LIMIT} or more; baseline = p95 of the same search as LIKE '%…%' over "
                "applicants (same order and limit), each answer checked to be the use case's; ratio = "
                "baseline / value (speed-up); load_s = the bulk load, with the indexes, of the lists' office "
                f"these applicants belong to ({applications:,} applications among them; loaded once a run by "
                "the first of name_search, applications_list, applications_view)",
            )
        )
    return results
