"""The language a notice is printed in, which need not be the language the clerk's screen shows.

A statutory notice is a document of the Chinese administration: it is issued in Simplified Chinese
whatever language the desktop shows (``NoticeWords()``). An English rendering exists for reading
along (``NoticeWords(ENGLISH)``). The wording lives in the "Notice" context of the usual ``.ts``
files, with English source strings like every other text of the UI; this class loads the ``.qm``
of the notice's language on its own, beside (not instead of) the application's translators.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QTranslator

from ui.i18n import CHINESE, ENGLISH, locale_for, qm_path


class NoticeWords:
    """Translate notice wording into one language. Create and use on one thread (a PDF written on a
    pool thread makes its own)."""

    def __init__(self, language: str = CHINESE, directory: Path | None = None) -> None:
        self.language = language
        self.locale = locale_for(language)
        self._translator = QTranslator()
        path = qm_path(language, directory)
        # Without the .qm, fall back to the application's translators (and so to the source).
        self._loaded = language != ENGLISH and self._translator.load(path.stem, str(path.parent))

    @property
    def loaded(self) -> bool:
        """True if the words come from this language's own translation file."""
        return self._loaded or self.language == ENGLISH

    def translate(self, context: str, source: str, disambiguation: str | None = None) -> str:
        if self._loaded:
            text = self._translator.translate(context, source, disambiguation)
            if text:
                return text
        if self.language == ENGLISH:
            return source
        return QCoreApplication.translate(context, source, disambiguation)

    def date(self, day: date) -> str:
        """``2026年11月24日`` in Chinese, ``24 November 2026`` in English."""
        pattern = self.translate("Notice", "d MMMM yyyy", "date format of notices (QDate::toString)")
        return self.locale.toString(QDate(day.year, day.month, day.day), pattern)
