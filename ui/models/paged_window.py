"""A list read from the core by keyset pages, of which the model holds a window of rows.

The source is a loader ``load(after, limit, deliver, fail)``: it starts reading ``limit`` rows that
come after the cursor ``after`` (None: from the top) elsewhere (a page submits it to the database
thread) and later calls ``deliver(page)`` or ``fail(exception)`` on the UI thread. A page has
``rows``, ``next`` (the cursor after its last row; None after the last row of the list) and ``breaks``
(the cursors after each :attr:`WindowModel.PAGE` rows of it, for a read of several pages at once).
Cursors are opaque here; they stay valid for another read of the same list (same filters and order).

Why a window: a list of 200,000 applications scrolled to the end would hold every row (~140 MB of
rows, before Qt), and Qt's model checks walk every row. So the model holds at most
:attr:`window_rows` rows, in blocks of a page each. Scrolling past the bottom asks for the next page
(``fetchMore``, as Qt's views do) and drops the top block once the window is full; scrolling above
the top asks for the block above again from its remembered cursor (:meth:`fetch_before`, which
``ui/views/applications/scrolling.py`` calls) and drops the bottom block. Only cursors and sizes of
the blocks above the window are kept (a few hundred bytes a page). ``window_moving`` and
``window_moved(added_top, removed_top)`` let a view keep the rows under the clerk's eyes still.

One page is asked for at a time, so none is asked for twice; a page of a source that
:meth:`set_source`/:meth:`set_rows` replaced meanwhile is ignored. Until a new source's first page
arrives the model keeps showing its rows (no empty flash while the clerk types); then they are
replaced at once. A block read again that no longer ends where the window starts (the list changed
meanwhile: a case taken in, or one that left the filter) is spliced in at the window's first row when
that row is among those read; otherwise the window starts again at that block.

UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Signal

from ui.models.rows import Index


class Page(Protocol):
    @property
    def rows(self) -> Sequence[Any]: ...
    @property
    def next(self) -> object | None: ...
    @property
    def breaks(self) -> Sequence[object]: ...


Deliver = Callable[[Any], None]
Fail = Callable[[BaseException], None]
Load = Callable[[object | None, int, Deliver, Fail], object]

FIRST, REFRESH, APPEND, PREPEND = "first", "refresh", "append", "prepend"


@dataclass
class Block:
    start: object | None  # the cursor its rows come after (None: the top of the list)
    size: int


@dataclass(frozen=True, eq=False)
class Ask:
    kind: str
    after: object | None
    limit: int


class WindowModel(QAbstractTableModel):
    PAGE = 200
    WINDOW = 1000  # rows held, in whole blocks; up to two blocks more at the edge just read

    # (first row, row count) of rows now in the model; a first page (0, n) replaced every row.
    page_loaded = Signal(int, int)
    # A page could not be read (the exception); a first page that failed leaves the model empty.
    load_failed = Signal(object)
    # Rows are about to come or go at the window's edges (a view remembers where it is) ...
    window_moving = Signal()
    # ... and did: (rows added above the first row, rows removed from the top).
    window_moved = Signal(int, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.window_rows = self.WINDOW
        self._rows: list[Any] = []
        self._blocks: list[Block] = []  # from the top of the list to the window's last block
        self._first = 0  # the window's first block
        self._base = 0  # rows above the window (as they were counted when read)
        self._next: object | None = None  # the cursor after the window's last row; None: the end
        self._load: Load | None = None
        self._source = 0  # which source a page belongs to; bumped by set_source()/set_rows()
        self._waiting: Ask | None = None  # the read asked for and not yet here
        self._stuck = False  # a read past the window's edges failed: no retry loop from the view
        self._busy = False  # the rows are changing (see _arrived)

    # --- for subclasses -----------------------------------------------------------------------------
    def key_of(self, row: Any) -> Hashable:
        """What identifies ``row`` in the list (the same row read again gives the same key)."""
        return row

    def take_page(self, page: Any) -> None:
        """A page arrived (before its rows go in): keep what else it brings."""

    # --- the source ---------------------------------------------------------------------------------
    def set_source(self, load: Load | None, *, at_least: int = 0) -> None:
        """Start over with ``load`` (None: empty) and ask for its first page; the rows shown stay
        until it arrives. ``at_least`` > 0: the same list read again in place (a refresh): as many
        rows (in whole pages, at most a window) from where the window starts, so the clerk stays
        where they were."""
        self._source += 1
        self._load = load
        self._waiting = None
        self._stuck = False
        if load is None:
            self._replace([], [], 0, 0, None)
            return
        if at_least > 0:
            pages = max(1, -(-at_least // self.PAGE))
            start = self._blocks[self._first].start if self._first < len(self._blocks) else None
            self._ask(Ask(REFRESH, start, min(pages * self.PAGE, max(self.window_rows, self.PAGE))))
        else:
            self._ask(Ask(FIRST, None, self.PAGE))

    def set_rows(self, rows: Sequence[Any]) -> None:
        """A fixed list (no more pages), held whole."""
        self._source += 1
        self._load, self._waiting, self._stuck = None, None, False
        rows = list(rows)
        self._replace(rows, [Block(None, len(rows))], 0, 0, None)

    @property
    def loading(self) -> bool:
        """A page has been asked for and has not arrived yet."""
        return self._waiting is not None

    @property
    def rows_above(self) -> int:
        """How many rows of the list come before the window's first row (as counted when read)."""
        return self._base

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_key(self, key: Hashable) -> int:
        return next((n for n, row in enumerate(self._rows) if self.key_of(row) == key), -1)

    # --- reading ------------------------------------------------------------------------------------
    def _ask(self, ask: Ask) -> None:
        assert self._load is not None
        source = self._source
        self._waiting = ask
        self._load(
            ask.after,
            ask.limit,
            lambda page: self._arrived(source, ask, page),
            lambda error: self._failed(source, ask, error),
        )

    def canFetchMore(self, parent: Index) -> bool:
        return (
            not parent.isValid()
            and self._next is not None
            and self._load is not None
            and not self.loading
            and not self._busy
            and not self._stuck
        )

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._ask(Ask(APPEND, self._next, self.PAGE))

    def can_fetch_before(self) -> bool:
        """Rows of the list lie above the window and may be asked for now."""
        return (
            self._first > 0
            and self._load is not None
            and not self.loading
            and not self._busy
            and not self._stuck
        )

    def fetch_before(self) -> None:
        """Ask for the block above the window again (a page more than it had, in case rows came)."""
        if self.can_fetch_before():
            block = self._blocks[self._first - 1]
            self._ask(Ask(PREPEND, block.start, block.size + self.PAGE))

    def _arrived(self, source: int, ask: Ask, page: Page) -> None:
        if source != self._source or ask is not self._waiting:
            return  # superseded
        self._waiting = None
        self.take_page(page)
        rows = list(page.rows)
        # A view (or the model tester) reacting to the rows coming or going may ask for more at
        # once: not until the window is whole again (a read asked for now would start at a stale
        # cursor); the signals that say it is done come afterwards.
        self._busy = True
        try:
            if ask.kind in (FIRST, REFRESH):
                keep = self._blocks[: self._first] if ask.kind == REFRESH else []
                base = self._base if ask.kind == REFRESH else 0
                self._replace(rows, keep + self._split(ask.after, rows, page), len(keep), base, page.next)
                done: list[tuple[Any, tuple[int, ...]]] = [(self.page_loaded, (0, len(rows)))]
            elif ask.kind == APPEND:
                done = self._append(ask, rows, page)
            else:
                done = self._prepend(ask, rows, page)
        finally:
            self._busy = False
        for signal, args in done:
            signal.emit(*args)

    def _failed(self, source: int, ask: Ask, error: BaseException) -> None:
        if source != self._source or ask is not self._waiting:
            return
        self._waiting = None
        if ask.kind in (FIRST, REFRESH):
            self._replace([], [], 0, 0, None)
        else:
            self._stuck = True  # set_source() starts again
        self.load_failed.emit(error)

    def _split(self, after: object | None, rows: list[Any], page: Page) -> list[Block]:
        """Blocks of a page each for ``rows`` read after ``after`` (the rest in one if the page has
        fewer breaks)."""
        starts = [after, *page.breaks]
        blocks = []
        at = 0
        for n, start in enumerate(starts):
            if at >= len(rows):
                break
            size = len(rows) - at if n == len(starts) - 1 else min(self.PAGE, len(rows) - at)
            blocks.append(Block(start, size))
            at += size
        return blocks

    def _append(self, ask: Ask, rows: list[Any], page: Page) -> list[tuple[Any, tuple[int, ...]]]:
        at = len(self._rows)
        if not rows:
            self._next = page.next
            return [(self.page_loaded, (at, 0))]
        self.window_moving.emit()
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._rows.extend(rows)
        self._blocks.extend(self._split(ask.after, rows, page))
        self._next = page.next
        self.endInsertRows()
        removed = self._trim_top()
        return [(self.window_moved, (0, removed)), (self.page_loaded, (at - removed, len(rows)))]

    def _prepend(self, ask: Ask, rows: list[Any], page: Page) -> list[tuple[Any, tuple[int, ...]]]:
        above = self._first - 1
        old = self._blocks[above]
        keys = [self.key_of(row) for row in rows]
        boundary = self.key_of(self._rows[0]) if self._rows else None
        if boundary not in keys:  # the list changed too much: the window starts again at that block
            blocks = self._blocks[:above] + self._split(ask.after, rows, page)
            self._replace(rows, blocks, above, self._base - old.size, page.next)
            return [(self.page_loaded, (0, len(rows)))]
        count = keys.index(boundary)
        self.window_moving.emit()
        if count:
            self.beginInsertRows(QModelIndex(), 0, count - 1)
            self._rows[:0] = rows[:count]
            self._blocks[above] = Block(old.start, count)
            self._first, self._base = above, self._base - old.size
            self.endInsertRows()
        else:  # every row of that block left the list
            del self._blocks[above]
            self._first, self._base = above, self._base - old.size
        self._trim_bottom()
        return [(self.window_moved, (count, 0))]

    def _trim_top(self) -> int:
        """Drop whole blocks from the top while the window is too long, but neither the newest one nor
        the one before it (the clerk is looking at its end); how many rows went."""
        count, first = 0, self._first
        while len(self._rows) - count > self.window_rows and first < len(self._blocks) - 2:
            count += self._blocks[first].size
            first += 1
        if count:
            self.beginRemoveRows(QModelIndex(), 0, count - 1)
            del self._rows[:count]
            self._first, self._base = first, self._base + count
            self.endRemoveRows()
        return count

    def _trim_bottom(self) -> None:
        """Drop whole blocks from the bottom while the window is too long, but neither the newest
        (first) one nor the one after it (the clerk is looking at its start)."""
        count, last = 0, len(self._blocks)
        while len(self._rows) - count > self.window_rows and last - 1 > self._first + 1:
            last -= 1
            count += self._blocks[last].size
        if count:
            self.beginRemoveRows(QModelIndex(), len(self._rows) - count, len(self._rows) - 1)
            del self._rows[len(self._rows) - count :]
            self._next = self._blocks[last].start
            del self._blocks[last:]
            self.endRemoveRows()

    def _replace(
        self, rows: list[Any], blocks: list[Block], first: int, base: int, next_cursor: object | None
    ) -> None:
        busy, self._busy = self._busy, True  # see _arrived
        try:
            self.beginResetModel()
            self._rows, self._blocks, self._first, self._base = rows, blocks, first, base
            self._next = next_cursor
            self.endResetModel()
        finally:
            self._busy = busy

    # --- QAbstractItemModel -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)
