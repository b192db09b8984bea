"""The Admin page's Backups tab, the daily backup's timer, and a restore through the app controller."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor, Role
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.paths import DataPaths
from counter_app.services.applicants import PersonInput
from counter_app.services.backups import BackupEntry, BackupService, PreparedBackup, restore_backup
from tests.ui.helpers import opens, press_enter, settle, type_text
from ui.app import AppController
from ui.backup_scheduler import BackupScheduler
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.sync_controller import SyncController
from ui.views.admin import AdminView
from ui.views.admin.backups import BackupsModel, BackupsTab, size_text
from ui.workers import Database

PASSWORD = "correct horse 1"  # the conftest's staff accounts use it


@pytest.fixture
def tab(qtbot: QtBot, db: Database, admin: Actor) -> BackupsTab:
    widget = BackupsTab(db, admin, native_dialogs=False)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _cell(tab: BackupsTab, row: int, column: int) -> str:
    return tab.model.data(tab.model.index(row, column), Qt.ItemDataRole.DisplayRole)


# --- the list and "back up now" ---------------------------------------------------------------------
def test_the_tab_lists_the_backup_folder_newest_first(
    qtbot: QtBot, tab: BackupsTab, db: Database, counter: Counter, clock: FixedClock, admin: Actor
) -> None:
    daily = counter.backups.take_daily_if_due().taken
    assert daily is not None
    clock.advance(timedelta(hours=2))
    manual = counter.backups.create(admin, counter.backups.folder())
    tab.reload()
    settle(qtbot, db)

    assert [e.path for e in tab.entries()] == [manual.path, daily.path]
    assert _cell(tab, 0, BackupsModel.TIME) == "2026-11-23 11:30"
    assert _cell(tab, 1, BackupsModel.TIME) == "2026-11-23 09:30"
    assert _cell(tab, 0, BackupsModel.KIND) == "Made on demand"
    assert _cell(tab, 1, BackupsModel.KIND) == "Automatic (daily)"
    assert _cell(tab, 1, BackupsModel.SIZE) == size_text(daily.size)
    assert _cell(tab, 0, BackupsModel.FILE) == manual.path.name
    assert str(counter.backups.folder()) in tab.about.text() and "30 days" in tab.about.text()
    assert tab.restore_selected_button.isEnabled()


def test_sizes_read_in_kilobytes_and_megabytes() -> None:
    assert size_text(0) == "0 KB"
    assert size_text(300) == "1 KB"
    assert size_text(200 * 1024) == "200 KB"
    assert size_text(3 * 1024 * 1024 + 300 * 1024) == "3.3 MB"


def test_back_up_now_writes_into_the_chosen_folder_and_says_where(
    qtbot: QtBot,
    tab: BackupsTab,
    db: Database,
    counter: Counter,
    clerk: Actor,
    data_dir: Path,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file is zipped and encrypted on a pool thread (neither the window's nor the database's),
    and it is a whole backup: restored, it brings back what was there when it was made."""
    kept = _register(counter, clerk, "王小明", "11010519491231002X")
    threads: dict[str, str] = {}
    real_prepare, real_write = BackupService.prepare, PreparedBackup.write

    def prepare(service: BackupService, actor: Actor, folder: Path | str) -> PreparedBackup:
        threads["snapshot"] = threading.current_thread().name
        return real_prepare(service, actor, folder)

    def write(prepared: PreparedBackup) -> BackupEntry:
        threads["write"] = threading.current_thread().name
        return real_write(prepared)

    monkeypatch.setattr(BackupService, "prepare", prepare)
    monkeypatch.setattr(PreparedBackup, "write", write)
    usb = tmp_path / "usb"
    usb.mkdir()
    tab.choose_backup_folder()
    dialog = tab.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setDirectory(str(usb))
    with qtbot.waitSignal(tab.backed_up, timeout=10_000) as written:
        dialog.accept()
    entry = written.args[0]
    assert entry.path.parent == usb and entry.path.is_file() and entry.path.suffix == ".cbk"
    settle(qtbot, db)
    assert str(entry.path) in tab.message.text()
    assert tab.message.isVisible() and tab.backup_button.isEnabled()
    assert threads["snapshot"] == "counter-database"
    assert threads["write"] not in ("counter-database", threading.main_thread().name)
    assert [e["outcome"] for e in counter.ctx.audit_log.recent(5) if e["action"] == "backup.create"] == [
        "success"
    ]
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".backup-")]  # the snapshot is gone

    later = _register(counter, clerk, "李小红", "110105198001010016")
    db.close()
    counter.close()
    restore_backup(DataPaths(data_dir), entry.path)
    with Counter.open(data_dir, clock=clock) as restored:
        assert restored.ctx.applicants.get(kept) is not None
        assert restored.ctx.applicants.get(later) is None
        assert restored.admin.verify_audit(Actor.command_line("t")).ok


