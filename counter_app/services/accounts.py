"""Staff accounts: first administrator, login with lock-out, user management.

The administrator's tasks (the Admin page's Staff tab and ``counter-app user``): add a user, edit a
display name and role, reset a password to a temporary one that its owner must change at the next
login, lock and unlock. The last active administrator can be neither demoted nor locked, so the
office is never left without someone who can do these tasks.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache

from counter_app.accounts import (
    MAX_FAILED_LOGINS,
    Actor,
    Permission,
    Role,
    hash_password,
    validate_password,
    validate_username,
    verify_password,
)
from counter_app.audit import DENIED, FAILURE
from counter_app.errors import AccountLocked, AuthenticationFailed, CounterError, NotFound, ValidationError
from counter_app.services.context import Context
from counter_app.store.users import UserRecord

MAX_DISPLAY_NAME = 64  # as the first-start dialog allows


@dataclass(frozen=True)
class StaffMember:
    """One staff account as the administrator sees it (never the password hash)."""

    id: str
    username: str
    display_name: str
    role: str  # a Role value
    locked: bool
    active: bool
    failed_attempts: int
    must_change_password: bool
    last_login_at: str | None
    last_failed_at: str | None
    created_at: str

    @classmethod
    def of(cls, record: UserRecord) -> StaffMember:
        return cls(
            id=record.id,
            username=record.username,
            display_name=record.display_name,
            role=record.role,
            locked=record.locked,
            active=record.active,
            failed_attempts=record.failed_attempts,
            must_change_password=record.must_change_password,
            last_login_at=record.last_login_at,
            last_failed_at=record.last_failed_at,
            created_at=record.created_at,
        )


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError("role", f"one of {', '.join(r.value for r in Role)}", code="choice") from None


def _display_name(value: str | None) -> str:
    name = (value or "").strip()
    if not name:
        raise ValidationError("display_name", "a display name is required", code="required")
    if len(name) > MAX_DISPLAY_NAME:
        raise ValidationError("display_name", f"use at most {MAX_DISPLAY_NAME} characters", code="too_long")
    return name


@cache
def _dummy_hash() -> str:
    """Spend the same scrypt time for unknown user names as for known ones."""
    return hash_password("not-a-real-password")


class AccountService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def needs_first_admin(self) -> bool:
        return self.ctx.users.count() == 0

    def create_first_admin(self, username: str, display_name: str, password: str) -> Actor:
        """Only possible while the profile has no account at all (first start)."""
        with self.ctx.store.transaction():
            if not self.needs_first_admin():
                raise CounterError("an administrator already exists", code="already_initialised")
            record = self._new_user(username, display_name, Role.ADMIN, password)
            self.ctx.audit(f"user:{record.username}", "user.create_first_admin", "user", record.id)
        return Actor.staff(record.id, record.username, record.display_name, Role.ADMIN)

    def add_user(
        self, actor: Actor, username: str, display_name: str, role: Role | str, password: str
    ) -> UserRecord:
        self.ctx.require(actor, Permission.MANAGE_USERS)
        role = _role(role)
        with self.ctx.store.transaction():
            record = self._new_user(username, display_name, role, password)
            self.ctx.audit(actor, "user.add", "user", record.id, role=role.value)
        return record

    def _new_user(self, username: str, display_name: str, role: Role, password: str) -> UserRecord:
        username = validate_username(username)
        display_name = _display_name(display_name or username)
        validate_password(password)
        if self.ctx.users.by_username(username) is not None:
            raise ValidationError("username", f"{username!r} already exists", code="duplicate")
        now = self.ctx.now_iso()
        record = UserRecord(
            id=str(uuid.uuid4()),
            username=username,
            display_name=display_name,
            role=role.value,
            password_hash=hash_password(password),
            failed_attempts=0,
            locked=False,
            active=True,
            created_at=now,
            updated_at=now,
        )
        self.ctx.users.insert(record)
        return record

    def login(self, username: str, password: str) -> Actor:
        """Check a password. Every attempt is audited; the account locks after repeated failures.

        The time of the last success and of the last failure are kept for the administrator. After
        a reset the login succeeds, but the actor returned ``must_change_password``: the core
        refuses them everything until ``change_own_password`` gives them a normal actor.
        """
        name = (username or "").strip()
        record = self.ctx.users.by_username(name) if name else None
        if record is None:
            verify_password(password or "", _dummy_hash())
            with self.ctx.store.transaction():
                self.ctx.audit(f"user:{name}", "login", outcome=FAILURE, reason="unknown_user")
            raise AuthenticationFailed("wrong user name or password")
        if record.locked or not record.active:
            with self.ctx.store.transaction():
                self.ctx.audit(
                    f"user:{record.username}", "login", "user", record.id, outcome=DENIED, reason="locked"
                )
            raise AccountLocked(record.username)
        now = self.ctx.now_iso()
        if not verify_password(password or "", record.password_hash):
            failures = record.failed_attempts + 1
            lock = failures >= MAX_FAILED_LOGINS
            with self.ctx.store.transaction():
                self.ctx.users.update(
                    record.id, failed_attempts=failures, locked=lock, last_failed_at=now, updated_at=now
                )
                self.ctx.audit(
                    f"user:{record.username}",
                    "login",
                    "user",
                    record.id,
                    outcome=FAILURE,
                    reason="wrong_password",
                    failures=failures,
                    locked=lock,
                )
            if lock:
                raise AccountLocked(record.username)
            raise AuthenticationFailed("wrong user name or password")
        with self.ctx.store.transaction():
            self.ctx.users.update(record.id, failed_attempts=0, last_login_at=now)
            detail = {"must_change_password": True} if record.must_change_password else {}
            self.ctx.audit(f"user:{record.username}", "login", "user", record.id, **detail)
        return self._actor(record)

    @staticmethod
    def _actor(record: UserRecord) -> Actor:
        return Actor.staff(
            record.id,
            record.username,
            record.display_name,
            Role(record.role),
            must_change_password=record.must_change_password,
        )

    def change_password(
        self, actor: Actor, username: str, new_password: str, current_password: str | None = None
    ) -> None:
        """Set a password. One's own takes the current one (``change_own_password``). An
        administrator (or the command line, ``counter-app user passwd``) setting someone else's sets
        it for good: it unlocks the account and is not a temporary one (see ``reset_password``)."""
        record = self._get(username)
        if record.id == actor.user_id:
            self.change_own_password(actor, current_password, new_password)
            return
        self.ctx.require(actor, Permission.MANAGE_USERS)
        validate_password(new_password)
        with self.ctx.store.transaction():
            self.ctx.users.update(
                record.id,
                password_hash=hash_password(new_password),
                failed_attempts=0,
                locked=False,
                must_change_password=False,
                updated_at=self.ctx.now_iso(),
            )
            self.ctx.audit(actor, "user.passwd", "user", record.id)

    def change_own_password(self, actor: Actor, current_password: str | None, new_password: str) -> Actor:
        """Change one's own password — administrators included — with the current one: a session left
        open at the counter must not let someone else take the account over. A wrong current
        password is refused on the field ``current_password`` and audited; the new one must differ
        from it (field ``password``). Also the way out of a temporary password: the actor returned
        no longer ``must_change_password``."""
        record = self.ctx.users.by_id(actor.user_id)
        if record is None or record.username != actor.username:
            raise NotFound("user", actor.username)
        if current_password is None or not verify_password(current_password, record.password_hash):
            with self.ctx.store.transaction():
                self.ctx.audit(
                    actor, "user.passwd", "user", record.id, outcome=FAILURE, reason="wrong_password"
                )
            raise ValidationError(
                "current_password", "the current password is not right", code="wrong_password"
            )
        validate_password(new_password)
        if new_password == current_password:
            raise ValidationError(
                "password", "choose a password different from the current one", code="unchanged"
            )
        with self.ctx.store.transaction():
            self.ctx.users.update(
                record.id,
                password_hash=hash_password(new_password),
                failed_attempts=0,
                locked=False,
                must_change_password=False,
                updated_at=self.ctx.now_iso(),
            )
            detail = {"was_temporary": True} if record.must_change_password else {}
            self.ctx.audit(actor, "user.passwd", "user", record.id, **detail)
            changed = self.ctx.users.by_id(record.id)
        assert changed is not None
        return self._actor(changed)

    def reset_password(self, actor: Actor, username: str, temporary_password: str) -> None:
        """An administrator gives someone who forgot their password a temporary one: the account is
        unlocked, its failed attempts forgotten, and its owner must choose a new password at the next
        login. Not for one's own account (that takes the current password, ``change_own_password``)."""
        self.ctx.require(actor, Permission.MANAGE_USERS)
        record = self._get(username)
        if record.id == actor.user_id:
            raise ValidationError(
                "username", "change your own password with the current one", code="own_account"
            )
        validate_password(temporary_password)
        with self.ctx.store.transaction():
            self.ctx.users.update(
                record.id,
                password_hash=hash_password(temporary_password),
                must_change_password=True,
                failed_attempts=0,
                locked=False,
                updated_at=self.ctx.now_iso(),
            )
            self.ctx.audit(actor, "user.reset_password", "user", record.id, unlocked=record.locked)

    def edit_user(
        self, actor: Actor, username: str, *, display_name: str | None = None, role: Role | str | None = None
    ) -> StaffMember:
        """Change a display name and/or a role (None: keep it). The audit event ``user.edit`` says what
        changed, from what to what. The last active administrator cannot be demoted (field ``role``,
        code ``last_admin``)."""
        self.ctx.require(actor, Permission.MANAGE_USERS)
        new_name = None if display_name is None else _display_name(display_name)
        new_role = None if role is None else _role(role)
        with self.ctx.store.transaction():
            record = self._get(username)
            changes: dict[str, list[str]] = {}
            if new_name is not None and new_name != record.display_name:
                changes["display_name"] = [record.display_name, new_name]
            if new_role is not None and new_role.value != record.role:
                if self._is_last_admin(record):
                    raise ValidationError(
                        "role", "the last administrator cannot be given another role", code="last_admin"
                    )
                changes["role"] = [record.role, new_role.value]
            if not changes:
                return StaffMember.of(record)
            values = {field: new for field, (_old, new) in changes.items()}
            self.ctx.users.update(record.id, **values, updated_at=self.ctx.now_iso())
            self.ctx.audit(actor, "user.edit", "user", record.id, changes=changes)
            edited = self.ctx.users.by_id(record.id)
        assert edited is not None
        return StaffMember.of(edited)

    def set_locked(self, actor: Actor, username: str, locked: bool) -> None:
        self.ctx.require(actor, Permission.MANAGE_USERS)
        record = self._get(username)
        with self.ctx.store.transaction():
            if locked and self._is_last_admin(record):
                raise ValidationError(
                    "username", "the last administrator cannot be locked", code="last_admin"
                )
            self.ctx.users.update(record.id, locked=locked, failed_attempts=0, updated_at=self.ctx.now_iso())
            self.ctx.audit(actor, "user.lock" if locked else "user.unlock", "user", record.id)

    def list_users(self, actor: Actor) -> list[StaffMember]:
        """Every account, by user name, with its state, last login and failed attempts."""
        self.ctx.require(actor, Permission.MANAGE_USERS)
        return [StaffMember.of(record) for record in self.ctx.users.all()]

    def _is_last_admin(self, record: UserRecord) -> bool:
        """``record`` is an administrator who can act, and no other one can."""
        if record.role != Role.ADMIN.value or record.locked or not record.active:
            return False
        return self.ctx.users.count_active_admins() <= 1

    def _get(self, username: str) -> UserRecord:
        record = self.ctx.users.by_username(username)
        if record is None:
            raise NotFound("user", username)
        return record
