"""Translations: complete, up to date with the code, loadable; the words for the core's errors."""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.errors import CorruptDatabase, CounterError, DatabaseTooNew, SyncRunning, ValidationError
from tests.support import ROOT
from ui.dialogs.login import LoginDialog
from ui.i18n import (
    CHINESE,
    ENGLISH,
    LANGUAGE_ENV,
    app_font,
    choose_language,
    error_text,
    fill,
    install_translators,
    normalise_language,
)
from ui.workers import Database

TS_DIR = ROOT / "resources" / "i18n"
PLURAL_FORMS = {CHINESE: 1, ENGLISH: 2}
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def qt_tool(name: str) -> str | None:
    beside_python = Path(sys.executable).parent / f"pyside6-{name}"
    return str(beside_python) if beside_python.exists() else shutil.which(f"pyside6-{name}")


def messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def source_keys(ts: Path) -> set[tuple[str, str]]:
    return {(context, message.findtext("source") or "") for context, message in messages(ts)}


@pytest.mark.parametrize("language", [CHINESE, ENGLISH])
def test_every_string_is_translated(language: str) -> None:
    ts = TS_DIR / f"counter_{language}.ts"
    assert ET.parse(ts).getroot().get("language") == language
    problems = []
    for context, message in messages(ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append((context, source, translation.get("type")))
            continue
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        if message.get("numerus") == "yes" and len(forms) != PLURAL_FORMS[language]:
            problems.append((context, source, f"{len(forms)} plural forms"))
        for form in forms:
            if not form.strip():
                problems.append((context, source, "empty"))
            elif sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append((context, source, f"placeholders differ in {form!r}"))
    assert problems == []


def test_translation_sources_match_the_code(tmp_path: Path) -> None:
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        pytest.fail(
            "pyside6-lupdate is not installed: it comes with PySide6; reinstall the virtualenv (make setup)",
            pytrace=False,
        )
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *sources, "-locations", "none", "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    in_code = source_keys(fresh)
    for language in (CHINESE, ENGLISH):
        in_ts = source_keys(TS_DIR / f"counter_{language}.ts")
        assert in_code - in_ts == set(), f"run lupdate: new strings missing from counter_{language}.ts"
        assert in_ts - in_code == set(), f"run lupdate -no-obsolete: counter_{language}.ts has stale strings"


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        pytest.fail(
            "pyside6-lrelease is not installed: it comes with PySide6; reinstall the virtualenv (make setup)",
            pytrace=False,
        )
    for language in (CHINESE, ENGLISH):
        subprocess.run(
            [
                lrelease,
                str(TS_DIR / f"counter_{language}.ts"),
                "-qm",
                str(tmp_path / f"counter_{language}.qm"),
            ],
            check=True,
            capture_output=True,
        )
    return tmp_path


@pytest.fixture
def translated(qapp: QApplication, compiled: Path) -> Iterator[Callable[[str], None]]:
    installed: list = []

    def install(language: str) -> None:
        installed.extend(install_translators(qapp, language, compiled))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


def test_chinese_is_loaded_from_the_qm_file(
    qtbot: QtBot, translated: Callable[[str], None], db: Database
) -> None:
    translated(CHINESE)
    text = QCoreApplication.translate
    assert text("LoginDialog", "Log in") == "登录"
    assert text("MainWindow", "%n operation(s) waiting to sync", "", 2) == "待同步：2 项操作"
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "登录"
    assert dialog.submit_button.text() == "登录"
    assert dialog.username.accessibleName() == "用户名"


def test_english_plural_forms(translated: Callable[[str], None]) -> None:
    translated(ENGLISH)
    text = QCoreApplication.translate
    assert text("MainWindow", "%n operation(s) waiting to sync", "", 1) == "1 operation waiting to sync"
    assert text("MainWindow", "%n operation(s) waiting to sync", "", 4) == "4 operations waiting to sync"


def test_a_missing_qm_file_is_not_an_error(qapp: QApplication, tmp_path: Path) -> None:
    installed = install_translators(qapp, ENGLISH, tmp_path)
    assert installed == []
    assert QCoreApplication.translate("LoginDialog", "Log in") == "Log in"


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert choose_language() == CHINESE
    monkeypatch.setenv(LANGUAGE_ENV, "en_US.UTF-8")
    assert choose_language() == ENGLISH
    assert choose_language("zh_CN") == CHINESE  # the argument wins over the environment
    monkeypatch.setenv(LANGUAGE_ENV, "klingon")
    assert choose_language() == CHINESE
    assert normalise_language("zh-CN") == CHINESE
    assert normalise_language("fr") is None


def test_a_latin_font_comes_before_the_cjk_font() -> None:
    families = app_font(QFont()).families()
    assert "Noto Sans CJK SC" in families
    latin = families.index("Noto Sans")
    assert latin < families.index("Noto Sans CJK SC")


def test_placeholders_are_filled_once() -> None:
    assert fill("%1 and %2", "a %2 b", "c") == "a %2 b and c"
    assert fill("%1 of %3", "x") == "x of %3"


def test_a_corrupt_database_message_names_the_newest_backup(tmp_path: Path) -> None:
    old, new = tmp_path / "b-2.db", tmp_path / "a-1.db"  # name order and time order disagree
    old.write_bytes(b"1")
    new.write_bytes(b"2")
    os.utime(old, (1_000_000, 1_000_000))
    text = error_text(CorruptDatabase("/data/counter.db", "file is not a database", [str(new), str(old)]))
    assert "/data/counter.db" in text and str(new) in text and str(old) not in text
    without = error_text(CorruptDatabase("/data/counter.db", "file is not a database", []))
    assert "No backup" in without


def test_a_too_new_database_message_gives_both_versions() -> None:
    text = error_text(DatabaseTooNew("/data/counter.db", 9, 4))
    assert "/data/counter.db" in text and "9" in text and "4" in text
    assert "not changed" in text


def test_a_wrong_current_password_has_words_of_its_own() -> None:
    refused = ValidationError("current_password", "the current password is not right", code="wrong_password")
    assert error_text(refused) == "The current password is not right."


def test_file_and_disk_errors_are_told_in_chinese_with_the_detail_in_the_log(
    translated: Callable[[str], None], caplog: pytest.LogCaptureFixture
) -> None:
    """A clerk reads what failed, in Chinese; the system's English text goes to the log only."""
    translated(CHINESE)
    path = "/data/notices/A-1.pdf"
    cases = [
        (OSError(errno.ENOSPC, "No space left on device", path), f"磁盘已满，无法写入：{path}"),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满。"),
        (PermissionError(errno.EACCES, "Permission denied", path), f"没有读写权限：{path}"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory", path), f"找不到文件：{path}"),
        (OSError(errno.EIO, "Input/output error", path), f"无法读写文件：{path}"),
        (OSError("disk I/O error"), "无法读写文件（磁盘或设备故障）。"),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "网络连接失败或超时。"),
        (RuntimeError("list index out of range"), "发生意外错误，详细信息已记入日志。"),
    ]
    for error, expected in cases:
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="ui.i18n"):
            text = error_text(error)
        assert text == expected
        english = getattr(error, "strerror", None) or str(error)
        assert english not in text
        assert english in caplog.text  # the detail is not lost: the log has it


def test_the_cores_english_detail_is_not_shown(
    translated: Callable[[str], None], caplog: pytest.LogCaptureFixture
) -> None:
    translated(CHINESE)
    with caplog.at_level(logging.INFO, logger="ui.i18n"):
        refused = error_text(ValidationError("applicant.phone", "must be 11 digits", code="format"))
        generic = error_text(CounterError("no such thing", code="odd_code"))
    assert refused == "该值不符合要求。" and generic == "操作被拒绝。"
    assert error_text(SyncRunning("a sync of /x is running")) == "正在同步，请稍后再试。"
    assert "must be 11 digits" in caplog.text and "odd_code" in caplog.text
