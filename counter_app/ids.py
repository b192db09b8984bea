"""Identifier rules: resident ID numbers, unified social credit codes, mobile numbers (DESIGN §3).

* Resident ID numbers (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit birth date
  ``YYYYMMDD``, 3-digit sequence code (odd for men, even for women) and a check character
  computed with ISO 7064 MOD 11-2. Only the first two digits of the address code are checked:
  they must be a province-level code of GB/T 2260 (``PROVINCE_CODES``), or 83 (residence permits
  for Taiwan residents; Hong Kong and Macau ones start 81/82, their province-level codes), or 9
  followed by the code of the mainland province that issued a foreigner's permanent residence ID
  card (2023 form). County and city codes change over time and are not checked.
* Unified social credit codes (统一社会信用代码), GB 32100-2015: 17 characters from a
  31-character alphabet plus a MOD 31 check character.
* Mobile numbers: ``^1[3-9][0-9]{9}$`` (ASCII digits only).

The ``is_valid_*`` functions never raise: anything that is not a ``str`` is simply invalid.
The ``validate_*`` functions normalise the input and raise :class:`ValidationError` with a
machine-readable ``code`` (``required``, ``format``, ``province``, ``checksum``, ``birth_date``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from counter_app.errors import ValidationError

__all__ = [
    "MAINLAND_PROVINCE_CODES",
    "MIN_BIRTH_DATE",
    "PROVINCE_CODES",
    "USCC_ALPHABET",
    "birth_date_from_resident_id",
    "has_province_prefix",
    "is_valid_mobile",
    "is_valid_resident_id",
    "is_valid_uscc",
    "mask_mobile",
    "mask_resident_id",
    "normalise_mobile",
    "normalise_resident_id",
    "normalise_uscc",
    "resident_id_check_char",
    "sex_from_resident_id",
    "uscc_check_char",
    "validate_mobile",
    "validate_resident_id",
    "validate_uscc",
]

# --- resident ID numbers -----------------------------------------------------------------------

RESIDENT_ID_WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# Index = weighted sum mod 11.
RESIDENT_ID_CHECK_CHARS = "10X98765432"
MIN_BIRTH_DATE = date(1900, 1, 1)

# Province-level divisions of GB/T 2260: the first two digits of a resident ID number's address
# code. 71 Taiwan, 81 Hong Kong, 82 Macau.
MAINLAND_PROVINCE_CODES = frozenset(
    str(code)
    for code in (
        *range(11, 16),  # Beijing, Tianjin, Hebei, Shanxi, Inner Mongolia
        *range(21, 24),  # Liaoning, Jilin, Heilongjiang
        *range(31, 38),  # Shanghai, Jiangsu, Zhejiang, Anhui, Fujian, Jiangxi, Shandong
        *range(41, 47),  # Henan, Hubei, Hunan, Guangdong, Guangxi, Hainan
        *range(50, 55),  # Chongqing, Sichuan, Guizhou, Yunnan, Tibet
        *range(61, 66),  # Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang
    )
)
PROVINCE_CODES = MAINLAND_PROVINCE_CODES | {"71", "81", "82"}
# Residence permits for Hong Kong, Macau and Taiwan residents start 810000 / 820000 / 830000.
_ID_PREFIXES = PROVINCE_CODES | {"83"}

_RESIDENT_ID_RE = re.compile(r"[0-9]{17}[0-9Xx]")
_SEVENTEEN_DIGITS_RE = re.compile(r"[0-9]{17}")


def resident_id_check_char(first17: str) -> str:
    """The check character (``0``-``9`` or ``X``) for the first 17 digits of a resident ID number.

    Raises ``ValueError`` unless ``first17`` is exactly 17 ASCII digits.
    """
    if not isinstance(first17, str) or not _SEVENTEEN_DIGITS_RE.fullmatch(first17):
        raise ValueError("expected exactly 17 ASCII digits")
    total = sum(int(ch) * w for ch, w in zip(first17, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK_CHARS[total % 11]


def has_province_prefix(number: str) -> bool:
    """True if a resident ID number starts with a code it may start with.

    That is a province-level code of GB/T 2260 or 83 (residence permits for Taiwan residents), or
    9 and the code of the mainland province that issued a foreigner's permanent residence ID card
    (``9`` + province + nationality, 2023 form). County codes are not checked: they change.
    """
    if number[:1] == "9":
        return number[1:3] in MAINLAND_PROVINCE_CODES
    return number[:2] in _ID_PREFIXES


def _birth_date(digits: str) -> date | None:
    """The date written as ``YYYYMMDD`` in ``digits``, or None if there is no such day."""
    try:
        return date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _birth_date_ok(born: date | None, today: date | None) -> bool:
    if born is None:
        return False
    return MIN_BIRTH_DATE <= born <= (today or date.today())


def is_valid_resident_id(text: object, *, today: date | None = None) -> bool:
    """True if ``text`` is a valid 18-character resident ID number.

    Checks the characters, the first digits (:func:`has_province_prefix`), the check character
    and the birth date (a real day, not before 1900-01-01 and not after ``today``, default: the
    current date). A lower-case ``x`` check character is accepted; surrounding spaces are not
    (use :func:`validate_resident_id` for typed input). Never raises.
    """
    if not isinstance(text, str) or not _RESIDENT_ID_RE.fullmatch(text):
        return False
    if not has_province_prefix(text):
        return False
    if resident_id_check_char(text[:17]) != text[17].upper():
        return False
    return _birth_date_ok(_birth_date(text[6:14]), today)


def normalise_resident_id(text: str) -> str:
    """Canonical form of a typed resident ID number.

    Full-width characters become ASCII (NFKC), all whitespace is removed and ``x`` is upper-cased.
    The result is not validated.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).upper()


