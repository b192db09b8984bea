"""The citizen's rating view (好差评): five large level buttons, the aspects the citizen found
unsatisfactory as large toggles, a comment and Submit, then a thank-you. Made for a touch screen
facing the citizen: large type, large hit areas, nothing small to aim at.

The clerk does not choose the rating: ``open_rating_view`` opens a rating session in the core
(``counter.ratings.open_session``, audited with the clerk's name), and only what the citizen taps
here is recorded against it (``counter.ratings.submit``, channel ``counter-screen``). The view shows
nothing of the citizen: the service's name and the receipt number only. A view closed without a
rating cancels its session. Widget methods are for the UI thread; the core runs on the database
thread (``ui.workers.Database``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.errors import CounterError, InvalidTransition, NotFound, ValidationError
from counter_app.records import RatingSession
from counter_app.services.ratings import ASPECTS, MAX_COMMENT, RECTIFY_FROM_LEVEL
from ui.i18n import error_text, fill
from ui.models.labels import localised
from ui.models.rectifications_model import aspect_name, level_name
from ui.views.rating.placement import present
from ui.views.rating.widgets import BigToggle
from ui.workers import Database

log = logging.getLogger(__name__)

THANKS_MS = 10_000  # the thank-you stays this long, then the screen is the clerk's again
LEVELS = (1, 2, 3, 4, 5)
# Level -> colour: greens for satisfied, a neutral brown for 基本满意, reds for dissatisfied. The
# chosen button is filled and carries a tick, so colour is never the only sign.
LEVEL_COLOURS = {1: "#1b5e20", 2: "#2e7d32", 3: "#6d4c41", 4: "#c62828", 5: "#8e0000"}
ASPECT_COLOUR = "#0d47a1"

_BASE_STYLE = """
QDialog#rating_view, QWidget#rating_form { background: #f7f7f5; }
QLabel#rating_title { font-size: 34px; font-weight: bold; color: #202124; }
QLabel#rating_case { font-size: 20px; color: #3c4043; }
QLabel#rating_question { font-size: 24px; font-weight: bold; color: #202124; }
QLabel#rating_message { font-size: 20px; color: #a4262c; }
QLabel#rating_thanks { font-size: 44px; font-weight: bold; color: #1b5e20; }
QLabel#rating_thanks_detail { font-size: 24px; color: #3c4043; }
QPlainTextEdit#rating_comment { font-size: 22px; border: 2px solid #9aa0a6; border-radius: 8px;
    background: white; padding: 6px; }
QPushButton#rating_submit { font-size: 28px; font-weight: bold; color: white; background: #1a73e8;
    border: none; border-radius: 12px; padding: 12px 48px; }
QPushButton#rating_submit:disabled { background: #c4c7c5; color: #5f6368; }
QPushButton#rating_skip, QPushButton#rating_done { font-size: 24px; color: #202124; background: white;
    border: 2px solid #9aa0a6; border-radius: 12px; padding: 12px 36px; }
