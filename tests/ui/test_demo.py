"""``counter-app demo``: the set-up without a display, the demo login, and the whole run."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor, Role
from counter_app.clock import CHINA_TZ
from counter_app.core import Counter
from counter_app.records import DeadlineState
from counter_app.statistics import CLOCK_RUNNING_STATUSES, Period
from sync.engine import SyncEngine
from ui import demo
from ui.cli import build_parser
from ui.cli import main as cli_main
from ui.demo import DEMO_ACCOUNTS, DemoError, DemoInfo, prepare_demo, run_demo
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.workers import Database

GIVE_UP_MS = 60_000
GAVE_UP = 99


def export(info: DemoInfo) -> list[dict]:
    """What the platform holds, read the way its operator would: ``counter-central export --json``."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "central.cli",
            "--db",
            info.central_db_url,
            "export",
            "--office",
            info.office_code,
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    return json.loads(out)["applications"]


def assert_gone(pid: int) -> None:
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.slow
def test_prepare_demo_sets_up_once_then_reuses(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    with prepare_demo(root) as first:
        assert first.created and first.central.running()
        assert first.profile_dir == root / "counter" and (root / "demo.json").exists()
        applications = export(first)
        assert len(applications) == first.seeded >= 60
        assert_an_office_s_last_weeks(first, applications)
        with Counter.open(first.profile_dir) as counter:
            status = counter.admin.status()
            assert status.pending_ops == 0 and status.last_sync is not None
            assert status.rejected == 0 and status.rejected_waiting == 0
            assert status.server == first.server_url
            for account in DEMO_ACCOUNTS:
                actor = counter.accounts.login(account.username, account.password)
                assert actor.role is account.role and actor.display_name == account.display_name
            assert len(DEMO_ACCOUNTS) == 4 and all(len(a.password) >= 8 for a in DEMO_ACCOUNTS)
            assert {a.role for a in DEMO_ACCOUNTS} == {Role.ADMIN, Role.SUPERVISOR, Role.CLERK}
            # The back office's decisions were pulled: the counter sees them completed. They are
            # cases of past weeks, taken in before today, and completed in time. All but the first:
            # the supervisor suspended it on the counter meanwhile, and that waits in a conflict.
            by_receipt = {app["receipt_no"]: app for app in applications}
            assert len(first.decided) == 3 and first.conflicted == first.decided[:1]
            today = counter.dashboard.today()
            for receipt in first.decided:
                assert by_receipt[receipt]["status"] == "completed"
                local = counter.cases.get(Actor.command_line("test"), by_receipt[receipt]["id"])
                assert local.accepted_on is not None and local.accepted_on < today.isoformat()
                assert local.due_date is not None and local.due_date >= today.isoformat()
                if receipt in first.conflicted:
                    assert local.status == "suspended" and local.result is None
                else:
                    assert local.status == "completed" and local.result in ("granted", "denied")
            assert_one_open_conflict(counter, first, by_receipt)
        with pytest.raises(DemoError, match="running already"):
            prepare_demo(root)  # a second demo at the same time would re-enroll the counter under it
        pid = first.central.pid
    assert not first.central.running()
    assert_gone(pid)

    with prepare_demo(root) as again:  # the next start: nothing set up twice
        assert not again.created and again.details == {"moved": False}
        assert again.server_url == first.server_url  # the same port, so no new enrollment
        assert [app["id"] for app in export(again)] == [app["id"] for app in applications]
        with Counter.open(again.profile_dir) as counter:
            assert len(counter.accounts.list_users(Actor.command_line("test"))) == len(DEMO_ACCOUNTS)
        second_pid = again.central.pid
    assert_gone(second_pid)

    with socket.socket() as squatter:  # another program took the port meanwhile
        squatter.bind(("127.0.0.1", int(first.server_url.rsplit(":", 1)[1])))
        squatter.listen()
        with prepare_demo(root) as moved:
            assert not moved.created and moved.details == {"moved": True}
            assert moved.server_url != first.server_url
            with Counter.open(moved.profile_dir) as counter:
                assert counter.admin.status().server == moved.server_url
                again_synced = SyncEngine(counter).run()  # the conflict still waits for a person
                assert again_synced.outcome == "partial" and again_synced.pending == 0
                assert again_synced.rejected == 0 and counter.conflicts.count() == 1
            moved_pid = moved.central.pid
    assert_gone(moved_pid)


def assert_one_open_conflict(counter: Counter, info: DemoInfo, exported: dict[str, dict]) -> None:
    """As after a week offline: the supervisor's suspension met the back office's decision."""
    assert counter.conflicts.count() == 1 == counter.admin.status().conflicts
    supervisor_account = DEMO_ACCOUNTS[1]
    supervisor = counter.accounts.login(supervisor_account.username, supervisor_account.password)
    (conflict,) = counter.conflicts.list_open(supervisor)
    (receipt,) = info.conflicted
    assert conflict.entity == "application" and conflict.receipt_no == receipt
    assert conflict.record_id == exported[receipt]["id"] and conflict.conflict_fields == ("status",)
    assert conflict.op_data["action"] == "suspend"
    assert conflict.op_data["suspension_reason"] == demo.SUSPENSION
    platform = {row.name: row.platform for row in conflict.fields}
    assert platform["status"] == "completed" and platform["result"] == exported[receipt]["result"]


def assert_an_office_s_last_weeks(info: DemoInfo, exported: list[dict]) -> None:
    """What a newcomer finds: weeks of work, with the office's troubles as well as its routine."""
    history = info.history
    assert history is not None and info.seeded == history.applications
    supervisor_account = DEMO_ACCOUNTS[1]
    with Counter.open(info.profile_dir) as counter:
        supervisor = counter.accounts.login(supervisor_account.username, supervisor_account.password)
        now = datetime.now(CHINA_TZ)
        today = counter.dashboard.today()
        assert today == now.date()  # the app runs on the system clock again
        rows = counter.queries.applications(supervisor, limit=1000)
        assert len(rows) == info.seeded
        # Taken in on many days over the past weeks, in office hours, never in the future.
        taken_in = [datetime.fromisoformat(row.created_at) for row in rows]
        days = {moment.date() for moment in taken_in}
        assert len(days) >= 10 and min(days) <= today - timedelta(days=21)
        assert all(moment < now and time(8, 0) <= moment.time() <= time(17, 30) for moment in taken_in)
        # Exactly these applications are on the platform, each once.
        assert sorted(app["id"] for app in exported) == sorted(row.id for row in rows)
        assert len({app["id"] for app in exported}) == len(exported)

        # Overdue now: open with the time limit running, due before today.
        counts = counter.queries.application_counts(supervisor)
        overdue = [row for row in rows if row.deadline_state is DeadlineState.OVERDUE]
        assert counts.overdue == len(overdue) >= 1
        assert all(
            row.status in CLOCK_RUNNING_STATUSES and row.due_date < today.isoformat() for row in overdue
        )
        assert {"refused", "awaiting_materials", "in_progress", "rated"} <= set(counts.by_status)

        # A suspension with its reason, resumed on a later day.
        resumed = []
        for row in rows:
            events = counter.cases.history(supervisor, row.id)
            suspend = next((e for e in events if e["action"] == "suspend"), None)
            resume = next((e for e in events if e["action"] == "resume"), None)
            if suspend and resume:
                assert suspend["note"] and resume["at"][:10] > suspend["at"][:10]
                resumed.append(row.receipt_no)
        assert resumed and history.suspensions >= len(resumed)

        # Ratings mostly good, and a bad one whose rectification task is still open.
        open_tasks = counter.ratings.rectifications(supervisor, "open")
        assert any(task.level >= 4 and task.comment for task in open_tasks)
        assert counter.ratings.rectification_counts(supervisor).open == len(open_tasks)

        # The dashboard shows real figures for last month, and for the weeks: mostly good ratings.
        last_month = counter.dashboard.figures(supervisor, counter.dashboard.period("last_month")).totals
        assert last_month.taken_in > 0 and last_month.accepted > 0 and last_month.completed > 0
        assert last_month.rated > 0 and last_month.completed_on_time > 0
        assert last_month.overdue == counts.overdue >= 1
        weeks = counter.dashboard.figures(supervisor, Period(min(days), today)).totals
        assert weeks.taken_in == info.seeded and weeks.rated == history.ratings
        good, bad = sum(weeks.ratings_by_level[:2]), sum(weeks.ratings_by_level[3:])
        assert bad == history.bad_ratings >= 1 and good > 4 * bad

        # The audit trail, from the first morning on: in time order as well as in seq order (newest
        # first), and its chain intact.
        page = counter.audit_trail.events(supervisor, limit=1000)
        events = list(page)
        while page:
            page = counter.audit_trail.events(supervisor, limit=1000, before_seq=page[-1].seq)
            events += page
        assert events[-1].action == "profile.create" and len(events) > 5 * info.seeded
        stamps = [event.device_ts for event in events]
        assert stamps == sorted(stamps, reverse=True) and stamps[-1][:10] <= min(days).isoformat()
        offset = counter.admin.status().clock_offset_s
        assert offset is None or abs(offset) < 5

        # The Admin page has something true on each tab: the office on notices, today's automatic
        # backup, the sync log; its checklist leaves the backup folder (and the key) to do.
        admin = Actor.command_line("demo-test")
        assert counter.office_settings.get().notice_office_name == "青山镇便民服务中心"
        backups = counter.backups.list(admin)
        assert [entry.automatic for entry in backups] == [True]
        assert len(counter.sync_log.recent(admin)) >= 2
        assert "backup_folder" in counter.checklist.left(admin) and "office" not in counter.checklist.left(
            admin
        )
    assert cli_main(["--data-dir", str(info.profile_dir), "audit", "verify"]) == 0


def test_an_interrupted_first_start_is_cleared_but_a_foreign_directory_is_refused(tmp_path: Path) -> None:
    interrupted = tmp_path / "interrupted"
    (interrupted / "counter").mkdir(parents=True)
    (interrupted / "central.db").write_bytes(b"half")
    (interrupted / "notes.txt").write_text("mine")
    demo._clear_interrupted_setup(interrupted)
    assert sorted(p.name for p in interrupted.iterdir()) == ["notes.txt"]

    foreign = tmp_path / "foreign"
    (foreign / "counter").mkdir(parents=True)
    with pytest.raises(DemoError, match="not a demo directory"):
        prepare_demo(foreign)
    assert (foreign / "counter").exists()


def test_the_command_line_takes_the_demo_directory_before_or_after() -> None:
    parser = build_parser()
    assert parser.parse_args(["demo"]).data_dir is None
    assert parser.parse_args(["demo", "--data-dir", "/x"]).data_dir == "/x"
    assert parser.parse_args(["--data-dir", "/y", "demo"]).data_dir == "/y"
    assert parser.parse_args(["demo"]).handler.__name__ == "cmd_demo"


def test_the_login_shows_demo_credentials_only_in_demo_mode(
    qtbot: QtBot, counter: Counter, db: Database
) -> None:
    plain = LoginDialog(db)
    qtbot.addWidget(plain)
    plain.show()
    assert plain.demo_hint.isHidden() and plain.demo_hint.text() == ""

    supervisor = DEMO_ACCOUNTS[1]
    counter.accounts.create_first_admin("admin", "王芳", "admin-demo-1")
    counter.accounts.add_user(
        Actor.command_line("setup"),
        supervisor.username,
        supervisor.display_name,
        supervisor.role,
        supervisor.password,
    )
    dialog = LoginDialog(db, demo_credentials=DEMO_ACCOUNTS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.demo_hint.isVisible()
    for account in DEMO_ACCOUNTS:
        assert account.username in dialog.demo_hint.text() and account.password in dialog.demo_hint.text()
    dialog.demo_hint.linkActivated.emit(supervisor.username)  # a click on the user name
    assert dialog.username.text() == supervisor.username
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as logged_in:
        dialog.submit()  # checked on the database thread
    assert logged_in.args[0].role is Role.SUPERVISOR


def drive(qapp: QApplication, steps: list[Callable[[], bool]]) -> list[QTimer]:
    """Poll the event loop: each step returns True when done, then the next one runs. If the steps
    do not finish, end the loop with GAVE_UP instead of hanging the suite."""
    poll = QTimer()
    poll.setInterval(20)

    def tick() -> None:
        if steps and steps[0]():
            steps.pop(0)
        if not steps:
            poll.stop()

    poll.timeout.connect(tick)
    poll.start()
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: qapp.exit(GAVE_UP))
    give_up.start(GIVE_UP_MS)
    return [poll, give_up]


def visible(qapp: QApplication, kind: type) -> list:
    return [w for w in qapp.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@pytest.mark.slow
def test_counter_app_demo_runs_the_app_and_stops_the_platform(
    app_state: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared: list[DemoInfo] = []

    def keep(data_dir: Path | str, **kwargs: object) -> DemoInfo:
        info = prepare_demo(data_dir, **kwargs)  # type: ignore[arg-type]
        prepared.append(info)
        return info

    monkeypatch.setattr(demo, "prepare_demo", keep)
    seen: dict[str, str] = {}

    def log_in() -> bool:
        dialogs = visible(app_state, LoginDialog)
        if not dialogs:
            return False
        dialog = dialogs[0]
        seen["hint"] = dialog.demo_hint.text()
        dialog.fill_demo_account("supervisor")
        dialog.submit()
        return True

    def see_it_synced_then_quit() -> bool:
        windows = visible(app_state, MainWindow)
        if not windows or windows[0].connection_label.text() != "● Online":
            return False
        if not windows[0].conflict_indicator.isVisible():
            return False  # shown with the status bar's first reading of the profile
        window = windows[0]
        seen.update(
            user=window.user_label.text(),
            pending=window.pending_label.text(),
            last_sync=window.last_sync_label.text(),
            button=str(window.sync_button.isVisible()),
            conflicts=window.conflict_indicator.text(),
            indicator=str(window.conflict_indicator.isVisible()),
            counted=str(window.conflict_indicator.conflicts),
        )
        window.close()
        return True

    timers = drive(app_state, [log_in, see_it_synced_then_quit])
    code = run_demo(tmp_path / "demo", language="en")
    for timer in timers:
        timer.stop()

    assert code == 0
    assert "admin-demo-1" in seen["hint"] and "supervisor" in seen["hint"]
    assert seen["user"] == "Logged in: 李建国 (Supervisor)"
    assert seen["pending"].startswith("0 operation")  # "operations" once the English .qm is built
    assert seen["last_sync"].startswith("Last sync: ") and seen["button"] == "True"
    # The demo's one open conflict, in the status bar (a click opens the conflicts page).
    assert seen["indicator"] == "True" and seen["counted"] == "1"
    assert seen["conflicts"].startswith("⚠ 1 conflict"), seen["conflicts"]
    (info,) = prepared
    assert not info.central.running()
    assert_gone(info.central.pid)
