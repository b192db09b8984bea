"""The data key lives in the keyring, or in a visible fallback file — never silently elsewhere."""

from __future__ import annotations

import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from counter_app.core import Counter
from counter_app.errors import SecretsUnavailable
from tests.support import MemoryKeyring


def test_keyring_is_used_when_it_works(counter: Counter, isolated: MemoryKeyring, config_dir: Path) -> None:
    status = counter.ctx.secrets.status()
    assert status.secure and status.backend == "keyring"
    assert any(user.endswith(":data_key") for _service, user in isolated.values)
    assert not (config_dir / "secrets").exists()
    assert counter.admin.status().secrets_secure is True


def test_fallback_file_when_no_keyring_works(data_dir: Path, config_dir: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    with Counter.open(data_dir) as counter:
        status = counter.ctx.secrets.status()
        assert status.backend == "file" and not status.secure
        assert "fallback" in status.describe()
        key_file = Path(status.detail)
        assert key_file.parent.parent == config_dir
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert not str(key_file).startswith(str(data_dir))  # a copy of the data dir does not carry the key
        admin_status = counter.admin.status()
        assert admin_status.secrets_secure is False and "fallback" in admin_status.secrets
        events = [e["action"] for e in counter.ctx.audit_log.iter_events()]
        assert events[0] == "profile.create"
    with Counter.open(data_dir) as again:  # reopens with the same file key
        assert again.ctx.secrets.backend == "file"


def test_profile_on_keyring_never_falls_back_silently(
    counter: Counter, data_dir: Path, isolated: MemoryKeyring
) -> None:
    counter.close()
    isolated.values.clear()  # the keyring lost the key
    with pytest.raises(SecretsUnavailable) as caught:
        Counter.open(data_dir)
    assert "keyring" in str(caught.value)


def test_wrong_key_is_refused(counter: Counter, data_dir: Path, isolated: MemoryKeyring) -> None:
    counter.close()
    other = MemoryKeyring()
    keyring.set_keyring(other)
    with Counter.open(data_dir.parent / "other"):
        pass
    stolen = next(v for (_s, u), v in other.values.items() if u.endswith(":data_key"))
    user = next(u for (_s, u) in isolated.values if u.endswith(":data_key"))
    keyring.set_keyring(isolated)
    isolated.values[("counter-app", user)] = stolen
    with pytest.raises(SecretsUnavailable, match="does not belong"):
        Counter.open(data_dir)
