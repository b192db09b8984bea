"""The citizen rates on the counter screen: the clerk opens a session (audited), the citizen's answer is
recorded against it with the channel ``counter-screen``; the clerk cannot record that level alone."""

from __future__ import annotations

import json

import pytest

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from counter_app.records import RatingSession
from counter_app.services.ratings import COUNTER_SCREEN
from tests.core.test_ratings import ITEM, _application, _counts


def _events(counter: Counter, count: int) -> list[dict]:
    """The last ``count`` audit events, oldest first, details decoded."""
    rows = counter.ctx.audit_log.recent(count)[::-1]
    return [dict(row, detail=json.loads(row["detail"])) for row in rows]


def test_opening_a_session_is_audited_and_shows_only_the_service_and_the_receipt(
    counter: Counter, clerk: Actor
) -> None:
    app = _application(counter, clerk, "delivered")
    session = counter.ratings.open_session(clerk, app.id)
    item = counter.catalogue.item(ITEM)
    assert (session.application_id, session.receipt_no) == (app.id, app.receipt_no)
    assert (session.item_name, session.item_name_en) == (item.name, item.name_en)
    assert session.opened_by == clerk.audit_name and len(session.token) >= 32
    # Nothing of the citizen: the record has no field that could carry a name or a number.
    assert set(RatingSession.__dataclass_fields__) == {
        "token",
        "application_id",
        "receipt_no",
        "item_name",
        "item_name_en",
        "opened_by",
    }
    (event,) = _events(counter, 1)
    assert (event["action"], event["actor"], event["entity"], event["entity_id"], event["outcome"]) == (
        "rating.session_open",
        clerk.audit_name,
        "application",
        app.id,
        "success",
    )
    assert counter.ratings.session_open(session.token)
    assert counter.ctx.ratings.for_application(app.id) is None  # opening records nothing


def test_the_citizens_answer_is_recorded_with_the_counter_screen_channel(
    counter: Counter, clerk: Actor
) -> None:
    app = _application(counter, clerk, "delivered")
    session = counter.ratings.open_session(clerk, app.id)
    rating = counter.ratings.submit(session.token, 2, ["attitude"], "  窗口人员很耐心 ")
    stored = counter.ctx.ratings.for_application(app.id)
    assert (stored["level"], stored["channel"], stored["comment"], stored["unsatisfied_aspects"]) == (
        2,
        COUNTER_SCREEN,
        "窗口人员很耐心",
        ["attitude"],
    )
    assert counter.cases.get(clerk, app.id).status == "rated"
    (op,) = counter.ctx.outbox.for_entity(rating["id"])
    assert op.data["channel"] == "counter-screen" and op.user_id == clerk.user_id
    record = next(e for e in _events(counter, 3) if e["action"] == "rating.record")
    assert record["actor"] == clerk.audit_name  # the clerk handed the screen over
    assert record["detail"] == {
        "level": 2,
        "channel": "counter-screen",
        "given_by": "citizen",
        "screen_opened_by": clerk.audit_name,
    }
    assert not counter.ratings.session_open(session.token)


def test_a_clerk_cannot_record_a_counter_screen_level_without_an_open_session(
    counter: Counter, clerk: Actor
) -> None:
    app = _application(counter, clerk, "delivered")
    before = _counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.ratings.rate(clerk, app.id, 1, COUNTER_SCREEN)
    assert (info.value.field, info.value.code) == ("channel", "citizen_only")
    with pytest.raises(NotFound):
        counter.ratings.submit("a-token-nobody-opened", 1)
    with pytest.raises(NotFound):
        counter.ratings.submit("", 1)
    assert _counts(counter) == before
    assert counter.cases.get(clerk, app.id).status == "delivered"


