"""``counter-central decide``: the back office completes an application; counters pull the decision."""

from __future__ import annotations

import pytest

from central import cli
from tests.central.syncops import Client, db_records
from tests.central_server import CentralServer


def _decide(server: CentralServer, *args: str) -> int:
    return cli.main(["--db", server.db_url, "decide", *args])


def test_approve_and_deny_reach_the_counter(
    server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    device = Client.enroll(server)
    _, accepted, accepted_no = device.seed_application(status="accepted")
    _, started, started_no = device.seed_application(status="accepted")
    start = device.update("application", started, 1, action="start", status="in_progress")
    assert device.push([start])[0]["new_version"] == 2
    _, denied, denied_no = device.seed_application(status="accepted")
    _, cursor = device.pull_all()
    capsys.readouterr()

    assert _decide(server, accepted_no, "--approve") == 0
    assert f"{accepted_no}: completed (version 2)" in capsys.readouterr().out
    assert _decide(server, started_no, "--approve") == 0
    assert _decide(server, denied_no, "--deny", "--reason", "材料不符合法定形式") == 0

    changes = {change["id"]: change for change in device.pull(cursor)["changes"]}
    assert set(changes) == {accepted, started, denied}
    assert changes[accepted]["version"] == 2 and changes[started]["version"] == 3
    for rid in (accepted, started):
        assert changes[rid]["data"]["status"] == "completed" and changes[rid]["data"]["result"] == "granted"
        assert changes[rid]["data"]["completed_at"] and changes[rid]["origin_device"] is None
    assert changes[denied]["data"]["result"] == "denied"
    assert changes[denied]["data"]["result_reason"] == "材料不符合法定形式"

    # the counter carries on from the decided version
    delivered = device.push([device.update("application", accepted, 2, action="deliver", status="delivered")])
    assert delivered[0]["status"] == "applied" and delivered[0]["new_version"] == 3


def test_refused_decisions_exit_2_and_change_nothing(
    server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    device = Client.enroll(server)
    _, _, accepted_no = device.seed_application(status="accepted")
    _, _, draft_no = device.seed_application(status="draft")
    before = db_records(server)
    capsys.readouterr()

    assert _decide(server, accepted_no, "--deny") == 2
    assert "reason" in capsys.readouterr().err
    assert _decide(server, accepted_no, "--deny", "--reason", "   ") == 2
    assert _decide(server, draft_no, "--approve") == 2
    assert "draft" in capsys.readouterr().err
    assert _decide(server, "NOSUCHRECEIPT0001", "--approve") == 2
    assert "NOSUCHRECEIPT0001" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        _decide(server, accepted_no)  # neither --approve nor --deny
    assert usage.value.code == 2
    assert db_records(server) == before

    assert _decide(server, accepted_no, "--approve") == 0
    assert _decide(server, accepted_no, "--approve") == 2  # decided once
