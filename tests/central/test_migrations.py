"""Central schema versions: a saved database of every earlier version upgrades and keeps its data, a new
database is made at the latest version at once, and any number of processes may migrate at once."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import BLOB, Engine, LargeBinary, MetaData, create_engine, inspect, select, text, update
from sqlalchemy.engine import Connection

from central import db, migrations
from central.db import make_engine
from central.migrations import LATEST_VERSION, CentralSchemaTooNew, current_version, migrate
from sync.protocol import records_xor
from tests import pg
from tests.central.syncops import ROOT, Client
from tests.central_server import running_server
from tests.fixtures import make_central_fixtures as fx

SAVED = sorted(int(p.stem.removeprefix("central_v")) for p in fx.HERE.glob("central_v*.sqlite"))
PROCESSES = 8


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    made = make_engine(db_url)
    yield made
    made.dispose()


@pytest.fixture
def other_engine(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A second empty database of the same kind."""
    if db_url.startswith("sqlite"):
        made = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    else:
        made = make_engine(pg.create_database(request.getfixturevalue("pg_server")))
    yield made
    made.dispose()


def _meta(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return sorted((row.key, row.value) for row in conn.execute(select(db.meta)))


def _install(version: int, db_url: str, tmp_path: Path) -> None:
    """Put the saved database of ``version`` where ``db_url`` points (an empty database)."""
    copy = tmp_path / f"saved_v{version}.sqlite"
    shutil.copy(fx.fixture_path(version), copy)
    if db_url.startswith("sqlite:///"):
        shutil.move(copy, db_url.removeprefix("sqlite:///"))
        return
    # PostgreSQL: the same tables, made from the saved file's own schema, and the same rows.
    source = create_engine(f"sqlite:///{copy}")
    saved = MetaData()
    saved.reflect(source)
    for table in saved.tables.values():
        for column in table.columns:
            if isinstance(column.type, BLOB):
                column.type = LargeBinary()
    target = make_engine(db_url)
    with source.connect() as src, target.begin() as dst:
        saved.create_all(dst)
        for table in saved.sorted_tables:
            rows = [dict(row._mapping) for row in src.execute(select(table))]
            if rows:
                dst.execute(table.insert(), rows)
    source.dispose()
    target.dispose()


def _schema(engine: Engine) -> dict[str, Any]:
    found = inspect(engine)
    schema: dict[str, Any] = {}
    for name in found.get_table_names():
        schema[name] = {
            "columns": sorted((c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(name)),
            "primary_key": found.get_pk_constraint(name)["constrained_columns"],
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in found.get_indexes(name)
            ),
            "unique": sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(name)),
            "foreign_keys": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in found.get_foreign_keys(name)
            ),
        }
    return schema


def _register_next_step(monkeypatch: pytest.MonkeyPatch, step: Callable[[Connection], None]) -> int:
    """A step after the real ones, for the steps' machinery; returns its version."""
    version = LATEST_VERSION + 1
    monkeypatch.setitem(migrations.MIGRATIONS, version, step)
    monkeypatch.setattr(migrations, "LATEST_VERSION", version)
    return version


def test_every_earlier_version_is_saved_and_the_steps_follow_on() -> None:
    assert SAVED[0] == 1 and set(range(1, LATEST_VERSION)) <= set(SAVED) <= set(range(1, LATEST_VERSION + 1))
    assert sorted(migrations.MIGRATIONS) == list(range(2, LATEST_VERSION + 1))


@pytest.mark.parametrize("version", SAVED)
def test_saved_database_upgrades_and_keeps_its_data(
    version: int, db_url: str, engine: Engine, other_engine: Engine, tmp_path: Path
) -> None:
    _install(version, db_url, tmp_path)
    with engine.connect() as conn:
        assert current_version(conn) == version
        records = {row.id: row.version for row in conn.execute(select(db.records))}
        etag = conn.execute(select(db.catalogues.c.etag).where(db.catalogues.c.active.is_(True))).scalar_one()
    assert len(records) == 2

    assert migrate(engine) == LATEST_VERSION
    assert _meta(engine) == [("schema_version", str(LATEST_VERSION)), ("server_epoch", fx.FIXTURE_EPOCH)]
    migrate(other_engine)  # a new database, made from central/db.py
    assert _schema(engine) == _schema(other_engine)

    with running_server(db_url) as server:
        hello = requests.get(f"{server.url}/v1/hello", timeout=10).json()
        assert (hello["server_epoch"], hello["catalogue_etag"]) == (fx.FIXTURE_EPOCH, etag)
        with engine.connect() as conn:
            device = conn.execute(select(db.devices)).one()
        client = Client(server, device.id, fx.FIXTURE_TOKEN, device.office_code, device.receipt_prefix)
        changes, _ = client.pull_all()
        assert {change["id"]: change["version"] for change in changes} == records
        # The office's record count and XOR digest, backfilled by the upgrade (v2) or kept since.
        kept = client.get("/v1/sync/verify", params={"digest": "xor"}).json()
        assert (kept["count"], kept["digest"]) == records_xor(
            (change["entity"], change["id"], change["version"]) for change in changes
        )


