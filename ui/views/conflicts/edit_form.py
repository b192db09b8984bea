"""The "Edit and keep" form: a box for each field in conflict that may be edited, filled with this counter's
value, and under each the core's reason when it refuses what was typed.

Which fields may be edited is the core's rule (``counter_app.services.conflicts.check_edits``: never
an immutable field, nor one only a lifecycle step changes); the form asks it rather than keeping a
list of its own. A choice field is a list of its choices; anything else is typed as text and read
by the core as its field's kind (JSON for objects and lists). UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.entity_fields import FIELDS_BY_NAME, Kind
from counter_app.errors import ValidationError
from counter_app.records import ConflictField, SyncConflict
from counter_app.services.conflicts import check_edits
from ui.i18n import fill
from ui.views.conflicts.labels import choice_text, edit_text, field_label, value_text
from ui.views.intake.widgets import hint, named

ERROR_STYLE = "color: #a4262c;"
# The core's codes for a field no edit may set, whatever its value.
NOT_EDITABLE = frozenset({"immutable", "lifecycle", "not_in_conflict", "unknown_field"})


def editable_fields(conflict: SyncConflict) -> list[ConflictField]:
    """The fields in conflict that "edit and keep" may set (the core's rule, asked with this
    counter's own value: the field's own checks come after whether it may be set at all)."""
    fields = []
    for row in conflict.fields:
        if not row.in_conflict:
            continue
        try:
            check_edits(conflict.entity, list(conflict.conflict_fields), {row.name: row.local})
        except ValidationError as error:
            if error.code in NOT_EDITABLE and error.field == row.name:
                continue
        fields.append(row)
    return fields


class EditForm(QWidget):
    """``submitted(texts)``: the typed values by field name (Ctrl+Enter or the button);
    ``cancelled()``: Escape or the button."""

    submitted = Signal(dict)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity = ""
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.intro = hint(
            self.tr(
                "The change goes to the platform at the next sync with these values, on top of "
                "the platform's version."
            )
        )
        self.fields = QFormLayout()
        self.save_button = named(QPushButton(self.tr("Save and keep (Ctrl+Enter)")), self.tr("Save and keep"))
        self.cancel_button = named(QPushButton(self.tr("Cancel (Esc)")), self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(self.fields)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        # Only while the focus is in the form: Escape elsewhere on the page is not a cancel.
        for keys, act in (("Ctrl+Return", self.submit), ("Ctrl+Enter", self.submit), ("Escape", self.cancel)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(act)

    def set_conflict(self, conflict: SyncConflict, fields: list[ConflictField]) -> None:
        """One box per field, filled with this counter's value; the first one takes the focus."""
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.entity = conflict.entity
        self.editors, self.errors = {}, {}
        for row in fields:
            label = field_label(conflict.entity, row.name)
            editor = self._editor(row, label)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setAccessibleName(label)
            error.setVisible(False)
            platform = hint(
                fill(self.tr("The platform: %1"), value_text(conflict.entity, row.name, row.platform))
            )
            platform.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            line = QHBoxLayout()
            line.addWidget(editor)
            line.addWidget(platform, 1)
            column.addLayout(line)
            column.addWidget(error)
            self.fields.addRow(fill(self.tr("%1:"), label), box)
            self.editors[row.name], self.errors[row.name] = editor, error
        self.focus_first()

    def _editor(self, row: ConflictField, label: str) -> QLineEdit | QComboBox:
        field = FIELDS_BY_NAME[self.entity][row.name]
        if field.kind == Kind.CHOICE:
            combo = named(QComboBox(), label)
            if not field.required:
                combo.addItem("", "")
            for choice in field.choices:
                combo.addItem(choice_text(row.name, choice), choice)
            combo.setMinimumWidth(200)
            combo.setCurrentIndex(max(combo.findData(row.local if row.local is not None else ""), 0))
            return combo
        edit = named(QLineEdit(edit_text(row.local)), label)
        edit.setMinimumWidth(320)
        edit.setMaximumWidth(480)
        edit.returnPressed.connect(self.submit)
        return edit

    def focus_first(self) -> None:
        if self.editors:
            next(iter(self.editors.values())).setFocus()

    def texts(self) -> dict[str, str]:
        return {
            name: str(editor.currentData()) if isinstance(editor, QComboBox) else editor.text()
            for name, editor in self.editors.items()
        }

    def submit(self) -> None:
        if self.isVisible() and self.save_button.isEnabled() and self.editors:
            self.submitted.emit(self.texts())

    def cancel(self) -> None:
        if self.cancel_button.isEnabled():
            self.cancelled.emit()

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)

    def show_error(self, name: str, text: str) -> bool:
        """Show ``text`` under the box of field ``name`` and put the focus there (False: no such box)."""
        label = self.errors.get(name)
        if label is None:
            return False
        label.setText(text)
        label.setVisible(True)
        self.editors[name].setFocus()
        return True
