"""This computer's view preferences: large text, language, minutes until the idle lock.

They belong to the machine at the counter, not to the office's data, so they live in ``QSettings``
(organisation ``Counter``, application ``counter-app``) and are never synced. Tests and portable
installs pass their own ``QSettings`` (e.g. ``QSettings(path, QSettings.Format.IniFormat)``);
``Preferences()`` without one keeps the values in memory only.

Adding a preference: a key constant, a property with its default, the place that applies it
(usually ``ui.app.AppController``), and a test in ``tests/ui/test_view_options.py``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont

from ui.i18n import normalise_language
from ui.idle import DEFAULT_IDLE_LOCK_MINUTES, MS_PER_MINUTE

ORGANISATION = "Counter"
APPLICATION = "counter-app"
LARGE_TEXT_SCALE = 1.3

LARGE_TEXT_KEY = "view/large_text"
LANGUAGE_KEY = "view/language"
IDLE_LOCK_MINUTES_KEY = "session/idle_lock_minutes"


def scaled_font(normal: QFont, large: bool) -> QFont:
    """``normal``, or ``normal`` enlarged by ``LARGE_TEXT_SCALE`` for the large-text mode."""
    font = QFont(normal)
    if large:
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * LARGE_TEXT_SCALE)
        else:  # a pixel-sized font
            font.setPixelSize(round(font.pixelSize() * LARGE_TEXT_SCALE))
    return font


class Preferences:
    """Typed access to the view preferences. Call on the UI thread."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings
        self._memory: dict[str, Any] = {}

    @classmethod
    def for_this_machine(cls) -> Preferences:
        scope = QSettings.Scope.UserScope
        return cls(QSettings(QSettings.Format.IniFormat, scope, ORGANISATION, APPLICATION))

    def _value(self, key: str, default: Any, kind: type) -> Any:
        if self._settings is None:
            return self._memory.get(key, default)
        try:
            return self._settings.value(key, default, type=kind)
        except (TypeError, ValueError):  # a hand-edited file: fall back rather than fail to start
            return default

    def _store(self, key: str, value: Any) -> None:
        if self._settings is None:
            self._memory[key] = value
            return
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def large_text(self) -> bool:
        return bool(self._value(LARGE_TEXT_KEY, False, bool))

    @large_text.setter
    def large_text(self, on: bool) -> None:
        self._store(LARGE_TEXT_KEY, bool(on))

    @property
    def language(self) -> str | None:
        """The language chosen in the View menu (``"zh_CN"``/``"en"``), None when never chosen."""
        return normalise_language(self._value(LANGUAGE_KEY, "", str))

    @language.setter
    def language(self, language: str) -> None:
        self._store(LANGUAGE_KEY, language)

    @property
    def idle_lock_minutes(self) -> float:
        """Minutes without input before the main window locks; 0 turns the idle lock off."""
        minutes = self._value(IDLE_LOCK_MINUTES_KEY, DEFAULT_IDLE_LOCK_MINUTES, float)
        return max(float(minutes), 0.0)

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: float) -> None:
        self._store(IDLE_LOCK_MINUTES_KEY, float(minutes))

    @property
    def idle_lock_ms(self) -> int:
        return round(self.idle_lock_minutes * MS_PER_MINUTE)