def test_rating_twice_is_refused(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    session = counter.ratings.open_session(clerk, app.id)
    counter.ratings.submit(session.token, 1)
    before = _counts(counter)
    with pytest.raises(NotFound):
        counter.ratings.submit(session.token, 5)  # the session ended with the rating
    with pytest.raises(InvalidTransition):
        counter.ratings.open_session(clerk, app.id)  # rated: no new session
    assert _counts(counter) == before
    assert counter.ctx.ratings.for_application(app.id)["level"] == 1


def test_a_refused_applicant_rated_already_gets_no_second_session(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "refused")
    session = counter.ratings.open_session(clerk, app.id)
    counter.ratings.submit(session.token, 3)
    with pytest.raises(ValidationError) as info:
        counter.ratings.open_session(clerk, app.id)  # the status stays refused; the rating is there
    assert info.value.code == "duplicate"


@pytest.mark.parametrize("status", ["draft", "accepted", "in_progress", "completed"])
def test_no_session_for_a_visit_that_cannot_be_rated(counter: Counter, clerk: Actor, status: str) -> None:
    app = _application(counter, clerk, status)
    before = _counts(counter)
    with pytest.raises(InvalidTransition):
        counter.ratings.open_session(clerk, app.id)
    assert _counts(counter) == before  # no audit event of an opening either


def test_a_role_without_record_rating_may_not_open_one(counter: Counter, clerk: Actor, admin: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    with pytest.raises(PermissionDenied):
        counter.ratings.open_session(admin, app.id)
    (event,) = _events(counter, 1)
    assert (event["action"], event["actor"]) == ("permission.denied", admin.audit_name)
    assert event["outcome"] == "denied"


def test_a_poor_rating_with_aspects_opens_a_rectification_task(
    counter: Counter, clerk: Actor, supervisor: Actor
) -> None:
    app = _application(counter, clerk, "delivered")
    session = counter.ratings.open_session(clerk, app.id)
    rating = counter.ratings.submit(session.token, 5, ["attitude", "efficiency"], "等了两个小时")
    (task,) = counter.ratings.rectifications(supervisor, "open")
    assert (task.rating_id, task.application_id, task.receipt_no) == (rating["id"], app.id, app.receipt_no)
    assert (task.level, task.channel, task.comment) == (5, COUNTER_SCREEN, "等了两个小时")
    assert task.unsatisfied_aspects == ("efficiency", "attitude")
    assert task.due_date == "2026-11-30"  # five working days after Mon 23 Nov 2026


def test_a_refused_value_keeps_the_session_open(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    session = counter.ratings.open_session(clerk, app.id)
    before = _counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.ratings.submit(session.token, 2, (), "长" * 501)
    assert info.value.field == "comment"
    with pytest.raises(ValidationError) as info:
        counter.ratings.submit(session.token, 0)
    assert info.value.field == "level"
    assert _counts(counter) == before
    counter.ratings.submit(session.token, 2, (), "长" * 500)
    assert counter.ctx.ratings.for_application(app.id)["level"] == 2


def test_cancelling_ends_the_session_and_is_audited(counter: Counter, clerk: Actor) -> None:
    app = _application(counter, clerk, "delivered")
    session = counter.ratings.open_session(clerk, app.id)
    assert counter.ratings.cancel_session(session.token) is True
    (event,) = _events(counter, 1)
    assert (event["action"], event["actor"], event["entity_id"]) == (
        "rating.session_cancel",
        clerk.audit_name,
        app.id,
    )
    assert counter.ratings.cancel_session(session.token) is False
    with pytest.raises(NotFound):
        counter.ratings.submit(session.token, 1)
    assert counter.cases.get(clerk, app.id).status == "delivered"


def test_opening_again_ends_the_earlier_session_of_that_visit(counter: Counter, clerk: Actor) -> None:
    first_app = _application(counter, clerk, "delivered")
    other_app = _application(counter, clerk, "delivered")
    first = counter.ratings.open_session(clerk, first_app.id)
    other = counter.ratings.open_session(clerk, other_app.id)
    again = counter.ratings.open_session(clerk, first_app.id)
    assert again.token != first.token
    with pytest.raises(NotFound):
        counter.ratings.submit(first.token, 1)
    assert counter.ratings.session_open(other.token)  # another visit's session stays
    counter.ratings.submit(again.token, 1)
    counter.ratings.submit(other.token, 2)
    assert counter.ctx.ratings.for_application(first_app.id)["level"] == 1
