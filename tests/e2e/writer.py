"""A writer process for the durability tests: a burst of intake saves through the use cases.

``python -m tests.e2e.writer DATA_DIR [--seed S] [--limit N]`` opens the profile (creating it if
needed; the keyring and config directory come from the environment), then registers a person and
drafts an application for them, again and again. After each draft has returned (its transaction is
committed) it prints ``ACK <receipt_no> <applicant_id> <application_id>`` and flushes, so a reader
knows that exactly these saves were acknowledged. The test kills it with SIGKILL mid-burst.
"""

from __future__ import annotations

import argparse
import sys

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=100_000)
    args = parser.parse_args(argv)

    counter = Counter.open(args.data_dir)
    actor = Actor.command_line("writer")
    seeder = Seeder(counter, actor, args.seed)
    items = [i for i in counter.catalogue.active().active_items() if "natural_person" in i.service_objects]
    print(f"READY {counter.ctx.settings.get('install_id')}", flush=True)
    for n in range(args.limit):
        person = seeder.people.person()
        applicant = counter.applicants.register_person(
            actor, PersonInput(person.name, person.resident_id, person.mobile, person.address)
        )
        item = items[n % len(items)]
        application = counter.intake.draft(actor, applicant.id, item.code, seeder.form_values(item))
        # Only now is the save acknowledged: draft() returned after its COMMIT.
        sys.stdout.write(f"ACK {application.receipt_no} {applicant.id} {application.id}\n")
        sys.stdout.flush()
    counter.close()
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
