from __future__ import annotations

import stat
from pathlib import Path

import pytest

from counter_app.core import Counter
from counter_app.errors import CorruptDatabase
from counter_app.store.db import Store


def test_pragmas(counter: Counter) -> None:
    store = counter.ctx.store
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA synchronous") == 2  # FULL
    assert store.scalar("PRAGMA foreign_keys") == 1


def test_transaction_rolls_back_everything(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    store.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(ValueError), store.transaction():
        store.execute("INSERT INTO t VALUES (1)")
        with store.transaction():  # nested: joins the outer transaction
            store.execute("INSERT INTO t VALUES (2)")
        raise ValueError("abort")
    assert store.scalar("SELECT count(*) FROM t") == 0
    with store.transaction():
        store.execute("INSERT INTO t VALUES (3)")
    assert store.scalar("SELECT count(*) FROM t") == 1
    store.close()


def test_foreign_keys_enforced(counter: Counter) -> None:
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError), counter.ctx.store.transaction():
        counter.ctx.store.execute(
            "INSERT INTO application_materials (application_id, material_code, status)"
            " VALUES ('nope', 'M1', 'missing')"
        )


def test_corrupt_file_is_detected_and_backups_offered(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "backups").mkdir()
    (data_dir / "backups" / "pre-migration-v1-20260101-000000.db").write_bytes(b"old")
    (data_dir / "counter.db").write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(CorruptDatabase) as caught:
        Counter.open(data_dir)
    assert caught.value.backups and caught.value.backups[0].endswith("pre-migration-v1-20260101-000000.db")


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere"
    monkeypatch.setenv("COUNTER_APP_DATA_DIR", str(target))
    with Counter.open() as counter:
        assert counter.ctx.paths.root == target
    assert (target / "counter.db").exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o700  # personal data: the owner only
