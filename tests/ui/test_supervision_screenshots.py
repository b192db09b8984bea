"""Screenshots of a supervisor's pages over the demo office's last few weeks (the demo's own history,
``counter_app.services.demo_history``), in Simplified Chinese, at the main window's default size.

    .venv/bin/python -m tests.ui.test_supervision_screenshots [--out docs/screenshots]

Uses a throw-away profile (no platform: nothing is synced). Needs a CJK font and pyside6-lrelease.
"""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from counter_app.accounts import Actor, Role
from counter_app.clock import CHINA_TZ
from counter_app.core import Counter
from counter_app.entity_fields import stored_fields
from counter_app.services.demo_history import DemoHistory, history_start
from tests.support import ROOT
from tests.ui.screenshot_support import scratch_profile, settled
from tests.ui.test_intake_screenshots import WINDOW, shoot
from ui.app import build_main_window
from ui.i18n import CHINESE
from ui.views.applications import ApplicationsView
from ui.views.conflicts.view import ConflictsView
from ui.views.dashboard import DashboardView
from ui.views.rating.view import RatingView

PRESENT = datetime(2026, 12, 4, 16, 0, tzinfo=CHINA_TZ)  # the "now" the history ends at


def run(out: Path, language: str = CHINESE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with scratch_profile(language) as scratch:
        app, counter, db, clock = scratch.app, scratch.counter, scratch.db, scratch.clock
        setup = Actor.command_line("setup")
        staff = {}
        for username, name, role in (
            ("clerk1", "张晓燕", Role.CLERK),
            ("clerk2", "陈志强", Role.CLERK),
            ("supervisor", "李建国", Role.SUPERVISOR),
        ):
            record = counter.accounts.add_user(setup, username, name, role, "correct horse 1")
            staff[username] = Actor.staff(record.id, record.username, record.display_name, role)
        clock.advance(history_start(PRESENT) - clock.now())
        DemoHistory(counter, clock, (staff["clerk1"], staff["clerk2"]), staff["supervisor"], PRESENT).run()
        clock.advance(PRESENT - clock.now())
        db.start()
        window = build_main_window(db, staff["supervisor"])
        window.resize(WINDOW)
        window.show()
        settled(app, db)

        window.open_page("dashboard")
        dashboard = window.stack.currentWidget()
        assert isinstance(dashboard, DashboardView)
        dashboard.period.setCurrentIndex(dashboard.period.findData("last_month"))
        settled(app, db)
        shots.append(shoot(app, window, out / "dashboard.png"))

        window.open_page("applications")
        applications = window.stack.currentWidget()
        assert isinstance(applications, ApplicationsView)
        applications.filters.overdue_only.setChecked(True)
        settled(app, db)
        shots.append(shoot(app, window, out / "applications_overdue.png"))

        for key in ("rectifications", "audit"):
            window.open_page(key)
            settled(app, db)
            shots.append(shoot(app, window, out / f"{key}.png"))

        # A sync conflict as the platform would answer it (no platform here): the counter suspended a
        # case that the back office completed meanwhile.
        make_conflict(counter, staff["clerk1"])
        window.open_page("conflicts")
        conflicts = window.stack.currentWidget()
        assert isinstance(conflicts, ConflictsView) and conflicts.conflicts is not None
        settled(app, db)
        panel = conflicts.conflicts
        panel.table.selectRow(0)
        settled(app, db)
        shots.append(shoot(app, window, out / "conflicts.png"))

        # The citizen's rating view (on the clerk's screen: one screen here), a bad rating being given.
        delivered = counter.queries.applications(staff["clerk1"], status="delivered", limit=1)[0]
        rating = RatingView(db, staff["clerk1"], delivered.id, window)
        rating.open_session(second_screen_allowed=False)
        settled(app, db)
        rating.resize(WINDOW)
        rating.level_buttons[4].click()
        rating.aspect_buttons["efficiency"].click()
        settled(app, db)
        app.processEvents()
        path = out / "rating.png"
        rating.grab().save(str(path))
        shots.append(path)
        rating.close()
        settled(app, db)
        window.close()
    return shots


def make_conflict(counter: Counter, clerk: Actor) -> None:
    """The clerk suspends a case in progress; the platform's answer to that op is a conflict: its
    version of the case is completed (granted). Recorded through the exchange's own handling of a
    push's answers, as a sync would."""
    (case,) = counter.queries.applications(clerk, status="in_progress", limit=1)
    counter.cases.suspend(clerk, case.id, "需现场核查申请人家庭经济状况")
    op = [op for op in counter.exchange.pending_ops(100_000) if op.entity_id == case.id][-1]
    local = counter.exchange.records.local_row("application", case.id)
    assert local is not None
    decided = counter.ctx.now_iso()
    server = {field.name: local.get(field.name) for field in stored_fields("application")}
    server.update(
        status="completed",
        resume_status=None,
        suspensions=[],
        result="granted",
        completed_at=decided,
        updated_at=decided,
    )
    answer = {
        "op_id": op.op_id,
        "status": "conflict",
        "fields": ["status", "resume_status"],
        "server_record": {"id": case.id, "version": 3, "data": server},
    }
    tally = counter.exchange.record_push_results([(op, answer)])
    assert tally.conflicts == 1


def test_the_supervision_screenshots_are_made(tmp_path: Path) -> None:
    shots = run(tmp_path)
    names = [
        "dashboard.png",
        "applications_overdue.png",
        "rectifications.png",
        "audit.png",
        "conflicts.png",
        "rating.png",
    ]
    assert [shot.name for shot in shots] == names
    assert all(shot.stat().st_size > 20_000 for shot in shots)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    for path in run(parser.parse_args().out):
        print(path)
