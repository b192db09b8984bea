"""Screenshots of the applications, applicants and catalogue pages, in Simplified Chinese, at the
main window's default size (1366×768 less a taskbar).

    .venv/bin/python -m tests.ui.test_pages_screenshots [--out docs/screenshots]

Uses a throw-away profile with seeded applications. Needs a CJK font and pyside6-lrelease.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from counter_app.accounts import Actor, Role
from counter_app.services.seed import Seeder
from tests.support import ROOT
from tests.ui.screenshot_support import scratch_profile, settled
from tests.ui.test_intake_screenshots import WINDOW, shoot
from ui.app import build_main_window
from ui.i18n import CHINESE
from ui.views.applicants import ApplicantsView
from ui.views.applications import ApplicationsView
from ui.views.catalogue import CatalogueView


def run(out: Path, language: str = CHINESE, applications: int = 40) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with scratch_profile(language) as scratch:
        app, counter, db = scratch.app, scratch.counter, scratch.db
        setup = Actor.command_line("setup")
        record = counter.accounts.add_user(setup, "wangfang", "王芳", Role.CLERK, "correct horse 1")
        clerk = Actor.staff(record.id, record.username, record.display_name, Role.CLERK)
        Seeder(counter, clerk, 7).run(applications)
        db.start()
        window = build_main_window(db, clerk)
        window.resize(WINDOW)
        window.show()
        settled(app, db)
        keys = [page.key for page in window.pages]

        window.show_page(keys.index("applications"))
        applications_page = window.stack.currentWidget()
        assert isinstance(applications_page, ApplicationsView)
        applications_page.reload()
        settled(app, db)
        applications_page.select_application(applications_page.model.application(0).id)
        settled(app, db)
        shots.append(shoot(app, window, out / "applications.png"))

        window.show_page(keys.index("applicants"))
        applicants_page = window.stack.currentWidget()
        assert isinstance(applicants_page, ApplicantsView)
        settled(app, db)
        first = counter.queries.applications(clerk, limit=1)[0]
        applicants_page.search.setText(first.applicant_name[:1])
        applicants_page.run_search()
        settled(app, db)
        shots.append(shoot(app, window, out / "applicants.png"))

        window.show_page(keys.index("catalogue"))
        catalogue_page = window.stack.currentWidget()
        assert isinstance(catalogue_page, CatalogueView)
        settled(app, db)
        catalogue_page.search.setText("zdshbz")
        shots.append(shoot(app, window, out / "catalogue.png"))
        window.close()
    return shots


def test_the_page_screenshots_are_made(tmp_path: Path) -> None:
    shots = run(tmp_path, applications=8)
    assert [shot.name for shot in shots] == ["applications.png", "applicants.png", "catalogue.png"]
    assert all(shot.stat().st_size > 10_000 for shot in shots)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    for path in run(parser.parse_args().out):
        print(path)
