"""Cold start to the login window (target ≤ 1.0 s): a new ``python`` process that opens the desktop
app on an existing profile, as ``counter-app`` does, until the login dialog is on screen (offscreen
platform).

Each sample is the wall time from starting the process to the line it prints when the dialog is
visible: interpreter start, imports, Qt, the translations, opening the profile on the database
thread (keys, migrations check), the first-admin question, and the dialog. Baseline, alternating
with it so both see the same machine: the floor of any PySide6 app — a new process that creates a
``QApplication`` and shows an empty ``QDialog``. ``value`` = the median of the samples (p95 and max
in the extra fields); ``ratio`` = value / baseline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.runner import Options, Result, percentile, rounded, scratch_counter
from counter_app.accounts import Actor

TARGET_S = 1.0
READY = "ready"

APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.app import AppController, configure_application
app = QApplication(sys.argv[:1])
controller = AppController(sys.argv[1])
controller.use_language("zh_CN")
configure_application(app)
controller.start()
def ready():
    if controller.dialog is not None and controller.dialog.isVisible():
        print("ready", flush=True)
        app.exit(0)
timer = QTimer()
timer.timeout.connect(ready)
timer.start(1)
app.exec()
controller.shutdown()
"""

FLOOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication(sys.argv[:1])
dialog = QDialog()
dialog.show()
def ready():
    if dialog.isVisible():
        print("ready", flush=True)
        app.exit(0)
timer = QTimer()
timer.timeout.connect(ready)
timer.start(1)
app.exec()
"""


def _start_s(code: str, data_dir: Path, env: dict[str, str]) -> float:
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - began
    _out, err = child.communicate(timeout=60)
    if line.strip() != READY or child.returncode != 0:
        raise RuntimeError(f"the window did not come up (exit {child.returncode}): {err[-2000:]}")
    return elapsed


def run(options: Options) -> list[Result]:
    runs = options.size("runs", full=15, quick=7, tiny=2)
    with options.workspace("cold_start") as root, scratch_counter(root) as counter:
        counter.accounts.create_first_admin("wangfang", "王芳", "correct horse 1")
        data_dir = counter.ctx.paths.root
        assert counter.accounts.list_users(Actor.command_line("bench"))  # the login, not first start
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # the profile's fallback key file
        }
        app_s: list[float] = []
        floor_s: list[float] = []
        options.progress(f"[cold_start] {runs} starts of the app and of an empty Qt dialog, alternating")
        for _ in range(runs):
            floor_s.append(_start_s(FLOOR, data_dir, env))
            app_s.append(_start_s(APP, data_dir, env))
    value, baseline = percentile(app_s, 50), percentile(floor_s, 50)
    return [
        Result.measured(
            "cold_start_to_login_s",
            value,
            "s",
            target=TARGET_S,
            baseline=baseline,
            ratio=value / baseline,
            n=runs,
            p95_s=rounded(percentile(app_s, 95)),
            max_s=rounded(max(app_s)),
            baseline_p95_s=rounded(percentile(floor_s, 95)),
            note="value = median wall time from starting `python` to the login dialog being visible "
            "(offscreen), on a profile with an administrator; baseline = the same for a bare "
            "QApplication showing an empty QDialog, alternating with it; ratio = value / baseline",
        )
    ]
