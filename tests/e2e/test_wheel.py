"""Every install path finds the resources (DESIGN §5): a wheel built from a copy of the source tree
without any ``.qm`` file, installed into a fresh virtualenv, runs the command line with its catalogue
and opens in Simplified Chinese; the ``.ts`` → ``.qm`` compiler the wheel, the bundle and a source
tree without ``make`` use writes what ``pyside6-lrelease`` writes; a missing translation is loud."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.resources import compiled_translation, ts_to_qm
from tests.support import ROOT
from ui.i18n import CHINESE, ENGLISH, install_translators, qm_path

TS_DIR = ROOT / "resources" / "i18n"
STATUS_KEYS = {"pending_ops", "conflicts", "last_sync", "server", "clock_offset_s"}
# What a fresh clone lacks: nothing built, no virtualenv, no caches.
NOT_IN_A_CLONE = {".git", ".venv", "build", "dist", "tests", "docs"}

# Run inside the installed wheel: where the resources are, the catalogue, and Chinese from the .qm.
PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication
import counter_app, ui
from counter_app.catalogue import load_catalogue
from counter_app.resources import demo_catalogue_path, resources_dir
from ui.i18n import CHINESE, install_translators, qm_path
app = QCoreApplication([])
installed = install_translators(app, CHINESE)
print(json.dumps({
    "packages": [counter_app.__file__, ui.__file__],
    "resources": str(resources_dir()),
    "qm": str(qm_path(CHINESE)),
    "installed": len(installed),
    "log_in": QCoreApplication.translate("LoginDialog", "Log in"),
    "plural": QCoreApplication.translate("MainWindow", "%n operation(s) waiting to sync", "", 2),
    "services": len(load_catalogue(demo_catalogue_path()).items),
}))
"""

# The cases lrelease treats specially: disambiguating comments (kept only where needed), obsolete,
# unfinished and empty translations, duplicates, plural forms, line breaks and characters beyond
# the Basic Multilingual Plane.
EDGE_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{language}">
<context>
    <name>A</name>
    <message><source>Open</source><comment>menu</comment><translation>打开</translation></message>
    <message><source>Open</source><comment>door</comment><translation>开门</translation></message>
    <message><source>Save</source><comment>only one</comment><translation>保存</translation></message>
    <message><source>Close</source><translation>关闭</translation></message>
    <message><source>Close</source><comment>window</comment><translation>关窗</translation></message>
    <message><source>Gone</source><translation type="obsolete">没了</translation></message>
    <message><source>Todo</source><translation type="unfinished"></translation></message>
    <message><source>Half</source><translation type="unfinished">一半</translation></message>
    <message><source>Empty</source><translation></translation></message>
    <message numerus="yes"><source>%n file(s)</source><translation><numerusform>%n 个文件</numerusform>\
</translation></message>
    <message><source>Dup</source><translation>一</translation></message>
    <message><source>Dup</source><translation>二</translation></message>
    <message><source>Line
break &amp; "quotes" 𝄞</source><translation>换行
𝄞</translation></message>
</context>
<context>
    <name>B</name>
    <message><source>Open</source><comment>x</comment><translation>乙</translation></message>
    <message><source>Ghost</source><comment>y</comment><translation>鬼</translation></message>
    <message><source>Ghost</source><translation type="obsolete">鬼鬼</translation></message>
