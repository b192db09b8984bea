"""The applications page's rating step: the citizen's rating view, one at a time.

Opening a rating session ends the one opened before it (``counter.ratings.open_session``), so a second
view would leave the first on the citizen's screen, dead: a citizen who rates on it is told to ask
the clerk. While a view is open, Rate brings that view to the front instead of opening another. UI
thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from counter_app.accounts import Actor
from ui.views.rating import RatingView, open_rating_view
from ui.workers import Database


class RatingStep(QObject):
    """``rated`` follows a rating the citizen gave on the view this step opened."""

    rated = Signal()

    def __init__(self, db: Database, actor: Actor, page: QWidget) -> None:
        super().__init__(page)
        self.db = db
        self.actor = actor
        self.page = page
        self.view: RatingView | None = None  # the view open now

    def open_for(self, application_id: str) -> RatingView:
        """The rating view for ``application_id``; when a view is open already (for this application
        or another), that one, brought to the front."""
        view = self.view
        if view is not None:
            if view.isVisible():  # else it shows itself once its session is open
                view.raise_()
                view.activateWindow()
            return view
        view = open_rating_view(self.db, self.actor, application_id, self.page)
        view.rated.connect(lambda _level: self.rated.emit())
        view.finished.connect(lambda _result: self._closed(view))
        self.view = view
        return view

    def _closed(self, view: RatingView) -> None:
        if self.view is view:
            self.view = None
