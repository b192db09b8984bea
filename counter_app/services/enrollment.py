"""Enrollment of this counter with an office of the central platform: the server address, the
device id, the office, the receipt prefix, and the device token (in the keyring, never the database)."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.accounts import Actor, Permission
from counter_app.errors import ValidationError
from counter_app.receipts import validate_prefix
from counter_app.services.context import Context
from counter_app.services.keys import TOKEN, follow_recorded_backend
from counter_app.store.sync_records import SyncRecordRepo

SYNC_ACTOR = "sync"


@dataclass(frozen=True)
class Enrollment:
    server_url: str
    device_id: str
    office_code: str
    office_name: str
    receipt_prefix: str
    device_name: str = ""
    revoked_at: str | None = None  # the platform revoked the device token: enroll again


class EnrollmentService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.records = SyncRecordRepo(ctx.store, ctx.cipher)

    def current(self) -> Enrollment | None:
        s = self.ctx.settings
        device_id = s.get("device_id")
        if not device_id:
            return None
        return Enrollment(
            s.get("server_url") or "",
            device_id,
            s.get("office_code") or "",
            s.get("office_name") or "",
            s.get("receipt_prefix") or "",
            s.get("device_name") or "",
            s.get("device_revoked") or None,
        )

    def save(
        self,
        actor: Actor,
        server_url: str,
        device_id: str,
        token: str,
        office_code: str,
        office_name: str,
        receipt_prefix: str,
        server_epoch: str,
        device_name: str | None = None,
    ) -> Enrollment:
        # Enrolling hands this computer a device token (a key of the office's account on the
        # platform): the administrator's decision, like where the data key lives. Supervisors sync.
        self.ctx.require(actor, Permission.MANAGE_KEYS)
        prefix = validate_prefix(receipt_prefix)
        if not token:
            raise ValidationError("token", "the server sent no device token", code="required")
        previous = self.current()
        if previous is not None and previous.office_code != office_code and self.records.holds_records():
            # One profile holds one office's citizens: moving them to another office's platform
            # records (and their pending ops) would file them under the wrong office.
            raise ValidationError(
                "code",
                f"this profile holds the records of office {previous.office_code}; "
                "enroll a new data directory for office " + office_code,
                code="other_office",
            )
        with self.ctx.store.transaction():
            s = self.ctx.settings
            for key, value in (
                ("server_url", server_url),
                ("device_id", device_id),
                ("office_code", office_code),
                ("office_name", office_name),
                ("receipt_prefix", prefix),
                ("device_name", (device_name or "").strip()),
                ("device_revoked", ""),
            ):
                s.set(key, value)
            if (
                previous is None
                or previous.office_code != office_code
                or s.get("server_epoch") != server_epoch
            ):
                s.set("pull_cursor", "0")
                s.set("server_epoch", server_epoch)
            self.ctx.audit(actor, "device.enroll", "device", device_id, server=server_url, office=office_code)
        self.ctx.secrets.set(TOKEN, token)  # after the commit: never a token without its enrollment
        enrollment = self.current()
        assert enrollment is not None
        return enrollment

    def token(self) -> str | None:
        follow_recorded_backend(self.ctx)  # the key may have moved to the keyring since this opened
        return self.ctx.secrets.get(TOKEN)

    def token_revoked(self) -> None:
        """The server refused the token for good: forget it; an administrator must enroll again."""
        follow_recorded_backend(self.ctx)
        self.ctx.secrets.delete(TOKEN)
        with self.ctx.store.transaction():
            self.ctx.settings.set("device_revoked", self.ctx.now_iso())
            self.ctx.audit(
                SYNC_ACTOR, "device.revoked", "device", self.ctx.settings.get("device_id"), outcome="failure"
            )
