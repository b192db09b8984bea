"""Taking an application in at the desk: draft, materials, and the decision with its notice."""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import uuid
from datetime import date, datetime

from counter_app.accounts import Actor, Permission
from counter_app.catalogue import ServiceItem, validate_form
from counter_app.errors import CounterError, InvalidTransition, NotFound, ValidationError
from counter_app.receipts import format_receipt
from counter_app.records import Application, MaterialRecord
from counter_app.services.context import Context
from counter_app.services.lifecycle import MaterialCheck, Steps
from counter_app.store.sync_lock import sync_held_off
from counter_app.workflow import Action, Status, next_status

log = logging.getLogger(__name__)

DEFAULT_REMEDIES = (
    "如对本决定不服，可自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。"
)
_SERVICE_OBJECT = {"person": "natural_person", "organisation": "legal_person"}
MAX_TEXT = 500


def _required_text(value: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "required", code="required")
    if len(text) > MAX_TEXT:
        raise ValidationError(field, f"at most {MAX_TEXT} characters", code="max_length")
    return text


class IntakeService:
    # How long removing a scan waits for a running sync to end before it gives up.
    sync_wait_s = 3.0

    def __init__(self, ctx: Context, steps: Steps) -> None:
        self.ctx = ctx
        self.steps = steps

    # --- the application ------------------------------------------------------------------------
    def now(self, actor: Actor) -> datetime:
        """The office's time by the profile's clock (timezone-aware): the intake checks birth dates
        and deadlines against its date (a test's fixed clock included), never the UI's own idea."""
        self.ctx.require(actor, Permission.TAKE_IN)
        return self.ctx.clock.now()

    def draft(self, actor: Actor, applicant_id: str, item_code: str, form: dict | None = None) -> Application:
        self.ctx.require(actor, Permission.TAKE_IN)
        ctx = self.ctx
        applicant = ctx.applicants.get(applicant_id)
        if applicant is None:
            raise NotFound("applicant", applicant_id)
        catalogue = self.steps.catalogue.active()
        if not catalogue.has_item(item_code):
            raise ValidationError("item_code", f"no service item {item_code!r}", code="unknown")
        item = catalogue.item(item_code)
        if not item.is_active:
            raise ValidationError("item_code", "this service item has been retired", code="retired")
        if _SERVICE_OBJECT[applicant.kind] not in item.service_objects:
            raise ValidationError(
                "applicant", f"{item.name} is not available to this kind of applicant", code="service_object"
            )
        cleaned = validate_form(item, form or {})
        now = ctx.now_iso()
        application_id = str(uuid.uuid4())
        values = {
            "id": application_id,
            "applicant_id": applicant_id,
            "item_code": item_code,
            "catalogue_version": catalogue.version,
            "status": Status.DRAFT.value,
            "form": cleaned,
            "created_by": actor.audit_name,
            "version": 0,
            "sync_state": "pending",
            "created_at": now,
            "updated_at": now,
        }
        with ctx.store.transaction():
            prefix = ctx.settings.get("receipt_prefix")
            assert prefix, "a profile always has a receipt prefix"
            today = ctx.today()
            values["receipt_no"] = format_receipt(prefix, today, ctx.receipts.next(today))
            ctx.applications.insert(values)
            ctx.applications.add_event(
                application_id, "draft", None, Status.DRAFT.value, now, actor.audit_name
            )
            wire = {key: value for key, value in values.items() if key not in ("id", "version", "sync_state")}
            ctx.queue(
                actor, "application", application_id, "create", 0, wire, catalogue_version=catalogue.version
            )
            ctx.audit(actor, "application.draft", "application", application_id, item=item_code)
        created = ctx.applications.get(application_id)
        assert created is not None
        return created

    def update_form(self, actor: Actor, application_id: str, form: dict) -> Application:
        self.ctx.require(actor, Permission.TAKE_IN)
        app, item = self.steps.load(application_id)
        if app.status not in (Status.DRAFT.value, Status.AWAITING_MATERIALS.value):
            raise InvalidTransition("edit", app.status, "the form is fixed once a decision is made")
        cleaned = validate_form(item, form)
        with self.ctx.store.transaction():
            self.steps.unchanged(app, "edit")
            self.ctx.applications.update(
                app.id, {"form": cleaned, "updated_at": self.ctx.now_iso(), "sync_state": "pending"}
            )
            self.ctx.queue(
                actor,
                "application",
                app.id,
                "update",
                app.version,
                {"form": cleaned},
                catalogue_version=app.catalogue_version,
            )
            self.ctx.audit(actor, "application.update_form", "application", app.id)
        return self._get(app.id)

    # --- materials --------------------------------------------------------------------------------
    def record_materials(
        self, actor: Actor, application_id: str, received: dict[str, tuple[int, int]]
    ) -> MaterialCheck:
        """Record what the applicant handed over: material code → (originals, copies)."""
        self.ctx.require(actor, Permission.TAKE_IN)
        app, item = self.steps.load(application_id)
        if app.status not in (
            Status.DRAFT.value,
            Status.AWAITING_MATERIALS.value,
            Status.ACCEPTED_PENDING.value,
        ):
            raise InvalidTransition("record materials for", app.status)
        with self.ctx.store.transaction():
            self.steps.unchanged(app, "record materials for")
            self._write_materials(actor, app, item, received)
            self.ctx.audit(actor, "application.materials", "application", app.id, materials=sorted(received))
        return self.steps.materials(self._get(app.id), item)

    def _write_materials(
        self,
        actor: Actor,
        app: Application,
        item: ServiceItem,
        received: dict[str, tuple[int, int]],
        *,
        queue: bool = True,
    ) -> dict[str, dict]:
        """Write the counts (in the caller's transaction) and, unless ``queue`` is false (the caller puts
        them in its own op), queue them. Returns the materials as they go on the wire."""
        existing = self.ctx.applications.materials(app.id)
        wire = {}
        for code, counts in received.items():
            try:
                material = item.material(code)
            except NotFound:
                raise ValidationError(
                    f"materials.{code}", "not a material of this service item", code="unknown"
                ) from None
            originals, copies = counts
            for name, value in (("originals", originals), ("copies", copies)):
                if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 99:
                    raise ValidationError(f"materials.{code}.{name}", "a count from 0 to 99", code="range")
            complete = originals >= material.originals and copies >= material.copies
            previous = existing.get(code)
            status = (
                "received"
                if complete
                else ("pending" if previous and previous.status == "pending" else "missing")
            )
            self.ctx.applications.set_material(app.id, MaterialRecord(code, originals, copies, status))
            wire[code] = {"originals": originals, "copies": copies, "status": status}
        self.ctx.applications.update(app.id, {"updated_at": self.ctx.now_iso(), "sync_state": "pending"})
        if queue:
            self.ctx.queue(
                actor,
                "application",
                app.id,
                "update",
                app.version,
                {"materials": wire},
                catalogue_version=app.catalogue_version,
            )
        return wire

    def attach(
        self, actor: Actor, application_id: str, material_code: str, filename: str, content: bytes
    ) -> str:
        """Store a scan, encrypted. Type and size are checked against the material before anything is kept."""
        self.ctx.require(actor, Permission.TAKE_IN)
        app, item = self.steps.load(application_id)
        if app.status in (Status.REFUSED.value, Status.WITHDRAWN.value, Status.RATED.value):
            raise InvalidTransition("attach to", app.status)
        try:
            material = item.material(material_code)
        except NotFound:
            raise ValidationError(
                "material_code", "not a material of this service item", code="unknown"
            ) from None
        extension = os.path.splitext(filename)[1].lower().lstrip(".")
        if extension not in material.accepted_types:
            raise ValidationError(
                "file", f"accepted types: {', '.join(material.accepted_types)}", code="file_type"
            )
        if not content:
            raise ValidationError("file", "the file is empty", code="empty")
        if len(content) > material.max_size_mb * 1024 * 1024:
            raise ValidationError("file", f"larger than {material.max_size_mb} MB", code="too_large")
        digest = hashlib.sha256(content).hexdigest()
        attachment_id = str(uuid.uuid4())
        target = self.ctx.paths.attachments / f"{attachment_id}.bin"
        blob = self.ctx.cipher.encrypt_bytes(content, f"attachment:{attachment_id}")
        with open(target, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        now = self.ctx.now_iso()
        try:
            with self.ctx.store.transaction():
                self.ctx.attachments.insert(
                    attachment_id, app.id, material_code, filename, mime, len(content), digest, now
                )
                self.ctx.queue(
                    actor,
                    "attachment",
                    attachment_id,
                    "create",
                    0,
                    {
                        "application_id": app.id,
                        "material_code": material_code,
                        "name": filename,
                        "mime": mime,
                        "size": len(content),
                        "sha256": digest,
                    },
                    attachments=[{"sha256": digest, "size": len(content)}],
                )
                self.ctx.audit(
                    actor, "attachment.add", "application", app.id, material=material_code, size=len(content)
                )
        except BaseException:
            target.unlink(missing_ok=True)  # nothing refers to the scan: do not leave it behind
            raise
        return attachment_id

    def remove_attachment(self, actor: Actor, attachment_id: str) -> None:
        """Remove a scan attached by mistake: its record, its encrypted file, and its sync op.

        Only before the decision (the application is a draft) and only while the scan has not left
        this device. Sync v1 cannot carry a removal — the platform keeps attachments as they were
        sent — so the op is withdrawn unsent (kept in the outbox as ``withdrawn``, never sent) and a
        scan the platform already has is refused with code ``already_sent``. The sync lock is held
        meanwhile, so a run cannot be sending the op while it is withdrawn; if a run does not end
        within ``sync_wait_s``, ``SyncRunning`` (code ``sync_running``): try again in a moment.
        """
        self.ctx.require(actor, Permission.TAKE_IN)
        meta = self.ctx.attachments.get(attachment_id)
        if meta is None:
            raise NotFound("attachment", attachment_id)
        app, _item = self.steps.load(meta["application_id"])
        if app.status != Status.DRAFT.value:
            raise InvalidTransition("remove a scan of", app.status, "scans are removed before the decision")
        with sync_held_off(self.ctx.paths.lock_file, self.sync_wait_s), self.ctx.store.transaction():
            self.steps.unchanged(app, "remove a scan of")
            current = self.ctx.attachments.get(attachment_id)
            if current is None:
                raise NotFound("attachment", attachment_id)
            if current.get("server_version") or not self.ctx.outbox.withdraw(attachment_id):
                raise CounterError("the scan has already been sent to the platform", code="already_sent")
            self.ctx.attachments.delete(attachment_id)
            self.ctx.audit(
                actor,
                "attachment.remove",
                "application",
                app.id,
                material=current["material_code"],
                size=current["size"],
            )
        # After the commit: a crash in between leaves an encrypted file nothing refers to, never a
        # record without its file. The removal is done by now, so a file that cannot be deleted (on
        # Windows an indexer or a virus scanner may hold it open) is only logged: it stays encrypted,
        # and refusing here would tell the clerk the scan is still there when its record is gone.
        path = self.ctx.paths.attachments / f"{attachment_id}.bin"
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning(
                "scan %s was removed, but its encrypted file %s could not be deleted: %s",
                attachment_id,
                path,
                exc,
            )

    def read_attachment(self, actor: Actor, attachment_id: str) -> tuple[str, bytes]:
        self.ctx.require(actor, Permission.VIEW_PERSONAL_DATA)
        meta = self.ctx.attachments.get(attachment_id)
        if meta is None:
            raise NotFound("attachment", attachment_id)
        blob = (self.ctx.paths.attachments / f"{attachment_id}.bin").read_bytes()
        content = self.ctx.cipher.decrypt_bytes(blob, f"attachment:{attachment_id}")
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "attachment.view", "application", meta["application_id"])
        return meta["name"], content

    # --- the decision -------------------------------------------------------------------------------
    def notify_missing(self, actor: Actor, application_id: str) -> Application:
        """The one-time notice (一次性告知): everything missing, listed at once."""
        self.ctx.require(actor, Permission.TAKE_IN)
        app, item = self.steps.load(application_id)
        next_status(Action.NOTIFY_MISSING, Status(app.status))  # the step first, then the materials
        check = self.steps.materials(app, item)
        missing = list(check.missing_mandatory) + list(check.pending)
        if not missing:
            raise ValidationError(
                "materials", "nothing is missing: accept the application", code="nothing_missing"
            )
        with self.ctx.store.transaction():
            return self.steps.apply(
                actor,
                app,
                Action.NOTIFY_MISSING,
                {"missing_materials": missing, "notice_issued_at": self.ctx.now_iso()},
            )

    def accept(self, actor: Actor, application_id: str) -> Application:
        self.ctx.require(actor, Permission.TAKE_IN)
        app, item = self.steps.load(application_id)
        # Refuse a wrong step before computing the due date (an open suspension has no end to count past).
        next_status(Action.ACCEPT, Status(app.status))
        check = self.steps.materials(app, item)
        if not check.complete:
            raise ValidationError(
                "materials", "missing: " + ", ".join(check.missing_mandatory), code="missing_materials"
            )
        with self.ctx.store.transaction():
            return self.steps.apply(actor, app, Action.ACCEPT, self._acceptance(actor, app, item))

    def accept_pending(
        self, actor: Actor, application_id: str, commitment: str, deadline: date
    ) -> Application:
        """容缺受理: accepted while minor materials are outstanding, on the applicant's written commitment."""
        self.ctx.require(actor, Permission.TAKE_IN)
        app, item = self.steps.load(application_id)
        next_status(Action.ACCEPT_PENDING, Status(app.status))
        commitment = _required_text(commitment, "commitment")
        if not isinstance(deadline, date) or deadline <= self.ctx.today():
            raise ValidationError("pending_deadline", "a date after today", code="range")
        check = self.steps.materials(app, item)
        outstanding = list(check.missing_mandatory) + list(check.pending)
        if not outstanding:
            raise ValidationError(
                "materials", "nothing is missing: accept the application", code="nothing_missing"
            )
        not_minor = [code for code in outstanding if not item.material(code).minor]
        if not_minor:
            raise ValidationError(
                "materials", "not minor, cannot be pending: " + ", ".join(not_minor), code="not_minor"
            )
        with self.ctx.store.transaction():
            held = self.ctx.applications.materials(app.id)
            wire: dict[str, dict[str, object]] = {}
            for code in outstanding:
                record = held.get(code)
                pending = MaterialRecord(
                    code, record.originals if record else 0, record.copies if record else 0, "pending"
                )
                self.ctx.applications.set_material(app.id, pending)
                wire[code] = {"originals": pending.originals, "copies": pending.copies, "status": "pending"}
            changes = self._acceptance(actor, app, item)
            changes.update(
                pending_materials=outstanding, commitment=commitment, pending_deadline=deadline.isoformat()
            )
            # The materials' new state travels in the step's op, so other counters show them pending too.
            return self.steps.apply(
                actor, app, Action.ACCEPT_PENDING, changes, wire_extra={"materials": wire}
            )

    def refuse(self, actor: Actor, application_id: str, reason: str, remedies: str = "") -> Application:
        self.ctx.require(actor, Permission.TAKE_IN)
        app, _item = self.steps.load(application_id)
        reason = _required_text(reason, "refusal_reason")
        remedies = (remedies or "").strip() or DEFAULT_REMEDIES
        with self.ctx.store.transaction():
            return self.steps.apply(
                actor, app, Action.REFUSE, {"refusal_reason": reason, "remedies": remedies}
            )

    def _acceptance(self, actor: Actor, app: Application, item: ServiceItem) -> dict:
        today = self.ctx.today()
        limit = (item.promised_limit.value, item.promised_limit.unit)
        return {
            "accepted_by": actor.audit_name,
            "accepted_at": self.ctx.now_iso(),
            "accepted_on": today.isoformat(),
            "limit_value": limit[0],
            "limit_unit": limit[1],
            "due_date": self.steps.due_date(app, accepted_on=today, limit=limit),
        }

    def _get(self, application_id: str) -> Application:
        app = self.ctx.applications.get(application_id)
        if app is None:
            raise NotFound("application", application_id)
        return app