def test_a_step_upgrades_a_saved_version_1_database_once(
    db_url: str, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[int] = []

    def upgrade_to_next(conn: Connection) -> None:
        ran.append(current_version(conn))
        conn.execute(text("ALTER TABLE offices ADD COLUMN region VARCHAR(40)"))
        conn.execute(text("UPDATE offices SET region = 'east'"))

    version = _register_next_step(monkeypatch, upgrade_to_next)
    _install(1, db_url, tmp_path)
    assert migrate(engine) == version
    assert migrate(engine) == version
    assert ran == [version - 1]
    assert _meta(engine) == [("schema_version", str(version)), ("server_epoch", fx.FIXTURE_EPOCH)]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT code, region FROM offices")).all() == [("OFFICE-A", "east")]


def test_a_new_database_is_made_at_the_latest_version_without_steps(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[int] = []
    version = _register_next_step(monkeypatch, lambda conn: ran.append(version))
    assert migrate(engine) == version
    assert ran == []
    meta = dict(_meta(engine))
    assert meta["schema_version"] == str(version) and len(meta["server_epoch"]) == 16
    assert set(inspect(engine).get_table_names()) == set(db.metadata.tables)


def test_a_failing_step_leaves_the_previous_version(
    db_url: str, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: Connection) -> None:
        conn.execute(text("ALTER TABLE offices ADD COLUMN half_done TEXT"))
        raise RuntimeError("power cut")

    version = _register_next_step(monkeypatch, broken)
    _install(1, db_url, tmp_path)
    with pytest.raises(RuntimeError, match="power cut"):
        migrate(engine)  # the real steps before it are done, each in its own transaction
    assert _meta(engine) == [("schema_version", str(version - 1)), ("server_epoch", fx.FIXTURE_EPOCH)]
    assert "half_done" not in {c["name"] for c in inspect(engine).get_columns("offices")}


def test_a_newer_database_is_refused_and_left_untouched(engine: Engine) -> None:
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(update(db.meta).where(db.meta.c.key == "schema_version").values(value="99"))
    before = (_meta(engine), _schema(engine))
    with pytest.raises(CentralSchemaTooNew, match=f"99 is newer than this server \\({LATEST_VERSION}\\)"):
        migrate(engine)
    assert (_meta(engine), _schema(engine)) == before


def test_racing_migrations_make_one_schema_and_one_epoch(db_url: str, engine: Engine) -> None:
    engines = [make_engine(db_url) for _ in range(PROCESSES)]
    try:
        barrier = threading.Barrier(PROCESSES)

        def run(each: Engine) -> int:  # each thread through its own engine, all at the same moment
            barrier.wait()
            return migrate(each)

        with ThreadPoolExecutor(PROCESSES) as pool:
            assert list(pool.map(run, engines)) == [LATEST_VERSION] * PROCESSES
    finally:
        for each in engines:
            each.dispose()
    meta = _meta(engine)
    assert [key for key, _ in meta] == ["schema_version", "server_epoch"]
    assert dict(meta)["schema_version"] == str(LATEST_VERSION)


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _hello(process: subprocess.Popen[bytes], url: str, log: Path) -> dict[str, Any]:
    """Poll ``GET /v1/hello`` until the server answers (bounded); fail if the process ends first."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            reply = requests.get(f"{url}/v1/hello", timeout=10)
        except requests.ConnectionError:
            time.sleep(0.05)  # poll interval
            continue
        assert reply.status_code == 200, reply.text
        return reply.json()
    pytest.fail(f"serve never answered:\n{log.read_text(errors='replace')}")


def test_serve_processes_started_at_once_on_an_empty_database_all_come_up(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    ports = _free_ports(PROCESSES)
    logs = [tmp_path / f"serve-{n}.log" for n in range(PROCESSES)]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for port, log in zip(ports, logs, strict=True):
            with log.open("wb") as out:
                command = [sys.executable, "-m", "central.cli", "--db", db_url, "serve", "--port", str(port)]
                processes.append(subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT))
        hellos = [
            _hello(process, f"http://127.0.0.1:{port}", log)
            for process, port, log in zip(processes, ports, logs, strict=True)
        ]
        assert [process.poll() for process in processes] == [None] * PROCESSES
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    epochs = {hello["server_epoch"] for hello in hellos}
    assert len(epochs) == 1
    assert _meta(engine) == [("schema_version", str(LATEST_VERSION)), ("server_epoch", epochs.pop())]


def test_a_new_sqlite_file_opened_by_many_engines_at_once_switches_to_wal_once(tmp_path: Path) -> None:
    """SQLite answers "database is locked" at once, not after the busy timeout, to connections that
    lose the race to switch a new file to WAL; each engine must wait its turn, not fail."""
    for attempt in range(100):
        url = f"sqlite:///{tmp_path / f'race-{attempt}.db'}"
        engines = [make_engine(url) for _ in range(PROCESSES)]
        barrier = threading.Barrier(PROCESSES)

        def connect(each: Engine, barrier: threading.Barrier = barrier) -> str:
            barrier.wait()
            with each.connect() as conn:
                return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())

        try:
            with ThreadPoolExecutor(PROCESSES) as pool:
                assert list(pool.map(connect, engines)) == ["wal"] * PROCESSES
        finally:
            for each in engines:
                each.dispose()
