"""The citizen's rating view (好差评) on the counter screen facing the citizen."""

from __future__ import annotations

from ui.views.rating.placement import citizen_screen
from ui.views.rating.view import RatingView, open_rating_view

__all__ = ["RatingView", "citizen_screen", "open_rating_view"]
