"""Pinyin initials: the fast reading agrees with pypinyin's own, name for name."""

from __future__ import annotations

import random

import pytest
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from counter_app.names import _by_pypinyin, pinyin_initials
from counter_app.people import PeopleGenerator


def _agree(texts: list[str]) -> list[tuple[str, str, str]]:
    return [(t, pinyin_initials(t), _by_pypinyin(t)) for t in texts if pinyin_initials(t) != _by_pypinyin(t)]


def test_generated_names_read_as_pypinyin_reads_them() -> None:
    names = [person.name for person in PeopleGenerator(20261204).people(5000)]
    assert len(set(names)) > 1000
    assert _agree(names) == []


def test_every_character_reads_as_pypinyin_reads_it() -> None:
    characters = [chr(code) for code in PINYIN_DICT]
    assert len(characters) > 40_000
    assert _agree(characters) == []


def test_any_characters_together_read_as_pypinyin_reads_them() -> None:
    rng = random.Random(7)
    characters = [chr(code) for code in PINYIN_DICT]
    texts = ["".join(rng.choice(characters) for _ in range(rng.randint(1, 5))) for _ in range(5000)]
    assert _agree(texts) == []


def test_phrases_are_read_as_a_whole() -> None:
    phrases = list(PHRASES_DICT)[::200]
    assert _agree(phrases) == []
    assert pinyin_initials("长安") == _by_pypinyin("长安")


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("张三丰", "zsf"),
        ("王秀英", "wxy"),
        ("阿依古丽·买买提", "aygl" + "mmt"),
        ("张三A", "zsa"),
        ("Li Lei", "lilei"),
        ("", ""),
    ],
)
def test_examples(text: str, initials: str) -> None:
    assert pinyin_initials(text) == initials
    assert _by_pypinyin(text) == initials
