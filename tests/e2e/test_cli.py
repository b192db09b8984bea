"""The command line as scripts use it (DESIGN §5), each command in a subprocess without a keyring."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.core import Counter
from counter_app.errors import AccountLocked, AuthenticationFailed
from counter_app.store.migrations import LATEST_VERSION
from tests.support import run_cli

STATUS_KEYS = {"pending_ops", "conflicts", "last_sync", "server", "clock_offset_s"}
PASSWORD = "correct horse 1"


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A profile with 5 seeded applications, made once and copied into each test that needs one."""
    root = tmp_path_factory.mktemp("seeded")
    data, config = root / "data", root / "config"
    result = run_cli(data, config, "seed", "--applications", "5", "--seed", "1")
    assert result.returncode == 0, result.stderr
    return data, config


@pytest.fixture
def seeded(seeded_template: tuple[Path, Path], data_dir: Path, config_dir: Path) -> tuple[Path, Path]:
    shutil.copytree(seeded_template[0], data_dir)
    shutil.copytree(seeded_template[1], config_dir)
    return data_dir, config_dir


def _status(data_dir: Path, config_dir: Path) -> dict:
    result = run_cli(data_dir, config_dir, "status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _users(data_dir: Path, config_dir: Path) -> dict[str, tuple[str, str]]:
    """``user list`` parsed: user name → (role, state)."""
    result = run_cli(data_dir, config_dir, "user", "list")
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()]
    return {row[0]: (row[1], row[2]) for row in rows}


def _user_add(
    data_dir: Path, config_dir: Path, name: str, role: str, password: str = PASSWORD
) -> subprocess.CompletedProcess[str]:
    args = ("user", "add", name, "--role", role, "--password-stdin")
    return run_cli(data_dir, config_dir, *args, stdin=password + "\n")


