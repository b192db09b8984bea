"""The office's settings: name and contact on notices, idle lock, backup folder and days, retention
days, printer and paper.

They live in the profile's key/value settings, one key per field (the names below are shared with the
parts that read them: the backups, retention, the notices, the app's idle lock). ``get()`` needs no
actor: every part of the app reads them and they hold no personal data. ``save()`` is the
administrator's (``MANAGE_SETTINGS``), checks every field and writes only the keys whose value
changed, so a key left at its default stays unset (the setup checklist reads "the administrator chose
a backup folder" from the key being set).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.errors import ValidationError
from counter_app.services.context import Context

# Adding a setting: a field on OfficeSettings with its default, its key below (KEYS), a check in
# _checked(), its reading in _read(), and a row in the Admin page's Settings tab (ui/views/admin/settings.py).
NOTICE_OFFICE_NAME = "notice_office_name"
OFFICE_CONTACT = "office_contact"
IDLE_LOCK_MINUTES = "idle_lock_minutes"
BACKUP_FOLDER = "backup_folder"
BACKUP_KEEP_DAYS = "backup_keep_days"
RETENTION_DAYS = "retention_days"
PRINTER_NAME = "printer_name"
PAPER_SIZE = "paper_size"
KEYS = (
    NOTICE_OFFICE_NAME,
    OFFICE_CONTACT,
    IDLE_LOCK_MINUTES,
    BACKUP_FOLDER,
    BACKUP_KEEP_DAYS,
    RETENTION_DAYS,
    PRINTER_NAME,
    PAPER_SIZE,
)

DEFAULT_IDLE_LOCK_MINUTES = 5
DEFAULT_BACKUP_KEEP_DAYS = 30
DEFAULT_RETENTION_DAYS = 1095  # three years
PAPER_A4 = "a4"
PAPER_80MM = "80mm"
PAPER_SIZES = (PAPER_A4, PAPER_80MM)
# The notice layouts (ui/notices/layout.py) by paper size.
NOTICE_LAYOUTS = {PAPER_A4: "a4", PAPER_80MM: "receipt"}

IDLE_LOCK_RANGE = (0, 240)  # minutes; 0: never lock
BACKUP_KEEP_RANGE = (1, 3650)
RETENTION_RANGE = (30, 36500)
MAX_OFFICE_NAME = 60
MAX_CONTACT = 120
MAX_PRINTER_NAME = 200
MAX_FOLDER = 1000


@dataclass(frozen=True)
class OfficeSettings:
    notice_office_name: str = ""  # empty: the office name given at enrollment (or the default)
    office_contact: str = ""  # one line on notices: address, telephone
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES  # 0: never lock
    backup_folder: str = ""  # absolute; get() fills in <data dir>/backups/daily
    backup_keep_days: int = DEFAULT_BACKUP_KEEP_DAYS
    retention_days: int = DEFAULT_RETENTION_DAYS
    printer_name: str = ""  # empty: the system's default printer
    paper_size: str = PAPER_A4  # "a4" or "80mm"

    @property
    def notice_layout(self) -> str:
        """The notice layout of the paper: "a4" or "receipt"."""
        return NOTICE_LAYOUTS.get(self.paper_size, "a4")

    @property
    def idle_lock_ms(self) -> int:
        return self.idle_lock_minutes * 60_000

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def default_backup_folder(ctx: Context) -> str:
    return str(ctx.paths.backups / "daily")


class OfficeSettingsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def defaults(self) -> OfficeSettings:
        return OfficeSettings(backup_folder=default_backup_folder(self.ctx))

    def get(self) -> OfficeSettings:
        """The office's settings, each unset (or unreadable) one at its default. Any actor."""
        stored = self.ctx.settings
        return _read({key: stored.get(key) for key in KEYS}, self.defaults())

    def save(self, actor: Actor, settings: OfficeSettings) -> OfficeSettings:
        """Check and store the settings (administrators: ``MANAGE_SETTINGS``). A field at fault raises
        ``ValidationError`` naming it and nothing is stored. Audited as ``settings.change`` with the
        keys changed and their new values (none of them personal data); nothing changed, nothing
        written. Returns the settings as now stored."""
        self.ctx.require(actor, Permission.MANAGE_SETTINGS)
        checked = _checked(settings)
        with self.ctx.store.transaction():
            current = self.get()
            changed = {
                key: getattr(checked, key) for key in KEYS if getattr(checked, key) != getattr(current, key)
            }
            for key, value in changed.items():
                self.ctx.settings.set(key, str(value))
            if changed:
                self.ctx.audit(actor, "settings.change", "settings", None, keys=list(changed), values=changed)
        return self.get()


