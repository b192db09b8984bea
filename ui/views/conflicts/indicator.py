"""The status bar's word about conflicts: "2 conflicts · 1 rejected", shown only while there are
any; a click asks for the conflicts page (``open_requested``).

It reads nothing itself: the main window hands it the profile's status each time it reads one
(``show_status``), so the counts come with the status bar's own refresh. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from counter_app.services.admin import Status

# Amber like the main window's warnings: something waits for a person, nothing is broken.
STYLE = (
    "QPushButton { color: #5c3c00; background: #fff4ce; border: 1px solid #e0b000; "
    "border-radius: 3px; padding: 1px 8px; } QPushButton:hover { background: #ffe9a8; }"
)


class ConflictIndicator(QPushButton):
    """``open_requested()``: the user clicked it (show the conflicts page)."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_indicator")
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # like the status bar's other buttons
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Sync conflicts"))
        self.conflicts = 0
        self.rejected = 0
        self.clicked.connect(self.open_requested)
        self.setVisible(False)

    def show_status(self, status: Status) -> None:
        self.show_counts(status.conflicts, status.rejected_waiting)

    def show_counts(self, conflicts: int, rejected: int) -> None:
        """Open conflicts and rejected operations not yet acknowledged; hidden when both are 0."""
        self.conflicts, self.rejected = conflicts, rejected
        parts = []
        if conflicts:
            parts.append(self.tr("%n conflict(s)", "", conflicts))
        if rejected:
            parts.append(self.tr("%n rejected", "", rejected))
        self.setText("⚠ " + " · ".join(parts) if parts else "")
        self.setToolTip(
            self.tr(
                "Changes the platform did not take wait for a supervisor's decision. Click to open "
                "the conflicts page."
            )
        )
        self.setVisible(bool(parts))
