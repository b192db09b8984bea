"""Scans of the materials: the checks made before a file is read, the document camera's folder.

A file is refused by type (its extension against the material's ``accepted_types``) and by size
(``max_size_mb``) before it is read, so a huge or wrong file never reaches memory; the core checks
both again when it stores the scan (``IntakeService.attach``). A document camera saves each shot
into a folder: "pick up" takes the newest finished file there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from counter_app.catalogue import Material
from counter_app.errors import ValidationError
from counter_app.paths import default_config_dir

# Files a camera or browser is still writing, and hidden files.
_UNFINISHED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", "~")
SETTINGS_FILE = "desk.ini"
SCAN_FOLDER_KEY = "intake/scan_folder"


def check_scan(path: Path, material: Material) -> int:
    """The file's size if ``path`` may be a scan of ``material``; ValidationError(``file``) if not
    (codes ``file_type``, ``unreadable``, ``empty``, ``too_large``)."""
    extension = path.suffix.lower().lstrip(".")
    if extension not in material.accepted_types:
        raise ValidationError(
            "file", f"accepted types: {', '.join(material.accepted_types)}", code="file_type"
        )
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError("file", "cannot be read", code="unreadable") from None
    if not path.is_file():
        raise ValidationError("file", "not a file", code="unreadable")
    if size == 0:
        raise ValidationError("file", "the file is empty", code="empty")
    if size > material.max_size_mb * 1024 * 1024:
        raise ValidationError("file", f"larger than {material.max_size_mb} MB", code="too_large")
    return size


def read_scan(path: Path, material: Material) -> bytes:
    """The checked file's content (at most ``max_size_mb``). Any thread: the materials step reads
    scans on a pool thread (a camera folder may be on a slow share)."""
    check_scan(path, material)
    try:
        content = path.read_bytes()
    except OSError:
        raise ValidationError("file", "cannot be read", code="unreadable") from None
    if len(content) > material.max_size_mb * 1024 * 1024:  # it grew after the check
        raise ValidationError("file", f"larger than {material.max_size_mb} MB", code="too_large")
    return content


def newest_scan(folder: Path) -> Path | None:
    """The most recently written finished file in ``folder`` (None if there is none). Any thread."""
    newest: tuple[float, str, Path] | None = None
    try:
        entries = list(folder.iterdir())
    except OSError:
        return None
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name.lower().endswith(_UNFINISHED_SUFFIXES):
            continue
        try:
            if not entry.is_file():
                continue
            modified = entry.stat().st_mtime
        except OSError:
            continue
        candidate = (modified, name, entry)
        if newest is None or candidate[:2] > newest[:2]:
            newest = candidate
    return newest[2] if newest else None


class ScanFolder:
    """Where this desk's document camera saves: a setting of the machine, kept in the config directory
    (``COUNTER_APP_CONFIG_DIR`` overrides it), not of the office's data."""

    def __init__(self, settings_file: Path | None = None) -> None:
        path = settings_file or default_config_dir() / SETTINGS_FILE
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self) -> Path | None:
        value = self._settings.value(SCAN_FOLDER_KEY, "")
        return Path(str(value)) if value else None

    def set(self, folder: Path | None) -> None:
        self._settings.setValue(SCAN_FOLDER_KEY, str(folder) if folder else "")
        self._settings.sync()
