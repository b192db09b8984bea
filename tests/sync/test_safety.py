"""What sync must never do: keep a citizen's data in plaintext, forget a device token on a mere 401,
mix two offices' records in one profile, or let one unsendable op block the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from counter_app.core import Counter
from counter_app.errors import ValidationError
from sync.engine import SyncEngine, enroll
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, register, sync, synced

PHONE_A, PHONE_B = "13800138001", "13900139002"


def test_a_conflict_answer_is_not_kept_in_plaintext(
    make_counter: Callable[..., Counter], central: CentralServer, tmp_path: Path
) -> None:
    a, b = make_counter("a"), make_counter("b")
    applicant = register(a, 41)
    synced(a)
    synced(b)
    a.applicants.update_contact(ACTOR, applicant.id, phone=PHONE_A)
    b.applicants.update_contact(ACTOR, applicant.id, phone=PHONE_B)
    synced(a)
    assert sync(b).conflicts == 1
    b.ctx.store.checkpoint()
    id_number = b.applicants.reveal(ACTOR, applicant.id).id_number
    assert id_number
    for path in (tmp_path / "b").rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert PHONE_A.encode() not in content, path  # the server's copy came in the answer
            assert id_number.encode() not in content, path


def test_a_401_that_is_not_a_revocation_keeps_the_token(make_counter: Callable[..., Counter]) -> None:
    counter = make_counter("a")
    token = counter.enrollment.token()
    counter.ctx.secrets.set("device_token", "x" * 43)  # e.g. a proxy's 401, or a central restored from backup
    report = SyncEngine(counter).run()
    assert report.outcome == "failed" and "401" in (report.error or "")
    assert counter.enrollment.token() == "x" * 43
    counter.ctx.secrets.set("device_token", token or "")
    assert SyncEngine(counter).run().outcome == "ok"


def test_a_profile_with_records_cannot_move_to_another_office(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    from central import admin

    counter = make_counter("a")
    register(counter, 42)
    with pytest.raises(ValidationError) as refused:
        enroll(counter, central.url, admin.new_enroll_code(central.engine, "BS"), "a")
    assert refused.value.field == "code" and refused.value.code == "other_office"
    assert counter.enrollment.current().office_code == "QS"
    assert SyncEngine(counter).run().outcome == "ok"


def test_an_op_the_protocol_cannot_carry_is_refused_and_the_rest_go(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    first = register(counter, 43)
    # An op whose data has more keys than the protocol allows (written here straight into the outbox).
    with counter.ctx.store.transaction():
        counter.ctx.queue(ACTOR, "applicant", first.id, "update", 0, {f"k{i}": i for i in range(200)})
    second = register(counter, 44)
    report = SyncEngine(counter).run()
    assert report.rejected == 1 and report.outcome == "partial"
    assert counter.exchange.pending_count() == 0
    states = {op.op_id: op.state for op in counter.ctx.outbox.for_entity(second.id)}
    assert set(states.values()) == {"done"}
