"""Bytes on the wire per application pushed (gzip, realistic varied data): ≤ 300 B.

Set-up: the real central server on loopback (see :mod:`benchmarks.central_server`); a counter takes
in ``applications`` applications through the use cases (:class:`~counter_app.services.seed.Seeder`:
each with a new applicant, varied names, ID numbers, addresses, form values, and the month's mix of
outcomes: drafts, missing materials, acceptances, decisions, deliveries, ratings), so its outbox holds
every op an application brings: the applicant's registration and the application's life cycle.

Measured: one ``SyncEngine(counter).run()`` (default batches: 500 ops, then sized to the link) through a
:class:`~sync.transport.Transport` that also notes, for each request body, the size of the JSON
before compression. The value is ``Transport.bytes_sent`` during the push stage (the request bodies
as sent, gzip-compressed when ≥ 1 KiB, which every push batch is) ÷ the applications pushed. HTTP
headers are not counted (a few hundred bytes per request of up to 1,000 ops, < 5 B per application).

Baseline, in the same push: the same request bodies uncompressed (the JSON ``Transport`` would send
without gzip). ``ratio`` = baseline / value (the compression factor; higher is better).

Checked: every op applied, and central holds exactly the applications and applicants taken in.
"""

from __future__ import annotations

import json
from typing import Any

from benchmarks.central_server import (
    OFFICE,
    TimedSync,
    check,
    enrolled_counter,
    office_server,
    seed_applications,
)
from benchmarks.runner import Options, Result, rounded
from sync.transport import Transport

TARGET_BYTES = 300.0
SEED = 20260707


class CountingTransport(Transport):
    """A Transport that also adds up the request bodies' JSON before compression (``json_bytes``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.json_bytes = 0
        self.requests = 0

    def request(self, method: str, path: str, *, body: Any = None, **kwargs: Any):  # type: ignore[override]
        if body is not None:
            # Exactly how Transport.request serialises a body before deciding on gzip.
            self.json_bytes += len(
                json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            )
        elif kwargs.get("encoded") is not None:  # a model, serialised by Transport.post already
            self.json_bytes += len(kwargs["encoded"].json_body)
        elif kwargs.get("json_body") is not None:
            self.json_bytes += len(kwargs["json_body"])
        elif kwargs.get("raw") is not None:
            self.json_bytes += len(kwargs["raw"])
        self.requests += 1
        return super().request(method, path, body=body, **kwargs)


def run(options: Options) -> list[Result]:
    applications = options.size("applications", full=2_000, quick=500, tiny=10)
    label = "wire_bytes_per_application"
    with (
        options.workspace("wire") as root,
        office_server(root) as server,
        enrolled_counter(root, server, "counter") as counter,
    ):
        options.progress(f"[{label}] taking in {applications:,} applications through the use cases")
        seeded = seed_applications(counter, SEED, applications)
        transport = CountingTransport(server.url, counter.enrollment.token())
        sync = TimedSync(counter, transport=transport)
        marks: dict[str, int] = {}

        def before() -> None:
            marks.update(sent=transport.bytes_sent, json=transport.json_bytes, requests=transport.requests)

        def after() -> None:
            marks.update(
                sent=transport.bytes_sent - marks["sent"],
                json=transport.json_bytes - marks["json"],
                requests=transport.requests - marks["requests"],
            )

        sync.hooks["_push"] = (before, after)
        options.progress(f"[{label}] pushing {seeded.ops:,} ops")
        try:
            report, _ = sync.run()
        finally:
            transport.close()
        check(report.outcome == "ok", f"sync ended {report.outcome}: {report.error}")
        check(
            report.pushed == seeded.ops and not report.rejected and not report.conflicts,
            f"pushed {report.pushed} of {seeded.ops} ops ({report.rejected} rejected)",
        )
        held = server.records(OFFICE)
        check(
            held.get("application", 0) == seeded.applications,
            f"central holds {held.get('application', 0)} applications of {seeded.applications}",
        )
        check(
            held.get("applicant", 0) == seeded.applicants,
            f"central holds {held.get('applicant', 0)} applicants of {seeded.applicants}",
        )

    gzip_bytes, json_bytes = marks["sent"], marks["json"]
    value = gzip_bytes / seeded.applications
    baseline = json_bytes / seeded.applications
    return [
        Result.measured(
            "wire_bytes_per_application",
            value,
            "B",
            target=TARGET_BYTES,
            baseline=baseline,
            ratio=baseline / value,
            n=seeded.applications,
            applicants=seeded.applicants,
            ops=seeded.ops,
            ops_by_entity=seeded.by_entity,
            ops_per_application=rounded(seeded.ops / seeded.applications),
            push_requests=marks["requests"],
            bytes_gzip=gzip_bytes,
            bytes_json=json_bytes,
            bytes_per_op=rounded(gzip_bytes / seeded.ops),
            json_bytes_per_op=rounded(json_bytes / seeded.ops),
            setup_s=rounded(seeded.seconds),
            push_s=rounded(sync.stage("push")),
            note="value = Transport.bytes_sent during the push stage (request bodies as sent: JSON, gzip "
            "level 6, default batches sized to the link) / applications pushed, each with its new "
            "applicant and "
            "all its ops (register, draft, materials, accept, decide, deliver, rate... as Seeder makes "
            "them: realistic varied data); HTTP headers not counted; baseline = the same bodies "
            "uncompressed, per application; ratio = baseline / value (compression factor); checked: "
            "all ops applied, central holds exactly the applications and applicants taken in",
        ),
    ]
