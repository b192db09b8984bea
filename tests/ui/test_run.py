"""``ui.app.run`` end to end: the real event loop, ended by answering the window it shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.app import EXIT_CANNOT_OPEN, EXIT_OK, run
from ui.dialogs.first_admin import FirstAdminDialog

GIVE_UP_MS = 15_000
GAVE_UP = 99


def answer_when_shown(
    qapp: QApplication, kind: type[QWidget], answer: Callable[[QWidget], None], seen: list[QWidget]
) -> list[QTimer]:
    """Poll the top-level windows; answer the first visible ``kind`` once. If it never shows, end
    the event loop with GAVE_UP instead of hanging the suite."""
    poll = QTimer()
    poll.setInterval(20)

    def check() -> None:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                poll.stop()
                seen.append(widget)
                answer(widget)
                return

    poll.timeout.connect(check)
    poll.start()
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: qapp.exit(GAVE_UP))
    give_up.start(GIVE_UP_MS)
    return [poll, give_up]


def test_run_asks_for_the_first_admin_and_quits_cleanly(app_state: QApplication, tmp_path: Path) -> None:
    seen: list[QWidget] = []
    timers = answer_when_shown(app_state, FirstAdminDialog, lambda dialog: dialog.reject(), seen)
    code = run(str(tmp_path / "fresh"), language="en")
    for timer in timers:
        timer.stop()
    assert code == EXIT_OK
    assert len(seen) == 1 and seen[0].windowTitle() == "Create the administrator account"
    assert (tmp_path / "fresh" / "counter.db").exists()
    assert "Noto Sans CJK SC" in app_state.font().families()


def test_run_reports_a_corrupt_database_and_exits_1(app_state: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "broken"
    data_dir.mkdir()
    (data_dir / "counter.db").write_bytes(b"garbage" * 1000)
    seen: list[QWidget] = []
    timers = answer_when_shown(app_state, QMessageBox, lambda box: box.buttons()[0].click(), seen)
    code = run(str(data_dir), language="en")
    for timer in timers:
        timer.stop()
    assert code == EXIT_CANNOT_OPEN
    assert "is damaged" in seen[0].text()
