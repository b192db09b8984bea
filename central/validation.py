"""What the central platform accepts in an op's ``data``, per entity. A refusal names the field.

To accept a new field: add it to the entity's ``FIELDS`` with its check; if clients may not change
it after creation, add it to ``IMMUTABLE`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from counter_app import ids
from counter_app.workflow import Status
from sync.protocol import ErrorCode

MAX_TEXT = 5000


class Rejected(Exception):
    def __init__(self, field: str, message: str, code: ErrorCode = ErrorCode.INVALID_FIELD) -> None:
        super().__init__(message)
        self.field = field
        self.code = code.value
        self.message = message


def text(limit: int = MAX_TEXT, *, required: bool = False) -> Callable[[str, Any], None]:
    def check(field: str, value: Any) -> None:
        if value is None and not required:
            return
        if not isinstance(value, str) or (required and not value.strip()):
            raise Rejected(field, "text required" if required else "must be text")
        if len(value) > limit:
            raise Rejected(field, f"at most {limit} characters")

    return check


def one_of(*choices: str, required: bool = True) -> Callable[[str, Any], None]:
    def check(field: str, value: Any) -> None:
        if value is None and not required:
            return
        if value not in choices:
            raise Rejected(field, f"one of {', '.join(choices)}")

    return check


def integer(low: int, high: int, *, required: bool = True) -> Callable[[str, Any], None]:
    def check(field: str, value: Any) -> None:
        if value is None and not required:
            return
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise Rejected(field, f"a whole number from {low} to {high}")

    return check


def mobile(field: str, value: Any) -> None:
    if value is not None and not ids.is_valid_mobile(value):
        raise Rejected(field, "not a valid mobile number")


def json_object(field: str, value: Any) -> None:
    if value is not None and not isinstance(value, dict):
        raise Rejected(field, "must be an object")


def json_list(field: str, value: Any) -> None:
    if value is not None and not isinstance(value, list):
        raise Rejected(field, "must be a list")


def uuid_text(field: str, value: Any) -> None:
    if not isinstance(value, str) or len(value) != 36:
        raise Rejected(field, "must be a record id")


STATUS = one_of(*(s.value for s in Status))
ANY_TEXT = text()
DATE_TEXT = text(40)

FIELDS: dict[str, dict[str, Callable[[str, Any], None]]] = {
    "applicant": {
        "kind": one_of("person", "organisation"),
        "name": text(100, required=True),
        "id_type": one_of("resident_id", "uscc"),
        "id_number": text(18, required=True),
        "phone": mobile,
        "address": text(200),
        "representative": text(100),
        "birth_date": DATE_TEXT,
        "sex": one_of("male", "female", required=False),
        "created_at": DATE_TEXT,
        "updated_at": DATE_TEXT,
    },
    "application": {
        "receipt_no": text(20, required=True),
        "applicant_id": uuid_text,
        "item_code": text(40, required=True),
        "catalogue_version": text(40, required=True),
        "status": STATUS,
        "action": text(40),
        "form": json_object,
        "materials": json_object,
        "created_by": text(100),
        "accepted_by": text(100),
        "accepted_at": DATE_TEXT,
        "accepted_on": DATE_TEXT,
        "due_date": DATE_TEXT,
        "limit_value": integer(0, 10000, required=False),
        "limit_unit": one_of("working_day", "natural_day", required=False),
        "missing_materials": json_list,
        "notice_issued_at": DATE_TEXT,
        "pending_materials": json_list,
        "commitment": ANY_TEXT,
        "pending_deadline": DATE_TEXT,
        "refusal_reason": ANY_TEXT,
        "remedies": ANY_TEXT,
        "resume_status": one_of(*(s.value for s in Status), required=False),
        "suspension_reason": ANY_TEXT,
        "result": one_of("granted", "denied", required=False),
        "result_reason": ANY_TEXT,
        "completed_at": DATE_TEXT,
        "delivered_at": DATE_TEXT,
        "delivery_method": text(40),
        "withdrawn_reason": ANY_TEXT,
        "created_at": DATE_TEXT,
        "updated_at": DATE_TEXT,
    },
    "attachment": {
        "application_id": uuid_text,
        "material_code": text(40, required=True),
        "name": text(255, required=True),
        "mime": text(100, required=True),
        "size": integer(1, 2**31),
        "sha256": text(64, required=True),
    },
    "rating": {
        "application_id": uuid_text,
        "level": integer(1, 5),
        "channel": text(40, required=True),
        "comment": text(500),
        "rated_at": DATE_TEXT,
    },
    "rectification": {
        "rating_id": uuid_text,
        "application_id": uuid_text,
        "due_date": DATE_TEXT,
        "status": one_of("open", "closed"),
        "resolution": ANY_TEXT,
        "closed_at": DATE_TEXT,
    },
}

REQUIRED_ON_CREATE: dict[str, tuple[str, ...]] = {
    "applicant": ("kind", "name", "id_type", "id_number"),
    "application": ("receipt_no", "applicant_id", "item_code", "catalogue_version", "status"),
    "attachment": ("application_id", "material_code", "name", "mime", "size", "sha256"),
    "rating": ("application_id", "level", "channel"),
    "rectification": ("rating_id", "application_id", "due_date", "status"),
}

IMMUTABLE: dict[str, frozenset[str]] = {
    "applicant": frozenset({"kind", "id_type", "id_number"}),
    "application": frozenset({"receipt_no", "applicant_id", "item_code", "catalogue_version"}),
    "attachment": frozenset(FIELDS["attachment"]),
    "rating": frozenset(FIELDS["rating"]),
    "rectification": frozenset({"rating_id", "application_id"}),
}


def check_data(entity: str, data: dict[str, Any], *, creating: bool) -> None:
    fields = FIELDS[entity]
    for name, value in data.items():
        check = fields.get(name)
        if check is None:
            raise Rejected(name, f"unknown field for {entity}")
        check(name, value)
    if creating:
        for name in REQUIRED_ON_CREATE[entity]:
            if data.get(name) is None:
                raise Rejected(name, "required")
        if entity == "applicant":
            number = data["id_number"]
            valid = (
                ids.is_valid_resident_id(number)
                if data["id_type"] == "resident_id"
                else ids.is_valid_uscc(number)
            )
            if not valid:
                raise Rejected("id_number", "not a valid identification number")
    else:
        frozen = IMMUTABLE[entity] & data.keys()
        if frozen:
            raise Rejected(sorted(frozen)[0], "cannot be changed after creation")