def test_a_failed_backup_is_shown_under_the_list(
    qtbot: QtBot, tab: BackupsTab, db: Database, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    tab.back_up_to(blocker / "sub")
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled())
    assert tab.message.text().startswith("The backup was not made")
    settle(qtbot, db)
    assert not list(tmp_path.rglob("*.cbk"))


# --- restore: the confirmation ------------------------------------------------------------------------
def test_restore_asks_first_and_then_requests_it(
    qtbot: QtBot, tab: BackupsTab, db: Database, counter: Counter, admin: Actor
) -> None:
    entry = counter.backups.create(admin, counter.backups.folder().parent)
    tab.confirm_restore(entry.path)
    box = tab.confirm_box
    assert box is not None and box.isVisible()
    assert "kept as a copy" in box.text() and "log in again" in box.text()
    assert "personal data removed since then (Retention) is back" in box.text()
    with qtbot.assertNotEmitted(tab.restore_requested):
        cancel = next(b for b in box.buttons() if b.text() == "Cancel")
        cancel.click()
    assert tab.confirm_box is None

    tab.confirm_restore(entry.path)
    box = tab.confirm_box
    assert box is not None
    restore = next(b for b in box.buttons() if b.text() == "Replace the data and restore")
    with qtbot.waitSignal(tab.restore_requested) as requested:
        restore.click()
    assert requested.args == [str(entry.path)]


# --- the daily backup's timer -------------------------------------------------------------------------
def test_the_scheduler_takes_the_daily_backup_once(
    qtbot: QtBot, db: Database, counter: Counter, clock: FixedClock
) -> None:
    scheduler = BackupScheduler(db, first_check_ms=0)
    scheduler.start()
    try:
        with qtbot.waitSignal(scheduler.checked, timeout=10_000) as first:
            pass
        assert first.args[0].taken is not None and first.args[0].taken.path.is_file()
        with qtbot.waitSignal(scheduler.checked, timeout=10_000) as second:
            scheduler.check_now()
        assert second.args[0].taken is None  # the same day
        assert len(list(counter.backups.folder().glob("*.cbk"))) == 1
        assert scheduler.active
    finally:
        scheduler.stop()
    assert not scheduler.active


