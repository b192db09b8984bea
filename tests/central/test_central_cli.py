"""``counter-central`` (DESIGN §5): what scripts read from it, and exit 2 with a reason when refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from central import cli
from tests.central.syncops import DEMO_CATALOGUE, ROOT, Client, demo_catalogue, error_of
from tests.central_server import CentralServer


def _run(server: CentralServer, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "central.cli", "--db", server.db_url, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def _cli(server: CentralServer, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["--db", server.db_url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_office_add_and_enroll_code_print_the_id_last(server: CentralServer) -> None:
    added = _run(server, "office", "add", "OFFICE-C", "红岩村便民服务站")
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[-1] == "OFFICE-C"

    made = _run(server, "enroll-code", "--office", "OFFICE-C")
    assert made.returncode == 0, made.stderr
    code = made.stdout.splitlines()[-1]
    reply = requests.post(f"{server.url}/v1/devices/enroll", json={"code": code}, timeout=10)
    assert reply.status_code == 200 and reply.json()["office_code"] == "OFFICE-C"
    again = requests.post(f"{server.url}/v1/devices/enroll", json={"code": code}, timeout=10)
    assert error_of(again)["code"] == "enroll_code_used"


def test_refused_office_and_code_exit_2(server: CentralServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(server, capsys, "office", "add", "OFFICE-A", "重复")
    assert code == 2 and "OFFICE-A" in err and out == ""
    code, _, err = _cli(server, capsys, "office", "add", "bad code!", "名称")
    assert code == 2 and "office code" in err
    code, out, err = _cli(server, capsys, "enroll-code", "--office", "NO-SUCH")
    assert code == 2 and "NO-SUCH" in err and out == ""


def test_export_json(server: CentralServer, capsys: pytest.CaptureFixture[str]) -> None:
    device, elsewhere = Client.enroll(server), Client.enroll(server, "OFFICE-B")
    _, first, first_no = device.seed_application(status="draft")
    _, second, second_no = device.seed_application(status="accepted")
    elsewhere.seed_application()

    code, out, _ = _cli(server, capsys, "export", "--office", "OFFICE-A", "--json")
    assert code == 0
    exported = json.loads(out)
    rows = {row["id"]: row for row in exported["applications"]}
    assert set(rows) == {first, second}
    assert (rows[first]["receipt_no"], rows[first]["status"]) == (first_no, "draft")
    assert (rows[second]["receipt_no"], rows[second]["status"]) == (second_no, "accepted")

    code, out, _ = _cli(server, capsys, "export", "--office", "OFFICE-A")
    assert code == 0 and first_no in out and second_no in out
    code, _, err = _cli(server, capsys, "export", "--office", "NO-SUCH", "--json")
    assert code == 2 and "NO-SUCH" in err


def test_device_list_and_revoke(server: CentralServer, capsys: pytest.CaptureFixture[str]) -> None:
    device, other = Client.enroll(server), Client.enroll(server, "OFFICE-B")
    code, out, _ = _cli(server, capsys, "device", "list")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert set(lines) == {device.device_id, other.device_id}
    assert device.receipt_prefix in lines[device.device_id] and "active" in lines[device.device_id]

    code, out, _ = _cli(server, capsys, "device", "list", "--office", "OFFICE-B")
    assert [line.split()[0] for line in out.splitlines()] == [other.device_id]

    code, out, _ = _cli(server, capsys, "device", "revoke", device.device_id)
    assert code == 0
    reply = device.get("/v1/sync/pull")
    assert reply.status_code == 401 and error_of(reply)["code"] == "device_revoked"
    assert other.get("/v1/sync/pull").status_code == 200
    _, out, _ = _cli(server, capsys, "device", "list")
    assert "revoked" in {line.split()[0]: line for line in out.splitlines()}[device.device_id]
    code, _, err = _cli(server, capsys, "device", "revoke", device.device_id)
    assert code == 2 and device.device_id in err


def test_catalogue_publish(server: CentralServer, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _cli(server, capsys, "catalogue", "publish", str(DEMO_CATALOGUE))
    assert code == 0 and out.splitlines()[-1] == "2026.1"
    device = Client.enroll(server)
    assert device.get("/v1/catalogue").json()["version"] == "2026.1"

    not_json = tmp_path / "broken.json"
    not_json.write_text('{"version": "2026.2", "items": [', "utf-8")
    no_version = tmp_path / "no-version.json"
    document = demo_catalogue()
    del document["version"]
    no_version.write_text(json.dumps(document), "utf-8")
    bad_item = tmp_path / "bad-item.json"
    document = demo_catalogue()
    document["version"] = "2026.2"
    document["items"][1]["legal_limit"] = {"value": "five", "unit": "working_day"}
    bad_item.write_text(json.dumps(document), "utf-8")
    a_list = tmp_path / "list.json"
    a_list.write_text("[]", "utf-8")

    for path, named in (
        (not_json, "broken.json"),
        (no_version, "version"),
        (bad_item, "items[1]"),
        (a_list, "catalogue"),
        (tmp_path / "absent.json", "absent.json"),
    ):
        code, out, err = _cli(server, capsys, "catalogue", "publish", str(path))
        assert code == 2, (path, out, err)
        assert named in err and out == ""
    assert device.get("/v1/catalogue").json()["version"] == "2026.1"


def test_uploads_prune_reports_what_it_removed(
    server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    device = server.enroll("OFFICE-A")
    headers = {"Authorization": f"Bearer {device['token']}"}
    body = {"sha256": "ab" * 32, "size": 10}
    started = requests.post(f"{server.url}/v1/uploads", json=body, headers=headers, timeout=10)
    assert started.status_code == 201
    code, out, _err = _cli(server, capsys, "uploads", "prune", "--older-than-hours", "1")
    assert code == 0 and out.startswith("removed 0 unfinished upload(s)")  # begun just now: kept
    code, out, _err = _cli(server, capsys, "uploads", "prune", "--older-than-hours", "0")
    assert code == 0 and out.startswith("removed 1 unfinished upload(s)")
    gone = requests.head(f"{server.url}/v1/uploads/{started.json()['id']}", headers=headers, timeout=10)
    assert gone.status_code == 404
