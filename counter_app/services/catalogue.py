"""The service catalogue in use on this counter: install a version, look items up."""

from __future__ import annotations

from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.calendar import WorkingCalendar
from counter_app.catalogue import Catalogue, ServiceItem, catalogue_to_dict, check_successor, parse_catalogue
from counter_app.errors import NotFound
from counter_app.services.context import Context


class CatalogueService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._parsed: dict[str, Catalogue] = {}
        self._calendar: tuple[str, WorkingCalendar] | None = None

    def active(self) -> Catalogue:
        row = self.ctx.catalogues.active()
        if row is None:
            raise NotFound("catalogue", "active")
        version, _etag, document = row
        if version not in self._parsed:
            self._parsed[version] = parse_catalogue(document)
        return self._parsed[version]

    def version(self, version: str) -> Catalogue:
        """The catalogue an application was taken under (kept for as long as it is referenced)."""
        if version not in self._parsed:
            document = self.ctx.catalogues.document(version)
            if document is None:
                raise NotFound("catalogue", version)
            self._parsed[version] = parse_catalogue(document)
        return self._parsed[version]

    def item(self, code: str, version: str | None = None) -> ServiceItem:
        return (self.version(version) if version else self.active()).item(code)

    def calendar(self) -> WorkingCalendar:
        """The official working-day calendar with the overrides published with the active catalogue."""
        catalogue = self.active()
        if self._calendar is None or self._calendar[0] != catalogue.version:
            self._calendar = (catalogue.version, WorkingCalendar(overrides=catalogue.calendar_overrides))
        return self._calendar[1]

    def install(self, actor: Actor, document: dict[str, Any]) -> Catalogue:
        """Install a version and make it active. Items still in use may be retired, never dropped."""
        self.ctx.require(actor, Permission.MANAGE_CATALOGUE)
        new = parse_catalogue(document)
        self.install_parsed(actor, new)
        return new

    def install_parsed(self, actor: Actor | str, new: Catalogue) -> None:
        ctx = self.ctx
        with ctx.store.transaction():
            current = ctx.catalogues.active()
            if current is not None and current[0] != new.version:
                check_successor(self.active(), new, ctx.applications.item_codes_in_use())
            ctx.catalogues.install(new.version, new.etag, catalogue_to_dict(new), ctx.now_iso())
            ctx.audit(actor, "catalogue.install", "catalogue", new.version, items=len(new.items))
        self._parsed[new.version] = new
