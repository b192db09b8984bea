"""Rules of DESIGN §1 that import-linter cannot see: what the command line loads, and the UI never
reaching past the use cases into the core's context (its store, cipher and clock)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_line_does_not_load_qt_until_it_opens_a_window() -> None:
    probe = "import sys, ui.cli; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"


def test_the_ui_never_reaches_into_the_cores_context() -> None:
    """``counter.ctx`` holds the store, the cipher and the clock: the UI goes through use cases."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if re.search(r"\.ctx\b", line)
    ]
    assert found == []