def _add_user(data_dir: Path, config_dir: Path, name: str, role: str, password: str = PASSWORD) -> str:
    result = _user_add(data_dir, config_dir, name, role, password)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _file_state(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns, stat.st_size


# --- status --------------------------------------------------------------------------------------
def test_status_json_has_exactly_the_documented_keys(data_dir: Path, config_dir: Path) -> None:
    before = _status(data_dir, config_dir)
    assert set(before) == STATUS_KEYS
    assert type(before["pending_ops"]) is int and type(before["conflicts"]) is int
    assert before["last_sync"] is None or isinstance(datetime.fromisoformat(before["last_sync"]), datetime)
    assert before["server"] is None or isinstance(before["server"], str)
    assert before["clock_offset_s"] is None or type(before["clock_offset_s"]) is float
    assert (before["last_sync"], before["server"], before["clock_offset_s"]) == (None, None, None)
    assert before["conflicts"] == 0

    seeded = run_cli(data_dir, config_dir, "seed", "--applications", "5")
    assert seeded.returncode == 0, seeded.stderr
    after = _status(data_dir, config_dir)
    assert set(after) == STATUS_KEYS
    # At least one op for each applicant and each application taken in.
    assert after["pending_ops"] >= before["pending_ops"] + 10


def test_status_text_warns_about_the_fallback_key_file(data_dir: Path, config_dir: Path) -> None:
    result = run_cli(data_dir, config_dir, "status")
    assert result.returncode == 0, result.stderr
    keys = next(line for line in result.stdout.splitlines() if line.startswith("keys:"))
    assert "fallback key file" in keys
    assert str(config_dir / "secrets") in keys
    assert "WARNING" in result.stderr and "keyring" in result.stderr
    assert list((config_dir / "secrets").glob("*.json"))


# --- user ----------------------------------------------------------------------------------------
def test_user_add_prints_the_new_id_alone_on_the_last_line(data_dir: Path, config_dir: Path) -> None:
    result = _user_add(data_dir, config_dir, "alice", "clerk")
    assert result.returncode == 0, result.stderr
    last = result.stdout.rstrip("\n").splitlines()[-1]
    assert str(uuid.UUID(last)) == last
    assert _users(data_dir, config_dir) == {"alice": ("clerk", "active")}
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        record = counter.ctx.users.by_username("alice")
        assert record is not None and record.id == last
        assert counter.accounts.login("alice", PASSWORD).user_id == last

    again = _user_add(data_dir, config_dir, "alice", "clerk")
    assert again.returncode == 2
    assert "username" in again.stderr


def test_user_add_refuses_a_short_password(data_dir: Path, config_dir: Path) -> None:
    result = _user_add(data_dir, config_dir, "bob", "clerk", "short")
    assert result.returncode == 2
    assert "password" in result.stderr
    assert "Traceback" not in result.stderr
    assert "bob" not in _users(data_dir, config_dir)


def test_user_add_refuses_an_unknown_role(data_dir: Path, config_dir: Path) -> None:
    result = _user_add(data_dir, config_dir, "bob", "mayor")
    assert result.returncode == 2
    assert "--role" in result.stderr and "invalid choice" in result.stderr
    assert result.stdout == ""


def _states(data_dir: Path, config_dir: Path) -> dict[str, bool]:
    """In process (faster than ``user list``): user name → locked."""
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        return {user.username: user.locked for user in counter.ctx.users.all()}


def test_user_lock_unlock_and_passwd(data_dir: Path, config_dir: Path) -> None:
    _add_user(data_dir, config_dir, "bob", "clerk")

    locked = run_cli(data_dir, config_dir, "user", "lock", "bob")
    assert locked.returncode == 0, locked.stderr
    assert _users(data_dir, config_dir)["bob"] == ("clerk", "locked")
    with Counter.open(data_dir, config_dir=config_dir) as counter, pytest.raises(AccountLocked):
        counter.accounts.login("bob", PASSWORD)

    unlocked = run_cli(data_dir, config_dir, "user", "lock", "bob", "--unlock")
    assert unlocked.returncode == 0, unlocked.stderr
    assert _states(data_dir, config_dir) == {"bob": False}

    # passwd sets a new password and unlocks a locked account.
    assert run_cli(data_dir, config_dir, "user", "lock", "bob").returncode == 0
    assert _states(data_dir, config_dir) == {"bob": True}
    changed = run_cli(
        data_dir, config_dir, "user", "passwd", "bob", "--password-stdin", stdin="new secret 22\n"
    )
    assert changed.returncode == 0, changed.stderr
    assert _users(data_dir, config_dir)["bob"] == ("clerk", "active")
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        assert counter.accounts.login("bob", "new secret 22").username == "bob"
        with pytest.raises(AuthenticationFailed):
            counter.accounts.login("bob", PASSWORD)
        actions = [row["action"] for row in counter.ctx.audit_log.iter_events()]
    assert actions.count("user.lock") == 2
    assert actions.count("user.unlock") == 1
    assert actions.count("user.passwd") == 1

    short = run_cli(data_dir, config_dir, "user", "passwd", "bob", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "password" in short.stderr
    unknown = run_cli(data_dir, config_dir, "user", "lock", "nobody")
    assert unknown.returncode == 2 and "nobody" in unknown.stderr


def test_the_last_administrator_cannot_be_locked(data_dir: Path, config_dir: Path) -> None:
    _add_user(data_dir, config_dir, "boss", "admin")
    refused = run_cli(data_dir, config_dir, "user", "lock", "boss")
    assert refused.returncode == 2
    assert "username" in refused.stderr and "last administrator" in refused.stderr
    assert _states(data_dir, config_dir) == {"boss": False}

    _add_user(data_dir, config_dir, "boss2", "admin")
    assert run_cli(data_dir, config_dir, "user", "lock", "boss").returncode == 0
    refused_again = run_cli(data_dir, config_dir, "user", "lock", "boss2")
    assert refused_again.returncode == 2 and "last administrator" in refused_again.stderr
    assert _users(data_dir, config_dir) == {"boss": ("admin", "locked"), "boss2": ("admin", "active")}


# --- audit verify --------------------------------------------------------------------------------
def _tamper(data_dir: Path, change: Callable[[sqlite3.Connection, int], None]) -> None:
    """Change the audit table directly, as someone with the file (no Counter process is running)."""
    conn = sqlite3.connect(str(data_dir / "counter.db"))
    try:
        last = conn.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
        assert last >= 10
        change(conn, last)
        conn.commit()
    finally:
        conn.close()


def _edit_actor(conn: sqlite3.Connection, last: int) -> None:
    cursor = conn.execute("UPDATE audit_events SET actor = 'user:nobody' WHERE seq = ?", (last // 2,))
    assert cursor.rowcount == 1


def _edit_detail(conn: sqlite3.Connection, last: int) -> None:
    row = conn.execute("SELECT detail FROM audit_events WHERE seq = ?", (last // 2,)).fetchone()
    detail = json.loads(row[0])
    detail["tampered"] = True
    conn.execute("UPDATE audit_events SET detail = ? WHERE seq = ?", (json.dumps(detail), last // 2))


def _delete_middle(conn: sqlite3.Connection, last: int) -> None:
    assert conn.execute("DELETE FROM audit_events WHERE seq = ?", (last // 2,)).rowcount == 1


def _delete_tail(conn: sqlite3.Connection, last: int) -> None:
    assert conn.execute("DELETE FROM audit_events WHERE seq > ?", (last - 3,)).rowcount == 3


def _verify(data_dir: Path, config_dir: Path) -> tuple[int, dict]:
    result = run_cli(data_dir, config_dir, "audit", "verify", "--json")
    return result.returncode, json.loads(result.stdout.strip().splitlines()[-1])


def test_audit_verify_passes_on_a_fresh_seeded_profile(seeded: tuple[Path, Path]) -> None:
    result = run_cli(*seeded, "audit", "verify")
    assert result.returncode == 0, result.stderr
    assert "intact" in result.stdout
    code, report = _verify(*seeded)
    assert code == 0 and report["ok"] is True and report["problems"] == []
    assert report["events"] > 20


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_edit_actor, "edited"),
        (_edit_detail, "edited"),
        (_delete_middle, "missing"),
        (_delete_tail, "removed from the end"),
    ],
)
def test_audit_verify_finds_an_edited_or_removed_event(
    seeded: tuple[Path, Path], change: Callable[[sqlite3.Connection, int], None], expected: str
) -> None:
    _tamper(seeded[0], change)
    result = run_cli(*seeded, "audit", "verify")
    assert result.returncode == 1
    assert "BROKEN" in result.stdout and expected in result.stderr


@pytest.mark.parametrize("change", [_edit_actor, _delete_middle])
def test_a_broken_chain_stays_broken(
    seeded: tuple[Path, Path], change: Callable[[sqlite3.Connection, int], None]
) -> None:
    _tamper(seeded[0], change)
    for _ in range(2):
        code, report = _verify(*seeded)
        assert code == 1 and report["ok"] is False and report["problems"]
    assert _add_user(*seeded, "after", "clerk")
    assert _verify(*seeded)[0] == 1


def test_a_removed_tail_stays_detected(seeded: tuple[Path, Path]) -> None:
    _tamper(seeded[0], _delete_tail)
    assert _verify(*seeded)[0] == 1
    assert _verify(*seeded)[0] == 1


# --- backup and restore --------------------------------------------------------------------------
def test_backup_and_restore_round_trip(seeded: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, config_dir = seeded
    at_backup = _status(data_dir, config_dir)["pending_ops"]
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    made = run_cli(data_dir, config_dir, "backup", str(usb))
    assert made.returncode == 0, made.stderr
    archive = Path(made.stdout.splitlines()[-1])  # a folder gets a file named after the office and time
    assert archive.parent == usb and archive.is_file()
    assert archive.name.startswith("counter-") and archive.suffix == ".cbk"

    more = run_cli(data_dir, config_dir, "seed", "--applications", "5", "--seed", "2")
    assert more.returncode == 0, more.stderr
    grown = _status(data_dir, config_dir)["pending_ops"]
    assert grown > at_backup

    restored = run_cli(data_dir, config_dir, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert _status(data_dir, config_dir)["pending_ops"] == at_backup

    safety = list((data_dir / "backups").glob("pre-restore-*.db"))
    assert len(safety) == 1
    assert safety[0].name in restored.stdout
    conn = sqlite3.connect(str(safety[0]))
    try:
        assert conn.execute("SELECT count(*) FROM applications").fetchone()[0] == 10
        assert conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0] == grown
    finally:
        conn.close()
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        assert counter.ctx.applications.count() == 5
        assert counter.ctx.store.integrity_check() == "ok"
        restore = counter.ctx.audit_log.recent(1)[0]  # audited in the restored chain
        assert (restore["action"], restore["outcome"]) == ("backup.restore", "success")
        assert restore["actor"].startswith("cli:") and safety[0].name in restore["detail"]
    verified = run_cli(data_dir, config_dir, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


@pytest.mark.parametrize("kind", ["text", "zip_without_database", "missing"])
def test_restore_refuses_what_is_not_a_backup(seeded: tuple[Path, Path], tmp_path: Path, kind: str) -> None:
    data_dir, config_dir = seeded
    before = _status(data_dir, config_dir)
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        database_install_id = counter.ctx.settings.get("install_id")
    path = tmp_path / "not-a-backup.zip"
    if kind == "text":
        path.write_text("just some notes\n", encoding="utf-8")
    elif kind == "zip_without_database":
        import zipfile

        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hello")
    result = run_cli(data_dir, config_dir, "restore", str(path))
    assert result.returncode == 2
    assert "path" in result.stderr and "Traceback" not in result.stderr
    assert not list((data_dir / "backups").glob("pre-restore-*"))
    # Nothing replaced: the same database, which only gained the refusal's audit event.
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        assert counter.ctx.settings.get("install_id") == database_install_id
        asked = counter.ctx.audit_log.recent(1)[0]  # the request (a zip passes it; its content not)
        assert asked["action"] == "backup.restore_request"
        assert asked["outcome"] == ("success" if kind == "zip_without_database" else "failure")
        assert counter.ctx.store.integrity_check() == "ok"
    assert _status(data_dir, config_dir) == before


# --- a database from a newer Counter -------------------------------------------------------------
def _newer_copy(seeded: tuple[Path, Path], target: Path, journal_mode: str) -> Path:
    target.mkdir()
    database = target / "counter.db"
    shutil.copyfile(seeded[0] / "counter.db", database)
    conn = sqlite3.connect(str(database))
    try:
        assert conn.execute(f"PRAGMA journal_mode = {journal_mode}").fetchone()[0] == journal_mode
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
    finally:
        conn.close()
    assert not Path(str(database) + "-wal").exists()
    return database


def _refused_unchanged(database: Path, config_dir: Path) -> None:
    before = _file_state(database)
    ignored = database.parent.parent / "not-this-one"
    result = run_cli(ignored, config_dir, "--data-dir", str(database.parent), "status")
    assert result.returncode == 2
    assert not ignored.exists()  # --data-dir wins over COUNTER_APP_DATA_DIR
    assert "schema version 99" in result.stderr and "newer" in result.stderr
    assert f"up to {LATEST_VERSION}" in result.stderr
    assert "Traceback" not in result.stderr
    assert _file_state(database) == before
    assert not Path(str(database) + "-wal").exists()
    conn = sqlite3.connect(str(database))
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    finally:
        conn.close()


def test_a_database_from_a_newer_counter_is_refused_and_left_alone(
    seeded: tuple[Path, Path], tmp_path: Path
) -> None:
    _refused_unchanged(_newer_copy(seeded, tmp_path / "newer", "wal"), seeded[1])


def test_a_newer_database_in_rollback_journal_mode_is_left_alone(
    seeded: tuple[Path, Path], tmp_path: Path
) -> None:
    _refused_unchanged(_newer_copy(seeded, tmp_path / "newer", "delete"), seeded[1])


def test_restore_replaces_a_damaged_database(tmp_path: Path) -> None:
    data, config = tmp_path / "damaged-data", tmp_path / "damaged-config"
    assert run_cli(data, config, "seed", "--applications", "3", "--seed", "5").returncode == 0
    backup = tmp_path / "good.cbk"
    assert run_cli(data, config, "backup", str(backup)).returncode == 0
    db = data / "counter.db"
    db.write_bytes(b"not a database any more" * 500)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    restored = run_cli(data, config, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert list((data / "backups").glob("damaged-*.db"))
    status = run_cli(data, config, "status", "--json")
    assert status.returncode == 0 and json.loads(status.stdout)["pending_ops"] > 0
