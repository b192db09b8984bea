"""Files shipped beside the code: catalogue seeds, translations, the application icon.

They live in the repository's top-level ``resources/`` folder, and every install path finds them
through :func:`resources_dir`:

- a PyInstaller bundle: ``sys._MEIPASS/resources`` (``build.spec`` puts them there);
- an installed wheel: ``counter_app/_resources`` beside this module (``setup.py`` copies
  ``resources/`` there while the wheel is built, with the translations compiled to ``.qm``);
- the source tree (editable install, ``make run``): ``<repository>/resources``.

The translations are written as Qt Linguist ``.ts`` files and loaded as compiled ``.qm`` files.
:func:`compile_ts` is the compiler the wheel build, the bundle and a source tree without ``make``
use (pure Python, so building the wheel needs no Qt): it writes the same bytes as
``pyside6-lrelease`` for the ``.ts`` files Counter ships (``tests/e2e/test_wheel.py`` checks).
This module stays importable with the standard library alone: ``setup.py`` loads it by path in the
isolated build environment.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PACKAGED_DIR = "_resources"


def _candidates() -> list[Path]:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if frozen:
        return [Path(frozen) / "resources"]
    here = Path(__file__).resolve().parent
    return [here / PACKAGED_DIR, here.parent / "resources"]


def resources_dir() -> Path:
    """The folder holding the resources (the source tree's, if no install layout is found)."""
    candidates = _candidates()
    return next((folder for folder in candidates if folder.is_dir()), candidates[-1])


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def demo_catalogue_path() -> Path:
    return resource_path("catalogue", "demo.json")


def app_icon_path() -> Path:
    """The application's icon as a PNG (made from ``icons/counter.svg``; the ``.ico`` beside it is the
    Windows executables' icon, build.spec)."""
    return resource_path("icons", "counter.png")


# --- translations: .ts → .qm --------------------------------------------------------------------
# The .qm format is the one Qt's lrelease writes (qttools/src/linguist/shared/qm.cpp, "save
# everything" mode, its default): a magic number, then tagged sections, big-endian throughout.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_SECTION_HASHES, _SECTION_MESSAGES, _SECTION_NUMERUS_RULES, _SECTION_LANGUAGE = 0x42, 0x69, 0x88, 0xA7
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8
# Plural forms of the languages Counter ships (qttools numerus.cpp): how many, and the rules that
# pick one. Another language fails loudly here until its entry is added.
NUMERUS = {"zh": (1, b""), "en": (2, bytes([0x01, 1]))}  # English: form 0 if n == 1 (Q_EQ 1)


class TranslationSourceError(ValueError):
    """A .ts file this compiler does not understand (the message says what and where)."""


def _elf_hash(data: bytes) -> int:
    h = 0
    for byte in data.split(b"\0", 1)[0]:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _text(element: ET.Element | None, where: str) -> str | None:
    """The plain text of an element (None if absent); markup inside it is not supported."""
    if element is None:
        return None
    if len(element):
        raise TranslationSourceError(f"{where}: <{element[0].tag}> inside <{element.tag}> is not supported")
    return element.text or ""


def _utf16(text: str | None) -> bytes:
    if not text:  # Qt writes a null string (no translation) as length 0xffffffff
        return struct.pack(">I", 0xFFFFFFFF)
    encoded = text.encode("utf-16-be")
    return struct.pack(">I", len(encoded)) + encoded


def _utf8(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _messages(root: ET.Element, forms: int, where: str) -> dict[tuple[bytes, bytes, bytes], list[str]]:
    """(context, source, comment) → translations, for the messages lrelease keeps."""
    parsed: list[tuple[bytes, bytes, bytes, list[str] | None]] = []  # None: not released
    for context in root.iter("context"):
        name = (_text(context.find("name"), where) or "").encode()
        for message in context.iter("message"):
            source = _text(message.find("source"), where) or ""
            here = f"{where}: {name.decode()} / {source[:40]!r}"
            comment = (_text(message.find("comment"), here) or "").encode()
            translation = message.find("translation")
            if translation is None:
                raise TranslationSourceError(f"{here}: no <translation>")
            plural = message.get("numerus") == "yes"
            if plural:
                texts = [_text(form, here) or "" for form in translation.iter("numerusform")]
            else:
                texts = [_text(translation, here) or ""]
            kind = translation.get("type")
            released = kind not in ("obsolete", "vanished") and not (kind == "unfinished" and not any(texts))
            texts = (texts + [""] * forms)[: forms if plural else 1]
            parsed.append((name, source.encode(), comment, texts if released else None))
    # lrelease stores a disambiguating comment only where a message of the same context and source
    # without one exists; elsewhere it stores an empty comment (Qt's lookup retries without it).
    uncommented = {(context, source) for context, source, comment, _ in parsed if not comment}
    result: dict[tuple[bytes, bytes, bytes], list[str]] = {}
    for context, source, comment, texts in parsed:
        if texts is None:
            continue
        stripped = (context, source, b"")
        if comment and context and (context, source) not in uncommented and stripped not in result:
            result[stripped] = texts
        else:
            result.setdefault((context, source, comment), texts)  # the first of duplicates wins
    return result


def ts_to_qm(ts: Path) -> bytes:
    """The compiled translation of the Qt Linguist file ``ts``."""
    try:
        root = ET.parse(ts).getroot()
    except ET.ParseError as error:
        raise TranslationSourceError(f"{ts}: {error}") from error
    language = root.get("language") or ""
    base = language.split("_")[0]
    if base not in NUMERUS:
        raise TranslationSourceError(f"{ts}: language {language!r} has no plural rules in resources.py")
    forms, rules = NUMERUS[base]
    messages = _messages(root, forms, str(ts))

    body = bytearray()
    offsets: list[tuple[int, int]] = []
    for key in sorted(messages):
        context, source, comment = key
        offsets.append((_elf_hash(source + comment), len(body)))
        for text in messages[key]:
            body += bytes([_TAG_TRANSLATION]) + _utf16(text)
        body += bytes([_TAG_COMMENT]) + _utf8(comment)
        body += bytes([_TAG_SOURCE]) + _utf8(source)
        body += bytes([_TAG_CONTEXT]) + _utf8(context)
        body += bytes([_TAG_END])
    hashes = b"".join(struct.pack(">II", h, offset) for h, offset in sorted(offsets))

    def section(tag: int, data: bytes) -> bytes:
        return bytes([tag]) + struct.pack(">I", len(data)) + data

    out = QM_MAGIC + section(_SECTION_LANGUAGE, language.encode())
    if messages:
        out += section(_SECTION_HASHES, hashes) + section(_SECTION_MESSAGES, bytes(body))
    if rules:
        out += section(_SECTION_NUMERUS_RULES, rules)
    return out


def compile_ts(ts: Path, qm: Path) -> Path:
    """Write the compiled ``ts`` to ``qm`` (atomically: a reader never sees half a file)."""
    data = ts_to_qm(ts)
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(prefix=qm.name, suffix=".part", dir=qm.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(scratch, qm)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return qm


def compiled_translation(folder: Path, name: str) -> Path | None:
    """``folder/<name>.qm`` if it exists; else, if ``folder/<name>.ts`` does (a source tree where
    ``make`` has not built the translations), the ``.ts`` compiled into the user's cache folder;
    else None."""
    qm = folder / f"{name}.qm"
    if qm.is_file():
        return qm
    ts = folder / f"{name}.ts"
    if not ts.is_file():
        return None
    import platformdirs  # not at the top: setup.py imports this module without it

    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    cached = Path(platformdirs.user_cache_dir("counter-app", appauthor=False)) / "i18n" / digest / qm.name
    return cached if cached.is_file() else compile_ts(ts, cached)
