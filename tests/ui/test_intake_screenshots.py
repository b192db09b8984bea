"""Screenshots of the intake steps, in Simplified Chinese, as a clerk at a 1366×768 screen sees them.

    .venv/bin/python -m tests.ui.test_intake_screenshots [--out docs/screenshots] [--language zh_CN|en]

Uses a throw-away profile in a temporary directory. Needs a CJK font (Debian/Ubuntu:
``fonts-noto-cjk``) and pyside6-lrelease. The test below makes them into a temporary directory, so
the script keeps working.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from counter_app.accounts import Actor, Role
from counter_app.services.applicants import PersonInput
from tests.support import ROOT
from tests.ui.screenshot_support import scratch_profile, settled
from ui.app import status_reader
from ui.i18n import CHINESE
from ui.main_window import MainWindow
from ui.notices import NoticeWords
from ui.views.intake import IntakeView
from ui.views.intake.scans import ScanFolder
from ui.views.intake.session import Decision

WINDOW = QSize(1280, 720)  # the main window's default size: 1366×768 less a taskbar
PEOPLE = [
    ("张三", "11010519491231002X", "13800138000"),
    ("张三丰", "110105194705060013", "13900139000"),
    ("张秀英", "320102198001010024", ""),
]


def shoot(app: QApplication, window: MainWindow, path: Path, view: IntakeView | None = None) -> Path:
    """Save a picture of ``window``, once ``view`` (if given) has settled."""
    if view is not None:
        settled(app, view)
    app.processEvents()
    window.grab().save(str(path))
    return path


def run(out: Path, language: str = CHINESE) -> list[Path]:
    """Walk one intake (accept with minor materials pending) and save a picture of every step."""
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with scratch_profile(language) as scratch:
        app, scratch_dir, counter, db = scratch.app, scratch.root, scratch.counter, scratch.db
        db.start()
        setup = Actor.command_line("setup")
        record = counter.accounts.add_user(setup, "wangfang", "王芳", Role.CLERK, "correct horse 1")
        clerk = Actor.staff(record.id, record.username, record.display_name, Role.CLERK)
        with counter.ctx.store.transaction():
            counter.ctx.settings.set("office_name", "示范县青山镇便民服务中心")
        for name, number, phone in PEOPLE:
            counter.applicants.register_person(clerk, PersonInput(name, number, phone))
        views: list[IntakeView] = []

        def make_intake() -> IntakeView:
            views.append(
                IntakeView(
                    db,
                    clerk,
                    scan_folder=ScanFolder(scratch_dir / "desk.ini"),
                    notice_words=lambda: NoticeWords(CHINESE, scratch_dir),
                    native_dialogs=False,
                )
            )
            return views[0]

        window = MainWindow(clerk, status_reader(db), intake_factory=make_intake)
        window.resize(WINDOW)
        window.show()
        view = views[0]
        settled(app, view)
        applicant = view.applicant_panel
        applicant.search.setText("zs")
        shots.append(shoot(app, window, out / "intake_1_applicant.png", view))

        applicant.open_registration()
        form = applicant.register_form
        form.name.setText("李四")
        form.id_number.setText("320102198001010021")  # a mistyped check digit
        form.phone.setText("1391234567")
        form.phone.editingFinished.emit()
        shots.append(shoot(app, window, out / "intake_1_register.png", view))
        applicant.close_registration()

        applicant.search.setText("zs")
        applicant.proceed()
        settled(app, view)
        view.service_picker.search.setText("ls")
        shots.append(shoot(app, window, out / "intake_2_service.png", view))

        view.service_picker.search.setText("lsjz")
        view.proceed()
        editors = view.form_panel.editors
        editors["assistance_type"].set_raw("emergency")
        editors["cause"].set_raw("fire")
        editors["incident_date"].set_raw("2026-11-18")
        editors["amount_requested"].widget.setFocus()
        editors["amount_requested"].widget.setText("60000")  # over the 50000 limit: the message shows
        editors["amount_requested"].widget.textEdited.emit("60000")
        editors["description"].set_raw("11月18日夜间家中失火，房屋及生活用品损毁，暂无住处。")
        shots.append(shoot(app, window, out / "intake_3_form.png", view))

        editors["amount_requested"].set_raw("8000")
        view.proceed()
        settled(app, view)
        materials = view.materials_panel
        materials.model.mark_all_received()
        for code in ("M03", "M05"):
            materials.model.toggle_received(materials.model.row_of(code))
        scan = scratch_dir / "申请书.pdf"
        scan.write_bytes(b"%PDF-1.4\n% scan\n")
        materials.attach_file("M01", scan)
        settled(app, view)
        wrong = scratch_dir / "证明.docx"
        wrong.write_bytes(b"PK\x03\x04")
        materials.attach_file("M05", wrong)
        shots.append(shoot(app, window, out / "intake_4_materials.png", view))
        materials.table.setCurrentIndex(materials.model.index(materials.model.row_of("M01"), 0))
        materials.open_scans()  # Alt+W: the scans of the material, to view or remove
        dialog = materials.scans_dialog
        assert dialog is not None
        app.processEvents()
        dialog.grab().save(str(out / "intake_4_scans.png"))
        shots.append(out / "intake_4_scans.png")
        dialog.reject()
        app.processEvents()

        view.proceed()
        settled(app, view)
        view.decision_panel.choose(Decision.ACCEPT_PENDING)
        shots.append(shoot(app, window, out / "intake_5_decision.png", view))

        view.proceed()
        shots.append(shoot(app, window, out / "intake_6_notice.png", view))
        window.hide()
        window.deleteLater()
    return shots


def test_the_screenshots_can_be_made(tmp_path: Path) -> None:
    shots = run(tmp_path)
    assert [path.name for path in shots] == [
        "intake_1_applicant.png",
        "intake_1_register.png",
        "intake_2_service.png",
        "intake_3_form.png",
        "intake_4_materials.png",
        "intake_4_scans.png",
        "intake_5_decision.png",
        "intake_6_notice.png",
    ]
    assert all(path.stat().st_size > 10_000 for path in shots)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default=CHINESE)
    args = parser.parse_args(argv)
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # a throw-away profile: the fallback key file is fine
    for path in run(args.out, args.language):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
