"""Cleaning an applicant's values for a service item's form (the item-specific fields).

``validate_form`` cleans them all or raises the first problem, ``validate_form_all`` collects
every problem for live checks, ``clean_field`` cleans one value. Each problem is a
ValidationError on ``form.<name>``. The number and bound helpers here are also what the document
parser uses for a field's ``min``/``max``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from counter_app.catalogue.model import RANGE_TYPES, TEXT_TYPES, FormField, ServiceItem
from counter_app.errors import ValidationError

_DATE_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def validate_form(item: ServiceItem, data: Mapping[str, Any]) -> dict[str, Any]:
    """Clean the item-specific form values; raise the first problem as ValidationError(``form.<name>``).

    Cleaned values: text stripped, ints, decimals as canonical ``str``, dates as ISO ``str``,
    choices as their value, bools, normalised ID numbers / codes / mobiles. Empty optional fields
    are left out.
    """
    cleaned, errors = validate_form_all(item, data)
    if errors:
        raise errors[0]
    return cleaned


def validate_form_all(
    item: ServiceItem, data: Mapping[str, Any]
) -> tuple[dict[str, Any], list[ValidationError]]:
    """Like ``validate_form`` but collects every problem (form order, then unknown fields) for live checks."""
    cleaned: dict[str, Any] = {}
    errors: list[ValidationError] = []
    known = {f.name for f in item.form}
    for form_field in item.form:
        try:
            value = clean_field(form_field, data.get(form_field.name))
        except ValidationError as exc:
            errors.append(exc)
            continue
        if value is not None:
            cleaned[form_field.name] = value
    errors.extend(
        ValidationError(f"form.{name}", "this service has no such field", code="unknown_field")
        for name in data
        if name not in known
    )
    return cleaned, errors


def clean_field(form_field: FormField, raw: Any) -> Any:
    """Clean one value for ``form_field``; None if it is empty and optional."""
    where = f"form.{form_field.name}"
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if form_field.required:
            raise ValidationError(where, "is required", code="required")
        return None
    value = _clean_value(form_field, raw, where)
    _check_range(form_field, value, where)
    return value


def _clean_value(form_field: FormField, raw: Any, where: str) -> Any:
    kind = form_field.type
    if kind in TEXT_TYPES:
        if not isinstance(raw, str):
            raise ValidationError(where, "must be text", code="type")
        text = unicodedata.normalize("NFC", raw).strip()
        if form_field.max_length is not None and len(text) > form_field.max_length:
            raise ValidationError(where, f"at most {form_field.max_length} characters", code="max_length")
        if form_field.pattern is not None and not re.fullmatch(form_field.pattern, text):
            raise ValidationError(where, "does not have the expected form", code="pattern")
        return text
    if kind == "integer":
        return _clean_integer(raw, where)
    if kind == "decimal":
        number = to_decimal(raw) if not isinstance(raw, bool) else None
        if number is None:
            raise ValidationError(where, "must be a number", code="type")
        return decimal_text(number)
    if kind == "date":
        return _clean_date(raw, where)
    if kind == "choice":
        value = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        value = value.strip() if isinstance(value, str) else value
        if not isinstance(value, str) or form_field.choice(value) is None:
            raise ValidationError(where, f"{raw!r} is not one of the choices", code="choice")
        return value
    if kind == "bool":
        return _clean_bool(raw, where)
    if not isinstance(raw, str):
        raise ValidationError(where, "must be text", code="type")
    from counter_app import ids  # lazily: ids is a sibling module with its own imports

    if kind == "resident_id":
        return ids.validate_resident_id(raw, field=where)
    if kind == "uscc":
        return ids.validate_uscc(raw, field=where)
    if kind == "mobile":
        return ids.validate_mobile(raw, field=where)
    raise ValidationError(where, f"unknown field type {kind!r}", code="type")  # unreachable for parsed items


def _check_range(form_field: FormField, value: Any, where: str) -> None:
    if form_field.type not in RANGE_TYPES:
        return
    key = bound_key(form_field.type, value)
    if form_field.min is not None and key < bound_key(form_field.type, form_field.min):
        raise ValidationError(where, f"must be at least {form_field.min}", code="min")
    if form_field.max is not None and key > bound_key(form_field.type, form_field.max):
        raise ValidationError(where, f"must be at most {form_field.max}", code="max")


def _clean_integer(raw: Any, where: str) -> int:
    if isinstance(raw, bool):
        raise ValidationError(where, "must be a whole number", code="type")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip()
        if re.fullmatch(r"[+-]?\d{1,18}", text):
            return int(text)
    raise ValidationError(where, "must be a whole number", code="type")


def to_decimal(raw: Any) -> Decimal | None:
    """A finite Decimal from a number or its text (NFKC, thousands commas dropped), else None."""
    if isinstance(raw, Decimal):
        number = raw
    elif isinstance(raw, (int, float)):
        number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    elif isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip().replace(",", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    else:
        return None
    return number if number.is_finite() else None


def decimal_text(number: Decimal) -> str:
    """The canonical text of a decimal value: no exponent, ``0`` for negative zero."""
    text = format(number, "f")
    return "0" if text in ("-0", "+0") else text


def bound_key(field_type: str, bound: int | str) -> Any:
    """A range-type field's value or bound in a form that compares in order."""
    if field_type == "decimal":
        return Decimal(str(bound))
    return bound  # ints compare as ints, ISO dates compare as text


def _clean_date(raw: Any, where: str) -> str:
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, str):
        match = _DATE_RE.match(unicodedata.normalize("NFKC", raw).strip())
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                raise ValidationError(where, "no such date", code="type") from None
    raise ValidationError(where, "must be a date like 2026-01-31", code="type")


_TRUE = frozenset({"true", "1", "yes", "y", "是"})
_FALSE = frozenset({"false", "0", "no", "n", "否"})


def _clean_bool(raw: Any, where: str) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        text = raw.strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValidationError(where, "must be yes or no", code="type")
