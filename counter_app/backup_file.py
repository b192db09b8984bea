"""The backup file (``.cbk``): a zip of the profile, encrypted as a whole with the profile's data key.

Layout::

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (JSON, UTF-8) | chunks...

The header is the only plaintext: the format version, the install id and secrets backend (so a
restore knows whose key to ask for, even when the current database is gone), when the backup was
made, the schema version, whether it was the automatic daily backup, and a random salt. No office
name, no staff or citizen data.

The body is the zip (the SQLite snapshot and the already encrypted attachments) cut into chunks of
``chunk_size`` bytes, each sealed with AES-256-GCM under a key derived by HKDF from the data key and
the file's own salt (so every file has its own key, and nonces can simply count chunks). Each
chunk's nonce is its index; its associated data is a digest of the header, the index and a flag
that marks the last chunk. So a changed header, a chunk moved, removed or added, and a file cut
short (even at a chunk boundary) all fail to decrypt: nothing is restored from it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from counter_app.canonical import canonical_json
from counter_app.errors import ValidationError

MAGIC = b"CNTRBAK\x00"
FORMAT_VERSION = 1
SUFFIX = ".cbk"
CHUNK_SIZE = 1 << 20  # plaintext bytes per chunk
TAG_BYTES = 16
SALT_BYTES = 16
MAX_HEADER_BYTES = 64 * 1024
_LENGTH = struct.Struct(">I")
_INDEX = struct.Struct(">Q")


@dataclass(frozen=True)
class BackupHeader:
    install_id: str
    secrets_backend: str
    created: str  # ISO-8601, the profile's clock
    schema_version: int
    automatic: bool
    salt: str  # hex
    chunk_size: int = CHUNK_SIZE
    format: int = FORMAT_VERSION

    def encode(self) -> bytes:
        return canonical_json(asdict(self)).encode("utf-8")

    @classmethod
    def new(
        cls, *, install_id: str, secrets_backend: str, created: str, schema_version: int, automatic: bool
    ) -> BackupHeader:
        return cls(
            install_id=install_id,
            secrets_backend=secrets_backend,
            created=created,
            schema_version=schema_version,
            automatic=automatic,
            salt=os.urandom(SALT_BYTES).hex(),
        )


def _refuse(path: Path | str, detail: str, code: str = "format") -> ValidationError:
    return ValidationError("path", f"{path}: {detail}", code=code)


def is_encrypted_backup(path: Path) -> bool:
    """Whether ``path`` starts like an encrypted backup (an old zip backup does not)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _read_header(handle: BinaryIO, label: Path | str) -> tuple[BackupHeader, bytes]:
    """The header and its raw bytes (magic and length included); leaves ``handle`` at the body."""
    if handle.read(len(MAGIC)) != MAGIC:
        raise _refuse(label, "not a Counter backup")
    raw_length = handle.read(_LENGTH.size)
    if len(raw_length) != _LENGTH.size:
        raise _refuse(label, "the backup is cut short", code="damaged")
    (length,) = _LENGTH.unpack(raw_length)
    if length > MAX_HEADER_BYTES:
        raise _refuse(label, "the backup's header is damaged", code="damaged")
    raw = handle.read(length)
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT_VERSION:
            raise _refuse(label, f"backup format {data.get('format')!r} is not one this Counter reads")
        header = BackupHeader(**data)
        bytes.fromhex(header.salt)
        if not 0 < int(header.chunk_size) <= 64 * CHUNK_SIZE:
            raise ValueError("chunk size")
    except ValidationError:
        raise
    except (ValueError, TypeError, AttributeError) as exc:
        raise _refuse(label, "the backup's header is damaged", code="damaged") from exc
    return header, MAGIC + raw_length + raw


def read_header(path: Path) -> BackupHeader:
    """The plaintext header of an encrypted backup (ValidationError on ``path`` when it is not one)."""
    try:
        with open(path, "rb") as handle:
            return _read_header(handle, path)[0]
    except FileNotFoundError as exc:
        raise _refuse(path, "does not exist", code="not_found") from exc


def _file_key(master_key: bytes, header: BackupHeader) -> AESGCM:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=bytes.fromhex(header.salt), info=b"counter/backup/v1"
    ).derive(master_key)
    return AESGCM(key)


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + _INDEX.pack(index)


def _aad(header_digest: bytes, index: int, last: bool) -> bytes:
    return header_digest + _INDEX.pack(index) + (b"\x01" if last else b"\x00")


class EncryptingWriter(io.RawIOBase):
    """A write-only, unseekable stream that seals what is written into chunks (``zipfile`` writes
    into it). ``close()`` seals the last chunk; the caller fsyncs and closes ``target``."""

    def __init__(self, target: BinaryIO, header: BackupHeader, master_key: bytes) -> None:
        super().__init__()
        self._target = target
        self._header = header
        raw = header.encode()
        prefix = MAGIC + _LENGTH.pack(len(raw)) + raw
        target.write(prefix)
        self._digest = hashlib.sha256(prefix).digest()
        self._aead = _file_key(master_key, header)
        self._buffer = bytearray()
        self._index = 0
        self._position = 0

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.closed:
            raise ValueError("write to a closed backup")
        size = len(data)
        self._buffer += data
        self._position += size
        chunk = self._header.chunk_size
        # Keep at least one byte back: only close() knows which chunk is the last.
        while len(self._buffer) > chunk:
            self._seal(bytes(self._buffer[:chunk]), last=False)
            del self._buffer[:chunk]
        return size

    def _seal(self, plaintext: bytes, *, last: bool) -> None:
        index = self._index
        self._target.write(self._aead.encrypt(_nonce(index), plaintext, _aad(self._digest, index, last)))
        self._index += 1

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
        super().close()


def _chunks(
    handle: BinaryIO, header: BackupHeader, body: int, label: Path | str
) -> Iterator[tuple[int, bytes, bool]]:
    """(index, ciphertext, last) for every chunk of a body of ``body`` bytes."""
    sealed = header.chunk_size + TAG_BYTES
    if body < TAG_BYTES:
        raise _refuse(label, "the backup is cut short", code="damaged")
    index, left = 0, body
    while left > 0:
        size = min(sealed, left)
        block = handle.read(size)
        if len(block) != size:
            raise _refuse(label, "the backup is cut short", code="damaged")
        left -= size
        yield index, block, left == 0
        index += 1


def decrypt_to(path: Path, master_key: bytes, target: Path) -> BackupHeader:
    """Decrypt the backup at ``path`` into the file ``target`` (the zip). Any change to the file,
    or another profile's key, raises ValidationError(code="damaged") and leaves ``target`` partial:
    the caller writes it into a scratch directory it removes."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        header, prefix = _read_header(handle, path)
        digest = hashlib.sha256(prefix).digest()
        aead = _file_key(master_key, header)
        with open(target, "wb") as out:
            for index, block, last in _chunks(handle, header, size - len(prefix), path):
                try:
                    out.write(aead.decrypt(_nonce(index), block, _aad(digest, index, last)))
                except InvalidTag as exc:
                    raise _refuse(
                        path,
                        "the backup cannot be decrypted: it was changed or cut short, or it was made "
                        "with another data key",
                        code="damaged",
                    ) from exc
    return header
