"""Helpers for searching people and services by name."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Any


# A small cache: a plain name takes ~2.5 µs uncached, about what a cache lookup and its upkeep cost,
# so it serves only names that go through pypinyin itself. It used to hold 65,536 names (~14 MB at
# 213 bytes a name), which a counter that runs for days fills a name per application.
@lru_cache(maxsize=4096)
def pinyin_initials(text: str) -> str:
    """``"张三丰"`` → ``"zsf"``: what a clerk types to find a name quickly. Latin letters pass through.

    Exactly what pypinyin's ``lazy_pinyin`` gives (first letters), faster for most names: a text of
    Chinese characters none of whose pieces is one of pypinyin's phrases (张三丰, 王秀英: most names)
    is read character by character, each character's letter kept once; anything else (a phrase such
    as 长安 read as a whole, Latin letters, a middle dot) goes through ``lazy_pinyin`` itself.
    ``tests/core/test_names.py`` compares the two over every character and many names."""
    if _plain_characters(text):
        return "".join(_letter(character) for character in text)
    return _by_pypinyin(text)


def _by_pypinyin(text: str) -> str:
    # pypinyin loads its dictionaries on import (~0.2 s): only when a name is first indexed.
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return "".join(part[:1] for part in letters if part and part[:1].isascii() and part[:1].isalnum()).lower()


@cache
def _letter(character: str) -> str:
    """One Chinese character's first letter as ``lazy_pinyin`` reads it alone: the first letter of
    its first reading without the tone mark (``tests/core/test_names.py`` checks all ~42,000)."""
    reading = _dictionaries()[1][ord(character)].split(",", 1)[0]
    letter = unicodedata.normalize("NFD", reading)[:1]
    return letter.lower() if letter.isascii() and letter.isalnum() else ""


@cache
def _dictionaries() -> tuple[dict[str, Any], dict[int, str]]:
    """pypinyin's phrases and single readings (loaded on first use: ~0.2 s)."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    return PHRASES_DICT, PINYIN_DICT


def _plain_characters(text: str) -> bool:
    """Every character has a reading of its own and no two or more together are a phrase: then
    pypinyin's segmentation splits the text into single characters, each read alone."""
    phrases, readings = _dictionaries()
    if not text or any(ord(character) not in readings for character in text):
        return False
    length = len(text)
    return not any(
        text[start:end] in phrases for start in range(length - 1) for end in range(start + 2, length + 1)
    )