def validate_resident_id(text: object, field: str = "id_number", *, today: date | None = None) -> str:
    """The normalised resident ID number, or :class:`ValidationError` on ``field``.

    Codes: ``required`` (missing or blank), ``format`` (not 17 digits + digit/X), ``province``
    (the first two digits are no province-level code, see :func:`has_province_prefix`),
    ``checksum`` (wrong check character), ``birth_date`` (no such day, before 1900 or in the future).
    """
    if text is None or (isinstance(text, str) and not text.strip()):
        raise ValidationError(field, "a resident ID number is required", code="required")
    if not isinstance(text, str):
        raise ValidationError(field, "a resident ID number must be text", code="format")
    number = normalise_resident_id(text)
    if not _RESIDENT_ID_RE.fullmatch(number):
        raise ValidationError(
            field, "a resident ID number is 17 digits followed by a digit or X", code="format"
        )
    if not has_province_prefix(number):
        raise ValidationError(
            field, "the first two digits are not a province-level code (GB/T 2260)", code="province"
        )
    if resident_id_check_char(number[:17]) != number[17]:
        raise ValidationError(field, "the check character does not match", code="checksum")
    if not _birth_date_ok(_birth_date(number[6:14]), today):
        raise ValidationError(field, "the birth date is not a real past date", code="birth_date")
    return number


def birth_date_from_resident_id(text: str, *, field: str = "id_number") -> date:
    """The birth date encoded in a valid resident ID number (:class:`ValidationError` otherwise)."""
    number = validate_resident_id(text, field)
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def sex_from_resident_id(text: str, *, field: str = "id_number") -> str:
    """``"male"`` if the 17th digit is odd, ``"female"`` if even (:class:`ValidationError` if invalid)."""
    number = validate_resident_id(text, field)
    return "male" if int(number[16]) % 2 else "female"


def mask_resident_id(text: str) -> str:
    """Keep the first 6 and last 4 characters, mask the rest: ``110105********002X``.

    Input of 10 characters or fewer is masked entirely so nothing leaks.
    """
    number = normalise_resident_id(text)
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


# --- unified social credit codes ------------------------------------------------------------------

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS: tuple[int, ...] = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_VALUE = {ch: i for i, ch in enumerate(USCC_ALPHABET)}
_USCC_RE = re.compile(f"[{USCC_ALPHABET}]{{18}}")
_USCC17_RE = re.compile(f"[{USCC_ALPHABET}]{{17}}")


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a unified social credit code.

    Raises ``ValueError`` unless ``first17`` is 17 characters of the GB 32100 alphabet (upper case).
    """
    if not isinstance(first17, str) or not _USCC17_RE.fullmatch(first17):
        raise ValueError(f"expected exactly 17 characters from {USCC_ALPHABET}")
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_uscc(text: object) -> bool:
    """True if ``text`` is an 18-character unified social credit code with a correct check character.

    Strict: upper case only, no spaces (use :func:`validate_uscc` for typed input). Never raises.
    """
    if not isinstance(text, str) or not _USCC_RE.fullmatch(text):
        return False
    return uscc_check_char(text[:17]) == text[17]


def normalise_uscc(text: str) -> str:
    """Canonical form of a typed code: ASCII (NFKC), no whitespace, upper case. Not validated."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).upper()


def validate_uscc(text: object, field: str = "uscc") -> str:
    """The normalised code, or :class:`ValidationError` (``required``, ``format``, ``checksum``)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        raise ValidationError(field, "a unified social credit code is required", code="required")
    if not isinstance(text, str):
        raise ValidationError(field, "a unified social credit code must be text", code="format")
    code = normalise_uscc(text)
    if not _USCC_RE.fullmatch(code):
        raise ValidationError(
            field, f"a unified social credit code is 18 characters from {USCC_ALPHABET}", code="format"
        )
    if uscc_check_char(code[:17]) != code[17]:
        raise ValidationError(field, "the check character does not match", code="checksum")
    return code


# --- mobile numbers ----------------------------------------------------------------------------------

# [0-9], not \d: \d would also match other scripts' digits such as '١' or full-width '１'.
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")


def is_valid_mobile(text: object) -> bool:
    """True if ``text`` is an 11-digit mainland mobile number ``1[3-9]xxxxxxxxx``. Never raises."""
    return isinstance(text, str) and _MOBILE_RE.fullmatch(text) is not None


def normalise_mobile(text: str) -> str:
    """Canonical form of a typed mobile number: ASCII (NFKC), without whitespace and hyphens."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).replace("-", "")


def validate_mobile(text: object, field: str = "phone") -> str:
    """The normalised mobile number, or :class:`ValidationError` (``required``, ``format``)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        raise ValidationError(field, "a mobile number is required", code="required")
    if not isinstance(text, str):
        raise ValidationError(field, "a mobile number must be text", code="format")
    number = normalise_mobile(text)
    if not is_valid_mobile(number):
        raise ValidationError(field, "a mobile number is 11 digits starting 13-19", code="format")
    return number


def mask_mobile(text: str) -> str:
    """Keep the first 3 and last 4 digits: ``138****5678``. Short input is masked entirely."""
    number = normalise_mobile(text)
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_identifier(id_type: str, number: str) -> str:
    """The masked form printed and listed: a resident ID keeps its first 6 and last 4 characters,
    a unified social credit code its first 8 and last 4."""
    if id_type == "resident_id":
        return mask_resident_id(number)
    return (
        number[:8] + "*" * max(0, len(number) - 12) + number[-4:] if len(number) > 12 else "*" * len(number)
    )
