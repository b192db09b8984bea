"""Shared by the screenshot scripts: a throw-away profile in a temporary directory, the translations
compiled for it, the application set up in one language, and everything put back afterwards.

No qtbot here: the scripts also run on their own (``python -m tests.ui.test_..._screenshots``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEventLoop, QLocale
from PySide6.QtWidgets import QApplication

from counter_app.clock import CHINA_TZ, FixedClock
from counter_app.core import Counter
from tests.ui.test_notices import compile_translations
from ui.app import configure_application
from ui.i18n import install_translators, locale_for
from ui.workers import Database

MONDAY_MORNING = datetime(2026, 11, 23, 9, 30, tzinfo=CHINA_TZ)


@dataclass
class ScratchProfile:
    app: QApplication
    root: Path  # the temporary directory: the profile's data and config, the compiled .qm files
    clock: FixedClock
    counter: Counter  # the script's own connection, for setting data up
    db: Database  # the windows' database thread over the same profile; not started yet


@contextmanager
def scratch_profile(language: str) -> Iterator[ScratchProfile]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    previous_locale = QLocale()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        compile_translations(root)
        QLocale.setDefault(locale_for(language))
        translators = install_translators(app, language, root)
        configure_application(app)
        clock = FixedClock(MONDAY_MORNING)

        def open_profile() -> Counter:
            return Counter.open(root / "data", clock=clock, config_dir=root / "config")

        counter = open_profile()
        db = Database(open_profile)
        try:
            yield ScratchProfile(app, root, clock, counter, db)
        finally:
            db.close()
            counter.close()
            for translator in translators:
                app.removeTranslator(translator)
            QLocale.setDefault(previous_locale)


class Settles(Protocol):
    @property
    def idle(self) -> bool: ...  # the Database, or a page that also waits on the pool (the intake)


def settled(app: QApplication, work: Settles, timeout_s: float = 30.0) -> None:
    """Let the database (and pool) work run and be delivered: no qtbot here."""
    deadline = time.monotonic() + timeout_s
    while not work.idle:
        assert time.monotonic() < deadline, "the work did not settle"
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    app.processEvents()
