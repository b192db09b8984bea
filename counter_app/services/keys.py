"""Where the data key lives (OS keyring or the fallback file) and moving it to the keyring.

The move keeps the profile openable at every step: the secrets are copied to the keyring and read
back first; then the database records the keyring as where they live (the one commit that switches);
only then is the fallback file removed. A crash before the commit leaves the profile on the file (a
second move overwrites the copies); a crash after it leaves a stale file, which :meth:`KeyService.status`
reports and a second move removes.

Other connections to the same profile (the sync scheduler's) keep the data key they read at opening
and follow the recorded backend for the device token (:func:`follow_recorded_backend`).
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.accounts import Actor, Permission
from counter_app.errors import SecretsUnavailable, ValidationError
from counter_app.secrets import FILE, KEYRING, keyring_works
from counter_app.services.context import Context

SECRETS_BACKEND = "secrets_backend"
TOKEN = "device_token"  # the device token's name among the secrets (enrollment keeps it there)


@dataclass(frozen=True)
class KeyStatus:
    backend: str  # KEYRING or FILE
    location: str  # the keyring backend's name, or the fallback file's path
    secure: bool  # False for the fallback file
    token_present: bool  # the device token (after enrollment) is stored
    keyring_works: bool  # an OS keyring can store and read a value here, now
    keyring_name: str  # the configured keyring backend (module.Class)
    leftover_file: str | None  # on the keyring, a fallback file is still there (an interrupted move)

    @property
    def can_move(self) -> bool:
        return self.keyring_works and (self.backend == FILE or self.leftover_file is not None)


def follow_recorded_backend(ctx: Context) -> None:
    """Switch ``ctx.secrets`` to the backend the database records, when another connection moved the
    secrets since this one opened (the recorded backend is the truth; never a guess)."""
    recorded = ctx.settings.get(SECRETS_BACKEND)
    if recorded in (KEYRING, FILE) and recorded != ctx.secrets.backend:
        ctx.secrets = ctx.secrets.with_backend(recorded)


class KeyService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def status(self, actor: Actor) -> KeyStatus:
        self.ctx.require(actor, Permission.MANAGE_KEYS)
        follow_recorded_backend(self.ctx)
        secrets = self.ctx.secrets
        status = secrets.status()
        works, name = keyring_works()
        try:
            token_present = secrets.get(TOKEN) is not None
        except SecretsUnavailable:
            token_present = False
        leftover = None
        if secrets.backend == KEYRING and secrets.fallback_file.exists():
            leftover = str(secrets.fallback_file)
        return KeyStatus(status.backend, status.detail, status.secure, token_present, works, name, leftover)

    def move_to_keyring(self, actor: Actor) -> KeyStatus:
        """Move the data key and the device token from the fallback file to the OS keyring."""
        from counter_app.core import DATA_KEY  # core composes this service

        self.ctx.require(actor, Permission.MANAGE_KEYS)
        follow_recorded_backend(self.ctx)
        current = self.ctx.secrets
        works, keyring_name = keyring_works()
        if not works:
            raise ValidationError(
                "keyring", f"no OS keyring works on this computer ({keyring_name})", code="no_keyring"
            )
        if current.backend == KEYRING:
            if not current.fallback_file.exists():
                raise ValidationError(
                    "backend", "the secrets are in the OS keyring already", code="already_keyring"
                )
            self._finish_interrupted_move(actor, DATA_KEY)
            return self.status(actor)
        values = {name: current.get(name) for name in (DATA_KEY, TOKEN)}
        copied = {name: value for name, value in values.items() if value is not None}
        if DATA_KEY not in copied:
            raise SecretsUnavailable(f"the data key is not in {current.fallback_file}")
        target = current.with_backend(KEYRING)
        for name, value in copied.items():
            target.set(name, value)
        if any(target.get(name) != value for name, value in copied.items()):
            for name in copied:
                target.delete(name)
            raise SecretsUnavailable("the OS keyring did not give back the secrets stored in it")
        with self.ctx.store.transaction():
            self.ctx.settings.set(SECRETS_BACKEND, KEYRING)
            self.ctx.audit(
                actor,
                "keys.move",
                "profile",
                current.install_id,
                source=FILE,
                target=KEYRING,
                keyring=keyring_name,
                token=TOKEN in copied,
            )
        self.ctx.secrets = target  # this connection goes on with the keyring
        current.remove_fallback_file()
        return self.status(actor)

    def _finish_interrupted_move(self, actor: Actor, data_key: str) -> None:
        """On the keyring with a fallback file left behind: remove it once the keyring holds the key."""
        secrets = self.ctx.secrets
        stale = secrets.with_backend(FILE)
        if secrets.get(data_key) is None or secrets.get(data_key) != stale.get(data_key):
            raise SecretsUnavailable("the OS keyring does not hold the data key of the file left behind")
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "keys.move", "profile", secrets.install_id, source=FILE, target=KEYRING)
        stale.remove_fallback_file()
