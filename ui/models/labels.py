"""Words for the core's values that lists and forms show: sexes, applicant kinds, and the
catalogue's own two-language texts (Chinese, with an English ``*_en`` twin). An application's
statuses, steps and sync states have theirs in ``ui/models/case_labels.py``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from counter_app.catalogue import ITEM_TYPES, TIME_UNITS

translate = QCoreApplication.translate


def chinese_shown() -> bool:
    """True when the screen shows Simplified Chinese (the default locale is set at start-up)."""
    return QLocale().language() == QLocale.Language.Chinese


def localised(chinese: str, english: str) -> str:
    """The catalogue's Chinese text, or its English twin when the screen is in English."""
    return chinese if chinese_shown() or not english else english


def comma() -> str:
    """The comma between facts: full-width in Chinese."""
    return "，" if chinese_shown() else ", "


def enumerate_names(names: list[str]) -> str:
    """Names in a list: 居民户口簿、银行卡 / household register, bank card."""
    return ("、" if chinese_shown() else ", ").join(names)


def pair(words: tuple[str, str]) -> str:
    """One of the catalogue module's ``(Chinese, English)`` name pairs."""
    return localised(*words)


def sex_name(sex: str | None) -> str:
    if sex == "male":
        return translate("Labels", "Male")
    if sex == "female":
        return translate("Labels", "Female")
    return ""


def applicant_kind_name(kind: str) -> str:
    if kind == "organisation":
        return translate("Labels", "Organisation")
    return translate("Labels", "Person")


def item_type_name(code: str) -> str:
    return pair(ITEM_TYPES[code]) if code in ITEM_TYPES else code


def time_limit_text(value: int, unit: str) -> str:
    if value == 0:
        return translate("Labels", "On the spot")
    unit_name = pair(TIME_UNITS[unit]) if unit in TIME_UNITS else unit
    return f"{value} {unit_name}" if not chinese_shown() else f"{value}个{unit_name}"
