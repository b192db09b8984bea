"""Step 3 of an intake: the service item's own form, built from its schema, checked as it is typed.

Each value is checked with the core's ``clean_field`` as it changes and the reason shown under the
field; "required" waits until the clerk leaves the field or goes on, and a fixed-length number
(ID number, mobile, credit code) until it is whole. Going on checks the whole form with
``validate_form_all`` and puts the focus on the first field at fault.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from counter_app.catalogue import ServiceItem, clean_field, validate_form_all
from counter_app.errors import ValidationError
from ui.dialogs.fields import MessageLabel, with_message
from ui.i18n import fill
from ui.models.labels import localised
from ui.views.intake import messages
from ui.views.intake.form_fields import FieldEditor, field_label
from ui.views.intake.widgets import heading, hint

FORM_WIDTH = 860  # px: wider fields are harder to read across


class FormPanel(QWidget):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.item: ServiceItem | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.messages: dict[str, MessageLabel] = {}

        self.title = heading(self.tr("Form"))
        self.explanation = hint(self.tr("Fields marked * are required. Each value is checked as you type."))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName(self.tr("Form fields"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.scroll, 1)

    def set_item(self, item: ServiceItem) -> None:
        """Build the form of ``item`` (kept, with what was typed, if it is the same item)."""
        if self.item is not None and self.item.code == item.code:
            return
        self.item = item
        self.title.setText(fill(self.tr("Form: %1"), localised(item.name, item.name_en)))
        self.title.setAccessibleName(self.title.text())
        self.editors, self.messages = {}, {}
        body = QWidget()
        body.setMaximumWidth(FORM_WIDTH)
        column = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(form)
        column.addStretch(1)
        for form_field in item.form:
            editor = FieldEditor(form_field)
            message = MessageLabel(fill(self.tr("%1: problem"), editor.widget.accessibleName()))
            self.editors[form_field.name] = editor
            self.messages[form_field.name] = message
            caption = QLabel(field_label(form_field))
            caption.setBuddy(editor.widget)
            form.addRow(caption, with_message(editor.widget, message))
            editor.on_change(lambda name=form_field.name: self._check(name, final=False))
            editor.on_finish(lambda name=form_field.name: self._check(name, final=True))
        if not item.form:
            form.addRow(hint(self.tr("This service has no form of its own: go on to the materials.")))
        self.scroll.setWidget(body)

    def clear(self) -> None:
        self.item = None
        self.editors, self.messages = {}, {}
        self.scroll.setWidget(QWidget())

    def focus_first(self) -> None:
        if self.editors:
            next(iter(self.editors.values())).widget.setFocus()

    def raw_values(self) -> dict[str, Any]:
        return {name: editor.raw() for name, editor in self.editors.items()}

    def validate(self) -> dict[str, Any] | None:
        """The cleaned form, or None after showing every problem (focus on the first)."""
        assert self.item is not None
        cleaned, errors = validate_form_all(self.item, self.raw_values())
        for label in self.messages.values():
            label.clear_message()
        first: FieldEditor | None = None
        for error in errors:
            name = error.field.removeprefix("form.")
            if name in self.editors:
                self._show(name, error)
                first = first or self.editors[name]
        if first is not None:
            first.widget.setFocus()
            self.scroll.ensureWidgetVisible(first.widget)
            return None
        return cleaned

    def show_refusal(self, error: ValidationError) -> bool:
        """Show a refusal the core raised for one of the fields; False if it names no field here."""
        name = error.field.removeprefix("form.")
        if name not in self.editors:
            return False
        self._show(name, error)
        self.editors[name].widget.setFocus()
        return True

    def _check(self, name: str, *, final: bool) -> None:
        editor = self.editors.get(name)
        if editor is None:
            return
        try:
            clean_field(editor.form_field, editor.raw())
        except ValidationError as exc:
            if not final and (exc.code == "required" or editor.still_typing()):
                self.messages[name].clear_message()
            else:
                self._show(name, exc)
            return
        self.messages[name].clear_message()

    def _show(self, name: str, error: ValidationError) -> None:
        editor = self.editors[name]
        raw = editor.raw()
        text = messages.form_field_error(
            error, editor.form_field, self._today(), raw if isinstance(raw, str) else ""
        )
        self.messages[name].show_message(text)
