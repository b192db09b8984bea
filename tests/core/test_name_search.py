"""Name search through the name index (migration v8) answers exactly what ``LIKE '%…%'`` answers.

Random realistic names (the benchmarks' bulk path) plus awkward ones (Latin letters in both cases,
LIKE's wildcards, one-character names), random parts of them and of their initials, and text that
matches nobody: the clerk's search and the applications list's text filter are compared with a
``LIKE`` scan of every applicant. The index follows every write (insert, a changed name, a removed
row): after each, it holds exactly what rebuilding it from the table gives.
"""

from __future__ import annotations

import random
import uuid

import pytest

from benchmarks.applications_list import load_office
from benchmarks.bulk import load_applicants
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.names import pinyin_initials
from counter_app.records import ApplicationFilter
from counter_app.services.applicants import PersonInput
from counter_app.store import name_index
from counter_app.store.applicants import SUMMARY_COLUMNS
from counter_app.store.migrations import rebuild_name_index
from counter_app.store.name_index import like_pattern

AWKWARD = ["ABC农业科技有限公司", "abc便利店", "王%秀_英", "李\\四", "Anna王", "王", "欧阳秀英", "秀英", "X"]


def _add(counter: Counter, name: str) -> str:
    applicant_id = str(uuid.uuid4())
    now = counter.ctx.now_iso()
    counter.ctx.applicants.insert(
        {
            "id": applicant_id,
            "kind": "person",
            "name": name,
            "name_initials": pinyin_initials(name),
            "id_type": "resident_id",
            "version": 0,
            "sync_state": "synced",
            "created_at": now,
            "updated_at": now,
        },
        id_number=None,
        phone=None,
        address=None,
    )
    return applicant_id


def _like(counter: Counter, text: str, limit: int) -> list[str]:
    column = "name_initials" if text.isascii() else "name"
    rows = counter.ctx.store.all(
        f"SELECT {SUMMARY_COLUMNS} FROM applicants WHERE {column} LIKE ? ESCAPE '\\'"
        " ORDER BY name_initials, name, id LIMIT ?",
        (like_pattern(text), limit),
    )
    return [row["id"] for row in rows]


def _part(rng: random.Random, text: str) -> str:
    length = rng.randint(1, len(text))
    start = rng.randrange(len(text) - length + 1)
    return text[start : start + length]


