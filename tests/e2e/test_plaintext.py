"""No ID number, phone number or address is on disk in plaintext (DESIGN §2).

200 applications are seeded through the command line; the test then decrypts, in process, every
applicant's personal data and every application form to learn which numbers were written, attaches
a scan that holds an ID number, takes a backup, and scans every byte of every file under the data
directory (database, -wal, -shm, backups, the members of the decrypted backup, attachments) for those
numbers in ASCII and UTF-16-LE, and for anything at all that looks like a valid resident ID number
or mobile number.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from counter_app import ids
from counter_app.accounts import Actor
from counter_app.backup_file import decrypt_to
from counter_app.core import DATA_KEY, Counter
from counter_app.people import PeopleGenerator
from counter_app.resources import demo_catalogue_path
from counter_app.workflow import Status
from tests.support import run_cli

# Runs of digits long enough to be a mobile (11) or an ID number (17 digits + check character).
_ASCII_RUN = re.compile(rb"[0-9]{11,}[Xx]?")
_UTF16_RUN = re.compile(rb"(?:[0-9]\x00){11,}(?:[Xx]\x00)?")
_HEX = frozenset(b"0123456789abcdefABCDEF-")
_HEX_LETTERS = frozenset(b"abcdefABCDEF")
_ID_IN_TEXT = re.compile(r"(?=(\d{17}[\dXx]))")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@dataclass(frozen=True)
class Finding:
    where: str
    offset: int
    encoding: str
    kind: str
    text: str


@dataclass
class Needles:
    """What must not be found. ``digits``: numbers (and ID numbers ending in X), matched inside digit
    runs; ``texts``: anything else (USCCs, addresses), matched with a plain search."""

    digits: set[str] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)
    public: set[str] = field(default_factory=set)  # printed in the public catalogue: not personal data

    def add_id_number(self, number: str) -> None:
        self.digits.add(number.upper())
        self.digits.add(number[:17])

    def add_phone(self, number: str) -> None:
        self.digits.add(number)

    def add_text(self, text: str) -> None:
        if text.isdigit() or (text[:-1].isdigit() and text[-1:] in "Xx"):
            self.digits.add(text.upper())
        else:
            self.texts.add(text)

    def add_numbers_in(self, text: str) -> None:
        """ID numbers and mobiles written inside free text (e.g. a disability certificate number)."""
        for match in _ID_IN_TEXT.finditer(text):
            if ids.is_valid_resident_id(match.group(1)):
                self.add_id_number(match.group(1))
        for match in _MOBILE_IN_TEXT.finditer(text):
            self.add_phone(match.group(0))
        if len(text) >= 11 and text.isdigit():
            self.digits.add(text)


def _inside_hex_token(data: bytes, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a long hex token (a UUID, a SHA-256, an HMAC blind index).

    Such tokens are all over the database and, being random hex, now and then hold a run of 11 or
    18 decimal digits that happens to look like a mobile or an ID number. Only the *generic* checks
    skip them; the exact numbers collected from the profile are reported wherever they occur."""
    left = start
    while left > 0 and data[left - 1] in _HEX:
        left -= 1
    right = end
    while right < len(data) and data[right] in _HEX:
        right += 1
    token = data[left:right]
    return len(token) >= 32 and any(byte in _HEX_LETTERS for byte in token)


