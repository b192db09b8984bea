from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.crypto import FieldCipher, new_master_key
from counter_app.errors import SecretsUnavailable

CIPHER = FieldCipher(new_master_key())


@given(st.text(min_size=1))
def test_round_trip(text: str) -> None:
    blob = CIPHER.encrypt(text, "applicant.address")
    assert blob is not None
    if len(text.encode()) >= 8:  # a short byte string may occur in random ciphertext by chance
        assert text.encode() not in blob
    assert CIPHER.decrypt(blob, "applicant.address") == text


def test_same_value_encrypts_differently_but_indexes_equally() -> None:
    a = CIPHER.encrypt("11010519491231002X", "applicant.id_number")
    b = CIPHER.encrypt("11010519491231002X", "applicant.id_number")
    assert a != b
    assert CIPHER.blind_index("11010519491231002X", "p") == CIPHER.blind_index("11010519491231002X", "p")
    assert CIPHER.blind_index("11010519491231002X", "p") != CIPHER.blind_index("110105194912310011", "p")
    assert CIPHER.blind_index("11010519491231002X", "p") != CIPHER.blind_index("11010519491231002X", "q")


def test_ciphertext_is_bound_to_its_purpose_and_key() -> None:
    blob = CIPHER.encrypt("13912345678", "applicant.phone")
    with pytest.raises(SecretsUnavailable):
        CIPHER.decrypt(blob, "applicant.address")
    with pytest.raises(SecretsUnavailable):
        FieldCipher(new_master_key()).decrypt(blob, "applicant.phone")
    tampered = bytearray(blob)
    tampered[-1] ^= 1
    with pytest.raises(SecretsUnavailable):
        CIPHER.decrypt(bytes(tampered), "applicant.phone")


def test_index_of_another_key_differs() -> None:
    other = FieldCipher(new_master_key())
    assert other.blind_index("11010519491231002X", "p") != CIPHER.blind_index("11010519491231002X", "p")


def test_empty_values_are_not_stored() -> None:
    assert CIPHER.encrypt("", "x") is None and CIPHER.encrypt(None, "x") is None
    assert CIPHER.decrypt(None, "x") is None
    assert CIPHER.blind_index("", "x") is None
