"""Staff accounts: roles, permissions, password hashing, the acting user.

Permissions are checked by the use cases (``actor.require(...)``), not only by hiding buttons.
The command line acts as ``cli:<os user>`` with the authority of the owner of the data directory.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from enum import Enum

from counter_app.errors import PermissionDenied, ValidationError

MAX_FAILED_LOGINS = 5
MIN_PASSWORD_LENGTH = 8

# scrypt cost: ~50 ms and 16 MiB per hash on the counter PCs we target.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class Role(str, Enum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(str, Enum):
    REGISTER_APPLICANT = "register_applicant"
    VIEW_PERSONAL_DATA = "view_personal_data"
    TAKE_IN = "take_in"  # draft, materials, accept / notice / refuse
    PROCESS = "process"  # supplement, suspend, resume, complete
    DELIVER = "deliver"
    WITHDRAW = "withdraw"
    RECORD_RATING = "record_rating"
    HANDLE_RECTIFICATION = "handle_rectification"
    VIEW_REPORTS = "view_reports"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_CATALOGUE = "manage_catalogue"
    RUN_SYNC = "run_sync"
    BACKUP = "backup"
    MANAGE_SETTINGS = "manage_settings"  # office details, idle lock, backup and retention periods, printing
    PURGE_PERSONAL_DATA = "purge_personal_data"  # retention: remove the personal data of closed cases
    EXPORT_DATA = "export_data"  # applications of a period to a file (full ID numbers audited)
    MANAGE_KEYS = "manage_keys"  # where the data key lives (keyring or the fallback file)


_CLERK = frozenset(
    {
        Permission.REGISTER_APPLICANT,
        Permission.VIEW_PERSONAL_DATA,
        Permission.TAKE_IN,
        Permission.PROCESS,
        Permission.DELIVER,
        Permission.WITHDRAW,
        Permission.RECORD_RATING,
    }
)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK,
    Role.SUPERVISOR: _CLERK
    | {Permission.HANDLE_RECTIFICATION, Permission.VIEW_REPORTS, Permission.VIEW_AUDIT, Permission.RUN_SYNC},
    # The administrator runs the installation; they do not take in applications or read citizens' data.
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_USERS,
            Permission.MANAGE_CATALOGUE,
            Permission.RUN_SYNC,
            Permission.BACKUP,
            Permission.MANAGE_SETTINGS,
            Permission.PURGE_PERSONAL_DATA,
            Permission.EXPORT_DATA,
            Permission.MANAGE_KEYS,
            Permission.VIEW_AUDIT,
            Permission.VIEW_REPORTS,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in staff member, or the command line."""

    user_id: str
    username: str
    display_name: str
    role: Role | None  # None: the command line, which holds every permission
    permissions: frozenset[Permission]
    # An administrator reset the password: until its owner chose a new one (``change_own_password``
    # with the temporary one), this actor may do nothing else — every permission check refuses.
    must_change_password: bool = False

    @classmethod
    def staff(
        cls, user_id: str, username: str, display_name: str, role: Role, *, must_change_password: bool = False
    ) -> Actor:
        return cls(user_id, username, display_name, role, ROLE_PERMISSIONS[role], must_change_password)

    @classmethod
    def command_line(cls, os_user: str | None = None) -> Actor:
        name = os_user or _os_user()
        return cls(f"cli:{name}", f"cli:{name}", name, None, frozenset(Permission))

    @property
    def audit_name(self) -> str:
        return self.username if self.role is None else f"user:{self.username}"

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions and not self.must_change_password

    def require(self, permission: Permission) -> None:
        if self.must_change_password:
            raise PasswordChangeRequired(permission.value, self.audit_name)
        if permission not in self.permissions:
            raise PermissionDenied(permission.value, self.audit_name)


class PasswordChangeRequired(PermissionDenied):
    """The actor logged in with a temporary password an administrator set: they must choose their
    own before anything else (a refusal like any other, with its own code)."""

    code = "password_change_required"


def _os_user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def validate_username(username: str) -> str:
    name = (username or "").strip()
    if not name:
        raise ValidationError("username", "a user name is required", code="required")
    if len(name) > 32 or not all(ch.isalnum() or ch in "._-" for ch in name):
        raise ValidationError("username", "use up to 32 letters, digits, '.', '_' or '-'", code="format")
    return name


def validate_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password", f"at least {MIN_PASSWORD_LENGTH} characters are required", code="too_short"
        )
    return password


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = encoded.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)