def _check_run(run: str, needles: Needles, lengths: set[int]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for length in lengths:
        for i in range(len(run) - length + 1):
            piece = run[i : i + length]
            if piece in needles.digits:
                found.append(("known", piece))
    digits = run.rstrip("Xx")
    if len(digits) == 11 and ids.is_valid_mobile(digits):
        found.append(("mobile", digits))
    for i in range(len(run) - 17):
        piece = run[i : i + 18]
        if ids.is_valid_resident_id(piece):
            found.append(("resident_id", piece))
    return found


def scan_bytes(data: bytes, needles: Needles, where: str) -> list[Finding]:
    findings: list[Finding] = []
    lengths = {len(n) for n in needles.digits}
    for encoding, pattern in (("ascii", _ASCII_RUN), ("utf-16-le", _UTF16_RUN)):
        for match in pattern.finditer(data):
            run = match.group(0).decode(encoding)
            generic_ok = encoding == "ascii" and _inside_hex_token(data, match.start(), match.end())
            for kind, text in _check_run(run, needles, lengths):
                if kind != "known" and (generic_ok or text in needles.public):
                    continue
                findings.append(Finding(where, match.start(), encoding, kind, text))
    for text in needles.texts:
        for encoding in ("utf-8", "utf-16-le"):
            offset = data.find(text.encode(encoding))
            if offset >= 0:
                findings.append(Finding(where, offset, encoding, "known", text))
    return findings


def scan_tree(root: Path, needles: Needles) -> tuple[list[Finding], list[Path]]:
    """Scan every file under ``root``, and the decompressed members of every zip file."""
    findings: list[Finding] = []
    scanned: list[Path] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        scanned.append(path)
        findings += scan_bytes(data, needles, str(path))
        if path.suffix == ".zip" or zipfile.is_zipfile(path):
            try:
                with zipfile.ZipFile(path) as archive:
                    for member in archive.namelist():
                        findings += scan_bytes(archive.read(member), needles, f"{path}!{member}")
            except zipfile.BadZipFile:
                if path.suffix == ".zip":
                    raise
                # Not a zip after all: a database page that happens to hold a zip signature.
    return findings, scanned


def _form_strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _form_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _form_strings(item)


def _public_numbers() -> set[str]:
    """Example numbers printed in the bundled catalogue's help texts (stored with the catalogue)."""
    findings = scan_bytes(demo_catalogue_path().read_bytes(), Needles(), "catalogue")
    return {f.text for f in findings}


def _collect(counter: Counter) -> tuple[Needles, int, int]:
    """Decrypt every applicant and every application form; return what must not be on disk."""
    ctx = counter.ctx
    needles = Needles(public=_public_numbers())
    persons = phones = 0
    for row in ctx.store.all("SELECT id FROM applicants"):
        details = ctx.applicants.details(row["id"])
        assert details is not None
        if details.summary.id_type == "resident_id":
            assert details.id_number and ids.is_valid_resident_id(details.id_number)
            needles.add_id_number(details.id_number)
            persons += 1
        elif details.id_number:
            needles.add_text(details.id_number)  # an organisation's USCC
        if details.phone:
            needles.add_phone(details.phone)
            phones += 1
        if details.address:
            needles.add_text(details.address)
    for row in ctx.store.all("SELECT id FROM applications"):
        app = ctx.applications.get(row["id"])
        assert app is not None
        for text in _form_strings(app.form):
            needles.add_numbers_in(text)
            if ids.is_valid_uscc(text):
                needles.add_text(text)
    return needles, persons, phones


# --- the scanner finds what it looks for -------------------------------------------------------------
SAMPLE_ID = "11010519491231002X"
SAMPLE_MOBILE = "13912345678"


@pytest.mark.parametrize(
    ("payload", "needles_known", "kind"),
    [
        (SAMPLE_ID.encode("ascii"), True, "known"),
        (SAMPLE_ID.encode("utf-16-le"), True, "known"),
        (SAMPLE_ID[:17].encode("ascii") + b"?", True, "known"),
        (SAMPLE_MOBILE.encode("ascii"), True, "known"),
        (SAMPLE_MOBILE.encode("utf-16-le"), True, "known"),
        (SAMPLE_ID.encode("ascii"), False, "resident_id"),
        (SAMPLE_ID.encode("utf-16-le"), False, "resident_id"),
        (SAMPLE_ID.encode("ascii") + b"23", False, "resident_id"),  # a disability certificate number
        (b"pending" + SAMPLE_MOBILE.encode("ascii") + b"\x01", False, "mobile"),
        (SAMPLE_MOBILE.encode("utf-16-le"), False, "mobile"),
        ("身份证号：".encode() + SAMPLE_ID.encode("ascii"), False, "resident_id"),
        ("浙江省杭州市西湖区三墩镇和平村3组12号".encode(), True, "known"),
    ],
)
def test_scanner_finds_planted_numbers(
    tmp_path: Path, payload: bytes, needles_known: bool, kind: str
) -> None:
    needles = Needles()
    if needles_known:
        needles.add_id_number(SAMPLE_ID)
        needles.add_phone(SAMPLE_MOBILE)
        needles.add_text("浙江省杭州市西湖区三墩镇和平村3组12号")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "file.bin").write_bytes(b"\x00\x17SQLite noise \xff" + payload + b"\x00more\x9c")
    findings, scanned = scan_tree(tmp_path, needles)
    assert scanned == [tmp_path / "sub" / "file.bin"]
    assert any(f.kind == kind for f in findings), findings


