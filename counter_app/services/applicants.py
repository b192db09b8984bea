"""Registering and finding applicants. Reading a citizen's personal data is audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from counter_app import ids
from counter_app.accounts import Actor, Permission
from counter_app.errors import NotFound, ValidationError
from counter_app.names import pinyin_initials
from counter_app.records import ApplicantDetails, ApplicantSummary
from counter_app.services.context import Context

PERSON, ORGANISATION = "person", "organisation"
MAX_NAME = 100
MAX_ADDRESS = 200


@dataclass(frozen=True)
class PersonInput:
    name: str
    id_number: str
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    uscc: str
    representative: str
    phone: str = ""
    address: str = ""


def _text(value: str, field: str, limit: int, *, required: bool) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise ValidationError(field, "required", code="required")
    if len(text) > limit:
        raise ValidationError(field, f"at most {limit} characters", code="max_length")
    return text


class ApplicantService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def register_person(self, actor: Actor, data: PersonInput) -> ApplicantSummary:
        self.ctx.require(actor, Permission.REGISTER_APPLICANT)
        name = _text(data.name, "name", MAX_NAME, required=True)
        id_number = ids.validate_resident_id(data.id_number, field="id_number", today=self.ctx.today())
        phone = ids.validate_mobile(data.phone, field="phone") if data.phone.strip() else ""
        address = _text(data.address, "address", MAX_ADDRESS, required=False)
        extra = {
            "birth_date": ids.birth_date_from_resident_id(id_number).isoformat(),
            "sex": ids.sex_from_resident_id(id_number),
        }
        return self._register(actor, PERSON, name, "resident_id", id_number, phone, address, None, extra)

    def register_organisation(self, actor: Actor, data: OrganisationInput) -> ApplicantSummary:
        self.ctx.require(actor, Permission.REGISTER_APPLICANT)
        name = _text(data.name, "name", MAX_NAME, required=True)
        uscc = ids.validate_uscc(data.uscc, field="uscc")
        representative = _text(data.representative, "representative", MAX_NAME, required=True)
        phone = ids.validate_mobile(data.phone, field="phone") if data.phone.strip() else ""
        address = _text(data.address, "address", MAX_ADDRESS, required=False)
        return self._register(actor, ORGANISATION, name, "uscc", uscc, phone, address, representative, {})

    def _register(
        self,
        actor: Actor,
        kind: str,
        name: str,
        id_type: str,
        id_number: str,
        phone: str,
        address: str,
        representative: str | None,
        extra: dict[str, str],
    ) -> ApplicantSummary:
        ctx = self.ctx
        applicant_id = str(uuid.uuid4())
        now = ctx.now_iso()
        masked = ids.mask_identifier(id_type, id_number)
        row = {
            "id": applicant_id,
            "kind": kind,
            "name": name,
            "name_initials": pinyin_initials(name),
            "id_type": id_type,
            "id_masked": masked,
            "birth_date": extra.get("birth_date"),
            "sex": extra.get("sex"),
            "phone_masked": ids.mask_mobile(phone) if phone else None,
            "representative": representative,
            "version": 0,
            "sync_state": "pending",
            "created_at": now,
            "updated_at": now,
        }
        with ctx.store.transaction():
            if ctx.applicants.find_by_id_number(id_number) is not None:
                field = "id_number" if id_type == "resident_id" else "uscc"
                raise ValidationError(
                    field, "an applicant with this number is already registered", code="duplicate"
                )
            ctx.applicants.insert(row, id_number=id_number, phone=phone or None, address=address or None)
            wire = {
                "kind": kind,
                "name": name,
                "id_type": id_type,
                "id_number": id_number,
                "phone": phone or None,
                "address": address or None,
                "representative": representative,
                "birth_date": row["birth_date"],
                "sex": row["sex"],
                "created_at": now,
            }
            ctx.queue(actor, "applicant", applicant_id, "create", 0, wire)
            ctx.audit(actor, "applicant.register", "applicant", applicant_id, kind=kind)
        summary = ctx.applicants.get(applicant_id)
        assert summary is not None
        return summary

    def update_contact(
        self, actor: Actor, applicant_id: str, *, phone: str | None = None, address: str | None = None
    ) -> ApplicantSummary:
        self.ctx.require(actor, Permission.REGISTER_APPLICANT)
        ctx = self.ctx
        current = self.get(actor, applicant_id)
        changes: dict[str, object] = {}
        sensitive: dict[str, str | None] = {}
        wire: dict[str, object] = {}
        if phone is not None:
            phone = ids.validate_mobile(phone, field="phone") if phone.strip() else ""
            sensitive["phone"] = phone or None
            changes["phone_masked"] = ids.mask_mobile(phone) if phone else None
            wire["phone"] = phone or None
        if address is not None:
            address = _text(address, "address", MAX_ADDRESS, required=False)
            sensitive["address"] = address or None
            wire["address"] = address or None
        if not wire:
            return current
        changes.update(updated_at=ctx.now_iso(), sync_state="pending")
        wire["updated_at"] = changes["updated_at"]  # the other counters' copies show the change's time
        with ctx.store.transaction():
            ctx.applicants.update(applicant_id, changes, **sensitive)
            ctx.queue(actor, "applicant", applicant_id, "update", current.version, wire)
            ctx.audit(actor, "applicant.update", "applicant", applicant_id, fields=sorted(sensitive))
        return self.get(actor, applicant_id)

    def get(self, actor: Actor, applicant_id: str) -> ApplicantSummary:
        """The masked summary (what lists and the intake header show)."""
        self.ctx.require(actor, Permission.TAKE_IN)
        summary = self.ctx.applicants.get(applicant_id)
        if summary is None:
            raise NotFound("applicant", applicant_id)
        return summary

    def reveal(self, actor: Actor, applicant_id: str, purpose: str = "view") -> ApplicantDetails:
        """Decrypt a citizen's personal data; every reading is an audit event."""
        self.ctx.require(actor, Permission.VIEW_PERSONAL_DATA)
        details = self.ctx.applicants.details(applicant_id)
        if details is None:
            raise NotFound("applicant", applicant_id)
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "applicant.view", "applicant", applicant_id, purpose=purpose)
        return details

    def find_by_id_number(self, actor: Actor, id_number: str) -> ApplicantSummary | None:
        """Exact lookup through the blind index (the card reader's path). Audited: it tells who came."""
        self.ctx.require(actor, Permission.TAKE_IN)
        text = ids.normalise_resident_id(id_number) if len(id_number.strip()) == 18 else id_number.strip()
        found = self.ctx.applicants.find_by_id_number(text)
        with self.ctx.store.transaction():
            self.ctx.audit(
                actor, "applicant.lookup", "applicant", found.id if found else None, found=found is not None
            )
        return found

    def search(self, actor: Actor, text: str, limit: int = 50) -> list[ApplicantSummary]:
        """By any part of a name (two characters find 王秀英 by 秀英) or of its pinyin initials (wxy, xy),
        or by a full mobile number or ID number."""
        self.ctx.require(actor, Permission.TAKE_IN)
        query = text.strip()
        if not query:
            return []
        if ids.is_valid_mobile(query):
            return self.ctx.applicants.find_by_phone(query)
        if len(query) == 18 and (ids.is_valid_resident_id(query) or ids.is_valid_uscc(query)):
            found = self.find_by_id_number(actor, query)
            return [found] if found else []
        return self.ctx.applicants.search_name(query, limit)
