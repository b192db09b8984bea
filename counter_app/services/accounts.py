"""Staff accounts: first administrator, login with lock-out, user management."""

from __future__ import annotations

import uuid
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
        try:
            role = Role(role)
        except ValueError:
            raise ValidationError(
                "role", f"one of {', '.join(r.value for r in Role)}", code="choice"
            ) from None
        with self.ctx.store.transaction():
            record = self._new_user(username, display_name, role, password)
            self.ctx.audit(actor, "user.add", "user", record.id, role=role.value)
        return record

    def _new_user(self, username: str, display_name: str, role: Role, password: str) -> UserRecord:
        username = validate_username(username)
        display_name = (display_name or "").strip() or username
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
        """Check a password. Every attempt is audited; the account locks after repeated failures."""
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
        if not verify_password(password or "", record.password_hash):
            failures = record.failed_attempts + 1
            lock = failures >= MAX_FAILED_LOGINS
            with self.ctx.store.transaction():
                self.ctx.users.update(
                    record.id, failed_attempts=failures, locked=lock, updated_at=self.ctx.now_iso()
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
            if record.failed_attempts:
                self.ctx.users.update(record.id, failed_attempts=0)
            self.ctx.audit(f"user:{record.username}", "login", "user", record.id)
        return Actor.staff(record.id, record.username, record.display_name, Role(record.role))

    def change_password(
        self, actor: Actor, username: str, new_password: str, current_password: str | None = None
    ) -> None:
        """Admins reset anyone else's password (this also unlocks the account). Changing one's own
        password — administrators included — takes the current one: a session left open at the
        counter must not let someone else take the account over. A wrong current password is
        refused on the field ``current_password`` and audited."""
        record = self._get(username)
        if record.id != actor.user_id:
            self.ctx.require(actor, Permission.MANAGE_USERS)
        elif current_password is None or not verify_password(current_password, record.password_hash):
            with self.ctx.store.transaction():
                self.ctx.audit(
                    actor, "user.passwd", "user", record.id, outcome=FAILURE, reason="wrong_password"
                )
            raise ValidationError(
                "current_password", "the current password is not right", code="wrong_password"
            )
        validate_password(new_password)
        with self.ctx.store.transaction():
            self.ctx.users.update(
                record.id,
                password_hash=hash_password(new_password),
                failed_attempts=0,
                locked=False,
                updated_at=self.ctx.now_iso(),
            )
            self.ctx.audit(actor, "user.passwd", "user", record.id)

    def set_locked(self, actor: Actor, username: str, locked: bool) -> None:
        self.ctx.require(actor, Permission.MANAGE_USERS)
        record = self._get(username)
        with self.ctx.store.transaction():
            if locked and record.role == Role.ADMIN.value and self.ctx.users.count_active_admins() <= 1:
                raise ValidationError(
                    "username", "the last administrator cannot be locked", code="last_admin"
                )
            self.ctx.users.update(record.id, locked=locked, failed_attempts=0, updated_at=self.ctx.now_iso())
            self.ctx.audit(actor, "user.lock" if locked else "user.unlock", "user", record.id)

    def list_users(self, actor: Actor) -> list[UserRecord]:
        self.ctx.require(actor, Permission.MANAGE_USERS)
        return self.ctx.users.all()

    def _get(self, username: str) -> UserRecord:
        record = self.ctx.users.by_username(username)
        if record is None:
            raise NotFound("user", username)
        return record
