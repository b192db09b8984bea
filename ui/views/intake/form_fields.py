"""One editor per form-field type of the catalogue (``counter_app.catalogue.FIELD_TYPES``).

Numbers and dates are typed as text, not picked from spin or date boxes: those would silently
clamp a value out of range, where the clerk should see why it is refused. Adding a field type:
``FIELD_TYPES`` and ``_clean_value`` in the core, then an editor here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from counter_app.catalogue import FormField
from ui.i18n import fill
from ui.models.labels import localised
from ui.views.intake.card_reader import TAKES_CARD_READS
from ui.views.intake.widgets import named

translate = QCoreApplication.translate

# Types whose value has a fixed length: a shorter value is still being typed, not wrong yet.
FIXED_LENGTH = {"resident_id": 18, "uscc": 18, "mobile": 11}
TEXTAREA_HEIGHT = 64


def field_label(form_field: FormField) -> str:
    label = localised(form_field.label, form_field.label_en)
    return f"{label} *" if form_field.required else label


class FieldEditor:
    """The widget for one form field, with its raw value as ``clean_field`` takes it."""

    def __init__(self, form_field: FormField) -> None:
        self.form_field = form_field
        self.widget = self._create()
        name = localised(form_field.label, form_field.label_en)
        help_text = localised(form_field.help, form_field.help_en)
        named(self.widget, name, help_text)
        self.widget.setObjectName(f"form_{form_field.name}")
        if help_text:
            self.widget.setToolTip(help_text)

    def _create(self) -> QWidget:
        field, kind = self.form_field, self.form_field.type
        if kind == "textarea":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(TEXTAREA_HEIGHT)
            return edit
        if kind == "choice":
            combo = QComboBox()
            combo.addItem(translate("FormFields", "— choose —"), None)
            for choice in field.choices:
                combo.addItem(localised(choice.label, choice.label_en), choice.value)
            return combo
        if kind == "bool":
            return QCheckBox(translate("FormFields", "Yes"))
        edit = QLineEdit()
        if field.max_length:
            edit.setMaxLength(field.max_length)
        elif kind in FIXED_LENGTH:
            edit.setMaxLength(FIXED_LENGTH[kind] + 2)  # room for a stray space the core strips
        if kind == "resident_id":
            edit.setProperty(TAKES_CARD_READS, True)
        edit.setPlaceholderText(self._placeholder())
        return edit

    def _placeholder(self) -> str:
        field, kind = self.form_field, self.form_field.type
        if kind == "date":
            text = translate("FormFields", "YYYY-MM-DD")
        elif kind == "resident_id":
            text = translate("FormFields", "18 characters, or read the ID card")
        elif kind == "mobile":
            text = translate("FormFields", "11 digits")
        elif kind == "uscc":
            text = translate("FormFields", "18 characters")
        else:
            text = ""
        if kind in ("integer", "decimal", "date") and (field.min is not None or field.max is not None):
            if field.min is not None and field.max is not None:
                bounds = fill(translate("FormFields", "%1 to %2"), field.min, field.max)
            elif field.min is not None:
                bounds = fill(translate("FormFields", "from %1"), field.min)
            else:
                bounds = fill(translate("FormFields", "up to %1"), field.max)
            text = f"{text} ({bounds})" if text else bounds
        return text

    # --- the value ----------------------------------------------------------------------------------------
    def raw(self) -> Any:
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_raw(self, value: Any) -> None:
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(None if value is None else str(value))
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    def still_typing(self) -> bool:
        """True while a fixed-length value is shorter than its length."""
        length = FIXED_LENGTH.get(self.form_field.type)
        raw = self.raw()
        return bool(length) and isinstance(raw, str) and len("".join(raw.split())) < (length or 0)

    def on_change(self, callback: Callable[[], None]) -> None:
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(callback)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: callback())
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _checked: callback())
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: callback())

    def on_finish(self, callback: Callable[[], None]) -> None:
        if isinstance(self.widget, QLineEdit):
            self.widget.editingFinished.connect(callback)
