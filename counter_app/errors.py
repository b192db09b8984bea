"""Typed errors raised by the core.

The core never words a message for the user: it raises one of these with a machine-readable
``code`` and, where there is one, the ``field`` at fault. The user interfaces turn them into
words in the user's language (``ui`` translates ``code``; ``str(error)`` is an English fallback
for logs and the command line).
"""

from __future__ import annotations


class CounterError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or self.code)
        if code is not None:
            self.code = code


class SyncRunning(CounterError):
    """A sync of this data directory is running (another process or thread holds its lock): a sync
    started now would not run, and a change that must hold sync off waited long enough."""

    code = "sync_running"


class StubsNotHeld(CounterError):
    """A pulled page left out records as this device's own writes (``own=stub``), but this profile
    does not hold them at those versions (restored from a backup, or the platform merged another
    writer's change into one): nothing of the page was applied; pull it again whole."""

    code = "stubs_not_held"


class ValidationError(CounterError):
    """Input refused; ``field`` names the field at fault (dotted for nested fields)."""

    code = "invalid"

    def __init__(self, field: str, message: str, *, code: str = "invalid") -> None:
        super().__init__(f"{field}: {message}", code=code)
        self.field = field
        self.detail = message


class NotFound(CounterError):
    code = "not_found"

    def __init__(self, entity: str, key: object) -> None:
        super().__init__(f"{entity} {key!r} not found")
        self.entity = entity
        self.key = key


class InvalidTransition(CounterError):
    """An application cannot take this step from its current status."""

    code = "invalid_transition"

    def __init__(self, action: str, status: str, reason: str = "") -> None:
        text = f"cannot {action} an application that is {status}"
        super().__init__(f"{text}: {reason}" if reason else text)
        self.action = action
        self.status = status
        self.reason = reason


class PermissionDenied(CounterError):
    code = "permission_denied"

    def __init__(self, permission: str, actor: str) -> None:
        super().__init__(f"{actor} may not {permission}")
        self.permission = permission
        self.actor = actor


class AuthenticationFailed(CounterError):
    """Wrong user name or password. Deliberately does not say which."""

    code = "authentication_failed"


class AccountLocked(CounterError):
    code = "account_locked"

    def __init__(self, username: str) -> None:
        super().__init__(f"account {username!r} is locked")
        self.username = username


class DatabaseTooNew(CounterError):
    """The database was written by a newer Counter; it is refused, never altered."""

    code = "database_too_new"

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            f"{path} has schema version {found}, but this Counter understands up to {supported}; "
            "install the newer Counter that wrote it (the file was not changed)"
        )
        self.path = path
        self.found = found
        self.supported = supported


class CorruptDatabase(CounterError):
    code = "database_corrupt"

    def __init__(self, path: str, detail: str, backups: list[str] | None = None) -> None:
        super().__init__(f"{path} is damaged ({detail})")
        self.path = path
        self.detail = detail
        self.backups = backups or []


class SecretsUnavailable(CounterError):
    """The data key cannot be read: the keyring lost it, or the fallback file is missing."""

    code = "secrets_unavailable"