"""


class RatingView(QDialog):
    """See the module's docstring. ``rated(level)`` is emitted once the citizen's rating is recorded;
    ``finished`` (QDialog's) when the view closes. It deletes itself when closed."""

    rated = Signal(int)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        application_id: str,
        parent: QWidget | None = None,
        *,
        close_after_ms: int = THANKS_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rating_view")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Rate our service"))
        self.setStyleSheet(_BASE_STYLE)
        self.db = db
        self.actor = actor
        self.application_id = application_id
        self.close_after_ms = close_after_ms
        self.session: RatingSession | None = None
        self.level: int | None = None
        self.recorded = False
        self.submitting = False
        self.on_second_screen = False

        self.title = self._label(self.tr("Please rate our service"), "rating_title")
        self.case = self._label("", "rating_case")
        self.level_question = self._label(
            self.tr("How satisfied are you with this service?"), "rating_question"
        )
        self.level_group = QButtonGroup(self)
        self.level_group.setExclusive(True)
        self.level_buttons: dict[int, BigToggle] = {}
        for level in LEVELS:
            # Two lines where the name has two words (English), so five equal buttons fit 1366 pixels.
            button = BigToggle(level_name(level).replace(" ", "\n", 1), LEVEL_COLOURS[level], 30, 108)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.toggled.connect(lambda checked, level=level: self._level_toggled(level, checked))
            self.level_group.addButton(button, level)
            self.level_buttons[level] = button
        self.aspect_question = self._label(
            self.tr("What should we improve? (optional, choose any)"), "rating_question"
        )
        self.aspect_buttons: dict[str, BigToggle] = {}
        for aspect in ASPECTS:
            button = BigToggle(aspect_name(aspect), ASPECT_COLOUR, 26, 76)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.aspect_buttons[aspect] = button
        self.comment_label = self._label(
            fill(self.tr("Comments or suggestions (optional, up to %1 characters)"), MAX_COMMENT),
            "rating_question",
        )
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("rating_comment")
        self.comment.setAccessibleName(self.tr("Comments or suggestions"))
        self.comment.setPlaceholderText(self.tr("Tap here to write to us"))
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(88)
        self.comment.textChanged.connect(self._limit_comment)
        self.comment_label.setBuddy(self.comment)
        self.message = self._label("", "rating_message")
        self.message.setAccessibleName(self.tr("Message"))
        self.submit_button = self._button(self.tr("Submit"), "rating_submit")
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self.submit)
        self.skip_button = self._button(self.tr("Do not rate"), "rating_skip")
        self.skip_button.clicked.connect(self.reject)

        self.waiting = self._label(self.tr("One moment, please…"), "rating_question")
        self.problem = self._label("", "rating_message")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem_close = self._button(self.tr("Close"), "rating_done")
        self.problem_close.setMinimumWidth(240)
        self.problem_close.clicked.connect(self.reject)
        self.thanks = self._label(self.tr("Thank you for your rating!"), "rating_thanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_detail = self._label("", "rating_thanks_detail")
        self.thanks_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = self._button(self.tr("Done"), "rating_done")
        self.done_button.setMinimumWidth(240)
        self.done_button.clicked.connect(self.accept)
        self.close_timer = QTimer(self)
        self.close_timer.setSingleShot(True)
        self.close_timer.timeout.connect(self.accept)

        self.pages = QStackedWidget()
        self.waiting_page = self._centred(self.waiting)
        self.form_page = self._form_page()
        self.problem_page = self._centred(self.problem, self.problem_close)
        self.thanks_page = self._centred(self.thanks, self.thanks_detail, self.done_button)
        for page in (self.waiting_page, self.form_page, self.problem_page, self.thanks_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # --- building ---------------------------------------------------------------------------------
    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        if text:
            label.setAccessibleName(text)
        return label

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setMinimumHeight(72)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def _form_page(self) -> QWidget:
        form = QWidget()
        form.setObjectName("rating_form")
        column = QVBoxLayout(form)
        column.setContentsMargins(40, 16, 40, 16)
        column.setSpacing(10)
        column.addWidget(self.title)
        column.addWidget(self.case)
        column.addSpacing(8)
        column.addWidget(self.level_question)
        levels = QHBoxLayout()
        levels.setSpacing(16)
        for button in self.level_buttons.values():
            levels.addWidget(button, 1)
        column.addLayout(levels)
        column.addSpacing(8)
        column.addWidget(self.aspect_question)
        aspects = QGridLayout()
        aspects.setHorizontalSpacing(16)
        for n, button in enumerate(self.aspect_buttons.values()):
            aspects.addWidget(button, 0, n)
        column.addLayout(aspects)
        column.addSpacing(8)
        column.addWidget(self.comment_label)
        column.addWidget(self.comment)
        column.addWidget(self.message)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        column.addLayout(buttons)
        # A small citizen screen scrolls (by finger too) rather than squeezing the buttons.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        return scroll

    def _centred(self, *widgets: QWidget) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(60, 40, 60, 40)
        column.setSpacing(24)
        column.addStretch(1)
        for widget in widgets:
            if isinstance(widget, QPushButton):
                row = QHBoxLayout()
                row.addStretch(1)
                row.addWidget(widget)
                row.addStretch(1)
                column.addLayout(row)
            else:
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
                column.addWidget(widget)
        column.addStretch(1)
        return page

    # --- opening ----------------------------------------------------------------------------------
    def open_session(self, *, second_screen_allowed: bool = True) -> None:
        """Ask the core for a rating session; the view is shown when it is open (on the citizen's
        screen), or on the clerk's screen with the reason when it cannot be opened."""
        self.pages.setCurrentWidget(self.waiting_page)
        actor, application_id = self.actor, self.application_id
        self.db.submit(
            lambda counter: counter.ratings.open_session(actor, application_id),
            lambda session: self._opened(session, second_screen_allowed),
            self._open_failed,
            owner=self,
        )

    def _opened(self, session: RatingSession, second_screen_allowed: bool) -> None:
        self.session = session
        self.case.setText(
            fill(
                self.tr("Service: %1    Receipt number: %2"),
                localised(session.item_name, session.item_name_en),
                session.receipt_no,
            )
        )
        self.case.setAccessibleName(self.case.text())
        self.pages.setCurrentWidget(self.form_page)
        self.on_second_screen = (
            present(self, self.parentWidget(), second_screen_allowed=second_screen_allowed) is not None
        )
        self.level_buttons[1].setFocus()

    def _open_failed(self, error: BaseException) -> None:
        if isinstance(error, InvalidTransition):
            text = self.tr(
                "This application cannot be rated: its result has not been delivered, "
                "or it was rated or withdrawn."
            )
        elif isinstance(error, ValidationError) and error.code == "duplicate":
            text = self.tr("This visit has already been rated.")
        elif isinstance(error, CounterError):
            text = error_text(error)
        else:
            log.exception("opening a rating session failed", exc_info=error)
            text = self.tr("The rating could not be opened. Please try again.")
        self.problem.setText(text)
        self.problem.setAccessibleName(text)
        self.pages.setCurrentWidget(self.problem_page)
        present(self, self.parentWidget(), second_screen_allowed=False)  # the clerk's screen: it is for them

    # --- the citizen's choices --------------------------------------------------------------------
    def _level_toggled(self, level: int, checked: bool) -> None:
        if checked:
            self.level = level
            self.message.clear()
            self.submit_button.setEnabled(not self.submitting)

    def chosen_aspects(self) -> list[str]:
        return [aspect for aspect, button in self.aspect_buttons.items() if button.isChecked()]

    def _limit_comment(self) -> None:
        text = self.comment.toPlainText()
        if len(text) > MAX_COMMENT:
            self.comment.setPlainText(text[:MAX_COMMENT])
            cursor = self.comment.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.comment.setTextCursor(cursor)

    # --- submitting -------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.session is None or self.level is None or self.submitting or self.recorded:
            return
        self.submitting = True
        self.submit_button.setEnabled(False)
        self.submit_button.setText(self.tr("Sending…"))
        token, level = self.session.token, self.level
        aspects, comment = self.chosen_aspects(), self.comment.toPlainText()
        self.db.submit(
            lambda counter: counter.ratings.submit(token, level, aspects, comment),
            lambda _rating: self._recorded(level),
            self._submit_failed,
            owner=self,
        )

    def _recorded(self, level: int) -> None:
        self.submitting = False
        self.recorded = True
        if level >= RECTIFY_FROM_LEVEL:
            detail = self.tr(
                "We are sorry. Your opinion goes to the office's supervisor, who will follow it up."
            )
        else:
            detail = fill(self.tr("Your rating: %1"), level_name(level))
        self.thanks_detail.setText(detail)
        self.thanks_detail.setAccessibleName(detail)
        self.pages.setCurrentWidget(self.thanks_page)
        self.done_button.setFocus()
        self.rated.emit(level)
        if self.close_after_ms > 0:
            self.close_timer.start(self.close_after_ms)

    def _submit_failed(self, error: BaseException) -> None:
        self.submitting = False
        self.submit_button.setText(self.tr("Submit"))
        if isinstance(error, NotFound | InvalidTransition) or (
            isinstance(error, ValidationError) and error.code == "duplicate"
        ):
            # The session ended (the app restarted its profile, or the visit was rated meanwhile).
            self.session = None
            self.problem.setText(self.tr("This rating can no longer be given here. Please ask the clerk."))
            self.pages.setCurrentWidget(self.problem_page)
            return
        if isinstance(error, CounterError):
            self.message.setText(error_text(error))
        else:
            log.exception("recording a rating failed", exc_info=error)
            self.message.setText(self.tr("Your rating could not be saved. Please try again."))
        self.submit_button.setEnabled(self.level is not None)

    # --- closing ----------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Closing without a rating ends the session (audited), so it cannot be used later."""
        self.close_timer.stop()
        if self.session is not None and not self.recorded and not self.submitting:
            token = self.session.token
            self.session = None
            self.db.submit(
                lambda counter: counter.ratings.cancel_session(token),
                on_error=lambda error: log.warning("cancelling a rating session failed: %s", error),
            )
        super().done(result)


def open_rating_view(
    db: Database,
    actor: Actor,
    application_id: str,
    parent: QWidget,
    *,
    close_after_ms: int = THANKS_MS,
    second_screen_allowed: bool = True,
) -> RatingView:
    """Open the citizen's rating view for a delivered (or refused) application: full screen on a
    second monitor when one is attached, else maximised on the clerk's screen. The view shows itself
    once the core has opened the rating session; ``rated(level)`` says the rating was recorded,
    ``finished`` that the view closed (it deletes itself). Call on the UI thread."""
    view = RatingView(db, actor, application_id, parent, close_after_ms=close_after_ms)
    view.open_session(second_screen_allowed=second_screen_allowed)
    return view
