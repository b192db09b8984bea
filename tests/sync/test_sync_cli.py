"""``counter-app enroll | sync --json | status --json`` (DESIGN §5) against the real central server:
what scripts read, and the exit codes they rely on."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from central import admin
from central.app import Settings
from counter_app.core import Counter
from tests.central_server import CentralServer, running_server
from tests.support import run_cli
from tests.sync.test_end_to_end import ACTOR, demo_catalogue, synced, take_in
from ui.cli import main

SYNC_KEYS = {"pushed", "pulled", "conflicts", "rejected", "seconds"}
STATUS_KEYS = {"pending_ops", "conflicts", "last_sync", "server", "clock_offset_s"}


def _json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def test_enroll_sync_and_status(data_dir: Path, config_dir: Path, central: CentralServer) -> None:
    bad = run_cli(data_dir, config_dir, "enroll", "--server", central.url, "--code", "AAAA-BBBB-CCCC")
    assert bad.returncode == 2
    assert "code" in bad.stderr

    code = admin.new_enroll_code(central.engine, "QS")
    enrolled = run_cli(
        data_dir, config_dir, "enroll", "--server", central.url, "--code", code, "--name", "窗口1"
    )
    assert enrolled.returncode == 0, enrolled.stderr
    device_id = enrolled.stdout.strip().splitlines()[-1]
    assert [d["id"] for d in admin.list_devices(central.engine, "QS")] == [device_id]
    again = run_cli(data_dir, config_dir, "enroll", "--server", central.url, "--code", code)
    assert again.returncode == 2 and "code" in again.stderr  # a one-time code

    seeded = run_cli(data_dir, config_dir, "seed", "--applications", "6", "--seed", "3")
    assert seeded.returncode == 0, seeded.stderr
    before = run_cli(data_dir, config_dir, "status", "--json")
    assert before.returncode == 0, before.stderr
    status = _json(before.stdout)
    assert set(status) == STATUS_KEYS
    assert status["pending_ops"] > 0 and status["last_sync"] is None and status["server"] == central.url

    synced_run = run_cli(data_dir, config_dir, "sync", "--json")
    assert synced_run.returncode == 0, synced_run.stderr
    report = json.loads(synced_run.stdout)  # the JSON and nothing else on stdout
    assert set(report) == SYNC_KEYS
    assert report["pushed"] == status["pending_ops"]
    assert (report["conflicts"], report["rejected"]) == (0, 0)
    assert isinstance(report["seconds"], float)
    assert len(admin.export_office(central.engine, "QS")["applications"]) == 6

    after = _json(run_cli(data_dir, config_dir, "status", "--json").stdout)
    assert after["pending_ops"] == 0 and after["conflicts"] == 0
    assert datetime.fromisoformat(after["last_sync"])
    assert after["server"] == central.url
    assert isinstance(after["clock_offset_s"], float)


def test_sync_fails_while_the_server_is_unreachable_and_keeps_everything(
    tmp_path: Path, data_dir: Path, config_dir: Path
) -> None:
    with running_server(f"sqlite:///{tmp_path / 'gone.db'}", Settings(rate_limit_per_minute=0)) as server:
        server.office("QS", "青山镇便民服务中心")
        admin.publish_catalogue(server.engine, demo_catalogue())
        code = admin.new_enroll_code(server.engine, "QS")
        assert run_cli(data_dir, config_dir, "enroll", "--server", server.url, "--code", code).returncode == 0
    # the server is gone
    assert run_cli(data_dir, config_dir, "seed", "--applications", "2").returncode == 0
    pending = _json(run_cli(data_dir, config_dir, "status", "--json").stdout)["pending_ops"]
    assert pending > 0

    result = run_cli(data_dir, config_dir, "sync", "--json")
    assert result.returncode != 0
    report = json.loads(result.stdout)
    assert set(report) == SYNC_KEYS and report["pushed"] == 0
    status = _json(run_cli(data_dir, config_dir, "status", "--json").stdout)
    assert status["pending_ops"] == pending and status["last_sync"] is None


def test_sync_exit_code_with_a_conflict_and_a_rejection(
    make_counter: Callable[..., Counter], central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    counter = make_counter("a")
    root = str(counter.ctx.paths.root)
    app = take_in(counter, 141, start=True)
    synced(counter)
    counter.cases.withdraw(ACTOR, app.id, "申请人主动撤回")
    admin.decide(central.engine, app.receipt_no, approve=True)

    def cli(*args: str) -> tuple[int, dict]:
        capsys.readouterr()
        code = main(["--data-dir", root, *args, "--json"])
        return code, _json(capsys.readouterr().out)

    code, report = cli("sync")
    assert code != 0 and report["conflicts"] == 1 and report["rejected"] == 0
    code, status = cli("status")
    assert code == 0 and status["conflicts"] == 1 and status["pending_ops"] == 0

    code, report = cli("sync")  # still undecided: still not everything pushed
    assert code != 0 and report["pushed"] == 0

    (conflict,) = counter.conflicts.open(ACTOR)
    counter.conflicts.resolve(ACTOR, conflict["id"], keep="server")  # withdrawing it is no step any more
    code, report = cli("sync")
    assert code == 0 and report["rejected"] == 0
    # A change central refuses (written straight into the outbox: the use cases would refuse it first).
    with counter.ctx.store.transaction():
        version = counter.cases.get(ACTOR, app.id).version
        counter.ctx.queue(ACTOR, "application", app.id, "update", version, {"limit_value": -1})
    code, report = cli("sync")
    assert code != 0 and report["rejected"] == 1
    code, status = cli("status")
    assert status["conflicts"] == 0 and status["pending_ops"] == 0


def test_a_draft_with_scans_does_not_make_sync_fail(
    make_counter: Callable[..., Counter], central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # A draft's scans stay on the counter until the decision (the clerk may remove one; sync v1
    # cannot delete an attachment): they are not work waiting to sync, and no failure.
    counter = make_counter("a")
    root = str(counter.ctx.paths.root)
    draft = take_in(counter, 151, accept=False)
    counter.intake.attach(ACTOR, draft.id, "M01", "户口簿.pdf", b"%PDF-1.4 household register")

    def cli(*args: str) -> tuple[int, dict]:
        capsys.readouterr()
        code = main(["--data-dir", root, *args, "--json"])
        return code, _json(capsys.readouterr().out)

    code, report = cli("sync")
    assert code == 0 and report["pushed"] > 0 and report["rejected"] == 0
    code, status = cli("status")
    assert code == 0 and status["pending_ops"] == 0
    assert counter.admin.status().held_scans == 1  # said, not hidden: `counter-app status` shows it
    capsys.readouterr()
    assert main(["--data-dir", root, "status"]) == 0
    assert "scans of drafts:    1 (sent once their application is decided)" in capsys.readouterr().out

    counter.intake.accept(ACTOR, draft.id)
    code, status = cli("status")
    assert status["pending_ops"] == 2  # the scan, then the decision
    code, report = cli("sync")
    assert code == 0 and report["pushed"] == 2
    code, status = cli("status")
    assert status["pending_ops"] == 0 and counter.admin.status().held_scans == 0
