"""A rating's unsatisfied aspects are a synced field: the citizen's choice on one counter reaches the
central platform and every other counter of the office, in the same order."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select

from central import db
from counter_app.accounts import Actor
from counter_app.core import Counter
from tests.central_server import CentralServer
from tests.core.test_ratings import _application
from tests.sync.test_end_to_end import central_record, synced

ACTOR = Actor.command_line("aspects")


def test_the_aspects_reach_central_and_the_other_counter(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    here = make_counter("c1")
    app = _application(here, ACTOR, "delivered")
    session = here.ratings.open_session(ACTOR, app.id)
    rating = here.ratings.submit(session.token, 4, ["attitude", "competence"], "说明不清楚")
    synced(here)

    record = central_record(central, rating["id"])
    assert record is not None and record.entity == "rating"
    assert record.data["unsatisfied_aspects"] == ["competence", "attitude"]
    assert (record.data["level"], record.data["channel"]) == (4, "counter-screen")

    there = make_counter("c2")
    synced(there)
    pulled = there.ctx.ratings.for_application(app.id)
    assert pulled is not None and pulled["id"] == rating["id"]
    assert pulled["unsatisfied_aspects"] == ["competence", "attitude"]
    # stored in the same canonical form on both counters
    column = "SELECT unsatisfied_aspects FROM ratings WHERE id = ?"
    assert there.ctx.store.scalar(column, (rating["id"],)) == here.ctx.store.scalar(column, (rating["id"],))
    (task,) = there.ratings.rectifications(ACTOR, "open")
    assert task.unsatisfied_aspects == ("competence", "attitude")


def test_a_rating_without_aspects_stays_without_them_everywhere(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    here = make_counter("c1")
    app = _application(here, ACTOR, "delivered")
    rating = here.ratings.rate(ACTOR, app.id, 1, "sms")
    synced(here)
    with central.engine.connect() as conn:
        (data,) = conn.execute(select(db.records.c.data).where(db.records.c.id == rating["id"])).one()
    assert json.loads(data).get("unsatisfied_aspects") is None
    there = make_counter("c2")
    synced(there)
    column = "SELECT unsatisfied_aspects FROM ratings WHERE id = ?"
    assert there.ctx.store.scalar(column, (rating["id"],)) is None
    assert there.ctx.ratings.for_application(app.id)["unsatisfied_aspects"] == []
