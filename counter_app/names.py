"""Helpers for searching people and services by name."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def pinyin_initials(text: str) -> str:
    """``"张三丰"`` → ``"zsf"``: what a clerk types to find a name quickly. Latin letters pass through."""
    # pypinyin loads its dictionaries on import (~0.2 s): only when a name is first indexed.
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return "".join(part[:1] for part in letters if part and part[:1].isascii() and part[:1].isalnum()).lower()
