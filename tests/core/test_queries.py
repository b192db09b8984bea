"""The applications list: pages newest first, status and text filters, masked data, permissions."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.records import ApplicationRow
from tests.core.test_cases import bring_to


def test_pages_are_newest_first_and_do_not_overlap(
    counter: Counter, cli_actor: Actor, clock: FixedClock
) -> None:
    made = []
    for _ in range(5):
        made.append(bring_to(counter, cli_actor, "draft"))
        clock.advance(timedelta(minutes=1))
    first = counter.queries.applications(cli_actor, limit=3)
    second = counter.queries.applications(cli_actor, limit=3, offset=3)
    assert [row.id for row in first + second] == [app.id for app in reversed(made)]


def test_status_and_text_filters(counter: Counter, cli_actor: Actor) -> None:
    draft = bring_to(counter, cli_actor, "draft")
    suspended = bring_to(counter, cli_actor, "suspended")
    rows = counter.queries.applications(cli_actor, status="suspended")
    assert [row.id for row in rows] == [suspended.id]
    by_receipt = counter.queries.applications(cli_actor, text=draft.receipt_no[-6:])
    assert draft.id in [row.id for row in by_receipt]
    name = counter.applicants.get(cli_actor, draft.applicant_id).name
    assert [row.id for row in counter.queries.applications(cli_actor, text=name)] == [draft.id]
    assert counter.queries.applications(cli_actor, text="%") == []


def test_rows_carry_only_masked_personal_data(counter: Counter, cli_actor: Actor) -> None:
    app = bring_to(counter, cli_actor, "accepted")
    (row,) = counter.queries.applications(cli_actor)
    assert {f.name for f in fields(ApplicationRow)} & {"id_number", "phone", "address", "form"} == set()
    assert row.id_masked is not None and "*" in row.id_masked
    assert row.due_date == app.due_date
    assert counter.queries.applications_of(cli_actor, app.applicant_id) == [row]


def test_bad_arguments_and_permissions(counter: Counter, cli_actor: Actor) -> None:
    with pytest.raises(ValidationError):
        counter.queries.applications(cli_actor, status="lost")
    with pytest.raises(ValidationError):
        counter.queries.applications(cli_actor, limit=0)
    nobody = Actor("x", "x", "nobody", None, frozenset())
    with pytest.raises(PermissionDenied):
        counter.queries.applications(nobody)
