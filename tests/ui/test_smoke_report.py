"""``COUNTER_APP_SMOKE_REPORT`` (ui/smoke.py): the first window the app shows, described in a file.

tests/test_bundle.py relies on it to see the bundle's window without a display; here it is checked on
the source tree: what it reports, what it leaves out, and that ``counter-app`` really uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from tests.support import ROOT, cli_env
from ui.smoke import SMOKE_REPORT_ENV, watch_first_window


def test_nothing_is_watched_without_the_variable(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SMOKE_REPORT_ENV, raising=False)
    assert watch_first_window(qapp) is None


def test_the_first_real_window_is_reported(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "first-window.json"
    monkeypatch.setenv(SMOKE_REPORT_ENV, str(report))
    finished: list[bool] = []
    watcher = watch_first_window(qapp, finish=lambda: finished.append(True))
    assert watcher is not None
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.setWindowTitle("登录")
        layout = QVBoxLayout(dialog)
        stray = QLabel("请登录")
        stray.setVisible(True)  # shown before it has a parent: a window for a moment, not reported
        layout.addWidget(stray)
        hidden = QLabel("hidden page")
        layout.addWidget(hidden)
        hidden.setVisible(False)
        layout.addWidget(QPushButton("退出"))
        dialog.show()
        qtbot.waitUntil(report.exists)
        described = json.loads(report.read_text("utf-8"))
    finally:
        qapp.removeEventFilter(watcher)
    assert described["window"] == "QDialog" and described["title"] == "登录"
    assert described["texts"] == ["请登录", "退出"]  # what is visible only
    assert described["platform"] == "offscreen"
    assert finished == [True]  # the app's own finish (exit 0) is checked below, in a process of its own


def test_the_app_reports_its_first_window_in_chinese_and_quits(data_dir: Path, config_dir: Path) -> None:
    report = data_dir.parent / "first-window.json"
    env = cli_env(data_dir, config_dir)
    env.pop("COUNTER_APP_LANG", None)
    env[SMOKE_REPORT_ENV] = str(report)
    home = data_dir.parent / "home"
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))  # no saved language
    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(data_dir)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    described = json.loads(report.read_text("utf-8"))
    assert described["window"] == "FirstAdminDialog" and described["title"] == "创建管理员账号"
    assert described["display_name"] == "Counter 政务服务柜台" and described["icon"] is True
