"""Screenshots of the Admin page (管理), one per tab, in Simplified Chinese, at the main window's
default size: an office a few weeks in, enrolled with a real central platform on loopback (so the
Platform tab lists real syncs), with its staff, an automatic and a manual backup, and the checklist
of what is left to set up above the tabs.

    .venv/bin/python -m tests.ui.test_admin_screenshots [--out docs/screenshots]

Needs a CJK font and pyside6-lrelease.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from central import admin as central_admin
from counter_app.accounts import Actor, Role
from counter_app.resources import demo_catalogue_path
from counter_app.services.seed import Seeder
from sync.engine import SyncEngine, enroll
from tests.central_server import running_server
from tests.support import ROOT
from tests.ui.screenshot_support import scratch_profile, settled
from tests.ui.test_intake_screenshots import WINDOW, shoot
from ui.app import build_main_window
from ui.i18n import CHINESE
from ui.views.admin import AdminView

TABS = ("staff", "platform", "keys", "backups", "retention", "settings", "export")


def run(out: Path, language: str = CHINESE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with scratch_profile(language) as scratch:
        app, counter, db, root = scratch.app, scratch.counter, scratch.db, scratch.root
        setup = Actor.command_line("setup")
        people = {}
        for username, name, role in (
            ("admin", "王芳", Role.ADMIN),
            ("clerk1", "张晓燕", Role.CLERK),
            ("clerk2", "陈志强", Role.CLERK),
            ("supervisor", "李建国", Role.SUPERVISOR),
        ):
            record = counter.accounts.add_user(setup, username, name, role, "correct horse 1")
            people[username] = Actor.staff(record.id, record.username, record.display_name, role)
        counter.accounts.set_locked(setup, "clerk2", True)  # too many wrong passwords
        for username in ("admin", "clerk1", "supervisor"):
            counter.accounts.login(username, "correct horse 1")
        settings = counter.office_settings.get()
        counter.office_settings.save(
            people["admin"],
            replace(
                settings,
                notice_office_name="青山镇便民服务中心",
                office_contact="电话 0571-88881234 · 青山镇人民政府一楼便民服务大厅",
            ),
        )
        Seeder(counter, people["clerk1"], 2026).run(40)
        with running_server(f"sqlite:///{root / 'central.db'}") as central:
            central.office("QS", "青山镇便民服务中心")
            catalogue = json.loads(demo_catalogue_path().read_text("utf-8"))
            central_admin.publish_catalogue(central.engine, catalogue)
            code = central_admin.new_enroll_code(central.engine, "QS")
            enroll(counter, central.url, code, "1号窗口")
            SyncEngine(counter).run(trigger="auto")
            SyncEngine(counter).run(trigger="manual")
        counter.backups.take_daily_if_due()
        usb = root / "usb"
        usb.mkdir()
        counter.backups.create(people["admin"], usb)

        db.start()
        window = build_main_window(db, people["admin"])
        window.resize(WINDOW)
        window.show()
        settled(app, db)
        window.open_page("admin")
        page = window.stack.currentWidget()
        assert isinstance(page, AdminView) and page.retention is not None
        for index, name in enumerate(TABS):
            page.tabs.setCurrentIndex(index)
            settled(app, db)
            if name == "retention":
                page.retention.count()
                settled(app, db)
            shots.append(shoot(app, window, out / f"admin_{name}.png"))
        window.close()
        settled(app, db)
    return shots


def test_the_admin_screenshots_are_made(tmp_path: Path) -> None:
    shots = run(tmp_path)
    assert [shot.name for shot in shots] == [f"admin_{name}.png" for name in TABS]
    assert all(shot.stat().st_size > 20_000 for shot in shots)


if __name__ == "__main__":
    import keyring
    from keyring.backends import fail

    # As on a machine without a Secret Service (this one): the Keys tab shows the fallback file.
    keyring.set_keyring(fail.Keyring())
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    for path in run(parser.parse_args().out):
        print(path)
