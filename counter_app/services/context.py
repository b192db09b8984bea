"""What every use case needs: the store, the repositories, the cipher, the clock — and the one way
to record a change (record + outbox op + audit event, in the caller's transaction)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counter_app.accounts import Actor, PasswordChangeRequired, Permission
from counter_app.audit import DENIED, SUCCESS
from counter_app.clock import Clock, iso
from counter_app.crypto import FieldCipher
from counter_app.errors import PermissionDenied
from counter_app.paths import DataPaths
from counter_app.secrets import Secrets
from counter_app.store.applicants import ApplicantRepo
from counter_app.store.applications import ApplicationRepo
from counter_app.store.attachments import AttachmentRepo
from counter_app.store.audit_log import AuditLogRepo
from counter_app.store.catalogue_repo import CatalogueRepo
from counter_app.store.db import Store
from counter_app.store.outbox import OutboxRepo
from counter_app.store.ratings import RatingRepo
from counter_app.store.receipts import ReceiptSequenceRepo
from counter_app.store.settings import SettingsRepo
from counter_app.store.users import UserRepo


@dataclass
class Context:
    store: Store
    cipher: FieldCipher
    clock: Clock
    paths: DataPaths
    secrets: Secrets
    applicants: ApplicantRepo = field(init=False)
    applications: ApplicationRepo = field(init=False)
    attachments: AttachmentRepo = field(init=False)
    outbox: OutboxRepo = field(init=False)
    audit_log: AuditLogRepo = field(init=False)
    settings: SettingsRepo = field(init=False)
    users: UserRepo = field(init=False)
    catalogues: CatalogueRepo = field(init=False)
    ratings: RatingRepo = field(init=False)
    receipts: ReceiptSequenceRepo = field(init=False)

    def __post_init__(self) -> None:
        self.applicants = ApplicantRepo(self.store, self.cipher)
        self.applications = ApplicationRepo(self.store, self.cipher)
        self.attachments = AttachmentRepo(self.store, self.cipher)
        self.outbox = OutboxRepo(self.store, self.cipher)
        self.audit_log = AuditLogRepo(self.store)
        self.settings = SettingsRepo(self.store)
        self.users = UserRepo(self.store)
        self.catalogues = CatalogueRepo(self.store)
        self.ratings = RatingRepo(self.store)
        self.receipts = ReceiptSequenceRepo(self.store)

    # --- time -------------------------------------------------------------------------------------
    def now_iso(self) -> str:
        return iso(self.clock.now())

    def today(self) -> date:
        return self.clock.now().date()

    def server_now_iso(self) -> str:
        """Device time corrected by the clock offset measured at the last sync (when known)."""
        offset = self.settings.get("clock_offset_s")
        moment = self.clock.now()
        if offset:
            from datetime import timedelta

            moment = moment + timedelta(seconds=float(offset))
        return iso(moment)

    # --- the two things every change writes ----------------------------------------------------
    def audit(
        self,
        actor: Actor | str,
        action: str,
        entity: str | None = None,
        entity_id: str | None = None,
        *,
        outcome: str = SUCCESS,
        **detail: Any,
    ) -> None:
        name = actor if isinstance(actor, str) else actor.audit_name
        self.audit_log.append(
            ts=self.server_now_iso(),
            device_ts=self.now_iso(),
            actor=name,
            action=action,
            entity=entity,
            entity_id=entity_id,
            outcome=outcome,
            detail=detail,
        )

    def require(self, actor: Actor, permission: Permission) -> None:
        """``actor.require(permission)``, and a refusal is audited (``permission.denied``, outcome
        ``denied``) in a transaction of its own — unless the check runs inside a write already
        begun, whose rollback takes the event with it (use cases check before they write).

        The one place that also holds back an actor who must change their password first: every
        use case that checks a permission refuses them (``PasswordChangeRequired``)."""
        try:
            actor.require(permission)
        except PermissionDenied as refusal:
            if not self.store.in_transaction:
                reason = {"reason": refusal.code} if isinstance(refusal, PasswordChangeRequired) else {}
                with self.store.transaction():
                    self.audit(
                        actor, "permission.denied", outcome=DENIED, permission=permission.value, **reason
                    )
            raise

    def queue(
        self,
        actor: Actor,
        entity: str,
        entity_id: str,
        op: str,
        base_version: int,
        data: dict[str, Any],
        *,
        catalogue_version: str | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> str:
        """Queue the sync op for a change; the caller holds the transaction."""
        return self.outbox.add(
            entity=entity,
            entity_id=entity_id,
            op=op,
            base_version=base_version,
            data=data,
            # Seconds are enough to say when the clerk made the change, and compress far better.
            client_ts=iso(self.clock.now().replace(microsecond=0)),
            user_id=actor.user_id,
            attachments=attachments,
            catalogue_version=catalogue_version,
        )
