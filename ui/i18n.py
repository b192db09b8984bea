"""The user's language: choosing it, loading translations, and the words for the core's errors.

Source strings are English, written with ``self.tr()`` or ``QCoreApplication.translate()``.
Simplified Chinese is the default language; English is complete too. Translations live in
``resources/i18n/counter_<lang>.ts`` (Qt Linguist XML) and are compiled to ``.qm`` files that
are built, not committed: by ``make``, into every wheel (setup.py) and bundle (build.spec), and — in
a source tree where ``make`` has not run — at first start into the user's cache folder
(``counter_app.resources.compiled_translation``). A translation that cannot be found is logged and
shown to the user, never silently replaced by English::

    pyside6-lupdate ui -extensions py -ts resources/i18n/counter_zh_CN.ts resources/i18n/counter_en.ts
    pyside6-lrelease resources/i18n/counter_zh_CN.ts resources/i18n/counter_en.ts

Adding a user-facing string: write it in English through ``tr()``; run the lupdate line above;
translate it in both .ts files (Qt Linguist, or by hand: Chinese in ``counter_zh_CN.ts``, the
English form — with plural forms where ``%n`` is used — in ``counter_en.ts``); run lrelease.
``tests/ui/test_i18n.py`` fails while a string is missing or unfinished in either file.
"""

from __future__ import annotations

import errno
import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.accounts import MIN_PASSWORD_LENGTH, Role
from counter_app.errors import (
    AccountLocked,
    AuthenticationFailed,
    CorruptDatabase,
    CounterError,
    DatabaseTooNew,
    NotFound,
    PermissionDenied,
    SecretsUnavailable,
    SyncRunning,
    ValidationError,
)
from counter_app.resources import TranslationSourceError, compiled_translation, resource_path

log = logging.getLogger(__name__)
_shown_warnings: list[QMessageBox] = []

LANGUAGE_ENV = "COUNTER_APP_LANG"
CHINESE = "zh_CN"
ENGLISH = "en"
DEFAULT_LANGUAGE = CHINESE
LANGUAGES = (CHINESE, ENGLISH)

# A Latin family first, so digits and Latin letters come from it (and stay extractable from PDFs);
# Chinese characters fall through to the CJK families. The first one installed wins per glyph.
FONT_FAMILIES = [
    "Noto Sans",
    "DejaVu Sans",
    "Segoe UI",
    "Arial",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
]


def normalise_language(value: str | None) -> str | None:
    """``"zh"``, ``"zh_CN"``, ``"zh-CN.UTF-8"`` → ``"zh_CN"``; ``"en"``, ``"en_US"`` → ``"en"``;
    anything else → None."""
    text = (value or "").strip().split(".")[0].replace("-", "_").lower()
    if text in ("zh", "zh_cn", "zh_hans", "zh_hans_cn"):
        return CHINESE
    if text == "en" or text.startswith("en_"):
        return ENGLISH
    return None


def choose_language(requested: str | None = None, saved: str | None = None) -> str:
    """The language to show: the one asked for, else ``COUNTER_APP_LANG``, else the one ``saved``
    from the View menu, else Simplified Chinese."""
    from_env = normalise_language(os.environ.get(LANGUAGE_ENV))
    return normalise_language(requested) or from_env or normalise_language(saved) or DEFAULT_LANGUAGE


def translations_dir() -> Path:
    return resource_path("i18n")


def qm_path(language: str, directory: Path | None = None) -> Path:
    """The compiled translation of ``language`` (from ``directory``, else the installed resources);
    compiled from its ``.ts`` if only that exists. The path may not exist: loading it then fails."""
    folder = directory or translations_dir()
    name = f"counter_{language}"
    try:
        return compiled_translation(folder, name) or folder / f"{name}.qm"
    except (OSError, TranslationSourceError) as error:
        log.error("The %s translation could not be compiled: %s", language, error)
        return folder / f"{name}.qm"


def locale_for(language: str) -> QLocale:
    return QLocale("zh_CN" if language == CHINESE else "en_US")


def install_translators(
    app: QCoreApplication, language: str, directory: Path | None = None
) -> list[QTranslator]:
    """Load Counter's translation (and Qt's own, for standard buttons) for ``language`` into ``app``.

    Returns the installed translators; keep them alive as long as the app (``app.removeTranslator``
    undoes). Counter's own translation missing is loud: logged, and for Chinese (whose screen would
    otherwise silently show English) told in a message box. Without Qt's own, standard buttons stay
    English.
    """
    installed: list[QTranslator] = []
    ours = qm_path(language, directory)
    candidates = [(ours.stem, str(ours.parent))]
    if language != ENGLISH:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates.append((f"qtbase_{language}", qt_dir))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        elif name == ours.stem:
            missing_translation(app, language, ours)
    return installed


def missing_translation(app: QCoreApplication, language: str, path: Path) -> None:
    """Say that Counter's translation into ``language`` could not be loaded from ``path``."""
    if language == ENGLISH:  # the source strings are English: only plural forms suffer
        log.warning("The English translation %s could not be loaded; plural forms may read oddly.", path)
        return
    log.error("The %s translation %s could not be loaded: the interface shows English.", language, path)
    if isinstance(app, QApplication):
        # In both languages, since the translation is what is missing. Not modal: it must not block
        # a start nobody watches; the login window opens over it.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Counter",
            "无法加载简体中文界面翻译，界面将以英文显示。请重新安装本程序。\n\n"
            f"The Chinese translation could not be loaded, so the interface shows English. "
            f"Reinstall Counter.\n\n{path}",
        )
        box.show()
        _shown_warnings[:] = [box]  # a box without a parent lives as long as a reference to it


