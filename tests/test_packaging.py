"""The packaged app's parts that can be checked in a second (tests/test_bundle.py builds and runs the
bundle itself): one version everywhere, build.spec's two executables over one folder, the entry script
that is counter-app or counter-central, the icon in every install, and the demo's way to its platform."""

from __future__ import annotations

import ast
import importlib.util
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon, QImage

import counter_app
from counter_app.resources import app_icon_path, resources_dir
from tests.support import ROOT
from ui import bundle, demo

ICONS = ROOT / "resources" / "icons"


def test_the_version_is_pyprojects() -> None:
    # By pattern, not tomllib: Python 3.10 (still supported) has none. [project] is pyproject's first table.
    project = (ROOT / "pyproject.toml").read_text("utf-8").split("[project]", 1)[1].split("\n[", 1)[0]
    (version,) = re.findall(r'^version = "([^"]+)"$', project, re.MULTILINE)
    assert counter_app.__version__ == version


def _calls(spec: Path, name: str) -> list[ast.Call]:
    tree = ast.parse(spec.read_text("utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def _keywords(call: ast.Call) -> dict[str, object]:
    return {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords if isinstance(kw.value, ast.Constant)}


def test_build_spec_makes_a_windowed_app_and_a_console_command_line_in_one_folder() -> None:
    spec = ROOT / "build.spec"
    executables = {str(kw["name"]): kw["console"] for kw in map(_keywords, _calls(spec, "EXE"))}
    assert executables == {"counter": False, "counter-app": True}
    (collect,) = _calls(spec, "COLLECT")
    collected = [arg.id for arg in collect.args if isinstance(arg, ast.Name)]
    assert {"gui", "cli"} <= set(collected), "both executables share the one folder"
    assert _keywords(collect)["name"] == "counter"
    (analysis,) = _calls(spec, "Analysis")
    script = ast.unparse(analysis.args[0])
    assert "bundle_entry.py" in script and "packaging" in script


def _entry(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "bundle_entry.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


def test_the_bundles_entry_point_is_counter_app_or_counter_central() -> None:
    app = _entry("--version")
    assert app.returncode == 0 and app.stdout.strip() == f"counter-app {counter_app.__version__}"
    central = _entry(bundle.CENTRAL_ARGUMENT, "--help")
    assert central.returncode == 0, central.stderr
    assert central.stdout.startswith("usage: counter-central") and "serve" in central.stdout
    # The hidden argument only counts first: elsewhere it is counter-app's bad input.
    assert _entry("status", bundle.CENTRAL_ARGUMENT).returncode == 2


def test_the_demo_runs_the_platform_with_python_or_with_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    assert demo._central_argv("sqlite:///x.db", "serve")[:5] == [
        sys.executable,
        "-m",
        "central.cli",
        "--db",
        "sqlite:///x.db",
    ]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # what PyInstaller's bootloader sets
    assert demo._central_argv("sqlite:///x.db", "serve") == [
        sys.executable,
        bundle.CENTRAL_ARGUMENT,
        "--db",
        "sqlite:///x.db",
        "serve",
    ]


def _ico_sizes(data: bytes) -> list[int]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1), "not an icon file"
    sizes = []
    for index in range(count):
        width, _height, _colours, _zero, _planes, _bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        image = QImage.fromData(data[offset : offset + size])
        assert not image.isNull() and image.width() == (width or 256)
        sizes.append(image.width())
    return sizes


def test_the_icon_in_its_sizes_and_in_every_install(qapp: object) -> None:
    assert QImage(str(ICONS / "counter.png")).size().toTuple() == (256, 256)
    assert _ico_sizes((ICONS / "counter.ico").read_bytes()) == [16, 24, 32, 48, 64, 128, 256]
    assert app_icon_path() == resources_dir() / "icons" / "counter.png"
    assert not QIcon(str(app_icon_path())).isNull()
    # A wheel carries what setup.py's resource_sources() lists (tests/e2e/test_wheel.py builds one).
    loader = importlib.util.spec_from_file_location("counter_setup_for_test", ROOT / "setup.py")
    assert loader is not None and loader.loader is not None
    setup = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(setup)
    shipped = {path.relative_to(ROOT / "resources").as_posix() for path in setup.resource_sources()}
    assert {"icons/counter.png", "icons/counter.ico", "icons/counter.svg"} <= shipped
