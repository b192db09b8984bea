"""A step decided on a stale read is refused: the sync thread's connection may apply a pulled
version between the moment a use case reads an application and the moment it writes."""

from __future__ import annotations

import pytest

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import InvalidTransition
from counter_app.people import PeopleGenerator
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder
from counter_app.workflow import Action


def _draft(counter: Counter, actor: Actor):  # type: ignore[no-untyped-def]
    person = PeopleGenerator(3).person()
    applicant = counter.applicants.register_person(
        actor, PersonInput(person.name, person.resident_id, person.mobile, person.address)
    )
    item = counter.catalogue.active().active_items()[0]
    return counter.intake.draft(actor, applicant.id, item.code, Seeder(counter, actor, 1).form_values(item))


def test_a_step_on_a_stale_read_is_refused(counter: Counter, cli_actor: Actor) -> None:
    stale = _draft(counter, cli_actor)
    # Meanwhile a pull brings version 3 of the application (e.g. a back-office change).
    with counter.ctx.store.transaction():
        counter.exchange.records.set_versions("application", [(stale.id, 3, "synced")])
    ops_before = counter.ctx.outbox.count()
    with pytest.raises(InvalidTransition, match="changed meanwhile"), counter.ctx.store.transaction():
        counter.intake.steps.apply(cli_actor, stale, Action.WITHDRAW, {"withdrawn_reason": "x"})
    assert counter.ctx.outbox.count() == ops_before
    assert counter.cases.get(cli_actor, stale.id).status == "draft"
    # Read again, the same step goes through.
    fresh = counter.cases.get(cli_actor, stale.id)
    with counter.ctx.store.transaction():
        counter.intake.steps.apply(cli_actor, fresh, Action.WITHDRAW, {"withdrawn_reason": "x"})
    assert counter.cases.get(cli_actor, stale.id).status == "withdrawn"
