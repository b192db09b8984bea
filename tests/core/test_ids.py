from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.errors import ValidationError
from counter_app.ids import (
    USCC_ALPHABET,
    birth_date_from_resident_id,
    has_province_prefix,
    is_valid_mobile,
    is_valid_resident_id,
    is_valid_uscc,
    mask_mobile,
    mask_resident_id,
    normalise_resident_id,
    resident_id_check_char,
    sex_from_resident_id,
    uscc_check_char,
    validate_mobile,
    validate_resident_id,
    validate_uscc,
)

KNOWN_ID = "11010519491231002X"
KNOWN_USCC = "91350100M000100Y43"
TODAY = date(2025, 6, 15)

# Written out here rather than taken from counter_app.ids, so the tests check its list.
# Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macau).
MAINLAND_PROVINCES = [
    str(n)
    for n in (*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66))
]
PROVINCES = [*MAINLAND_PROVINCES, "71", "81", "82"]


def prefix_allowed(number: str) -> bool:
    """The first digits a resident ID number may have: a province, 83 (Taiwan residents'
    residence permits), or 9 + the mainland province that issued a foreigner's card."""
    if number[0] == "9":
        return number[1:3] in MAINLAND_PROVINCES
    return number[:2] in PROVINCES or number[:2] == "83"


# --- strategies -----------------------------------------------------------------------------------


def digits(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=size, max_size=size)


@st.composite
def address_codes(draw: st.DrawFn, *, foreign: bool | None = None) -> str:
    """An address code a resident ID number may start with (county digits at random): a province
    or 83, or (``foreign``) 9 + a mainland province + 3 digits of a foreigner's permanent residence card."""
    if foreign is None:
        foreign = draw(st.booleans())
    if foreign:
        return "9" + draw(st.sampled_from(MAINLAND_PROVINCES)) + draw(digits(3))
    return draw(st.sampled_from([*PROVINCES, "83"])) + draw(digits(4))


@st.composite
def resident_ids(draw: st.DrawFn, *, foreign: bool | None = None) -> str:
    """A valid resident ID: an allowed address code, a real birth date in 1900..TODAY, any sequence code."""
    address = draw(address_codes(foreign=foreign))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    first17 = address + born.strftime("%Y%m%d") + seq
    return first17 + resident_id_check_char(first17)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    first17 = draw(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17))
    return first17 + uscc_check_char(first17)


def with_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


# --- resident ID numbers --------------------------------------------------------------------------


def test_known_resident_id_is_valid() -> None:
    assert resident_id_check_char(KNOWN_ID[:17]) == "X"
    assert is_valid_resident_id(KNOWN_ID)
    assert is_valid_resident_id(KNOWN_ID.lower())  # lower-case x is accepted
    assert birth_date_from_resident_id(KNOWN_ID) == date(1949, 12, 31)
    assert sex_from_resident_id(KNOWN_ID) == "female"  # 17th digit 2 is even


@given(resident_ids())
def test_any_real_past_date_with_computed_check_char_is_valid(number: str) -> None:
    assert is_valid_resident_id(number, today=TODAY)
    assert validate_resident_id(number, today=TODAY) == number
    assert birth_date_from_resident_id(number).strftime("%Y%m%d") == number[6:14]
    assert sex_from_resident_id(number) == ("male" if int(number[16]) % 2 else "female")