def test_scanner_looks_inside_compressed_zip_members(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "b.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("counter.db", (b"x" * 1000 + SAMPLE_ID.encode("ascii")) * 5)
    assert SAMPLE_ID.encode("ascii") not in (tmp_path / "b.zip").read_bytes()
    findings, _ = scan_tree(tmp_path, Needles())
    assert [f.where for f in findings if f.kind == "resident_id"] == [f"{tmp_path / 'b.zip'}!counter.db"] * 5


def test_scanner_ignores_digits_inside_hex_tokens_and_nothing_else() -> None:
    # A UUID's last group that happens to be 11 decimal digits and a letter is not a phone number...
    uuid_like = b"0f3c2a9e-7b1d-4c2e-9a8f-13912345678a"
    assert scan_bytes(uuid_like, Needles(), "x") == []
    # ...but a number the profile really holds is reported even there, and a short hex-ish
    # neighbourhood ("ed" from "pending") does not hide a phone number.
    known = Needles()
    known.add_phone(SAMPLE_MOBILE)
    assert [f.kind for f in scan_bytes(uuid_like, known, "x")] == ["known"]
    assert [f.kind for f in scan_bytes(b"ed" + SAMPLE_MOBILE.encode() + b"fa", Needles(), "x")] == ["mobile"]


# --- the profile -----------------------------------------------------------------------------------
def test_no_personal_number_on_disk_in_plaintext(data_dir: Path, config_dir: Path, tmp_path: Path) -> None:
    seeded = run_cli(data_dir, config_dir, "seed", "--applications", "200", "--seed", "7")
    assert seeded.returncode == 0, seeded.stderr
    assert "seeded 200 applicants and 200 applications" in seeded.stdout

    secret = PeopleGenerator(20261123).person()
    scan_text = f"%PDF-1.4\n居民身份证 {secret.resident_id} {secret.name} 电话 {secret.mobile}\n"
    content = scan_text.encode("utf-8") + scan_text.encode("utf-16-le") + b"\n%%EOF\n"

    counter = Counter.open(data_dir, config_dir=config_dir)
    try:
        assert counter.ctx.secrets.backend == "file"
        needles, persons, phones = _collect(counter)
        # Only a handful of documented examples are exempt, and none of them is anyone's number.
        assert len(needles.public) <= 3
        assert not needles.public & needles.digits
        assert persons >= 150 and phones >= 150  # the seed really wrote what we look for
        assert sum(len(n) == 18 for n in needles.digits) > persons  # IDs inside forms as well

        actor = Actor.command_line("tester")
        closed = (Status.REFUSED.value, Status.WITHDRAWN.value, Status.RATED.value)
        target = None
        for row in counter.ctx.store.all("SELECT id FROM applications ORDER BY receipt_no"):
            app = counter.ctx.applications.get(row["id"])
            assert app is not None
            if app.status in closed:
                continue
            item = counter.catalogue.active().item(app.item_code)
            material = next((m for m in item.materials if "pdf" in m.accepted_types), None)
            if material is not None:
                target = (app.id, material.code)
                break
        assert target is not None
        attachment_id = counter.intake.attach(actor, *target, f"身份证-{secret.resident_id}.pdf", content)
        assert counter.intake.read_attachment(actor, attachment_id) == (
            f"身份证-{secret.resident_id}.pdf",
            content,
        )
        needles.add_id_number(secret.resident_id)
        needles.add_phone(secret.mobile)

        # While the profile is open, its write-ahead log is on disk too: scan it now.
        wal = data_dir / "counter.db-wal"
        assert wal.exists() and wal.stat().st_size > 0
        findings, scanned = scan_tree(data_dir, needles)
        assert wal in scanned
        assert findings == []
    finally:
        counter.close()

    backup_path = data_dir / "backups" / "e2e-backup.cbk"
    backed_up = run_cli(data_dir, config_dir, "backup", str(backup_path))
    assert backed_up.returncode == 0, backed_up.stderr
    # The backup is encrypted as a whole; inside it, the zip's members are as encrypted as the profile.
    inside = tmp_path / "decrypted-backup.zip"
    with Counter.open(data_dir, config_dir=config_dir) as opened:
        decrypt_to(backup_path, opened.ctx.secrets.get_bytes(DATA_KEY) or b"", inside)
    with zipfile.ZipFile(inside) as archive:
        assert f"attachments/{attachment_id}.bin" in archive.namelist()
        for member in archive.namelist():
            assert scan_bytes(archive.read(member), needles, member) == []
    inside.unlink()

    findings, scanned = scan_tree(data_dir, needles)
    assert data_dir / "counter.db" in scanned
    assert backup_path in scanned
    assert data_dir / "attachments" / f"{attachment_id}.bin" in scanned
    assert findings == []
