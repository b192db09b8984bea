"""Small building blocks the dialogs share: a labelled field with its message underneath."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b3261e;"


class MessageLabel(QLabel):
    """A message shown under a field or a form; hidden while it has nothing to say."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.setAccessibleName(accessible_name)
        self.setVisible(False)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")

    @property
    def message(self) -> str:
        return self.text() if not self.isHidden() else ""


def line_edit(accessible_name: str, *, password: bool = False, max_length: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(accessible_name)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    if max_length:
        edit.setMaxLength(max_length)
    return edit


def with_message(field: QWidget, message: MessageLabel) -> QWidget:
    """The field with its message directly underneath, as one cell of a form."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return cell