</context>
</TS>
"""


def lrelease() -> str | None:
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside_python) if beside_python.exists() else shutil.which("pyside6-lrelease")


def _like_a_clone(folder: str, names: list[str]) -> set[str]:
    ignored = {name for name in names if name == "__pycache__" or name.endswith((".qm", ".egg-info"))}
    if Path(folder).resolve() == ROOT:
        ignored |= {name for name in names if name in NOT_IN_A_CLONE or name.endswith("_cache")}
    return ignored


def _run(
    args: list[str], timeout: float, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel (and its dependencies, from the index or pip's cache)."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(ROOT, source, ignore=_like_a_clone, symlinks=True)
    assert not list(source.rglob("*.qm"))
    wheels = root / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)], 300)
    (wheel,) = wheels.glob("counter-*.whl")
    env_dir = root / "venv"
    _run([sys.executable, "-m", "venv", str(env_dir)], 120)
    _run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], 600)
    return env_dir


@pytest.fixture
def wheel_env(tmp_path: Path) -> dict[str, str]:
    """Nothing from the source tree: no PYTHONPATH, no keyring, an empty cache (so no .qm compiled
    at first start could stand in for one missing from the wheel)."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "COUNTER_APP_LANG")}
    env.update(
        COUNTER_APP_DATA_DIR=str(tmp_path / "data"),
        COUNTER_APP_CONFIG_DIR=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


@pytest.mark.slow
def test_the_installed_wheel_runs_the_command_line(
    venv: Path, wheel_env: dict[str, str], tmp_path: Path
) -> None:
    counter_app = str(venv / "bin" / "counter-app")

    def status() -> dict:
        result = _run([counter_app, "status", "--json"], 120, env=wheel_env, cwd=tmp_path)
        return json.loads(result.stdout.strip().splitlines()[-1])

    before = status()
    assert set(before) == STATUS_KEYS and before["pending_ops"] == 0
    seeded = _run([counter_app, "seed", "--applications", "5"], 300, env=wheel_env, cwd=tmp_path)
    assert "5 applications" in seeded.stdout
    assert status()["pending_ops"] > 0


@pytest.mark.slow
def test_the_installed_wheel_has_its_catalogue_and_opens_in_chinese(
    venv: Path, wheel_env: dict[str, str], tmp_path: Path
) -> None:
    python = str(venv / "bin" / "python")
    result = _run([python, "-c", PROBE], 120, env=wheel_env, cwd=tmp_path)
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    inside = str(venv.resolve())
    assert all(path.startswith(inside) for path in probe["packages"]), probe["packages"]
    assert probe["resources"].startswith(inside) and probe["resources"].endswith("_resources")
    assert probe["qm"] == str(Path(probe["resources"]) / "i18n" / "counter_zh_CN.qm")
    assert probe["installed"] >= 1
    assert probe["log_in"] == "登录"
    assert probe["plural"] == "待同步：2 项操作"
    assert probe["services"] > 0
    assert not (tmp_path / "cache").exists()  # compiled when the wheel was built, not at first start


@pytest.mark.parametrize("language", [CHINESE, ENGLISH])
def test_the_compiler_writes_what_lrelease_writes(language: str, tmp_path: Path) -> None:
    tool = lrelease()
    if tool is None:
        pytest.fail(
            "pyside6-lrelease is not installed: it comes with PySide6; reinstall the virtualenv (make setup)",
            pytrace=False,
        )
    edge = tmp_path / f"edge_{language}.ts"
    edge.write_text(EDGE_TS.format(language=language), encoding="utf-8")
    for ts in (TS_DIR / f"counter_{language}.ts", edge):
        reference = tmp_path / f"{ts.stem}.qm"
        _run([tool, "-silent", str(ts), "-qm", str(reference)], 60)
        assert ts_to_qm(ts) == reference.read_bytes(), ts.name


def test_a_source_tree_without_make_compiles_the_translation_at_first_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "i18n"
    folder.mkdir()
    shutil.copy(TS_DIR / "counter_zh_CN.ts", folder)
    compiled = qm_path(CHINESE, folder)
    assert compiled.is_relative_to(tmp_path / "cache")
    assert compiled.read_bytes() == ts_to_qm(folder / "counter_zh_CN.ts")
    assert compiled_translation(folder, "counter_zh_CN") == compiled  # once, then reused
    assert compiled_translation(folder, "counter_fr") is None


@pytest.fixture
def no_translators(qapp: QApplication) -> Iterator[list]:
    installed: list = []
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def test_a_missing_chinese_translation_is_logged_and_shown(
    qapp: QApplication, no_translators: list, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.i18n"):
        no_translators.extend(install_translators(qapp, CHINESE, tmp_path))
    assert any(r.levelno == logging.ERROR and "zh_CN" in r.getMessage() for r in caplog.records)
    assert QCoreApplication.translate("LoginDialog", "Log in") == "Log in"
    (box,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert "简体中文" in box.text() and str(tmp_path) in box.text()
    box.close()
