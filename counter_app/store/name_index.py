"""Finding applicants by any part of their name or of its pinyin initials, without reading them all.

Migration v8 keeps two indexes of two-character pieces ("grams"): ``applicant_name_grams`` (gram,
initials, name) for every distinct name, ``applicant_initials_grams`` (gram, initials) for every
distinct set of initials; triggers keep them in step with ``applicants`` (a name or initials no
applicant has any more leaves them). A gram is taken at every position of the text as LIKE compares
it (``lower()``: ASCII letters folded, as LIKE folds them), the last position giving one character.

A match for ``q`` means exactly ``name LIKE '%q%'`` (or ``name_initials LIKE '%q%'``): whatever
contains ``q`` has ``q``'s first gram among its grams, so that gram narrows the distinct names (a
few hundred at most among 1,000,000 people) and LIKE on those decides. A one-character ``q`` is the
first character of a gram: a range of the index.

Searches list applicants in the list's applicant order: initials, name, id (the tie-breaker, so
that the first ``limit`` are well defined). Every name in the index has an applicant, so the first
``limit`` applicants are among those of the first ``limit`` matching names: :meth:`NameMatch.keys`
chooses those names from the index alone, :meth:`NameMatch.of_key` reads their applicants, name by
name, through ``applicants_name_order`` (name_initials, name, id), stopping at ``limit``. A
one-character search sorts its distinct names first (王: some 27,000 among a million people).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from counter_app.store.db import Store

_LAST_CHARACTER = "char(1114111)"  # U+10FFFF: no gram sorts after its first character followed by it


# The grams of the applicants inserted after rowid ``?``, as the insert trigger adds them one by one.
_NEW_NAME_GRAMS = (
    "INSERT OR IGNORE INTO applicant_name_grams (gram, initials, name)"
    " SELECT substr(lower(p.name), g.n, 2), p.name_initials, p.name"
    " FROM applicants p JOIN name_gram_positions g ON g.n <= length(p.name) WHERE p.rowid > ?"
)
_NEW_INITIALS_GRAMS = (
    "INSERT OR IGNORE INTO applicant_initials_grams (gram, initials)"
    " SELECT substr(lower(p.name_initials), g.n, 2), p.name_initials"
    " FROM applicants p JOIN name_gram_positions g ON g.n <= length(p.name_initials) WHERE p.rowid > ?"
)


def insert_applicants(store: Store, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """``executemany(sql, rows)`` of new applicants, inside the caller's transaction, with their
    names indexed together afterwards: the index rows the insert trigger writes, in one statement
    per gram table instead of two per applicant (schema v9: the trigger stands aside while
    ``name_index_deferred`` holds its row, which no other connection ever sees). A new row's rowid
    is above every earlier one's (``applicants`` never sets it), so the rows just inserted are those
    above the largest before."""
    before = store.scalar("SELECT coalesce(max(rowid), 0) FROM applicants")
    store.execute("INSERT INTO name_index_deferred (id) VALUES (1)")
    try:
        store.executemany(sql, rows)
    finally:
        store.execute("DELETE FROM name_index_deferred")
    store.execute(_NEW_NAME_GRAMS, (before,))
    store.execute(_NEW_INITIALS_GRAMS, (before,))


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` escaped (``ESCAPE '\\'``)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _gram_condition(column: str, text: str, param: str) -> str:
    """The rows of a gram index whose gram may start an occurrence of ``text`` (non-empty), as SQL
    SQLite answers from the index (the text is folded by SQLite's own ``lower()``)."""
    if len(text) >= 2:
        return f"{column} = substr(lower(:{param}), 1, 2)"
    return f"{column} BETWEEN lower(:{param}) AND lower(:{param}) || {_LAST_CHARACTER}"


@dataclass(frozen=True)
class NameMatch:
    """One match's SQL over the index ``g`` and ``applicants p``."""

    source: str  # the gram index, as ``g``
    where: str  # the condition on ``g``
    key_columns: tuple[str, ...]  # the columns of ``g`` that name matching applicants
    params: dict[str, Any]

    def _join(self) -> str:
        return " AND ".join(f"p.{column} = g.{name}" for column, name in self._pairs())

    def _pairs(self) -> list[tuple[str, str]]:
        return [("name_initials" if key == "initials" else key, key) for key in self.key_columns]

    def applicants(self, columns: str) -> str:
        """``SELECT columns`` of every matching applicant (``p``), in no particular order."""
        join = self._join()
        return f"SELECT {columns} FROM {self.source} CROSS JOIN applicants p ON {join} WHERE {self.where}"

    def keys(self) -> str:
        """The first ``:limit`` matching keys (initials and name, or initials), in name order."""
        keys = ", ".join(f"g.{key}" for key in self.key_columns)
        return f"SELECT DISTINCT {keys} FROM {self.source} WHERE {self.where} ORDER BY {keys} LIMIT :limit"

    def of_key(self, columns: str) -> str:
        """``SELECT columns`` of the applicants with one key (positional parameters, in the order of
        :meth:`keys`, then the limit), in name order."""
        equal = " AND ".join(f"{column} = ?" for column, _ in self._pairs())
        return f"SELECT {columns} FROM applicants WHERE {equal} ORDER BY name, id LIMIT ?"


def by_name(text: str, param: str = "q") -> NameMatch:
    """Applicants whose name contains ``text`` (non-empty) as ``name LIKE '%text%'`` sees it."""
    return NameMatch(
        source="applicant_name_grams g",
        where=f"{_gram_condition('g.gram', text, param)} AND g.name LIKE :{param}_like ESCAPE '\\'",
        key_columns=("initials", "name"),
        params={param: text, f"{param}_like": like_pattern(text)},
    )


def by_initials(text: str, param: str = "q") -> NameMatch:
    """Applicants whose pinyin initials contain ``text`` (non-empty) as ``name_initials LIKE
    '%text%'`` sees it."""
    return NameMatch(
        source="applicant_initials_grams g",
        where=f"{_gram_condition('g.gram', text, param)} AND g.initials LIKE :{param}_like ESCAPE '\\'",
        key_columns=("initials",),
        params={param: text, f"{param}_like": like_pattern(text)},
    )
