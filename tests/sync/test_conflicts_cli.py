"""``counter-app conflicts list | resolve | rejected | acknowledge`` (DESIGN §5) against the real central
server: a conflict made by two counters shown field by field, resolved from the command line, and the
resolution arriving on central exactly once; a rejected op listed with its field and reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from central import admin
from counter_app.core import Counter
from tests.central_server import CentralServer
from tests.support import run_cli
from tests.sync.test_end_to_end import ACTOR, central_record, register, synced, take_in
from ui.cli import main

PHONE_A, PHONE_B, PHONE_C = "13800138001", "13900139002", "13700137003"
CONFLICT_KEYS = {
    "id",
    "entity",
    "record_id",
    "receipt_no",
    "applicant_name",
    "detected_at",
    "op_id",
    "op",
    "conflict_fields",
    "platform_version",
    "fields",
}
FIELD_KEYS = {"name", "local", "platform", "differs", "personal", "in_conflict"}
REJECTED_KEYS = {
    "op_id",
    "seq",
    "entity",
    "record_id",
    "op",
    "receipt_no",
    "applicant_name",
    "made_at",
    "made_by",
    "rejected_at",
    "fields",
    "field",
    "code",
    "message",
    "acknowledged_at",
    "acknowledged_by",
}


def _last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def test_two_counters_conflict_and_the_command_line_keeps_mine(
    tmp_path: Path, central: CentralServer
) -> None:
    # Each profile is used by `counter-app` in a subprocess, where no keyring works (its key is in the
    # fallback file in its config directory); the test opens the same profiles with no keyring either.
    keyring.set_keyring(FailKeyring())
    dirs = {name: (tmp_path / name / "data", tmp_path / name / "config") for name in ("a", "b")}

    def cli(name: str, *args: str) -> tuple[int, str, str]:
        result = run_cli(*dirs[name], *args)
        return result.returncode, result.stdout, result.stderr

    def change_phone(name: str, applicant_id: str, phone: str) -> None:
        with Counter.open(dirs[name][0], config_dir=dirs[name][1]) as counter:
            counter.applicants.update_contact(ACTOR, applicant_id, phone=phone)

    for name in dirs:
        code, _out, err = cli(
            name, "enroll", "--server", central.url, "--code", admin.new_enroll_code(central.engine, "QS")
        )
        assert code == 0, err
    with Counter.open(dirs["a"][0], config_dir=dirs["a"][1]) as a:
        applicant = register(a, 61)
    assert cli("a", "sync")[0] == 0
    assert cli("b", "sync")[0] == 0
    change_phone("a", applicant.id, PHONE_A)  # both offline, the same field
    change_phone("b", applicant.id, PHONE_B)
    assert cli("a", "sync")[0] == 0

    code, out, _err = cli("b", "sync", "--json")
    assert code == 1 and json.loads(out)["conflicts"] == 1
    code, out, err = cli("b", "conflicts", "list", "--json")
    assert code == 0, err
    listing = json.loads(out)  # the JSON and nothing else on stdout
    assert set(listing) == {"conflicts"}
    (conflict,) = listing["conflicts"]
    assert set(conflict) == CONFLICT_KEYS
    assert (conflict["entity"], conflict["record_id"], conflict["applicant_name"]) == (
        "applicant",
        applicant.id,
        applicant.name,
    )
    assert conflict["conflict_fields"] == ["phone"] and conflict["platform_version"] == 2
    assert conflict["op"]["phone"] == PHONE_B
    rows = {row["name"]: row for row in conflict["fields"]}
    assert all(set(row) == FIELD_KEYS for row in conflict["fields"])
    assert rows["phone"] == {
        "name": "phone",
        "local": PHONE_B,
        "platform": PHONE_A,
        "differs": True,
        "personal": True,
        "in_conflict": True,
    }
    assert rows["name"]["differs"] is False and rows["name"]["local"] == applicant.name

    code, out, _err = cli("b", "conflicts", "list")  # for people: the differing fields, marked
    assert code == 0 and "* phone" in out and PHONE_A in out and PHONE_B in out

    code, _out, err = cli("b", "conflicts", "resolve", str(conflict["id"] + 50), "--keep", "mine")
    assert code == 2 and "conflict" in err
    code, _out, err = cli("b", "conflicts", "resolve", str(conflict["id"]))
    assert code == 2 and "keep" in err
    code, _out, err = cli("b", "conflicts", "resolve", str(conflict["id"]), "--keep", "both")
    assert code == 2 and "keep" in err

    code, out, err = cli("b", "conflicts", "resolve", str(conflict["id"]), "--keep", "mine")
    assert code == 0, err
    assert json.loads(cli("b", "conflicts", "list", "--json")[1]) == {"conflicts": []}
    record = central_record(central, applicant.id)
    assert record is not None and record.version == 2 and record.data["phone"] == PHONE_A

    code, out, err = cli("b", "sync", "--json")
    assert code == 0, err
    assert json.loads(out)["pushed"] == 1
    record = central_record(central, applicant.id)
    assert record is not None and record.version == 3 and record.data["phone"] == PHONE_B
    code, out, _err = cli("b", "sync", "--json")
    assert code == 0 and json.loads(out)["pushed"] == 0
    record = central_record(central, applicant.id)
    assert record is not None and record.version == 3  # exactly once
    assert _last_json(cli("b", "status", "--json")[1])["conflicts"] == 0

    with Counter.open(dirs["b"][0], config_dir=dirs["b"][1]) as b:
        actions = [(e["action"], e["actor"]) for e in reversed(b.ctx.audit_log.recent(40))]
    (resolver,) = [actor for action, actor in actions if action == "sync.resolve_conflict"]
    assert resolver.startswith("cli:") and ("conflict.view", resolver) in actions  # the listing is audited


def test_edit_and_keep_and_rejected_ops_from_the_command_line(
    make_counter: Callable[..., Counter], central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = make_counter("a"), make_counter("b")
    applicant = register(a, 62)
    synced(a)
    synced(b)
    a.applicants.update_contact(ACTOR, applicant.id, phone=PHONE_A)
    b.applicants.update_contact(ACTOR, applicant.id, phone=PHONE_B)
    synced(a)

    def cli(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(b.ctx.paths.root), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    assert cli("sync")[0] == 1
    (conflict,) = json.loads(cli("conflicts", "list", "--json")[1])["conflicts"]
    number = str(conflict["id"])
    for assignment, field in (("phone=12345", "phone"), ("nickname=x", "nickname"), ("address=x", "address")):
        code, _out, err = cli("conflicts", "resolve", number, "--set", assignment)
        assert code == 2 and err.startswith(f"counter-app: {field}:"), err
    code, _out, err = cli("conflicts", "resolve", number, "--set", "phone")
    assert code == 2 and "FIELD=VALUE" in err
    code, _out, err = cli("conflicts", "resolve", number, "--keep", "mine", "--set", f"phone={PHONE_C}")
    assert code == 2 and "keep" in err
    assert b.conflicts.count() == 1  # nothing was decided by the refusals

    code, out, err = cli("conflicts", "resolve", number, "--set", f"phone={PHONE_C}")
    assert code == 0, err
    assert "edited (phone)" in out and b.conflicts.count() == 0
    code, out, _err = cli("sync", "--json")
    assert code == 0 and json.loads(out)["pushed"] == 1
    assert cli("sync", "--json")[0] == 0
    record = central_record(central, applicant.id)
    assert record is not None and (record.version, record.data["phone"]) == (3, PHONE_C)

    # a change central refuses: listed with its field and reason until acknowledged
    with b.ctx.store.transaction():
        op_id = b.ctx.queue(ACTOR, "applicant", applicant.id, "update", 3, {"phone": "12345"})
    code, out, _err = cli("sync", "--json")
    assert code == 1 and json.loads(out)["rejected"] == 1
    code, out, err = cli("conflicts", "rejected", "--json")
    assert code == 0, err
    (rejected,) = json.loads(out)["rejected"]
    assert set(rejected) == REJECTED_KEYS
    assert (rejected["op_id"], rejected["record_id"], rejected["applicant_name"]) == (
        op_id,
        applicant.id,
        applicant.name,
    )
    assert (rejected["field"], rejected["code"], rejected["fields"]) == ("phone", "invalid_field", ["phone"])
    assert "mobile" in rejected["message"] and rejected["acknowledged_at"] is None
    code, out, _err = cli("conflicts", "rejected")
    assert code == 0 and op_id in out and "phone: " in out and "[invalid_field]" in out

    code, out, err = cli("conflicts", "acknowledge", op_id)
    assert code == 0 and "acknowledged" in out, err
    assert json.loads(cli("conflicts", "rejected", "--json")[1]) == {"rejected": []}
    (seen,) = json.loads(cli("conflicts", "rejected", "--all", "--json")[1])["rejected"]
    assert seen["op_id"] == op_id and seen["acknowledged_by"].startswith("cli:")
    code, _out, err = cli("conflicts", "acknowledge", "no-such-op")
    assert code == 2 and "no-such-op" in err
    record = central_record(central, applicant.id)
    assert record is not None and (record.version, record.data["phone"]) == (3, PHONE_C)


def test_keeping_a_step_the_platform_no_longer_allows_is_refused_naming_the_status(
    make_counter: Callable[..., Counter], central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    counter = make_counter("a")
    app = take_in(counter, 63, start=True)
    synced(counter)
    counter.cases.suspend(ACTOR, app.id, "专家评审")
    admin.decide(central.engine, app.receipt_no, approve=True)  # meanwhile, in the back office

    def cli(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(counter.ctx.paths.root), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    assert cli("sync")[0] == 1
    code, out, _err = cli("conflicts", "list")
    assert code == 0 and "cannot be kept: status: cannot suspend an application that is completed" in out
    (conflict,) = json.loads(cli("conflicts", "list", "--json")[1])["conflicts"]
    code, _out, err = cli("conflicts", "resolve", str(conflict["id"]), "--keep", "mine")
    assert code == 2 and err.startswith("counter-app: status: cannot suspend"), err
    assert "--keep server" in err
    assert counter.conflicts.count() == 1  # nothing was decided by the refusal
    code, out, err = cli("conflicts", "resolve", str(conflict["id"]), "--keep", "server")
    assert code == 0, err
    assert cli("sync")[0] == 0
    assert counter.cases.get(ACTOR, app.id).status == "completed"