def app_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setFamilies(FONT_FAMILIES)
    return font


translate = QCoreApplication.translate


def fill(text: str, *values: object) -> str:
    """Qt-style placeholders: ``%1``, ``%2``... replaced in one pass (a value may contain ``%2``)."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return str(values[index - 1]) if 1 <= index <= len(values) else match.group(0)

    return re.sub(r"%(\d)", value, text)


def latest_backup(backups: list[str]) -> str | None:
    """The most recently written of the backup files the core listed."""
    existing = [path for path in backups if os.path.exists(path)]
    if not existing:
        return backups[-1] if backups else None
    return max(existing, key=os.path.getmtime)


def role_name(role: Role | None) -> str:
    if role is Role.CLERK:
        return translate("Roles", "Counter clerk")
    if role is Role.SUPERVISOR:
        return translate("Roles", "Supervisor")
    if role is Role.ADMIN:
        return translate("Roles", "Administrator")
    return translate("Roles", "Command line")


def validation_text(error: ValidationError) -> str:
    """Words for a refused field value, to show next to the field the error names."""
    field, code = error.field, error.code
    if field == "username":
        if code == "required":
            return translate("Errors", "Enter a user name.")
        if code == "format":
            return translate("Errors", "Use up to 32 letters, digits, '.', '_' or '-'.")
        if code == "duplicate":
            return translate("Errors", "This user name is already taken.")
    if field == "password" and code == "too_short":
        return password_too_short_text()
    if field == "current_password" and code == "wrong_password":
        return translate("Errors", "The current password is not right.")
    if code == "required":
        return translate("Errors", "This field is required.")
    # The core's detail is English, for logs: the clerk is told which value, not the core's words.
    log.info("A value was refused (%s, %s): %s", field, code, error.detail)
    return translate("Errors", "This value is not accepted.")


def password_too_short_text() -> str:
    return fill(translate("Errors", "The password needs at least %1 characters."), MIN_PASSWORD_LENGTH)


def error_text(error: BaseException) -> str:
    """A sentence for the user about an error the core raised on purpose (or a generic one)."""
    if isinstance(error, ValidationError):
        return validation_text(error)
    if isinstance(error, AuthenticationFailed):
        # Deliberately the same for an unknown user, and silent about the attempts left.
        return translate("Errors", "Wrong user name or password.")
    if isinstance(error, AccountLocked):
        return translate("Errors", "This account is locked. Ask an administrator to unlock it.")
    if isinstance(error, DatabaseTooNew):
        return fill(
            translate(
                "Errors",
                "The database %1 was written by a newer version of Counter (schema version %2; this "
                "version reads up to %3). Install the newer version. The file was not changed.",
            ),
            error.path,
            error.found,
            error.supported,
        )
    if isinstance(error, CorruptDatabase):
        text = fill(translate("Errors", "The database %1 is damaged and cannot be opened."), error.path)
        backup = latest_backup(error.backups)
        if backup:
            return (
                text
                + " "
                + fill(
                    translate(
                        "Errors",
                        "The last backup is %1. An administrator can restore it with “counter-app restore”.",
                    ),
                    backup,
                )
            )
        return text + " " + translate("Errors", "No backup of it was found.")
    if isinstance(error, SecretsUnavailable):
        return translate(
            "Errors",
            "The key that protects this office's personal data cannot be read, so the data cannot be "
            "opened. Restore the OS keyring or the key file this profile was created with.",
        )
    if isinstance(error, PermissionDenied):
        return translate("Errors", "Your role does not allow this.")
    if isinstance(error, NotFound):
        return translate("Errors", "The record was not found.")
    if isinstance(error, SyncRunning):
        return translate("Errors", "A sync is running: try again in a moment.")
    if isinstance(error, CounterError):
        log.info("An operation was refused (%s): %s", error.code, error)
        return translate("Errors", "The operation was refused.")
    if isinstance(error, OSError):
        return os_error_text(error)
    # A bug, or a fault below the core: its text is English and technical, so it goes to the log.
    log.error("Shown to the user as an unexpected error: %r", error, exc_info=error)
    return translate("Errors", "An unexpected error occurred. The details were written to the log.")


def os_error_text(error: OSError) -> str:
    """What failed, in the user's language (the disk, a file, the network); the system's own
    (English) text and the errno go to the log, not on screen."""
    log.warning("Shown to the user as a file, disk or network error: %r", error, exc_info=error)
    path = os.fsdecode(error.filename) if isinstance(error.filename, (str, bytes, os.PathLike)) else ""
    if isinstance(error, (ConnectionError, TimeoutError)):
        return translate("Errors", "The network connection failed or timed out.")
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        if path:
            return fill(translate("Errors", "The disk is full: %1 could not be written."), path)
        return translate("Errors", "The disk is full.")
    if isinstance(error, PermissionError):
        if path:
            return fill(translate("Errors", "No permission to read or write %1."), path)
        return translate("Errors", "No permission to read or write the file.")
    if isinstance(error, FileNotFoundError) and path:
        return fill(translate("Errors", "The file %1 was not found."), path)
    if path:
        return fill(translate("Errors", "The file %1 could not be read or written."), path)
    return translate("Errors", "A file could not be read or written (a disk or device error).")