def test_the_backup_file_is_written_while_the_database_serves_the_pages(
    qtbot: QtBot, db: Database, counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the snapshot holds the database thread: while the file is zipped and encrypted (held
    here until the test lets it go), the database thread answers other work."""
    release = threading.Event()
    writing: list[str] = []
    real_write = PreparedBackup.write

    def held_write(prepared: PreparedBackup) -> BackupEntry:
        writing.append(threading.current_thread().name)
        assert release.wait(20)
        return real_write(prepared)

    monkeypatch.setattr(PreparedBackup, "write", held_write)
    scheduler = BackupScheduler(db, first_check_ms=0)
    answered: list[int] = []
    try:
        with qtbot.waitSignal(scheduler.checked, timeout=20_000) as checked:
            scheduler.start()
            qtbot.waitUntil(lambda: bool(writing))  # the write has begun, and waits
            db.submit(lambda c: c.ctx.applications.count(), answered.append)
            qtbot.waitUntil(lambda: bool(answered))  # served while the file is being written
            assert scheduler.writing
            release.set()
    finally:
        release.set()
        scheduler.stop()
    taken = checked.args[0].taken
    assert taken is not None and taken.path.is_file() and not scheduler.writing
    assert answered == [counter.ctx.applications.count()]
    events = [e for e in counter.ctx.audit_log.recent(5) if e["action"] == "backup.create"]
    assert events and events[0]["outcome"] == "success"


# --- restore through the app ---------------------------------------------------------------------------
@pytest.fixture
def profile(data_dir: Path, clock: FixedClock) -> Iterator[tuple[Counter, Actor, Actor]]:
    """A profile with an administrator and a clerk (the test closes it before the app opens it)."""
    counter = Counter.open(data_dir, clock=clock)
    setup = Actor.command_line("setup")
    made = [
        counter.accounts.add_user(setup, f"{r.value}1", f"{r.value} one", r, PASSWORD)
        for r in (Role.ADMIN, Role.CLERK)
    ]
    admin, clerk = (Actor.staff(m.id, m.username, m.display_name, Role(m.role)) for m in made)
    yield counter, admin, clerk
    counter.close()


def _register(counter: Counter, clerk: Actor, name: str, id_number: str) -> str:
    return counter.applicants.register_person(clerk, PersonInput(name, id_number, "13912345678", "")).id


def _log_in(qtbot: QtBot, controller: AppController, username: str) -> MainWindow:
    assert controller.db is not None
    settle(qtbot, controller.db)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    type_text(qtbot, dialog.username, username)
    type_text(qtbot, dialog.password, PASSWORD)
    press_enter(qtbot, dialog.password)
    settle(qtbot, controller.db)
    window = controller.window
    assert isinstance(window, MainWindow)
    return window


def _backups_tab(qtbot: QtBot, window: MainWindow) -> BackupsTab:
    window.open_page("admin")
    page = window.page("admin")
    assert isinstance(page, AdminView) and page.backups is not None
    page.show_tab(page.backups)
    return page.backups


def _confirm(qtbot: QtBot, tab: BackupsTab, path: Path) -> None:
    tab.confirm_restore(path)
    box = tab.confirm_box
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Replace the data and restore").click()


def test_a_restore_through_the_app_brings_the_backups_data_back_and_asks_for_a_login(
    qtbot: QtBot, profile: tuple[Counter, Actor, Actor], data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    counter, admin, clerk = profile
    kept = _register(counter, clerk, "王小明", "11010519491231002X")
    backup = counter.backups.create(admin, tmp_path / "before.cbk")
    later = _register(counter, clerk, "李小红", "110105198001010016")
    counter.close()

    def make_sync(root: Path) -> SyncController:
        # Not enrolled: it waits quietly, but it holds a connection of its own to the profile.
        return SyncController(
            root, interval_s=3600, probe_interval_s=3600, open_counter=lambda d: Counter.open(d, clock=clock)
        )

    controller = AppController(None, open_profile=opens(data_dir, clock), make_sync=make_sync)
    try:
        controller.start()
        window = _log_in(qtbot, controller, admin.username)
        assert controller.backup_scheduler is not None and controller.backup_scheduler.active
        sync_before = controller.sync
        assert sync_before is not None
        tab = _backups_tab(qtbot, window)
        _confirm(qtbot, tab, backup.path)
        assert controller.restoring  # the core checks the request first, on the database thread
        hidden: list[bool] = []
        window.destroyed.connect(lambda: hidden.append(True))
        qtbot.waitUntil(lambda: controller.window is None)  # everyone is logged out at once
        qtbot.waitUntil(lambda: bool(hidden))  # the window is gone, not just hidden
        assert controller.db is not None
        settle(qtbot, controller.db)

        assert isinstance(controller.dialog, LoginDialog)  # log in again, to the restored data
        assert controller.message_box is None and not controller.restoring
        assert controller.sync is not None and controller.sync is not sync_before  # sync runs again
        assert Path(controller.sync.data_dir) == data_dir
        with Counter.open(data_dir, clock=clock) as restored:
            assert restored.ctx.applicants.get(kept) is not None
            assert restored.ctx.applicants.get(later) is None
            event = restored.ctx.audit_log.recent(1)[0]
            assert (event["action"], event["actor"]) == ("backup.restore", f"user:{admin.username}")
            # the request was audited in the chain that was replaced; the replaced data is kept aside
            (kept_aside,) = (data_dir / "backups").glob("pre-restore-*.db")
            assert restored.admin.verify_audit(admin).ok
        with sqlite3.connect(str(kept_aside)) as old:
            (asked,) = old.execute(
                "SELECT actor FROM audit_events WHERE action = 'backup.restore_request'"
            ).fetchall()
        assert asked == (f"user:{admin.username}",)
        window = _log_in(qtbot, controller, admin.username)  # the restored profile serves the app
        assert window.isVisible()
    finally:
        controller.shutdown()


def test_a_refused_restore_is_explained_and_the_profile_goes_on(
    qtbot: QtBot, profile: tuple[Counter, Actor, Actor], data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    counter, admin, clerk = profile
    kept = _register(counter, clerk, "王小明", "11010519491231002X")
    counter.close()
    with Counter.open(tmp_path / "another-office", clock=clock) as other:
        foreign = other.backups.create(Actor.command_line("other"), tmp_path / "theirs.cbk")

    controller = AppController(None, open_profile=opens(data_dir, clock))
    try:
        controller.start()
        window = _log_in(qtbot, controller, admin.username)
        _confirm(qtbot, _backups_tab(qtbot, window), foreign.path)
        assert controller.db is not None
        settle(qtbot, controller.db)
        box = controller.message_box
        assert box is not None and box.isVisible()
        assert "another office profile" in box.text()
        # Refused by the core before anything was stopped: the window and the session go on.
        assert controller.window is window and window.isVisible() and not controller.restoring
        box.buttons()[0].click()
        assert controller.message_box is None
        with Counter.open(data_dir, clock=clock) as same:
            asked = same.ctx.audit_log.recent(1)[0]
            assert (asked["action"], asked["outcome"], asked["actor"]) == (
                "backup.restore_request",
                "failure",
                admin.audit_name,
            )
        with Counter.open(data_dir, clock=clock) as same:
            assert same.ctx.applicants.get(kept) is not None
        assert not list((data_dir / "backups").glob("pre-restore-*.db"))
    finally:
        controller.shutdown()


# --- the database thread closes and reopens the profile ----------------------------------------------
def test_reopen_runs_the_work_with_the_profile_closed_and_serves_a_fresh_one(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    seen: dict[str, object] = {}
    db.submit(lambda counter: seen.setdefault("before", counter))
    db.reopen(lambda root: seen.setdefault("root", root), lambda root: seen.setdefault("done", root))
    db.submit(lambda counter: seen.setdefault("after", counter))
    settle(qtbot, db)
    assert seen["root"] == seen["done"] == data_dir
    assert seen["after"] is not seen["before"]

    def refuse(_root: Path) -> None:
        raise OSError("the backup is unreadable")

    errors: list[BaseException] = []
    db.reopen(refuse, None, errors.append)
    db.submit(
        lambda counter: counter.accounts.needs_first_admin(), lambda needs: seen.setdefault("usable", needs)
    )
    settle(qtbot, db)
    assert [str(e) for e in errors] == ["the backup is unreadable"]
    assert "usable" in seen  # opened again all the same
