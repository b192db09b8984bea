"""Staff accounts administered without IT support (issue 11): edit, reset a password to a temporary
one that must be changed at the next login, lock, the last-administrator rule, last login and
failures — and every task refused for clerks and supervisors, with the refusal audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from counter_app.accounts import MAX_FAILED_LOGINS, Actor, PasswordChangeRequired, Permission, Role
from counter_app.clock import FixedClock, iso
from counter_app.core import Counter
from counter_app.errors import AccountLocked, AuthenticationFailed, PermissionDenied, ValidationError
from counter_app.services.applicants import PersonInput

PASSWORD = "correct horse 1"  # the conftest fixtures' password
TEMPORARY = "temporary pw 42"


def _events(counter: Counter, action: str) -> list[dict[str, Any]]:
    return [e for e in counter.ctx.audit_log.iter_events() if e["action"] == action]


def _user(counter: Counter, username: str):
    record = counter.ctx.users.by_username(username)
    assert record is not None
    return record


# --- edit ---------------------------------------------------------------------------------------------


def test_edit_display_name_and_role_is_audited_with_what_changed(
    counter: Counter, admin: Actor, clerk: Actor
) -> None:
    member = counter.accounts.edit_user(admin, "clerk1", display_name=" 李四 ", role=Role.SUPERVISOR)
    assert (member.display_name, member.role) == ("李四", "supervisor")
    record = _user(counter, "clerk1")
    assert (record.display_name, record.role) == ("李四", "supervisor")
    (event,) = _events(counter, "user.edit")
    assert (event["actor"], event["entity_id"], event["outcome"]) == ("user:admin1", clerk.user_id, "success")
    assert json.loads(event["detail"])["changes"] == {
        "display_name": ["clerk one", "李四"],
        "role": ["clerk", "supervisor"],
    }
    # The next login gets the new role's permissions.
    actor = counter.accounts.login("clerk1", PASSWORD)
    assert actor.role is Role.SUPERVISOR and actor.can(Permission.VIEW_AUDIT)


def test_edit_without_a_change_writes_nothing(counter: Counter, admin: Actor, clerk: Actor) -> None:
    before = counter.ctx.audit_log.count()
    member = counter.accounts.edit_user(admin, "clerk1", display_name="clerk one", role="clerk")
    assert member.display_name == "clerk one"
    assert counter.ctx.audit_log.count() == before


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"display_name": "   "}, "display_name", "required"),
        ({"display_name": "名" * 65}, "display_name", "too_long"),
        ({"role": "mayor"}, "role", "choice"),
    ],
)
def test_edit_refuses_bad_values_on_their_field(
    counter: Counter, admin: Actor, clerk: Actor, changes: dict[str, str], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as info:
        counter.accounts.edit_user(admin, "clerk1", **changes)
    assert (info.value.field, info.value.code) == (field, code)
    assert _user(counter, "clerk1").display_name == "clerk one"


# --- the last administrator -----------------------------------------------------------------------------


def test_the_last_active_administrator_can_be_neither_demoted_nor_locked(
    counter: Counter, admin: Actor
) -> None:
    with pytest.raises(ValidationError) as demoted:
        counter.accounts.edit_user(admin, "admin1", role=Role.CLERK)
    assert (demoted.value.field, demoted.value.code) == ("role", "last_admin")
    with pytest.raises(ValidationError) as locked:
        counter.accounts.set_locked(admin, "admin1", True)
    assert (locked.value.field, locked.value.code) == ("username", "last_admin")
    assert _user(counter, "admin1").role == "admin" and not _user(counter, "admin1").locked
    assert _events(counter, "user.edit") == [] and _events(counter, "user.lock") == []
    # Renaming the last administrator is fine.
    assert counter.accounts.edit_user(admin, "admin1", display_name="王芳").display_name == "王芳"


def test_with_a_second_administrator_one_may_be_demoted_and_then_the_other_is_the_last(
    counter: Counter, admin: Actor
) -> None:
    counter.accounts.add_user(admin, "boss2", "Boss two", Role.ADMIN, PASSWORD)
    counter.accounts.edit_user(admin, "boss2", role=Role.SUPERVISOR)
    with pytest.raises(ValidationError):
        counter.accounts.edit_user(admin, "admin1", role=Role.SUPERVISOR)
    # A locked administrator does not count as one who can act.
    counter.accounts.edit_user(admin, "boss2", role=Role.ADMIN)
    counter.accounts.set_locked(admin, "boss2", True)
    with pytest.raises(ValidationError) as info:
        counter.accounts.set_locked(admin, "admin1", True)
    assert info.value.code == "last_admin"
    counter.accounts.set_locked(admin, "boss2", True)  # locking a locked one again is no harm
    assert _user(counter, "boss2").locked


# --- reset and the must-change rule ---------------------------------------------------------------------


def test_reset_sets_a_temporary_password_unlocks_and_forgets_failures(
    counter: Counter, admin: Actor, clerk: Actor
) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(AuthenticationFailed):
            counter.accounts.login("clerk1", "wrong password")
    with pytest.raises(AccountLocked):
        counter.accounts.login("clerk1", "wrong password")
    assert _user(counter, "clerk1").locked
    with pytest.raises(AccountLocked):
        counter.accounts.login("clerk1", PASSWORD)

    counter.accounts.reset_password(admin, "clerk1", TEMPORARY)
    record = _user(counter, "clerk1")
    assert not record.locked and record.failed_attempts == 0 and record.must_change_password
    (event,) = _events(counter, "user.reset_password")
    assert (event["actor"], event["entity_id"]) == ("user:admin1", clerk.user_id)
    assert json.loads(event["detail"]) == {"unlocked": True}
    assert TEMPORARY not in event["detail"]
    with pytest.raises(AuthenticationFailed):
        counter.accounts.login("clerk1", PASSWORD)  # the old password is gone

    actor = counter.accounts.login("clerk1", TEMPORARY)
    assert actor.user_id == clerk.user_id and actor.must_change_password
    assert not actor.can(Permission.REGISTER_APPLICANT)


def test_an_actor_who_must_change_the_password_is_refused_everything_else_until_they_do(
    counter: Counter, admin: Actor, clerk: Actor
) -> None:
    counter.accounts.reset_password(admin, "clerk1", TEMPORARY)
    actor = counter.accounts.login("clerk1", TEMPORARY)
    person = PersonInput("张三", "11010519491231002X")
    before = counter.ctx.audit_log.count()
    attempts: list[Callable[[], object]] = [
        lambda: counter.applicants.register_person(actor, person),
        lambda: counter.applicants.search(actor, "张三"),
        lambda: counter.cases.get(actor, "no-such-application"),
    ]
    for attempt in attempts:
        with pytest.raises(PasswordChangeRequired) as info:
            attempt()
        assert info.value.code == "password_change_required"
        assert isinstance(info.value, PermissionDenied)
    assert counter.ctx.store.scalar("SELECT count(*) FROM applicants") == 0
    refusals = counter.ctx.audit_log.recent(counter.ctx.audit_log.count() - before)
    assert [(e["action"], e["outcome"], e["actor"]) for e in refusals] == [
        ("permission.denied", "denied", "user:clerk1")
    ] * 3
    assert all(json.loads(e["detail"])["reason"] == "password_change_required" for e in refusals)

    # The temporary password again as the new one is refused; a wrong current one too.
    with pytest.raises(ValidationError) as same:
        counter.accounts.change_own_password(actor, TEMPORARY, TEMPORARY)
    assert (same.value.field, same.value.code) == ("password", "unchanged")
    with pytest.raises(ValidationError) as wrong:
        counter.accounts.change_own_password(actor, "not the temporary", "my new secret 1")
    assert wrong.value.field == "current_password"
    with pytest.raises(ValidationError) as short:
        counter.accounts.change_own_password(actor, TEMPORARY, "short")
    assert (short.value.field, short.value.code) == ("password", "too_short")
    assert _user(counter, "clerk1").must_change_password

    normal = counter.accounts.change_own_password(actor, TEMPORARY, "my new secret 1")
    assert not normal.must_change_password and normal.user_id == clerk.user_id
    assert normal.role is Role.CLERK
    assert not _user(counter, "clerk1").must_change_password
    assert counter.applicants.register_person(normal, person).id
    passwd = _events(counter, "user.passwd")[-1]
    assert passwd["outcome"] == "success" and json.loads(passwd["detail"]) == {"was_temporary": True}
    # From now on the new password logs in a normal actor.
    again = counter.accounts.login("clerk1", "my new secret 1")
    assert not again.must_change_password
    assert counter.admin.verify_audit(admin).ok


def test_an_administrator_does_not_reset_their_own_password(counter: Counter, admin: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        counter.accounts.reset_password(admin, "admin1", TEMPORARY)
    assert (info.value.field, info.value.code) == ("username", "own_account")
    assert not _user(counter, "admin1").must_change_password


def test_reset_refuses_a_short_temporary_password(counter: Counter, admin: Actor, clerk: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        counter.accounts.reset_password(admin, "clerk1", "short")
    assert (info.value.field, info.value.code) == ("password", "too_short")
    assert not _user(counter, "clerk1").must_change_password


def test_setting_a_password_from_the_command_line_is_not_temporary(
    counter: Counter, cli_actor: Actor, admin: Actor, clerk: Actor
) -> None:
    counter.accounts.reset_password(admin, "clerk1", TEMPORARY)
    counter.accounts.change_password(cli_actor, "clerk1", "set for good 1")
    assert not counter.accounts.login("clerk1", "set for good 1").must_change_password


# --- last login and failures ----------------------------------------------------------------------------


def test_list_users_shows_last_login_and_failed_attempts(
    counter: Counter, clock: FixedClock, admin: Actor, clerk: Actor
) -> None:
    members = {m.username: m for m in counter.accounts.list_users(admin)}
    assert members["clerk1"].last_login_at is None and members["clerk1"].last_failed_at is None
    assert not hasattr(members["clerk1"], "password_hash")

    with pytest.raises(AuthenticationFailed):
        counter.accounts.login("clerk1", "wrong password")
    failed_at = iso(clock.now())
    clock.advance(timedelta(minutes=3))
    with pytest.raises(AuthenticationFailed):
        counter.accounts.login("clerk1", "wrong password")
    second_failure = iso(clock.now())
    member = {m.username: m for m in counter.accounts.list_users(admin)}["clerk1"]
    assert member.failed_attempts == 2 and member.last_failed_at == second_failure != failed_at
    assert member.last_login_at is None

    clock.advance(timedelta(minutes=1))
    counter.accounts.login("clerk1", PASSWORD)
    member = {m.username: m for m in counter.accounts.list_users(admin)}["clerk1"]
    assert member.last_login_at == iso(clock.now())
    assert member.failed_attempts == 0 and member.last_failed_at == second_failure
    assert (member.role, member.locked, member.active) == ("clerk", False, True)


# --- refusals ---------------------------------------------------------------------------------------------

TASKS: dict[str, Callable[[Counter, Actor], object]] = {
    "add_user": lambda c, a: c.accounts.add_user(a, "newbie", "New", Role.CLERK, PASSWORD),
    "list_users": lambda c, a: c.accounts.list_users(a),
    "edit_user": lambda c, a: c.accounts.edit_user(a, "target", display_name="Renamed", role=Role.ADMIN),
    "reset_password": lambda c, a: c.accounts.reset_password(a, "target", TEMPORARY),
    "lock": lambda c, a: c.accounts.set_locked(a, "target", True),
    "unlock": lambda c, a: c.accounts.set_locked(a, "target", False),
    "set_password": lambda c, a: c.accounts.change_password(a, "target", "another password"),
}


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
@pytest.mark.parametrize("task", sorted(TASKS))
def test_every_staff_task_is_refused_for_clerks_and_supervisors_and_the_refusal_audited(
    counter: Counter, cli_actor: Actor, request: pytest.FixtureRequest, role: str, task: str
) -> None:
    actor: Actor = request.getfixturevalue(role)
    counter.accounts.add_user(cli_actor, "target", "Target", Role.CLERK, PASSWORD)
    users_before = counter.ctx.store.all("SELECT * FROM users ORDER BY id")
    events_before = counter.ctx.audit_log.count()
    with pytest.raises(PermissionDenied) as info:
        TASKS[task](counter, actor)
    assert info.value.permission == Permission.MANAGE_USERS.value
    assert counter.ctx.store.all("SELECT * FROM users ORDER BY id") == users_before
    (refusal,) = counter.ctx.audit_log.recent(counter.ctx.audit_log.count() - events_before)
    assert (refusal["action"], refusal["outcome"], refusal["actor"]) == (
        "permission.denied",
        "denied",
        actor.audit_name,
    )
    assert '"manage_users"' in refusal["detail"]


@pytest.mark.parametrize("task", sorted(TASKS))
def test_every_staff_task_is_allowed_for_the_administrator(
    counter: Counter, cli_actor: Actor, admin: Actor, task: str
) -> None:
    counter.accounts.add_user(cli_actor, "target", "Target", Role.CLERK, PASSWORD)
    TASKS[task](counter, admin)
    assert counter.ctx.audit_log.recent(1)[0]["outcome"] == "success"
