"""A pulled page's new records are built ahead on the fetching thread (``SyncExchange.pull_preparer``)
and used when the page is applied: only for records not held here, only at the version they were
built from, and a pull with them leaves the same data as one without."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from counter_app.core import Counter
from counter_app.store.db import Store
from counter_app.store.sync_records import SyncRecordRepo
from sync import protocol as p
from sync.engine import SyncEngine
from sync.transport import Transport
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, take_in, token


def _page(counter: Counter, central: CentralServer) -> list[dict[str, Any]]:
    transport = Transport(central.url, token(counter))
    try:
        page = transport.get("/v1/sync/pull", p.PullResponse, params={"cursor": 0, "limit": 500})
    finally:
        transport.close()
    assert not page.has_more
    return [
        {"entity": c.entity, "id": c.id, "version": c.version, "data": c.data, "cursor": c.cursor}
        for c in page.changes
    ]


def _what_a_clerk_sees(counter: Counter) -> list[Any]:
    ids = [row["id"] for row in counter.ctx.store.all("SELECT id FROM applicants")]
    details = [counter.applicants.reveal(ACTOR, applicant_id) for applicant_id in ids]
    apps = counter.ctx.store.all("SELECT id, receipt_no, status, version FROM applications ORDER BY id")
    forms = [counter.ctx.applications.get(app["id"]).form for app in apps]
    materials = counter.ctx.store.all(
        "SELECT * FROM application_materials ORDER BY application_id, material_code"
    )
    return [
        sorted((d.summary.name, d.id_number, d.phone, d.address, d.summary.name_initials) for d in details),
        apps,
        forms,
        materials,
    ]


@pytest.fixture
def source(make_counter: Callable[..., Counter]) -> Counter:
    counter = make_counter("source")
    for seed in range(5):
        take_in(counter, 100 + seed)
    assert SyncEngine(counter).run().outcome == "ok"
    return counter


def test_rows_built_ahead_are_used_and_give_what_building_them_on_apply_gives(
    make_counter: Callable[..., Counter],
    central: CentralServer,
    source: Counter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ahead, on_apply = make_counter("ahead"), make_counter("on-apply")
    changes = _page(ahead, central)
    with ahead.exchange.pull_preparer() as prepare:
        prepared = prepare(changes)
    new = {c["id"] for c in changes if c["entity"] in ("applicant", "application")}
    assert set(prepared.rows) == new and len(new) == 10

    built: list[str] = []
    for name in ("_applicant_insert", "_application_insert"):
        original = getattr(SyncRecordRepo, name)

        def counting(self: SyncRecordRepo, record_id: str, *args: Any, _original: Any = original) -> Any:
            built.append(record_id)
            return _original(self, record_id, *args)

        monkeypatch.setattr(SyncRecordRepo, name, counting)
    assert ahead.exchange.apply_pull_page(changes, changes[-1]["cursor"], prepared) == len(changes)
    assert built == []  # every new record's rows came built
    assert on_apply.exchange.apply_pull_page(changes, changes[-1]["cursor"]) == len(changes)
    assert sorted(built) == sorted(new)
    seen = _what_a_clerk_sees(ahead)
    assert len(seen[0]) == 5 and len(seen[1]) == 5 and seen[3]
    assert seen == _what_a_clerk_sees(on_apply)
    assert [a.name for a in ahead.ctx.applicants.search_name("zs")] == [
        a.name for a in on_apply.ctx.applicants.search_name("zs")
    ]


def test_records_held_here_are_not_built_and_a_stale_row_is_not_used(
    make_counter: Callable[..., Counter], central: CentralServer, source: Counter
) -> None:
    counter = make_counter("b")
    changes = _page(counter, central)
    with counter.exchange.pull_preparer() as prepare:
        stale = prepare(changes)
        applicant = next(c for c in changes if c["entity"] == "applicant")
        version, row = stale.rows[applicant["id"]]
        stale.rows[applicant["id"]] = (version - 1, {**row, "name": "不该用的"})
        counter.exchange.apply_pull_page(changes, changes[-1]["cursor"], stale)
        assert counter.ctx.applicants.get(applicant["id"]).name == applicant["data"]["name"]
        # the pulled records are held now: a page bringing them again has nothing to build
        assert prepare(changes).rows == {}
    # the source's own records came back to it: held, nothing built
    with source.exchange.pull_preparer() as prepare:
        assert prepare(_page(source, central)).rows == {}


def test_a_pull_without_a_second_connection_builds_nothing_ahead_and_still_applies_everything(
    make_counter: Callable[..., Counter],
    central: CentralServer,
    source: Counter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counter = make_counter("no-reader")

    def unavailable(self: Store) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(Store, "reader", unavailable)
    with counter.exchange.pull_preparer() as prepare:
        assert prepare(_page(counter, central)).rows == {}
    report = SyncEngine(counter).run()
    assert report.outcome == "ok" and report.verified is True, report
    assert report.pulled == len(_page(counter, central))
