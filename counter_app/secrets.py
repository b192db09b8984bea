"""Where the profile's secrets live: the OS keyring, or an explicit, visible fallback.

Secrets are the data key that encrypts personal data (see :mod:`counter_app.crypto`) and, after
enrollment, the device token. They are stored under the service name ``counter-app`` with the
profile's install id in the user name, so several profiles on one machine do not collide.

When no keyring backend works (a server without a Secret Service, a kiosk session), secrets go to
``<config dir>/secrets/<install id>.json`` with mode 0600 — outside the data directory, so a copy
of the data directory or of a backup does not carry its key. The choice is recorded in the
database, reported by :meth:`Secrets.status` (the admin screen and ``counter-app status`` show it),
and never made silently: a profile created on the keyring never falls back to a new file key.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from counter_app.errors import SecretsUnavailable
from counter_app.paths import default_config_dir

SERVICE = "counter-app"
KEYRING = "keyring"
FILE = "file"


@dataclass(frozen=True)
class SecretsStatus:
    backend: str  # KEYRING or FILE
    detail: str  # the keyring backend's name, or the fallback file's path
    secure: bool  # False for the fallback file

    def describe(self) -> str:
        if self.secure:
            return f"OS keyring ({self.detail})"
        return f"fallback key file {self.detail} (no working OS keyring; protect this file)"


def keyring_works() -> tuple[bool, str]:
    """Whether the configured keyring backend can actually store and read a value."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        if getattr(backend, "priority", 1) <= 0 and "fail" in name:
            return False, name
        probe = "__counter_probe__"
        keyring.set_password(SERVICE, probe, "1")
        ok = keyring.get_password(SERVICE, probe) == "1"
        keyring.delete_password(SERVICE, probe)
        return ok, name
    except Exception:  # any backend failure means "does not work here"
        return False, name


class Secrets:
    """Secrets of one profile. ``backend`` is the one recorded in the database, or None when new."""

    def __init__(self, install_id: str, backend: str | None = None, config_dir: Path | None = None) -> None:
        self.install_id = install_id
        self._config_dir = config_dir or default_config_dir()
        if backend is None:
            works, _ = keyring_works()
            backend = KEYRING if works else FILE
        if backend not in (KEYRING, FILE):
            raise SecretsUnavailable(f"unknown secrets backend {backend!r}")
        self.backend = backend

    @property
    def fallback_file(self) -> Path:
        return self._config_dir / "secrets" / f"{self.install_id}.json"

    def with_backend(self, backend: str) -> Secrets:
        """The same profile's secrets in ``backend`` (to move them there, or to follow a move made
        through another connection)."""
        return Secrets(self.install_id, backend, self._config_dir)

    def remove_fallback_file(self) -> bool:
        """Delete the fallback file (after its secrets were moved and checked); True if there was one.

        Only this copy goes: a backup of the config directory made earlier still holds the key."""
        path = self.fallback_file
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        path.with_suffix(".tmp").unlink(missing_ok=True)
        try:
            fd = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return True
        try:
            os.fsync(fd)  # the removal survives a power cut like the setting that says where keys are
        finally:
            os.close(fd)
        return True

    def status(self) -> SecretsStatus:
        if self.backend == KEYRING:
            backend = keyring.get_keyring()
            return SecretsStatus(KEYRING, type(backend).__name__, True)
        return SecretsStatus(FILE, str(self.fallback_file), False)

    def _user(self, name: str) -> str:
        return f"{self.install_id}:{name}"

    def get(self, name: str) -> str | None:
        if self.backend == KEYRING:
            try:
                return keyring.get_password(SERVICE, self._user(name))
            except keyring.errors.KeyringError as exc:
                raise SecretsUnavailable(f"the OS keyring cannot be read: {exc}") from exc
        return self._read_file().get(name)

    def set(self, name: str, value: str) -> None:
        if self.backend == KEYRING:
            try:
                keyring.set_password(SERVICE, self._user(name), value)
            except keyring.errors.KeyringError as exc:
                raise SecretsUnavailable(f"the OS keyring cannot be written: {exc}") from exc
            return
        data = self._read_file()
        data[name] = value
        self._write_file(data)

    def delete(self, name: str) -> None:
        if self.backend == KEYRING:
            try:
                keyring.delete_password(SERVICE, self._user(name))
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                raise SecretsUnavailable(f"the OS keyring cannot be written: {exc}") from exc
            return
        data = self._read_file()
        if data.pop(name, None) is not None:
            self._write_file(data)

    def get_bytes(self, name: str) -> bytes | None:
        text = self.get(name)
        return None if text is None else base64.b64decode(text)

    def set_bytes(self, name: str, value: bytes) -> None:
        self.set(name, base64.b64encode(value).decode("ascii"))

    def _read_file(self) -> dict[str, str]:
        try:
            return json.loads(self.fallback_file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise SecretsUnavailable(f"cannot read {self.fallback_file}: {exc}") from exc

    def _write_file(self, data: dict[str, str]) -> None:
        path = self.fallback_file
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # a leftover .tmp keeps its old mode through O_CREAT
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
