"""Encryption of personal data at rest.

One 256-bit master secret per office profile (kept by :mod:`counter_app.secrets`) derives two
keys with HKDF: an AES-GCM key that encrypts fields and attachment files, and an HMAC key for the
blind index that finds a record by its exact ID number without decrypting every row.

Ciphertext layout: ``version byte || 12-byte nonce || AES-GCM(ciphertext || tag)``. The associated
data binds a ciphertext to its purpose (``"applicant.id_number"``), so a value cannot be moved to
another column unnoticed.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from counter_app.errors import SecretsUnavailable

FORMAT_VERSION = b"\x01"
NONCE_BYTES = 12
MASTER_KEY_BYTES = 32


def new_master_key() -> bytes:
    return os.urandom(MASTER_KEY_BYTES)


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


class FieldCipher:
    """Encrypts and decrypts values; computes blind indexes. Thread-safe (no mutable state)."""

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != MASTER_KEY_BYTES:
            raise SecretsUnavailable("the data key has the wrong length")
        self._aead = AESGCM(_derive(master_key, b"counter/aes-gcm/v1"))
        self._index_key = _derive(master_key, b"counter/blind-index/v1")

    def encrypt_bytes(self, plaintext: bytes, purpose: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return FORMAT_VERSION + nonce + self._aead.encrypt(nonce, plaintext, purpose.encode())

    def decrypt_bytes(self, blob: bytes, purpose: str) -> bytes:
        if not blob or blob[:1] != FORMAT_VERSION:
            raise SecretsUnavailable(f"{purpose}: unknown ciphertext format")
        nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, purpose.encode())
        except InvalidTag as exc:
            raise SecretsUnavailable(f"{purpose}: cannot decrypt (wrong data key or tampered value)") from exc

    def encrypt(self, text: str | None, purpose: str) -> bytes | None:
        if text is None or text == "":
            return None
        return self.encrypt_bytes(text.encode("utf-8"), purpose)

    def decrypt(self, blob: bytes | None, purpose: str) -> str | None:
        if blob is None:
            return None
        return self.decrypt_bytes(bytes(blob), purpose).decode("utf-8")

    def blind_index(self, text: str | None, purpose: str) -> str | None:
        """A keyed hash for exact lookup: equal inputs give equal indexes, nothing else leaks."""
        if not text:
            return None
        mac = hmac.new(self._index_key, purpose.encode() + b"\x00" + text.encode("utf-8"), hashlib.sha256)
        return mac.hexdigest()[:32]
