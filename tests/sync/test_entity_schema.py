"""Each synced entity's fields are defined once (``counter_app/entity_fields.py``, part of the wire
contract through ``sync.protocol``). These tests fail when one side drifts from that definition:

- the wire contract: ``sync.protocol`` carries the same entities and fields;
- the client's store: every stored field has its column (``<name>_enc`` when personal, a child table
  when nested), and every column is a field or one of the store's own bookkeeping columns;
- the server: what central checks, requires, freezes and keeps out of a record, and what it really
  stores after a sync of every kind of record a counter makes;
- the client's use cases: every op they queue passes the server's checks.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from typing import get_args

import pytest
from sqlalchemy import select

from central import db, push, validation
from counter_app import entity_fields as ef
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.records import Application
from counter_app.services import ratings
from counter_app.services.seed import Seeder
from counter_app.store.sync_records import LOCAL_ONLY_COLUMNS, TABLES
from sync import protocol as p
from tests.central_server import CentralServer
from tests.core.test_intake import TEMP_AID, draft, everything, item
from tests.sync.test_end_to_end import sync

ACTOR = Actor.command_line("schema")


def _columns(counter: Counter, table: str) -> set[str]:
    return {row["name"] for row in counter.ctx.store.all(f"PRAGMA table_info({table})")}


def test_the_wire_contract_carries_the_one_definition() -> None:
    assert p.ENTITY_FIELDS is ef.ENTITY_FIELDS
    assert get_args(p.Entity) == ef.ENTITIES == p.ENTITIES
    for entity, fields in ef.ENTITY_FIELDS.items():
        names = [field.name for field in fields]
        assert len(names) == len(set(names)), f"{entity} lists a field twice"
        assert len(names) <= p.MAX_OP_DATA_KEYS


@pytest.mark.parametrize("entity", ef.ENTITIES)
def test_every_stored_field_has_its_column_and_every_column_its_field(counter: Counter, entity: str) -> None:
    table = TABLES[entity]
    columns = _columns(counter, table)
    expected = set(ef.plain_columns(entity))
    expected |= {f"{f.name}_enc" for f in ef.stored_fields(entity) if f.personal}
    synced_columns = columns - LOCAL_ONLY_COLUMNS[table]
    assert synced_columns == expected, (
        f"{table}: columns without a field {sorted(synced_columns - expected)}, "
        f"fields without a column {sorted(expected - synced_columns)}"
    )
    assert LOCAL_ONLY_COLUMNS[table] <= columns, f"{table} lost a column of its own"
    for field in ef.stored_fields(entity):
        if field.child_table:
            assert _columns(counter, field.child_table), f"no table {field.child_table} for {field.name}"
    for field in ef.ENTITY_FIELDS[entity]:
        if not field.stored:
            assert field.name not in columns and f"{field.name}_enc" not in columns


def test_the_application_record_the_core_hands_out_has_every_stored_field() -> None:
    """``records.Application`` decides which columns are read back: a field missing there would be
    dropped from every record read (and from the local copy a conflict keeps)."""
    record = {field.name for field in dataclasses.fields(Application)} - {"id", "version", "sync_state"}
    assert record == {f.name for f in ef.stored_fields("application") if f.child_table is None}


@pytest.mark.parametrize("entity", ef.ENTITIES)
def test_the_server_checks_exactly_the_defined_fields(entity: str) -> None:
    assert set(validation.FIELDS[entity]) == ef.field_names(entity)
    assert set(validation.REQUIRED_ON_CREATE[entity]) == set(ef.required_names(entity))
    assert validation.IMMUTABLE[entity] == ef.immutable_names(entity)
    assert dict(push.LINKS[entity]) == ef.links(entity)
    assert ef.transient_names() == push.TRANSIENT


def _make_every_kind_of_record(counter: Counter) -> None:
    """Seeded intake (accepted, 容缺, one-time notices, refusals, suspensions, completions, deliveries,
    ratings with their rectifications), plus a scan, a withdrawal and a closed rectification."""
    Seeder(counter, ACTOR, seed=7).run(60)
    apps = counter.queries.applications(ACTOR, limit=1000)
    accepted = next(a for a in apps if a.status in ("accepted", "in_progress"))
    counter.intake.attach(ACTOR, accepted.id, "M01", "户口簿.pdf", b"%PDF-1.4\n" + b"x" * 2000 + b"\n%%EOF\n")
    open_case = next(a for a in apps if a.status in ("accepted", "in_progress", "awaiting_materials"))
    counter.cases.withdraw(ACTOR, open_case.id, "申请人撤回")
    tasks = counter.ratings.open_rectifications(ACTOR)
    assert tasks, "the seed made no poor rating"
    counter.ratings.close_rectification(ACTOR, tasks[0]["id"], "已电话回访并改进")
    pending = draft(counter, ACTOR, TEMP_AID)
    minor = tuple(m.code for m in item(counter, TEMP_AID).materials if m.mandatory and m.minor)
    counter.intake.record_materials(ACTOR, pending.id, everything(item(counter, TEMP_AID), leave_out=minor))
    counter.intake.accept_pending(ACTOR, pending.id, "本人承诺十日内补齐", date(2026, 12, 4))
    refused = draft(counter, ACTOR, TEMP_AID)
    counter.intake.refuse(ACTOR, refused.id, "不属于本机关职权范围", "可向县民政局申请")
    counter.applicants.update_contact(ACTOR, accepted.applicant_id, phone="13912345678", address="青山镇一组")


def test_every_op_the_client_queues_passes_the_servers_checks(counter: Counter) -> None:
    _make_every_kind_of_record(counter)
    ops = counter.exchange.pending_ops(100_000)
    seen: dict[str, set[str]] = {}
    for op in ops:
        assert op.data.keys() <= ef.field_names(op.entity), f"{op.entity} op with unknown fields"
        validation.check_data(op.entity, op.data, creating=op.op == "create")
        seen.setdefault(op.entity, set()).update(op.data)
    assert set(seen) == set(ef.ENTITIES), "some entity was never queued: the check proves nothing"
    # Every field of the definition is written by some use case (none is dead on the client).
    for entity, names in seen.items():
        assert ef.field_names(entity) - names == set(), entity


def test_what_central_stores_is_exactly_the_stored_fields(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("c1")
    _make_every_kind_of_record(counter)
    report = sync(counter)
    assert report.outcome == "ok" and report.rejected == 0 and report.conflicts == 0
    with central.engine.connect() as conn:
        rows = conn.execute(select(db.records.c.entity, db.records.c.data)).all()
    kept: dict[str, set[str]] = {}
    for entity, data in rows:
        kept.setdefault(entity, set()).update(json.loads(data))
    assert set(kept) == set(ef.ENTITIES)
    for entity, names in kept.items():
        stored = {f.name for f in ef.stored_fields(entity)}
        assert names <= stored, f"central keeps {sorted(names - stored)} of {entity}"
        assert not names & ef.transient_names()
    # And a second counter of the office gets each record back into its columns, field for field
    # (personal ones decrypted: the same citizen, the same scan).
    other = make_counter("c2")
    assert sync(other).outcome == "ok"
    for entity in ef.ENTITIES:
        table = TABLES[entity]
        here = {r["id"]: r for r in counter.ctx.store.all(f"SELECT id FROM {table}")}
        there = {r["id"]: r for r in other.ctx.store.all(f"SELECT id FROM {table}")}
        assert here.keys() == there.keys() and here, entity
        for record_id in here:
            mine = _readable(counter, entity, record_id)
            theirs = _readable(other, entity, record_id)
            assert mine == theirs, (entity, record_id)


def _readable(counter: Counter, entity: str, record_id: str) -> dict[str, object]:
    """The record's stored wire fields as this counter holds them, personal ones decrypted."""
    row = counter.exchange.records.local_row(entity, record_id)
    assert row is not None
    if entity == "attachment":
        row = dict(row, name=counter.ctx.cipher.decrypt(row["name_enc"], "attachment.name"))
    return {f.name: row[f.name] for f in ef.stored_fields(entity)}