def _read(values: dict[str, str | None], defaults: OfficeSettings) -> OfficeSettings:
    def text(key: str) -> str:
        value = (values.get(key) or "").strip()
        return value or getattr(defaults, key)

    def number(key: str, bounds: tuple[int, int]) -> int:
        try:
            value = int(values.get(key) or "")
        except ValueError:
            return getattr(defaults, key)
        return value if bounds[0] <= value <= bounds[1] else getattr(defaults, key)

    paper = text(PAPER_SIZE)
    folder = text(BACKUP_FOLDER)
    return OfficeSettings(
        notice_office_name=text(NOTICE_OFFICE_NAME),
        office_contact=text(OFFICE_CONTACT),
        idle_lock_minutes=number(IDLE_LOCK_MINUTES, IDLE_LOCK_RANGE),
        backup_folder=folder if Path(folder).is_absolute() else defaults.backup_folder,
        backup_keep_days=number(BACKUP_KEEP_DAYS, BACKUP_KEEP_RANGE),
        retention_days=number(RETENTION_DAYS, RETENTION_RANGE),
        printer_name=text(PRINTER_NAME),
        paper_size=paper if paper in PAPER_SIZES else defaults.paper_size,
    )


def _checked(settings: OfficeSettings) -> OfficeSettings:
    """The settings with their text trimmed; the first field at fault raises ``ValidationError``."""
    return replace(
        settings,
        notice_office_name=_line(settings.notice_office_name, NOTICE_OFFICE_NAME, MAX_OFFICE_NAME),
        office_contact=_line(settings.office_contact, OFFICE_CONTACT, MAX_CONTACT),
        idle_lock_minutes=_whole(settings.idle_lock_minutes, IDLE_LOCK_MINUTES, IDLE_LOCK_RANGE),
        backup_folder=_folder(settings.backup_folder),
        backup_keep_days=_whole(settings.backup_keep_days, BACKUP_KEEP_DAYS, BACKUP_KEEP_RANGE),
        retention_days=_whole(settings.retention_days, RETENTION_DAYS, RETENTION_RANGE),
        printer_name=_line(settings.printer_name, PRINTER_NAME, MAX_PRINTER_NAME),
        paper_size=_paper(settings.paper_size),
    )


def _line(value: object, field: str, limit: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, "text", code="format")
    text = value.strip()
    if any(ch in text for ch in "\r\n\t\x00"):
        raise ValidationError(field, "one line of text", code="format")
    if len(text) > limit:
        raise ValidationError(field, f"at most {limit} characters", code="max_length")
    return text


def _whole(value: object, field: str, bounds: tuple[int, int]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "a whole number", code="format")
    low, high = bounds
    if not low <= value <= high:
        raise ValidationError(field, f"{low} to {high}", code="range")
    return value


def _folder(value: object) -> str:
    folder = _line(value, BACKUP_FOLDER, MAX_FOLDER)
    if not folder:
        raise ValidationError(BACKUP_FOLDER, "a folder is required", code="required")
    if not Path(folder).expanduser().is_absolute():
        raise ValidationError(BACKUP_FOLDER, "an absolute path", code="format")
    return str(Path(folder).expanduser())


def _paper(value: object) -> str:
    if value not in PAPER_SIZES:
        raise ValidationError(PAPER_SIZE, "a4 or 80mm", code="choice")
    return str(value)