@given(resident_ids(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_changing_one_character_is_detected(number: str, position: int, replacement: str) -> None:
    if number[position] == replacement or (position < 17 and replacement == "X"):
        replacement = str((int(number[position]) + 1) % 10) if number[position] != "X" else "0"
    changed = number[:position] + replacement + number[position + 1 :]
    assert changed != number
    assert not is_valid_resident_id(changed, today=TODAY)


@given(resident_ids(), st.integers(min_value=0, max_value=16))
def test_swapping_adjacent_digits_is_detected(number: str, position: int) -> None:
    a, b = number[position], number[position + 1]
    if a == b or b == "X":
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    assert not is_valid_resident_id(swapped, today=TODAY)


def test_future_and_unreal_birth_dates_are_rejected() -> None:
    today = date(2025, 6, 15)
    assert is_valid_resident_id(with_id("110105" + "20250615" + "123"), today=today)
    tomorrow = with_id("110105" + "20250616" + "123")
    assert not is_valid_resident_id(tomorrow, today=today)
    assert is_valid_resident_id(tomorrow, today=today + timedelta(days=1))
    for bad in ("20230229", "20241301", "20240431", "20240000", "18991231"):
        assert not is_valid_resident_id(with_id("110105" + bad + "123"), today=today), bad
    assert is_valid_resident_id(with_id("110105" + "20240229" + "123"), today=today)  # leap day
    assert is_valid_resident_id(with_id("110105" + "19000101" + "123"), today=today)
    # The default "today" is the real current date.
    far_future = with_id("110105" + "29991231" + "123")
    assert not is_valid_resident_id(far_future)
    with pytest.raises(ValidationError) as raised:
        validate_resident_id(far_future)
    assert raised.value.code == "birth_date"


@given(resident_ids(foreign=True))
def test_permanent_residence_card_numbers_are_accepted(number: str) -> None:
    assert is_valid_resident_id(number, today=TODAY)


@pytest.mark.parametrize("prefix", ["810000", "820000", "830000", "911156", "944156", "965840"])
def test_residence_permits_and_foreigners_cards_are_accepted(prefix: str) -> None:
    # Hong Kong (81), Macau (82), Taiwan (83) residence permits; foreigners' cards: 9 + province.
    number = with_id(prefix + "19900101" + "001")
    assert is_valid_resident_id(number, today=TODAY)
    assert validate_resident_id(number, today=TODAY) == number


@pytest.mark.parametrize("province", PROVINCES)
def test_every_province_code_is_accepted(province: str) -> None:
    number = with_id(province + "0101" + "19900101" + "001")
    assert is_valid_resident_id(number, today=TODAY)
    assert validate_resident_id(number, today=TODAY) == number
    assert has_province_prefix(number)


def test_county_codes_are_not_checked() -> None:
    # 110199 and 449999 name no county today; counties change, so only the province is checked.
    for address in ("110199", "449999", "659999"):
        assert is_valid_resident_id(with_id(address + "19900101" + "001"), today=TODAY), address


@pytest.mark.parametrize(
    "prefix",
    [
        "990101",
        "000000",
        "100000",
        "160000",
        "200000",
        "380000",
        "470000",
        "550000",
        "660000",
        "700000",
        "720000",
        "800000",
        "840000",
        "900000",
        "910000",
        "990000",
        "971000",
        "981000",
        "983000",
    ],
)
def test_a_number_whose_first_digits_are_no_province_is_refused(prefix: str) -> None:
    number = with_id(prefix + "19900101" + "001")  # the check character is right
    assert not is_valid_resident_id(number, today=TODAY)
    assert not has_province_prefix(number)
    with pytest.raises(ValidationError) as raised:
        validate_resident_id(number, field="applicant.id_number", today=TODAY)
    assert raised.value.code == "province"
    assert raised.value.field == "applicant.id_number"


@given(digits(6), st.dates(min_value=date(1900, 1, 1), max_value=TODAY), digits(3))
def test_a_valid_checksum_number_is_accepted_iff_its_first_digits_are_allowed(
    address: str, born: date, seq: str
) -> None:
    number = with_id(address + born.strftime("%Y%m%d") + seq)
    assert is_valid_resident_id(number, today=TODAY) == prefix_allowed(number)
    if not prefix_allowed(number):
        with pytest.raises(ValidationError) as raised:
            validate_resident_id(number, today=TODAY)
        assert raised.value.code == "province"


@pytest.mark.parametrize(
    "value",
    [
        None,
        110105194912310021,
        b"11010519491231002X",
        ["11010519491231002X"],
        "",
        " 11010519491231002X",
        "11010519491231002X\n",
        "1101051949123100 2X",
        "11010519491231002",
        "11010519491231002XX",
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width
        "11010519491231002Y",
        "X1010519491231002X",
        "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  # Arabic-Indic digits
    ],
)
def test_is_valid_resident_id_is_strict_and_never_raises(value: object) -> None:
    assert is_valid_resident_id(value) is False


def test_normalise_resident_id() -> None:
    assert normalise_resident_id(" 110105 19491231 002x ") == KNOWN_ID
    assert normalise_resident_id("１１０１０５１９４９１２３１００２ｘ") == KNOWN_ID
    assert validate_resident_id("110105 1949 1231 002x") == KNOWN_ID


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "required"),
        ("", "required"),
        ("   ", "required"),
        (12345, "format"),
        ("1101051949123100", "format"),
        ("11010519491231002A", "format"),
        ("X1010519491231002X", "format"),
        ("990105194912310021", "province"),
        ("110105194912310021", "checksum"),
        ("110105" + "20230229" + "123" + "0", "checksum"),
        (with_id("110105" + "20230229" + "123"), "birth_date"),
        (with_id("110105" + "18991231" + "123"), "birth_date"),
        (with_id("110105" + "20250616" + "123"), "birth_date"),
    ],
)
def test_validate_resident_id_codes(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_resident_id(value, today=TODAY)
    assert raised.value.code == code
    assert raised.value.field == "id_number"


def test_validate_resident_id_field_name() -> None:
    with pytest.raises(ValidationError) as raised:
        validate_resident_id("110105194912310021", field="applicant.id_number")
    assert raised.value.field == "applicant.id_number"
    assert raised.value.code == "checksum"


def test_birth_date_and_sex_refuse_invalid_numbers() -> None:
    for func in (birth_date_from_resident_id, sex_from_resident_id):
        with pytest.raises(ValidationError) as raised:
            func("110105194912310021")
        assert raised.value.field == "id_number"
        assert raised.value.code == "checksum"
    assert sex_from_resident_id(with_id("11010519900101001")) == "male"
    assert sex_from_resident_id(with_id("11010519900101002")) == "female"


def test_check_char_functions_refuse_bad_input() -> None:
    for bad in (
        "1101051949123100",
        "11010519491231002X",
        "1101051949123100A",
        "１１０１０５１９４９１２３１００２",
    ):
        with pytest.raises(ValueError):
            resident_id_check_char(bad)
    for bad in ("91350100M000100Y", "91350100M000100Y43", "91350100M000100YI", "91350100m000100Y4"):
        with pytest.raises(ValueError):
            uscc_check_char(bad)


# --- unified social credit codes ------------------------------------------------------------------


def test_known_uscc_is_valid() -> None:
    assert uscc_check_char(KNOWN_USCC[:17]) == "3"
    assert is_valid_uscc(KNOWN_USCC)
    assert validate_uscc(" 91350100m000100y43 ") == KNOWN_USCC


@given(usccs())
def test_computed_uscc_is_valid(code: str) -> None:
    assert is_valid_uscc(code)
    assert validate_uscc(code) == code


@given(usccs(), st.integers(min_value=0, max_value=17), st.sampled_from(USCC_ALPHABET))
def test_uscc_single_character_change_is_detected(code: str, position: int, replacement: str) -> None:
    if code[position] == replacement:
        replacement = USCC_ALPHABET[(USCC_ALPHABET.index(replacement) + 1) % 31]
    changed = code[:position] + replacement + code[position + 1 :]
    assert not is_valid_uscc(changed)


@pytest.mark.parametrize(
    "value",
    [
        None,
        91350100,
        "",
        "91350100M000100Y4",
        "91350100M000100Y433",
        "91350100m000100y43",  # strict: upper case only
        "91350100M000100Y44",
        "91350100M0001OOY43",  # letter O is not in the alphabet
        "9135010OM000100Y43",
        " 91350100M000100Y43",
    ],
)
def test_is_valid_uscc_rejects(value: object) -> None:
    assert is_valid_uscc(value) is False


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "required"),
        (" ", "required"),
        (42, "format"),
        ("91350100M000100Y4", "format"),
        ("91350100M0001I0Y43", "format"),
        ("91350100M000100Y44", "checksum"),
    ],
)
def test_validate_uscc_codes(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_uscc(value)
    assert raised.value.code == code
    assert raised.value.field == "uscc"
    with pytest.raises(ValidationError) as raised:
        validate_uscc(value, field="org.uscc")
    assert raised.value.field == "org.uscc"


# --- mobile numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["13012345678", "13800138000", "15912345678", "19999999999", "16612345678"]
)
def test_valid_mobiles(number: str) -> None:
    assert is_valid_mobile(number)
    assert validate_mobile(number) == number


