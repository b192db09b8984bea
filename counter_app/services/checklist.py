"""What is left to set up in a new office: the Admin page's checklist after the first start.

Each item is done or not, read from the profile (no flag of its own to forget to clear): staff
accounts besides the administrators, the office's details on notices, enrollment with the
platform, a backup folder chosen by the administrator (a USB stick or a network share rather than
the default folder on the same disk), and the data key in the OS keyring rather than the fallback
file.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.accounts import Actor, Permission, Role
from counter_app.services import office_settings
from counter_app.services.context import Context

STAFF = "staff"
OFFICE = "office"
PLATFORM = "platform"
BACKUP_FOLDER = "backup_folder"
KEYS = "keys"
ITEMS = (STAFF, OFFICE, PLATFORM, BACKUP_FOLDER, KEYS)


@dataclass(frozen=True)
class ChecklistItem:
    key: str  # one of ITEMS: the Admin page names it and opens the tab that does it
    done: bool


class SetupChecklist:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def items(self, actor: Actor) -> list[ChecklistItem]:
        self.ctx.require(actor, Permission.MANAGE_USERS)
        settings = self.ctx.settings
        users = self.ctx.users.all()
        done = {
            STAFF: any(user.role != Role.ADMIN.value and user.active for user in users),
            # an office setting is stored only once saved (office_settings): set means chosen
            OFFICE: bool((settings.get(office_settings.NOTICE_OFFICE_NAME) or "").strip()),
            PLATFORM: bool(settings.get("device_id")),
            BACKUP_FOLDER: bool((settings.get(office_settings.BACKUP_FOLDER) or "").strip()),
            KEYS: self.ctx.secrets.status().secure,
        }
        return [ChecklistItem(key, done[key]) for key in ITEMS]

    def left(self, actor: Actor) -> list[str]:
        """The keys of the items not done yet, in order."""
        return [item.key for item in self.items(actor) if not item.done]
