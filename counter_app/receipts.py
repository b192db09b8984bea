"""Receipt numbers (受理编号), made offline and unique without coordination.

``PPPPPP`` device prefix (6 characters, assigned by the central platform at enrollment) +
``YYMMDD`` + a per-device daily sequence of at least 4 digits: ``A3K9Q2261127`` + ``0042``, at most
20 characters. Every prefix has the same length, so two devices' numbers can never coincide.

Before enrollment a device uses a local prefix ``L`` + 5 random characters; the central platform
never hands out prefixes starting with ``L``.
"""

from __future__ import annotations

import secrets as _random
from datetime import date

from counter_app.errors import ValidationError

PREFIX_LENGTH = 6
MAX_LENGTH = 20
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z: easy to read aloud and to type
LOCAL_MARK = "L"


def validate_prefix(prefix: str) -> str:
    text = (prefix or "").strip().upper()
    if len(text) != PREFIX_LENGTH or any(ch not in ALPHABET + LOCAL_MARK for ch in text):
        raise ValidationError(
            "receipt_prefix", f"must be {PREFIX_LENGTH} characters from {ALPHABET}", code="format"
        )
    return text


def new_local_prefix() -> str:
    return LOCAL_MARK + "".join(_random.choice(ALPHABET) for _ in range(PREFIX_LENGTH - 1))


def format_receipt(prefix: str, day: date, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    number = f"{prefix}{day:%y%m%d}{sequence:04d}"
    if len(number) > MAX_LENGTH:
        raise ValidationError("receipt_no", "daily sequence exhausted", code="exhausted")
    return number