def test_the_rating_aspects_are_one_list_checked_item_by_item() -> None:
    assert tuple(ratings.ASPECTS) == ef.RATING_ASPECTS  # the core's words, in the wire's order
    check = validation.FIELDS["rating"]["unsatisfied_aspects"]
    for good in (None, ["efficiency"], ["efficiency", "attitude"], list(ef.RATING_ASPECTS)):
        check("unsatisfied_aspects", good)
    for bad in ("attitude", ["rude"], [1], ["attitude", "efficiency"], ["attitude", "attitude"], [None]):
        with pytest.raises(validation.Rejected) as refused:
            check("unsatisfied_aspects", bad)
        assert refused.value.field == "unsatisfied_aspects" and refused.value.message


def test_central_checks_each_suspension_and_every_date() -> None:
    check = validation.FIELDS["application"]["suspensions"]
    period = {"started_on": "2026-11-03", "ended_on": None, "reason": "专家评审"}
    for good in (None, [], [period], [period, {**period, "ended_on": "2026-11-17"}]):
        check("suspensions", good)
    bad = [
        ({"x": 1}, "suspensions"),
        ([{**period, "started_on": "3 Nov"}], "suspensions[0].started_on"),
        ([period, {**period, "reason": None}], "suspensions[1].reason"),
        ([{"started_on": "2026-11-03", "reason": "x", "by": "me"}], "suspensions[0].by"),
        (["2026-11-03"], "suspensions[0]"),
        ([period] * (ef.MAX_SUSPENSIONS + 1), "suspensions"),
    ]
    for value, field in bad:
        with pytest.raises(validation.Rejected) as refused:
            check("suspensions", value)
        assert refused.value.field == field, value
    dates = validation.FIELDS["rating"]["rated_at"]
    for good in ("2026-11-23", "2026-11-23T09:30:00+08:00", "2026-11-23T01:30:00.123456+00:00", None):
        dates("rated_at", good)
    for wrong in ("yesterday", "2026-13-01", "23/11/2026", 20261123):
        with pytest.raises(validation.Rejected):
            dates("rated_at", wrong)
    channel = validation.FIELDS["rating"]["channel"]
    channel("channel", "counter-screen")
    with pytest.raises(validation.Rejected):
        channel("channel", "whatever")
