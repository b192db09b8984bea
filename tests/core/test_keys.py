"""Moving the data key and the device token from the fallback file to the OS keyring (KeyService)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.services.applicants import PersonInput
from counter_app.services.enrollment import TOKEN
from tests.support import MemoryKeyring

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def counter(data_dir: Path, clock: FixedClock, isolated: MemoryKeyring) -> Iterator[Counter]:
    """A profile made where no keyring worked (the fallback file); the keyring works from now on."""
    keyring.set_keyring(fail.Keyring())
    opened = Counter.open(data_dir, clock=clock)
    keyring.set_keyring(isolated)
    yield opened
    opened.close()


def _pretend_enrolled(counter: Counter, token: str = "device-token-1") -> None:
    counter.ctx.secrets.set(TOKEN, token)


DESK = Actor.command_line("desk")


def _register(counter: Counter) -> str:
    person = PersonInput(name="张三", id_number=ID_NUMBER, phone="13800138000", address="青山镇1号")
    return counter.applicants.register_person(DESK, person).id


def test_move_to_keyring_copies_checks_records_and_removes_the_file(
    counter: Counter, admin: Actor, isolated: MemoryKeyring, data_dir: Path, clock: FixedClock
) -> None:
    _pretend_enrolled(counter)
    applicant_id = _register(counter)
    before = counter.keys.status(admin)
    assert before.backend == "file" and not before.secure and before.token_present
    assert before.keyring_works and before.can_move
    key_file = Path(before.location)
    stored = json.loads(key_file.read_text("utf-8"))
    assert set(stored) == {"data_key", TOKEN}
    assert not any(user.endswith(":data_key") for _service, user in isolated.values)

    after = counter.keys.move_to_keyring(admin)

    assert after.backend == "keyring" and after.secure and after.token_present and not after.can_move
    assert after.leftover_file is None
    assert not key_file.exists()
    in_keyring = {user.split(":", 1)[1]: value for (_service, user), value in isolated.values.items()}
    assert in_keyring["data_key"] == stored["data_key"] and in_keyring[TOKEN] == stored[TOKEN]
    assert counter.ctx.settings.get("secrets_backend") == "keyring"
    event = [e for e in counter.ctx.audit_log.iter_events() if e["action"] == "keys.move"][-1]
    assert event["actor"] == admin.audit_name and event["entity_id"] == counter.ctx.settings.get("install_id")
    assert counter.admin.verify_audit(DESK).ok
    # the running profile goes on: the token from the keyring, personal data still decrypted
    assert counter.enrollment.token() == "device-token-1"
    assert counter.applicants.reveal(DESK, applicant_id).id_number == ID_NUMBER
    assert counter.applicants.find_by_id_number(DESK, ID_NUMBER) is not None
    counter.close()

    with Counter.open(data_dir, clock=clock) as again:  # opens from the keyring now
        assert again.ctx.secrets.backend == "keyring"
        assert again.enrollment.token() == "device-token-1"
        assert again.applicants.reveal(DESK, applicant_id).id_number == ID_NUMBER


def test_another_connection_follows_the_move_for_the_token(
    counter: Counter, admin: Actor, data_dir: Path, clock: FixedClock
) -> None:
    _pretend_enrolled(counter, "tok-2")
    with Counter.open(data_dir, clock=clock) as scheduler_side:  # the sync thread's own connection
        assert scheduler_side.ctx.secrets.backend == "file"
        counter.keys.move_to_keyring(admin)
        assert scheduler_side.enrollment.token() == "tok-2"  # not lost with the removed file
        assert scheduler_side.ctx.secrets.backend == "keyring"


def test_refused_when_no_keyring_works(counter: Counter, admin: Actor) -> None:
    keyring.set_keyring(fail.Keyring())
    status = counter.keys.status(admin)
    assert not status.keyring_works and not status.can_move
    with pytest.raises(ValidationError) as caught:
        counter.keys.move_to_keyring(admin)
    assert caught.value.field == "keyring" and caught.value.code == "no_keyring"
    assert Path(status.location).exists() and counter.ctx.settings.get("secrets_backend") == "file"
    assert not any(e["action"] == "keys.move" for e in counter.ctx.audit_log.iter_events())


def test_refused_when_already_on_the_keyring(counter: Counter, admin: Actor) -> None:
    counter.keys.move_to_keyring(admin)
    with pytest.raises(ValidationError) as caught:
        counter.keys.move_to_keyring(admin)
    assert caught.value.code == "already_keyring"


def test_a_file_left_by_an_interrupted_move_is_reported_and_removed(counter: Counter, admin: Actor) -> None:
    key_file = Path(counter.keys.status(admin).location)
    saved = key_file.read_bytes()
    counter.keys.move_to_keyring(admin)
    key_file.write_bytes(saved)  # as if the process died between the commit and the removal
    status = counter.keys.status(admin)
    assert status.backend == "keyring" and status.leftover_file == str(key_file) and status.can_move
    counter.keys.move_to_keyring(admin)
    assert not key_file.exists() and counter.keys.status(admin).leftover_file is None


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_the_administrator_moves_keys_or_enrolls(
    counter: Counter, role: str, request: pytest.FixtureRequest
) -> None:
    actor: Actor = request.getfixturevalue(role)
    key_file = Path(counter.ctx.secrets.fallback_file)
    with pytest.raises(PermissionDenied):
        counter.keys.move_to_keyring(actor)
    with pytest.raises(PermissionDenied):
        counter.keys.status(actor)
    with pytest.raises(PermissionDenied):
        counter.enrollment.save(actor, "http://x", "dev", "tok", "QS", "青山镇", "ABCD", "epoch")
    assert key_file.exists() and counter.ctx.settings.get("secrets_backend") == "file"
    assert counter.enrollment.current() is None
    denied = [e for e in counter.ctx.audit_log.iter_events() if e["action"] == "permission.denied"]
    assert len(denied) == 3 and all(e["actor"] == actor.audit_name for e in denied)
