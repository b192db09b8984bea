"""Where the citizen's rating view goes: full screen on a second monitor when one is attached (the one
facing the citizen), otherwise a maximised window on the clerk's screen, which the clerk turns round.

Call on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


class ScreenLike(Protocol):
    def geometry(self) -> QRect: ...


S = TypeVar("S", bound=ScreenLike)


def citizen_screen(screens: Sequence[S], main_screen: S | None) -> S | None:
    """The first screen that is not the main window's, or None when there is no other. A screen
    showing the same area as the main one (a cloned display) shows the same picture: not another."""
    for screen in screens:
        if screen is main_screen:
            continue
        if main_screen is not None and screen.geometry() == main_screen.geometry():
            continue
        return screen
    return None


def main_window_screen(parent: QWidget | None) -> QScreen | None:
    if parent is not None:
        return parent.window().screen()
    return QGuiApplication.primaryScreen()


def present(view: QWidget, parent: QWidget | None, *, second_screen_allowed: bool = True) -> QScreen | None:
    """Show ``view`` where the citizen can use it; returns the second screen it went to, or None when
    it is shown on the clerk's screen."""
    main = main_window_screen(parent)
    target = citizen_screen(QGuiApplication.screens(), main) if second_screen_allowed else None
    if target is None:
        if main is not None:
            view.setScreen(main)
            view.setGeometry(main.availableGeometry())
        view.showMaximized()
        view.raise_()
        view.activateWindow()
        return None
    # The geometry first: a window shown full screen fills the screen its geometry lies on.
    view.setScreen(target)
    view.setGeometry(target.geometry())
    view.showFullScreen()
    view.raise_()
    return target
