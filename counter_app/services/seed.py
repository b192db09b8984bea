"""Deterministic demo and benchmark data, taken in through the same use cases a clerk uses.

Every applicant and application is registered, drafted, checked and decided through
:class:`~counter_app.core.Counter`'s services, so the data is pending sync like any other and the
audit trail records it. The mix of outcomes resembles a township hall's month.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from counter_app.accounts import Actor
from counter_app.catalogue import FormField, ServiceItem
from counter_app.people import PeopleGenerator
from counter_app.services.applicants import OrganisationInput, PersonInput

SURVEY = Actor.command_line("survey-import")  # records the answers of SMS and QR-code surveys
_BANKS = ("中国农业银行", "中国邮政储蓄银行", "农村信用合作社", "中国工商银行", "中国建设银行")
_PHRASES = (
    "家庭主要劳动力因病丧失劳动能力，收入难以维持基本生活。",
    "房屋因暴雨受损，需临时安置。",
    "申请人年老体弱，无固定收入来源。",
    "家中有重病患者，医疗支出较大。",
)


@dataclass
class SeedReport:
    applicants: int = 0
    applications: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


class Seeder:
    def __init__(self, counter, actor: Actor, seed: int = 0) -> None:
        self.counter = counter
        self.actor = actor
        self.rng = random.Random(seed)
        self.people = PeopleGenerator(seed)

    def run(self, applications: int) -> SeedReport:
        report = SeedReport()
        catalogue = self.counter.catalogue.active()
        person_items = [i for i in catalogue.active_items() if "natural_person" in i.service_objects]
        org_items = [i for i in catalogue.active_items() if "legal_person" in i.service_objects]
        for _ in range(applications):
            as_org = bool(org_items) and self.rng.random() < 0.08
            applicant = self._register(as_org)
            report.applicants += 1
            item = self.rng.choice(org_items if as_org else person_items)
            status = self._take_in(applicant.id, item)
            report.applications += 1
            report.by_status[status] = report.by_status.get(status, 0) + 1
        return report

    def _register(self, organisation: bool):
        services = self.counter.applicants
        if organisation:
            org = self.people.organisation()
            return services.register_organisation(
                self.actor,
                OrganisationInput(org.name, org.uscc, org.legal_representative.name, org.mobile, org.address),
            )
        person = self.people.person()
        return services.register_person(
            self.actor, PersonInput(person.name, person.resident_id, person.mobile, person.address)
        )

    def _take_in(self, applicant_id: str, item: ServiceItem) -> str:
        c, actor, rng = self.counter, self.actor, self.rng
        app = c.intake.draft(actor, applicant_id, item.code, self.form_values(item))
        roll = rng.random()
        if roll < 0.08:
            return app.status  # still a draft: the applicant went home to fetch something
        complete = roll >= 0.30
        handed = {}
        for material in item.materials:
            missing = not complete and material.mandatory and rng.random() < 0.5
            handed[material.code] = (0, 0) if missing else (material.originals, material.copies)
        check = c.intake.record_materials(actor, app.id, handed)
        if not check.complete:
            minor_only = all(item.material(code).minor for code in check.missing_mandatory)
            if minor_only and rng.random() < 0.5:
                deadline = c.ctx.today() + timedelta(days=rng.randint(5, 15))
                return c.intake.accept_pending(actor, app.id, "本人承诺在期限内补齐材料", deadline).status
            return c.intake.notify_missing(actor, app.id).status
        if rng.random() < 0.06:
            return c.intake.refuse(actor, app.id, "申请人不符合本事项受理条件", "").status
        app = c.intake.accept(actor, app.id)
        roll = rng.random()
        if roll < 0.35:
            return app.status
        if item.case_type != "on_the_spot":
            app = c.cases.start(actor, app.id)
            if roll < 0.45:
                return c.cases.suspend(actor, app.id, "需实地核查").status
            if roll < 0.60:
                return app.status
        app = c.cases.complete(actor, app.id, granted=rng.random() < 0.9, reason="经审核不符合条件")
        if roll < 0.70:
            return app.status
        app = c.cases.deliver(actor, app.id, rng.choice(("counter", "counter", "post", "electronic")))
        if roll < 0.80:
            return app.status
        level = rng.choices((1, 2, 3, 4, 5), weights=(70, 20, 6, 3, 1))[0]
        channel = rng.choice(("counter-screen", "sms", "qr_code"))
        if channel == "counter-screen":  # the citizen rates on the screen the clerk opened
            c.ratings.submit(c.ratings.open_session(actor, app.id).token, level)
        else:  # a survey's answer, imported
            c.ratings.rate(SURVEY, app.id, level, channel)
        return c.cases.get(actor, app.id).status

    # --- form values -------------------------------------------------------------------------------
    def form_values(self, item: ServiceItem) -> dict:
        values = {}
        for form_field in item.form:
            if not form_field.required and self.rng.random() < 0.4:
                continue
            values[form_field.name] = self.value_for(form_field)
        return values

    def value_for(self, f: FormField):
        rng = self.rng
        makers: dict[str, Callable[[], object]] = {
            "choice": lambda: rng.choice(f.choices).value,
            "bool": lambda: rng.random() < 0.3,
            "integer": lambda: rng.randint(
                int(f.min if f.min is not None else 1), int(f.max if f.max is not None else 10)
            ),
            "decimal": lambda: str(self._decimal(f)),
            "date": lambda: self._date(f).isoformat(),
            "resident_id": lambda: self.people.person().resident_id,
            "mobile": lambda: self.people.person().mobile,
            "uscc": lambda: self.people.organisation().uscc,
            "textarea": lambda: rng.choice(_PHRASES),
        }
        if f.type in makers:
            return makers[f.type]()
        return self._text(f)

    def _decimal(self, f: FormField) -> Decimal:
        low = Decimal(str(f.min)) if f.min is not None else Decimal("0")
        high = Decimal(str(f.max)) if f.max is not None else low + 1000
        value = low + (high - low) * Decimal(self.rng.random())
        return value.quantize(Decimal("0.01")).min(high).max(low)

    def _date(self, f: FormField) -> date:
        low = date.fromisoformat(str(f.min)) if f.min else date(2000, 1, 1)
        high = date.fromisoformat(str(f.max)) if f.max else self.counter.ctx.today()
        high = min(high, self.counter.ctx.today())
        return low + timedelta(days=self.rng.randint(0, max(0, (high - low).days)))

    def _text(self, f: FormField) -> str:
        rng = self.rng
        pattern = f.pattern or ""
        if pattern.startswith("[0-9]{17}[0-9X][1-7][1-4]"):  # disability certificate: ID + category + level
            return f"{self.people.person().resident_id}{rng.randint(1, 7)}{rng.randint(1, 4)}"
        if pattern.startswith("[0-9]{12,19}"):
            return "".join(rng.choice("0123456789") for _ in range(19))
        if pattern == "[A-Z][0-9]{9}":
            return rng.choice("ABCDEFGHJKLMNPQR") + "".join(rng.choice("0123456789") for _ in range(9))
        name = f.name
        if "bank" in name:
            text = rng.choice(_BANKS)
        elif name.endswith("_name") or name == "caregiver":
            text = self.people.person().name
        elif "village" in name:
            text = self.people.person().address.split("镇")[-1][:12] or "和平村"
        else:
            text = rng.choice(_PHRASES)
        return text[: f.max_length] if f.max_length else text