def _queries(counter: Counter, seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    rows = counter.ctx.store.all("SELECT name, name_initials FROM applicants")
    queries = [
        "秀英",
        "xy",
        "wxy",
        "王",
        "w",
        "ABC",
        "abc",
        "Abc",
        "%",
        "_",
        "\\",
        "王%",
        "%秀_",
        "璐璐",
        "qqq",
        "Z",
    ]
    for _ in range(count):
        row = rng.choice(rows)
        queries.append(_part(rng, row["name"]))
        if row["name_initials"]:
            queries.append(_part(rng, row["name_initials"]))
            queries.append(_part(rng, row["name_initials"]).upper())
    return queries


@pytest.fixture
def population(counter: Counter) -> Counter:
    load_applicants(counter, 1500, seed=4711)
    for name in AWKWARD:
        _add(counter, name)
    for _ in range(2):  # two people of the same name
        _add(counter, "王秀英")
    return counter


def _snapshot(counter: Counter) -> tuple[list[tuple], list[tuple]]:
    conn = counter.ctx.store.conn
    return (
        conn.execute("SELECT gram, initials, name FROM applicant_name_grams ORDER BY 1, 2, 3").fetchall(),
        conn.execute("SELECT gram, initials FROM applicant_initials_grams ORDER BY 1, 2").fetchall(),
    )


def _index_is_exact(counter: Counter) -> bool:
    kept = _snapshot(counter)
    store = counter.ctx.store
    with store.transaction():
        rebuild_name_index(store)
    return kept == _snapshot(counter) and kept[0] != []


@pytest.mark.parametrize("limit", [50, 3, 100_000])
def test_search_answers_what_like_answers(population: Counter, limit: int) -> None:
    repo = population.ctx.applicants
    for text in _queries(population, seed=limit, count=150):
        assert [s.id for s in repo.search_name(text, limit)] == _like(population, text, limit), text


def test_the_clerk_finds_a_name_by_any_part_and_by_initials(population: Counter, cli_actor: Actor) -> None:
    target = population.applicants.register_person(
        cli_actor, PersonInput("王秀英", "11010519491231002X", "13800138000")
    )
    for text in ("王秀英", "秀英", "王秀", "wxy", "xy", "WX"):
        found = population.applicants.search(cli_actor, text, limit=100_000)
        assert target.id in {s.id for s in found}, text
        assert all(text.lower() in (s.name_initials if text.isascii() else s.name).lower() for s in found)
    assert population.applicants.search(cli_actor, "秀英王") == []


def test_the_list_text_filter_answers_what_like_answers(counter: Counter, cli_actor: Actor) -> None:
    load_office(counter, 400, applicants=1200)
    _add(counter, "王%秀_英")
    conn = counter.ctx.store.conn
    rows = conn.execute("SELECT receipt_no FROM applications").fetchall()
    texts = ["秀英", "xy", "王", "w", "%", "_", "qqq", rows[0][0], rows[0][0][-6:], *_queries(counter, 7, 40)]
    for text in texts:
        listed, after = [], None
        while True:
            page = counter.queries.applications_page(
                cli_actor, ApplicationFilter(text=text), after=after, limit=1000
            )
            listed += [row.id for row in page.rows]
            if page.next is None:
                break
            after = page.next
        pattern = like_pattern(text)
        expected = conn.execute(
            "SELECT a.id FROM applications a JOIN applicants p ON p.id = a.applicant_id"
            " WHERE a.receipt_no LIKE ?1 ESCAPE '\\' OR p.name LIKE ?1 ESCAPE '\\'"
            " OR p.name_initials LIKE ?1 ESCAPE '\\'",
            (pattern,),
        ).fetchall()
        assert sorted(listed) == sorted(row[0] for row in expected), text
        assert counter.queries.application_counts(cli_actor, ApplicationFilter(text=text)).total == len(
            expected
        )


def test_the_index_follows_every_write(population: Counter, cli_actor: Actor) -> None:
    repo, store = population.ctx.applicants, population.ctx.store
    assert _index_is_exact(population)
    registered = population.applicants.register_person(
        cli_actor, PersonInput("司徒璐璐", "11010519491231002X", "13800138000")
    )
    assert [s.id for s in repo.search_name("徒璐")] == [registered.id]
    assert _index_is_exact(population)
    # a pulled change renames the applicant (sync_records writes through ApplicantRepo.update)
    with store.transaction():
        repo.update(registered.id, {"name": "司马璐璐", "name_initials": pinyin_initials("司马璐璐")})
    assert repo.search_name("徒璐") == [] and repo.search_name("smll") != []
    assert [s.id for s in repo.search_name("马璐")] == [registered.id]
    assert store.scalar("SELECT count(*) FROM applicant_name_grams WHERE name = '司徒璐璐'") == 0
    assert _index_is_exact(population)
    # one of two applicants with the same name goes: the name stays findable, then goes with the other
    twins = [s.id for s in repo.search_name("王秀英", 100_000) if s.name == "王秀英"]
    assert len(twins) >= 2
    with store.transaction():
        store.execute("DELETE FROM applicants WHERE id = ?", (twins[0],))
    assert _index_is_exact(population)
    with store.transaction():
        for twin in twins[1:]:
            store.execute("DELETE FROM applicants WHERE id = ?", (twin,))
    assert all(s.name != "王秀英" for s in repo.search_name("王秀英"))
    assert store.scalar("SELECT count(*) FROM applicant_name_grams WHERE name = '王秀英'") == 0
    assert _index_is_exact(population)
    # a changed name keeps the index exact for every other applicant as well
    for text in _queries(population, seed=99, count=30):
        assert [s.id for s in repo.search_name(text)] == _like(population, text, 50), text


def _new_rows(counter: Counter, names: list[str]) -> tuple[str, list[tuple[str, ...]]]:
    now = counter.ctx.now_iso()
    rows = [(str(uuid.uuid4()), "person", n, pinyin_initials(n), "resident_id", now, now) for n in names]
    sql = (
        "INSERT INTO applicants (id, kind, name, name_initials, id_type, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    return sql, rows


def test_a_pulled_page_indexes_its_new_applicants_together(population: Counter) -> None:
    """Schema v9: new applicants inserted together (a pulled page) enter the index in one statement
    per gram table, with the insert trigger set aside: the index is what the trigger would make."""
    store, repo = population.ctx.store, population.ctx.applicants
    names = ["司徒璐璐", "王秀英", "Anna王", "新_名%", "璐", "欧阳璐璐", "司徒璐璐"]
    sql, rows = _new_rows(population, names)
    with store.transaction():
        name_index.insert_applicants(store, sql, rows)
    assert store.scalar("SELECT count(*) FROM name_index_deferred") == 0
    assert _index_is_exact(population)
    assert sorted(s.id for s in repo.search_name("徒璐")) == sorted(r[0] for r in rows if r[2] == "司徒璐璐")
    assert [s.id for s in repo.search_name("新_")] == [rows[3][0]]
    # every other write still goes through the triggers
    added = _add(population, "端木璐璐")
    assert [s.id for s in repo.search_name("端木")] == [added]
    assert _index_is_exact(population)


def test_the_insert_trigger_stands_aside_only_while_deferred(counter: Counter) -> None:
    store = counter.ctx.store
    sql, rows = _new_rows(counter, ["诸葛亮亮"])
    with pytest.raises(RuntimeError), store.transaction():
        store.execute("INSERT INTO name_index_deferred (id) VALUES (1)")
        store.executemany(sql, rows)
        assert store.scalar("SELECT count(*) FROM applicant_name_grams WHERE name = '诸葛亮亮'") == 0
        raise RuntimeError("roll back")
    with store.transaction():
        store.executemany(sql, rows)
    assert store.scalar("SELECT count(*) FROM applicant_name_grams WHERE name = '诸葛亮亮'") == 4


def test_the_list_search_reads_indexes_never_a_table(counter: Counter, cli_actor: Actor) -> None:
    """Under a search text the page and the counts read the name index, then the index of the
    applicants' names, and scan the cases' indexes: no pass over applicants or over the cases' table
    (the page's own rows are read from it, as without a text)."""
    from tests.core.test_application_list import _plans

    load_office(counter, 300, applicants=600)
    for text in ("秀英", "xy", "w"):
        filters = ApplicationFilter(text=text)
        plans = _plans(counter, lambda f=filters: counter.queries.application_counts(cli_actor, f))
        plans += _plans(counter, lambda f=filters: counter.queries.applications_page(cli_actor, f))
        lines = [line for plan in plans for _, _, line in plan]
        assert any("applicant_name_grams" in line or "g USING PRIMARY KEY" in line for line in lines), lines
        scans = [line for line in lines if line.startswith("SCAN") and line != "SCAN page"]
        assert scans and all("COVERING INDEX" in line for line in scans), lines
        names = [line for line in lines if "applicants_name_order" in line]
        assert names and all("COVERING INDEX" in line for line in names), lines
