"""Cases for the retention tests, taken in through the use cases and synced with the real central
server: some closed long ago (to be purged), some kept (recent, open, an open rectification task,
pending work), and what must vanish from the disk with the purged ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from counter_app.accounts import Actor, Role
from counter_app.core import Counter
from counter_app.people import PeopleGenerator
from counter_app.records import Application
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder
from tests.core.rating_support import citizen_rates
from tests.sync.test_end_to_end import synced

TEMP_AID = "990101101-05-0003-001"  # 临时救助, with a PDF material
SETUP = Actor.command_line("setup")
CLOSED_DAYS_AGO = 41  # the old cases were closed this many days before the purge
DAYS = 30  # the purge's days: the old cases are past it, the recent ones are not


def staff(counter: Counter, role: Role) -> Actor:
    record = counter.accounts.add_user(SETUP, f"{role.value}1", f"{role.value} one", role, "correct horse 1")
    return Actor.staff(record.id, record.username, record.display_name, role)


@dataclass
class Person:
    id: str
    name: str
    id_number: str
    phone: str
    address: str


@dataclass
class Office:
    """What the scenario built: case ids by letter, applicants by number, the scan."""

    cases: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    scan_id: str = ""
    scan_name: str = ""
    scan_content: bytes = b""


class Desk:
    def __init__(self, counter: Counter, clerk: Actor, seed: int = 11) -> None:
        self.counter, self.clerk = counter, clerk
        self.people = PeopleGenerator(seed)
        self.seeder = Seeder(counter, clerk, seed)

    def register(self) -> Person:
        p = self.people.person()
        summary = self.counter.applicants.register_person(
            self.clerk, PersonInput(p.name, p.resident_id, p.mobile, p.address)
        )
        return Person(summary.id, p.name, p.resident_id, p.mobile, p.address)

    def draft(self, person: Person) -> Application:
        item = self.counter.catalogue.active().item(TEMP_AID)
        return self.counter.intake.draft(self.clerk, person.id, TEMP_AID, self.seeder.form_values(item))

    def accept(self, app: Application) -> Application:
        item = self.counter.catalogue.active().item(TEMP_AID)
        handed = {m.code: (m.originals, m.copies) for m in item.materials}
        self.counter.intake.record_materials(self.clerk, app.id, handed)
        return self.counter.intake.accept(self.clerk, app.id)

    def delivered(self, person: Person, app: Application | None = None) -> Application:
        c, clerk = self.counter, self.clerk
        app = self.accept(app or self.draft(person))
        app = c.cases.start(clerk, app.id)
        app = c.cases.complete(clerk, app.id, granted=True)
        return c.cases.deliver(clerk, app.id)


def build_office(counter: Counter, clerk: Actor, *, advance) -> Office:
    """The office's story. ``advance(days)`` moves the profile's clock.

    Day 0 (closed long ago, then synced):
      A  P1  drafted with a scan, delivered, rated 1            -> purged; P1 (only A) purged
      B  P2  refused                                            -> purged; P2 keeps (C is recent)
      F  P5  withdrawn                                          -> purged; P5 purged
      D  P3  delivered; P3's phone changed after the sync        -> kept (pending op), P3 kept
      E  P4  delivered; rated after the sync                     -> kept (pending rating op)
      G  P6  delivered, rated 4: a rectification task, open       -> kept
      H  P7  accepted, in progress                               -> kept (open)
    Day CLOSED_DAYS_AGO - 1: C (P2) delivered (recent, not synced: kept anyway).
    """
    desk, office = Desk(counter, clerk), Office()
    people = {n: desk.register() for n in ("P1", "P2", "P3", "P4", "P5", "P6", "P7")}
    office.people = people
    item = counter.catalogue.active().item(TEMP_AID)
    material = next(m for m in item.materials if "pdf" in m.accepted_types)
    draft_a = desk.draft(people["P1"])
    office.scan_name = f"身份证-{people['P1'].id_number}.pdf"
    office.scan_content = (
        f"%PDF-1.4\n居民身份证 {people['P1'].id_number} 电话 {people['P1'].phone}\n%%EOF\n".encode()
    )
    office.scan_id = counter.intake.attach(
        clerk, draft_a.id, material.code, office.scan_name, office.scan_content
    )
    a = desk.delivered(people["P1"], draft_a)
    citizen_rates(counter, clerk, a.id, 1)
    office.cases["A"] = a.id
    office.cases["B"] = counter.intake.refuse(clerk, desk.draft(people["P2"]).id, "不符合条件").id
    office.cases["F"] = counter.cases.withdraw(clerk, desk.draft(people["P5"]).id, "申请人撤回").id
    office.cases["D"] = desk.delivered(people["P3"]).id
    office.cases["E"] = desk.delivered(people["P4"]).id
    g = desk.delivered(people["P6"])
    citizen_rates(counter, clerk, g.id, 4)
    office.cases["G"] = g.id
    office.cases["H"] = counter.cases.start(clerk, desk.accept(desk.draft(people["P7"])).id).id
    synced(counter)
    # Work after the sync that the platform has not seen yet.
    counter.applicants.update_contact(clerk, people["P3"].id, phone="13700001111")
    citizen_rates(counter, clerk, office.cases["E"], 2)
    advance(CLOSED_DAYS_AGO - 1)
    office.cases["C"] = desk.delivered(people["P2"]).id
    advance(1)
    return office


def clock_advancer(clock):
    return lambda days: clock.advance(timedelta(days=days))


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())
