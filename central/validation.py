"""What the central platform accepts in an op's ``data``, per entity. A refusal names the field.

The fields, their kinds and limits come from the one definition both sides share
(``counter_app/entity_fields.py``, re-exported by ``sync.protocol``); this module only turns each
kind into a check. To accept a new field, add it there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from counter_app import ids
from counter_app.entity_fields import ENTITY_FIELDS, Field, Kind, immutable_names, required_names
from counter_app.errors import ValidationError
from sync.protocol import ErrorCode

Check = Callable[[str, Any], None]


class Rejected(Exception):
    def __init__(self, field: str, message: str, code: ErrorCode = ErrorCode.INVALID_FIELD) -> None:
        super().__init__(message)
        self.field = field
        self.code = code.value
        self.message = message


def text(limit: int, *, required: bool = False) -> Check:
    def check(field: str, value: Any) -> None:
        if value is None and not required:
            return
        if not isinstance(value, str) or (required and not value.strip()):
            raise Rejected(field, "text required" if required else "must be text")
        if len(value) > limit:
            raise Rejected(field, f"at most {limit} characters")

    return check


def iso_date(limit: int, *, required: bool = False) -> Check:
    """A date (``2026-11-23``) or a timestamp (``2026-11-23T09:30:00+08:00``) in ISO 8601: the
    counters compare and group them as text and as days, so anything else would be lost to them."""
    as_text = text(limit, required=required)

    def check(field: str, value: Any) -> None:
        as_text(field, value)
        if value is None:
            return
        try:
            (date if len(value) == 10 else datetime).fromisoformat(value)
        except ValueError:
            raise Rejected(field, "an ISO 8601 date or time, such as 2026-11-23") from None

    return check


def one_of(choices: tuple[str, ...], *, required: bool) -> Check:
    def check(field: str, value: Any) -> None:
        if value is None and not required:
            return
        if value not in choices:
            raise Rejected(field, f"one of {', '.join(choices)}")

    return check


def integer(low: int, high: int, *, required: bool) -> Check:
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


def list_of(choices: tuple[str, ...]) -> Check:
    """A list of distinct ``choices`` in their order (or null)."""

    def check(field: str, value: Any) -> None:
        json_list(field, value)
        if value is None:
            return
        if not all(isinstance(item, str) and item in choices for item in value):
            raise Rejected(field, f"items each one of {', '.join(choices)}")
        if value != [choice for choice in choices if choice in value]:
            raise Rejected(field, f"each item once, in the order {', '.join(choices)}")

    return check


def list_of_objects(items: tuple[Field, ...], max_items: int | None) -> Check:
    """A list (or null) of objects, each with ``items``' fields checked like a record's; a refusal
    names the item and its field (``suspensions[1].started_on``)."""
    checks = {item.name: check_for(item) for item in items}
    required = tuple(item.name for item in items if item.required)

    def check(field: str, value: Any) -> None:
        json_list(field, value)
        if value is None:
            return
        if max_items is not None and len(value) > max_items:
            raise Rejected(field, f"at most {max_items} items")
        for n, item in enumerate(value):
            where = f"{field}[{n}]"
            if not isinstance(item, dict):
                raise Rejected(where, "must be an object")
            for name, item_value in item.items():
                if name not in checks:
                    raise Rejected(f"{where}.{name}", "unknown field")
                checks[name](f"{where}.{name}", item_value)
            for name in required:
                if item.get(name) is None:
                    raise Rejected(f"{where}.{name}", "required")

    return check


def record_id(field: str, value: Any) -> None:
    if not isinstance(value, str) or len(value) != 36:
        raise Rejected(field, "must be a record id")


def check_for(field: Field) -> Check:
    """The check of one field, from its kind and limits."""
    kind = field.kind
    if kind is Kind.TEXT:
        assert field.max_length is not None
        return text(field.max_length, required=field.required)
    if kind is Kind.DATE:
        assert field.max_length is not None
        return iso_date(field.max_length, required=field.required)
    if kind is Kind.CHOICE:
        return one_of(field.choices, required=field.required)
    if kind is Kind.INTEGER:
        assert field.low is not None and field.high is not None
        return integer(field.low, field.high, required=field.required)
    if kind is Kind.RECORD_ID:
        return record_id
    if kind is Kind.LIST and field.choices:
        return list_of(field.choices)
    if kind is Kind.LIST and field.items:
        return list_of_objects(field.items, field.max_items)
    return {Kind.MOBILE: mobile, Kind.OBJECT: json_object, Kind.LIST: json_list}[kind]


FIELDS: dict[str, dict[str, Check]] = {
    entity: {field.name: check_for(field) for field in fields} for entity, fields in ENTITY_FIELDS.items()
}
REQUIRED_ON_CREATE: dict[str, tuple[str, ...]] = {entity: required_names(entity) for entity in ENTITY_FIELDS}
IMMUTABLE: dict[str, frozenset[str]] = {entity: immutable_names(entity) for entity in ENTITY_FIELDS}


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
            _check_id_number(data["id_type"], data["id_number"])
    else:
        frozen = IMMUTABLE[entity] & data.keys()
        if frozen:
            raise Rejected(sorted(frozen)[0], "cannot be changed after creation")


def _check_id_number(id_type: str, number: str) -> None:
    """Valid, and exactly as the counters write it: the number is stored and blind-indexed as sent,
    so a lower-case or full-width form (which typed input would be cleaned into) is refused here."""
    try:
        if id_type == "resident_id":
            written = ids.validate_resident_id(number, "id_number")
        else:
            written = ids.validate_uscc(number, "id_number")
    except ValidationError as exc:  # e.g. "the first two digits are not a province code"
        raise Rejected("id_number", f"not a valid identification number: {exc.detail}") from None
    if written != number:
        raise Rejected("id_number", "not in its canonical form (digits and upper-case letters only)")
