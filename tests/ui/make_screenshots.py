"""Render the login dialog and the main window to PNG files, without a display.

    .venv/bin/python -m tests.ui.make_screenshots [--out docs/screenshots] [--language zh_CN|en]

Uses a throw-away profile in a temporary directory, created where no keyring works (like a
machine without a Secret Service), so the administrator's main window shows the fallback-key
warning. Needs a CJK font for Chinese (Debian/Ubuntu: ``fonts-noto-cjk``) and pyside6-lrelease.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from keyring.backends import fail
from PySide6.QtCore import QEventLoop, QLocale, QSize
from PySide6.QtWidgets import QApplication

from counter_app.core import Counter
from tests.support import ROOT
from ui.app import build_main_window, configure_application
from ui.dialogs.login import LoginDialog
from ui.i18n import CHINESE, install_translators, locale_for
from ui.workers import Database


def compile_translations(language: str, target: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    ts = ROOT / "resources" / "i18n" / f"counter_{language}.ts"
    subprocess.run(
        [str(lrelease), str(ts), "-qm", str(target / f"counter_{language}.qm")],
        check=True,
        capture_output=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default=CHINESE)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    keyring.set_keyring(fail.Keyring())
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        compile_translations(args.language, scratch_dir)
        QLocale.setDefault(locale_for(args.language))
        translators = install_translators(app, args.language, scratch_dir)
        configure_application(app)
        counter = Counter.open(scratch_dir / "data", config_dir=scratch_dir / "config")
        db = Database(lambda: Counter.open(scratch_dir / "data", config_dir=scratch_dir / "config"))
        db.start()
        try:
            admin = counter.accounts.create_first_admin("wangfang", "王芳", "s3cret-pass")
            login = LoginDialog(db, username=admin.username)
            login.show()
            app.processEvents()
            login.grab().save(str(args.out / "login.png"))
            login.close()

            window = build_main_window(db, admin)
            window.show()
            window.resize(QSize(1280, 720))
            while not db.idle:  # the status and the pages' first reads arrive from the database thread
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            app.processEvents()
            window.grab().save(str(args.out / "main_window.png"))
            window.close()
        finally:
            db.close()
            counter.close()
            for translator in translators:
                app.removeTranslator(translator)
    print(args.out / "login.png")
    print(args.out / "main_window.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
