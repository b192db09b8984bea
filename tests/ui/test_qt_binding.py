"""The Qt binding itself: faults of a PySide6 release that would bring the app down.

PySide6 6.12.0 on Python 3.11 drops a reference to ``True`` on every ``Signal.emit()`` made from
Python; after a few thousand signals (a working day of a counter) the interpreter aborts with
"Fatal Python error: bool_dealloc". ``pyproject.toml`` keeps that release out; this test says
whether the installed one is sound.

From Python 3.12 ``True``, ``False`` and ``None`` are immortal: their reference counts never move,
so the check cannot fail there and is not run (the suite runs on 3.11, where it can).
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="immortal objects: the reference-count check cannot fail"
)


class Emitter(QObject):
    bare = Signal()
    number = Signal(int)
    anything = Signal(object)
    mapping = Signal(dict)


def test_emitting_signals_keeps_the_reference_counts_of_true_false_and_none(qtbot: QtBot) -> None:
    emitter = Emitter()
    received: list[object] = []
    emitter.anything.connect(received.append)
    emitter.mapping.connect(received.append)
    before = [sys.getrefcount(value) for value in (True, False, None)]
    for _ in range(50):
        emitter.bare.emit()
        emitter.number.emit(1)
        emitter.anything.emit("x")
        emitter.mapping.emit({"verified": True})
    received.clear()
    after = [sys.getrefcount(value) for value in (True, False, None)]
    held = [True, False, None]  # one reference more each: the measure can see a change
    moved = [sys.getrefcount(value) for value in (True, False, None)]
    del held
    assert after == before
    assert moved == [count + 1 for count in after]
