from __future__ import annotations

import pytest

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.applicants import PersonInput


@pytest.fixture
def busy(counter: Counter, cli_actor: Actor) -> Counter:
    for number in ("11010519491231002X", "440524198001010013"):
        counter.applicants.register_person(cli_actor, PersonInput("张三", number, "13912345678", "某镇某村"))
    return counter


def test_chain_verifies(busy: Counter, cli_actor: Actor) -> None:
    result = busy.admin.verify_audit(cli_actor)
    assert result.ok and result.events >= 3 and not result.problems


def test_edited_event_is_found(busy: Counter, cli_actor: Actor) -> None:
    busy.ctx.store.execute("UPDATE audit_events SET actor = 'someone else' WHERE seq = 2")
    result = busy.admin.verify_audit(cli_actor)
    assert not result.ok
    assert any("event 2" in p and "edited" in p for p in result.problems)


def test_removed_middle_event_is_found(busy: Counter, cli_actor: Actor) -> None:
    busy.ctx.store.execute("DELETE FROM audit_events WHERE seq = 2")
    result = busy.admin.verify_audit(cli_actor)
    assert not result.ok and any("missing" in p for p in result.problems)


def test_removed_tail_is_found(busy: Counter, cli_actor: Actor) -> None:
    last = busy.ctx.store.scalar("SELECT max(seq) FROM audit_events")
    busy.ctx.store.execute("DELETE FROM audit_events WHERE seq = ?", (last,))
    result = busy.admin.verify_audit(cli_actor)
    assert not result.ok and any("removed from the end" in p for p in result.problems)


def test_events_hold_no_personal_data(busy: Counter) -> None:
    text = " ".join(str(row) for row in busy.ctx.audit_log.iter_events())
    assert "11010519491231002X" not in text and "13912345678" not in text and "某镇某村" not in text


def test_event_records_device_time_and_sequence(busy: Counter) -> None:
    rows = list(busy.ctx.audit_log.iter_events())
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert all(r["device_ts"].startswith("2026-11-23T09:30") for r in rows)
    assert rows[-1]["actor"] == "cli:tester" and rows[-1]["action"] == "applicant.register"
