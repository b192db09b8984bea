"""The catalogue page (事项): browse the active catalogue's service items and their details."""

from __future__ import annotations

from ui.views.catalogue.view import CatalogueView

__all__ = ["CatalogueView"]