@pytest.mark.parametrize(
    "value",
    [
        None,
        13812345678,
        "",
        "12812345678",  # second digit 2
        "10012345678",
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "23812345678",
        "13812345678\n",
        " 13812345678",
        "138-1234-5678",
        "+8613812345678",
        "1381234567８",  # full-width digit
        "１３８１２３４５６７８",
        "13812345٦٧٨",  # Arabic-Indic digits
    ],
)
def test_invalid_mobiles(value: object) -> None:
    assert is_valid_mobile(value) is False


@given(st.sampled_from("3456789"), st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_mobile_property(second: str, rest: str) -> None:
    assert is_valid_mobile("1" + second + rest)
    assert not is_valid_mobile("1" + second + rest[:-1])


@pytest.mark.parametrize(
    ("value", "code"),
    [(None, "required"), ("", "required"), (138, "format"), ("12812345678", "format"), ("138123", "format")],
)
def test_validate_mobile_codes(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_mobile(value)
    assert raised.value.code == code
    assert raised.value.field == "phone"


def test_validate_mobile_normalises() -> None:
    assert validate_mobile(" 138-1234-5678 ") == "13812345678"
    assert validate_mobile("１３８１２３４５６７８") == "13812345678"
    with pytest.raises(ValidationError) as raised:
        validate_mobile("x", field="contact.mobile")
    assert raised.value.field == "contact.mobile"


# --- masks ----------------------------------------------------------------------------------------


def test_masks() -> None:
    assert mask_resident_id(KNOWN_ID) == "110105********002X"
    assert mask_resident_id("11010519491231002x") == "110105********002X"
    assert mask_mobile("13812345678") == "138****5678"
    # Short or odd input never leaks more than it should.
    assert mask_resident_id("1234567890") == "**********"
    assert mask_resident_id("") == ""
    assert mask_mobile("1381234") == "*******"


@given(resident_ids())
def test_mask_hides_the_birth_date_and_sequence(number: str) -> None:
    masked = mask_resident_id(number)
    assert len(masked) == 18
    assert masked[:6] == number[:6]
    assert masked[-4:] == number[-4:]
    assert masked[6:14] == "*" * 8
