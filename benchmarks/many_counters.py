"""Many counters, many central processes: 1,000 counters sync at once; p95 sync ≤ 5 s on PostgreSQL,
every op exactly once (DESIGN §6).

The central platform: ``counter-central serve --workers 4`` in its own process tree
(:mod:`benchmarks.central_process`) on a PostgreSQL cluster this benchmark starts itself with
``fsync=on`` (:mod:`benchmarks.postgres`), then the same run against the SQLite default (a WAL file,
``synchronous=FULL``, the same four workers). Plain HTTP on 127.0.0.1 (no TLS: in production a
reverse proxy terminates it, see ``docs/scaling.md``); the rate limit off (1,000 counters are not
abuse). No pgbouncer: each worker's SQLAlchemy pool (``central/db.py``: a fixed 20 connections)
talks to PostgreSQL directly.

The counters. A thousand desktop profiles would not fit this machine beside the server, so a
simulated counter is a lean protocol client that replays a real day's wire ops:

- ``days`` real days are taken in with the real :class:`~counter_app.services.seed.Seeder` (through
  the use cases: register, draft, check materials, accept, decide, deliver, rate) into scratch
  profiles, ``applications`` applications each (20: a township counter's day), and 1 or 2 of the
  day's applications get a scan attached through ``intake.attach`` (120–360 KB, incompressible like
  a JPEG or a scanned PDF). Their outboxes are captured as wire ops (``OutboxOp.wire()``) with the
  scans' content: ~100 ops a day (applicants, applications and their steps, ratings, attachments).
- Each counter gets its own copy of one of those days: new op ids (its own 72 random bits + the
  op's sequence, as ``OutboxRepo`` makes them), new record ids with every link rewritten, a new
  applicant identity from :class:`~counter_app.people.PeopleGenerator` (a valid resident ID or
  social credit code, unique across the run), receipt numbers under its own enrolled prefix, and
  scans whose last 32 bytes are its own (so central holds and checks each one: nothing is
  deduplicated away). Every counter is enrolled through ``POST /v1/devices/enroll`` with a code from
  ``admin.new_enroll_code``, ``per_office`` (10) counters to an office, so each pull also carries the
  other counters' changes of the office.

All of that is prepared before the clock starts. The timed part starts every counter at once (an
``asyncio.Event`` set once: one barrier; concurrency is not bounded) and each runs what
``SyncEngine.run`` sends, in order, on its own keep-alive HTTP/1.1 connection opened at its start:
``GET /v1/hello``; per scan ``POST /v1/uploads`` + ``PATCH`` (the engine pushes first and uploads
on ``missing_attachments``, one push round more; here the scans go first); one
``POST /v1/sync/push`` (the day's ~100 ops are one batch: the engine's batch is 500), gzip level 9 as
the transport sends it; ``GET /v1/sync/pull`` pages of 500 (``DEFAULT_PULL_LIMIT``: an office's day
fits in one) from cursor 0 until ``has_more`` is false (an empty database: the day's changes are all
there is); ``GET /v1/sync/verify?digest=xor``; ``POST /v1/audit/heads``. 5xx, 429 and connection errors are
retried with the transport's backoff (counted as ``retries``). A counter's sync time runs from the
common start to its last reply.

The client's own work is kept off the clock: request bodies are serialised and gzipped beforehand
and replies are kept as bytes (a pull page is only decompressed to read its ``next_cursor``); the
JSON of replies is parsed and checked after the run. A real counter does that work on its own CPU;
here the client shares the machine's two cores with the server and PostgreSQL (its CPU time is
reported as ``client_cpu_s``, the server's as ``server_cpu_s``, PostgreSQL's as ``db_cpu_s``; what
PostgreSQL logged and kept as ``wal_mb`` and ``db_growth_mb``).

Checked after the run (a failure raises): every push answered ``applied`` for every op; central
holds one stored result per op of each device and nothing else (``applied_ops``), each office holds
exactly the records its counters' ops created, each at the version its ops give (one version per
op: an op applied twice, or lost, shows); every scan is a blob; each counter's timed pull carried all
its own records at their versions; after the run each counter pulls on from its cursor and then holds
exactly what ``/v1/sync/verify`` describes (count and sorted hash, read from the records; count and
XOR digest, kept through the run's writes), and its cursor is the office's last.

Baseline, in the same run: ``solo`` counters (their own office) each sync alone, one after another,
before the barrier run; their median sync time (and ops/s) is what one counter sees on an idle
server. ``ratio`` = the figure / that baseline.

Where the CPU goes (``cpu_ms_per_sync_by_stage``): after the timed part, ``staged`` more counters
(their own offices) sync one stage at a time, every counter's hello at once, then every counter's
uploads, and so on; each stage's CPU of the server processes and of PostgreSQL (its exited backends
included), divided by the counters, in ms per sync. That is what sizes a deployment
(``docs/scaling.md``).

Sizes: ``counters`` 1,000 on PostgreSQL at full and quick (the target's number); ``sqlite_counters``
1,000 at full, 100 at quick (a second 1,000-counter run would double the benchmark's time; SQLite's
ceiling, its aggregate ops/s, shows at 100 already); ``staged`` 200 at full, none at quick; ``days`` 8
(4 at quick); ``per_office`` 10; ``workers`` 4; tiny runs 6 counters to exercise the code. Each is a
``--size NAME=N`` override.
"""

from __future__ import annotations

import asyncio
import gc
import gzip
import hashlib
import json
import random
import statistics
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text

from benchmarks.central_process import (
    ServerProcess,
    postgres_cpu,
    process_cpu_seconds,
    server_process,
)
from benchmarks.central_server import check, load_average
from benchmarks.runner import Options, Result, percentile, rounded, scratch_counter
from central import admin, db
from counter_app.accounts import Actor
from counter_app.people import PeopleGenerator
from counter_app.receipts import PREFIX_LENGTH
from counter_app.resources import demo_catalogue_path
from counter_app.services.seed import Seeder
from sync import protocol as p

TARGET_P95_S = 5.0
SEED = 20260712
PULL_LIMIT = p.DEFAULT_PULL_LIMIT  # the protocol's default page: an office's day fits in one
SCAN_BYTES = (120_000, 360_000)
REQUEST_TIMEOUT_S = 120.0
RETRIES = 4  # as sync.transport.Transport
BACKOFF_S, MAX_BACKOFF_S = 0.5, 30.0
ACTOR = Actor.command_line("bench")


# --- a real day, captured -------------------------------------------------------------------------
@dataclass
class Day:
    """One profile's day as the wire carries it: its outbox ops and its scans' content."""

    ops: list[dict[str, Any]]
    scans: dict[str, bytes]  # sha256 -> content
    audit_events: int


def make_days(options: Options, root: Path, days: int, applications: int) -> list[Day]:
    """``days`` days of ``applications`` applications each, taken in through the use cases."""
    made = []
    for index in range(days):
        with scratch_counter(root, f"day{index}") as counter:
            rng = random.Random(SEED + index)
            Seeder(counter, ACTOR, SEED + index).run(applications)
            _attach_scans(counter, rng, rng.choice((1, 2)))
            ops = [op.wire() for op in counter.exchange.pending_ops(10_000)]
            scans = {}
            for op in ops:
                for ref in op["attachments"]:
                    content = counter.exchange.attachment_content(ref["sha256"])
                    check(content is not None, f"day {index}: scan {ref['sha256'][:12]} not readable")
                    scans[ref["sha256"]] = content
            head = counter.exchange.audit_head()
            made.append(Day(ops, scans, head[0] if head else 0))
        options.progress(f"[many_counters] day {index + 1}/{days}: {len(ops)} ops, {len(scans)} scan(s)")
    return made


def _attach_scans(counter: Any, rng: random.Random, wanted: int) -> None:
    """Attach a scan to ``wanted`` of the day's applications that still take one (accepted or later,
    not refused, withdrawn or rated), through ``intake.attach``: its checks, its encryption, its op."""
    status: dict[str, tuple[str, str]] = {}  # application id -> (item code, last status)
    for op in counter.exchange.pending_ops(10_000):
        if op.entity == "application":
            code = op.data.get("item_code") or status.get(op.entity_id, ("", ""))[0]
            status[op.entity_id] = (code, op.data.get("status") or status.get(op.entity_id, ("", ""))[1])
    open_states = ("accepted", "accepted_pending", "in_progress", "suspended", "completed", "delivered")
    # In the order they were taken in (record ids are random: sorting by them would not repeat).
    candidates = [app_id for app_id, (_code, state) in status.items() if state in open_states]
    catalogue = counter.catalogue.active()
    for app_id in rng.sample(candidates, min(wanted, len(candidates))):
        item = catalogue.item(status[app_id][0])
        material = rng.choice(item.materials)
        kind = "jpg" if "jpg" in material.accepted_types else material.accepted_types[0]
        size = rng.randint(*SCAN_BYTES)
        header = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" if kind == "jpg" else b"%PDF-1.4\n"
        content = header + rng.randbytes(size - len(header))
        counter.intake.attach(ACTOR, app_id, material.code, f"{material.name}.{kind}", content)


# --- one simulated counter --------------------------------------------------------------------------
@dataclass
class Scan:
    sha256: str
    body: bytes  # the day's scan without its last 32 bytes
    tail: bytes  # this counter's own last 32 bytes

    @property
    def size(self) -> int:
        return len(self.body) + len(self.tail)


@dataclass
class Sim:
    """A simulated counter: its enrolment, its day's ops ready to send, and what its sync got."""

    index: int
    office: str
    device_id: str = ""
    token: str = ""
    prefix: str = ""
    ops: int = 0
    expected: dict[str, tuple[str, int]] = field(default_factory=dict)  # record id -> (entity, version)
    push_body: bytes = b""  # gzipped PushRequest JSON
    audit_body: bytes = b""
    scans: list[Scan] = field(default_factory=list)
    # what the sync got
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    push_reply: bytes = b""
    pages: list[bytes] = field(default_factory=list)  # pull pages as received (maybe gzipped)
    verify_reply: bytes = b""
    error: str | None = None


def personalise(sim: Sim, day: Day, people: PeopleGenerator, taken: set[str], rng: random.Random) -> None:
    """Make ``day`` this counter's own: ids, identities, receipt numbers and scans (see the module
    docstring), and prepare the push request's bytes."""
    ids: dict[str, str] = {}
    for op in day.ops:
        ids.setdefault(op["entity_id"], str(uuid.UUID(int=rng.getrandbits(128), version=4)))
    scans: dict[str, Scan] = {}
    for sha, content in day.scans.items():
        scan = Scan("", content[:-32], rng.randbytes(32))
        scan.sha256 = hashlib.sha256(scan.body + scan.tail).hexdigest()
        scans[sha] = scan
    sim.scans = list(scans.values())
    bits = f"{rng.getrandbits(72):018x}"
    ops = []
    for template in day.ops:
        op = dict(template)
        op["op_id"] = f"{bits[:8]}-{bits[8:12]}-8{bits[12:15]}-a{bits[15:18]}-{op['seq']:012x}"
        op["entity_id"] = ids[op["entity_id"]]
        data = _relinked(op["data"], ids)
        if op["entity"] == "applicant" and op["op"] == "create":
            _new_identity(data, people, taken)
        if op["entity"] == "application" and isinstance(data.get("receipt_no"), str):
            data["receipt_no"] = sim.prefix + data["receipt_no"][PREFIX_LENGTH:]
        if op["entity"] == "attachment":
            data["sha256"] = scans[data["sha256"]].sha256
        op["data"] = data
        op["attachments"] = [
            {"sha256": scans[a["sha256"]].sha256, "size": a["size"]} for a in op["attachments"]
        ]
        ops.append(op)
        entity, version = sim.expected.get(op["entity_id"], (op["entity"], 0))
        sim.expected[op["entity_id"]] = (entity, version + 1)
    sim.ops = len(ops)
    request = p.PushRequest.model_validate(
        {"device_id": sim.device_id, "batch_id": str(uuid.uuid4()), "ops": ops}
    )
    # As Transport.post sends it: defaults left off, compact UTF-8 JSON, gzip level 9.
    sim.push_body = gzip.compress(
        request.model_dump_json(exclude_defaults=True).encode("utf-8"), compresslevel=9
    )
    head = p.AuditHead(
        seq=day.audit_events, hash=rng.randbytes(32).hex(), device_ts=datetime.now(timezone.utc).isoformat()
    )
    sim.audit_body = head.model_dump_json().encode("utf-8")


def _relinked(value: Any, ids: dict[str, str]) -> Any:
    """``value`` with every record id of the day replaced by the counter's own."""
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, dict):
        return {key: _relinked(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_relinked(item, ids) for item in value]
    return value


def _new_identity(data: dict[str, Any], people: PeopleGenerator, taken: set[str]) -> None:
    """A new citizen or organisation in place of the day's, with an ID number no one else has."""
    while True:
        if data.get("id_type") == "uscc":
            org = people.organisation()
            number = org.uscc
            fields = {
                "name": org.name,
                "representative": org.legal_representative.name,
                "phone": org.mobile,
                "address": org.address,
            }
        else:
            person = people.person()
            number = person.resident_id
            fields = {
                "name": person.name,
                "phone": person.mobile,
                "address": person.address,
                "birth_date": person.birth_date.isoformat(),
                "sex": person.sex,
            }
        if number not in taken:
            break
    taken.add(number)
    data["id_number"] = number
    data.update({key: value for key, value in fields.items() if key in data and data[key] is not None})


# --- a lean HTTP/1.1 client -------------------------------------------------------------------------
@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def content(self) -> bytes:
        return gzip.decompress(self.body) if self.headers.get("content-encoding") == "gzip" else self.body

    def json(self) -> Any:
        return json.loads(self.content())


class RequestFailed(Exception):
    pass


class Link:
    """One counter's keep-alive connection to central: raw HTTP/1.1 on asyncio streams, so that a
    thousand of them cost the client little CPU. Retries 5xx, 429 and lost connections as
    ``sync.transport.Transport`` does (exponential backoff, full jitter, Retry-After)."""

    def __init__(self, host: str, port: int, token: str = "", rng: random.Random | None = None) -> None:
        self.host, self.port, self.token = host, port, token
        self.rng = rng or random.Random()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.retries = 0

    async def request(
        self,
        method: str,
        path: str,
        parts: Sequence[bytes] = (),
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200,),
    ) -> Reply:
        attempt = 0
        while True:
            retry_after: str | None = None
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                reply = await asyncio.wait_for(
                    self._exchange(method, path, parts, headers), REQUEST_TIMEOUT_S
                )
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError) as exc:
                await self.close()
                problem = f"{type(exc).__name__}: {exc}"
            else:
                if reply.status in ok:
                    return reply
                if reply.status < 500 and reply.status != 429:
                    raise RequestFailed(f"{method} {path}: {reply.status} {reply.content()[:300]!r}")
                problem = f"HTTP {reply.status}"
                retry_after = reply.headers.get("retry-after")
            attempt += 1
            self.retries += 1
            if attempt > RETRIES:
                raise RequestFailed(f"{method} {path}: {problem} (after {RETRIES} retries)")
            ceiling = min(MAX_BACKOFF_S, BACKOFF_S * 2 ** (attempt - 1))
            delay = min(float(retry_after), MAX_BACKOFF_S) if retry_after and retry_after.isdigit() else 0.0
            await asyncio.sleep(delay or self.rng.random() * ceiling)

    async def _exchange(
        self, method: str, path: str, parts: Sequence[bytes], headers: dict[str, str] | None
    ) -> Reply:
        assert self.reader is not None and self.writer is not None
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            f"User-Agent: counter-app/{p.PROTOCOL_VERSION}",
            "Accept-Encoding: gzip",
            f"Content-Length: {sum(len(part) for part in parts)}",
        ]
        if self.token:
            lines.append(f"Authorization: Bearer {self.token}")
        lines.extend(f"{name}: {value}" for name, value in (headers or {}).items())
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        for part in parts:
            self.writer.write(part)
        await self.writer.drain()
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        reply_headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            if name:
                reply_headers[name.strip().lower()] = value.strip()
        if method == "HEAD" or status in (204, 304) or status < 200:
            body = b""
        elif "content-length" in reply_headers:
            body = await self.reader.readexactly(int(reply_headers["content-length"]))
        elif reply_headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append(await self.reader.readexactly(size + 2))
            await self.reader.readuntil(b"\r\n")
            body = b"".join(chunk[:-2] for chunk in chunks)
        else:
            body = await self.reader.read()
            reply_headers["connection"] = "close"
        if reply_headers.get("connection", "").lower() == "close":
            await self.close()
        return Reply(status, reply_headers, body)

    async def close(self) -> None:
        writer, self.reader, self.writer = self.writer, None, None
        if writer is not None:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass


JSON = {"Content-Type": "application/json"}
GZIPPED_JSON = {"Content-Type": "application/json", "Content-Encoding": "gzip"}


def _next_cursor(page: bytes) -> tuple[int, bool]:
    """``next_cursor`` and ``has_more`` of a pull page, read from its end (the server writes them after
    the changes; the last occurrence is theirs), without parsing the changes."""
    at = page.rindex(b'"next_cursor":')
    tail = json.loads(b"{" + page[at:])
    return int(tail["next_cursor"]), bool(tail["has_more"])


async def _hello(link: Link, sim: Sim) -> None:
    await link.request("GET", "/v1/hello")


async def _upload(link: Link, sim: Sim) -> None:
    for scan in sim.scans:
        body = json.dumps({"sha256": scan.sha256, "size": scan.size}).encode()
        status = (await link.request("POST", "/v1/uploads", [body], JSON, ok=(200, 201))).json()
        offset = int(status["offset"])
        content = scan.body + scan.tail
        while offset < scan.size:
            reply = await link.request(
                "PATCH",
                f"/v1/uploads/{status['id']}",
                [content[offset : offset + p.MAX_CHUNK_BYTES]],
                {"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"},
                ok=(204, 409),
            )
            offset = int(reply.headers["upload-offset"])


async def _push(link: Link, sim: Sim) -> None:
    sim.push_reply = (await link.request("POST", "/v1/sync/push", [sim.push_body], GZIPPED_JSON)).content()


async def _pull(link: Link, sim: Sim) -> None:
    cursor, more = 0, True
    while more:
        reply = await link.request("GET", f"/v1/sync/pull?cursor={cursor}&limit={PULL_LIMIT}")
        # Kept as it came (gzipped mostly): parsed and checked after the clock stops.
        sim.pages.append(
            b"gz:" + reply.body if reply.headers.get("content-encoding") == "gzip" else reply.body
        )
        cursor, more = _next_cursor(reply.content())


async def _verify(link: Link, sim: Sim) -> None:
    sim.verify_reply = (await link.request("GET", "/v1/sync/verify?digest=xor")).content()


async def _audit_head(link: Link, sim: Sim) -> None:
    await link.request("POST", "/v1/audit/heads", [sim.audit_body], JSON)


# A sync's requests, in SyncEngine.run's order (scans first: see the module docstring).
STAGES = (
    ("hello", _hello),
    ("upload", _upload),
    ("push", _push),
    ("pull", _pull),
    ("verify", _verify),
    ("audit_head", _audit_head),
)


async def sync_counter(
    sim: Sim, host: str, port: int, start: asyncio.Event, t0: list[float], waiting: list[int]
) -> None:
    """One counter's sync, as SyncEngine.run sends it (see the module docstring), once ``start`` is set
    (``t0[0]``: when); ``waiting[0]`` counts the counters at the barrier."""
    link = Link(host, port, sim.token, random.Random(sim.index))
    waiting[0] += 1
    await start.wait()
    marks = [("start", t0[0])]
    try:
        for name, stage in STAGES:
            await stage(link, sim)
            marks.append((name, time.perf_counter()))
    except RequestFailed as exc:
        sim.error = str(exc)
    finally:
        await link.close()
    sim.seconds = marks[-1][1] - t0[0]
    sim.stages = {name: at - marks[i][1] for i, (name, at) in enumerate(marks[1:])}
    sim.stages["retries"] = link.retries


def cpu_by_stage(
    sims: Sequence[Sim], host: str, port: int, server: ServerProcess, db_cpu: Any
) -> dict[str, dict[str, float]]:
    """Where a sync's CPU goes: the counters run one stage at a time (every counter's hello at once,
    then every counter's uploads, ...), each stage's server and database CPU ÷ the counters, in ms."""
    cpu: dict[str, dict[str, float]] = {}

    async def stages() -> None:
        links = [Link(host, port, sim.token, random.Random(sim.index)) for sim in sims]
        try:
            for name, stage in STAGES:
                before = (server.cpu_seconds(), db_cpu())
                await asyncio.gather(*(stage(link, sim) for link, sim in zip(links, sims, strict=True)))
                cpu[name] = {
                    "server": rounded(1000 * (server.cpu_seconds() - before[0]) / len(sims)),
                    "db": rounded(1000 * (db_cpu() - before[1]) / len(sims)),
                }
        finally:
            for link in links:
                await link.close()

    asyncio.run(stages())
    cpu["total"] = {side: rounded(sum(stage[side] for stage in cpu.values())) for side in ("server", "db")}
    return cpu


def _page_content(page: bytes) -> bytes:
    return gzip.decompress(page[3:]) if page.startswith(b"gz:") else page


async def _run_all(sims: Sequence[Sim], host: str, port: int) -> float:
    """Every counter at once; returns the seconds until the last one finished."""
    start, t0, waiting = asyncio.Event(), [0.0], [0]
    tasks = [asyncio.create_task(sync_counter(sim, host, port, start, t0, waiting)) for sim in sims]
    while waiting[0] < len(sims):  # until every counter waits at the barrier
        await asyncio.sleep(0)
    t0[0] = time.perf_counter()
    start.set()
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0[0]


async def _bounded(coroutines: Sequence[Any], limit: int) -> list[Any]:
    gate = asyncio.Semaphore(limit)

    async def one(coroutine: Any) -> Any:
        async with gate:
            return await coroutine

    return await asyncio.gather(*(one(c) for c in coroutines))


# --- set-up: offices and enrolment --------------------------------------------------------------------
def _office_code(number: int) -> str:
    return f"T{number:04d}"


def set_up_offices(engine: Engine, offices: Sequence[str]) -> None:
    for code in offices:
        admin.add_office(engine, code, f"第{code[1:]}便民服务中心")
    admin.publish_catalogue(engine, json.loads(demo_catalogue_path().read_text("utf-8")))


def enroll_all(server: ServerProcess, sims: Sequence[Sim], host: str, port: int) -> None:
    """Each counter enrolled with its office through ``POST /v1/devices/enroll`` (32 at a time)."""
    with ThreadPoolExecutor(8) as pool:  # one fsync'd transaction each: a few at a time
        codes = list(pool.map(lambda sim: admin.new_enroll_code(server.engine, sim.office), sims))

    async def one(sim: Sim, code: str) -> None:
        link = Link(host, port)
        try:
            body = p.EnrollRequest(code=code, device_name=f"counter-{sim.index}").model_dump_json().encode()
            reply = p.EnrollResponse.model_validate_json(
                (await link.request("POST", "/v1/devices/enroll", [body], JSON)).body
            )
        finally:
            await link.close()
        sim.device_id, sim.token, sim.prefix = reply.device_id, reply.token, reply.receipt_prefix
        check(reply.office_code == sim.office, f"counter {sim.index} enrolled with {reply.office_code}")

    async def every() -> None:
        await _bounded([one(sim, code) for sim, code in zip(sims, codes, strict=True)], 32)

    asyncio.run(every())


# --- checks -----------------------------------------------------------------------------------------
async def check_counter(sim: Sim, host: str, port: int) -> bool:
    """The counter's push answers, its timed pull, and (after pulling on to the end) its verify.
    Returns whether its verify in the timed run already agreed (no later change of its office)."""
    check(sim.error is None, f"counter {sim.index}: {sim.error}")
    results = json.loads(sim.push_reply)["results"]
    check(len(results) == sim.ops, f"counter {sim.index}: {len(results)} results for {sim.ops} ops")
    bad = [r for r in results if r["status"] != "applied"]
    check(not bad, f"counter {sim.index}: not applied: {bad[:3]}")
    held: dict[str, tuple[str, int]] = {}
    cursor = 0
    for page in sim.pages:
        body = json.loads(_page_content(page))
        for change in body["changes"]:
            held[change["id"]] = (change["entity"], int(change["version"]))
        cursor = int(body["next_cursor"])
    own_missing = [
        rid for rid, (entity, version) in sim.expected.items() if held.get(rid) != (entity, version)
    ]
    check(not own_missing, f"counter {sim.index}: its timed pull lacks {len(own_missing)} of its own records")
    remote = json.loads(sim.verify_reply)
    verified_in_run = p.records_xor((e, i, v) for i, (e, v) in held.items()) == (
        remote["count"],
        remote["digest"],
    )

    link = Link(host, port, sim.token)
    try:
        more = True
        while more:
            page = (await link.request("GET", f"/v1/sync/pull?cursor={cursor}&limit={PULL_LIMIT}")).json()
            for change in page["changes"]:
                held[change["id"]] = (change["entity"], int(change["version"]))
            cursor, more = int(page["next_cursor"]), bool(page["has_more"])
        final = (await link.request("GET", "/v1/sync/verify")).json()
        kept = (await link.request("GET", "/v1/sync/verify?digest=xor")).json()
    finally:
        await link.close()
    digest = p.records_digest((e, i, v) for i, (e, v) in held.items())
    check(
        digest == (final["count"], final["hash"]),
        f"counter {sim.index}: holds {digest[0]} records after pulling to the end, central {final['count']}",
    )
    # The digest central kept through the burst's writes is the one its records give.
    check(
        p.records_xor((e, i, v) for i, (e, v) in held.items()) == (kept["count"], kept["digest"]),
        f"counter {sim.index}: the office's XOR digest is not its records' ({kept['count']} records)",
    )
    check(
        cursor == int(final["cursor"]),
        f"counter {sim.index}: cursor {cursor}, the office's {final['cursor']}",
    )
    return verified_in_run


def check_counters(sims: Sequence[Sim], host: str, port: int) -> int:
    """:func:`check_counter` for every counter (32 at a time); how many verified in the timed run."""

    async def every() -> list[bool]:
        return await _bounded([check_counter(sim, host, port) for sim in sims], 32)

    return sum(asyncio.run(every()))


def check_central(engine: Engine, sims: Sequence[Sim]) -> dict[str, int]:
    """One stored result per op of each device and nothing more; each office's records exactly those its
    counters' ops made, at one version per op; every scan held."""
    with engine.connect() as conn:
        stored = dict(
            conn.execute(
                select(db.applied_ops.c.device_id, func.count()).group_by(db.applied_ops.c.device_id)
            ).all()
        )
        by_office = {
            row[0]: (int(row[1]), int(row[2]))
            for row in conn.execute(
                select(db.records.c.office_code, func.count(), func.sum(db.records.c.version)).group_by(
                    db.records.c.office_code
                )
            )
        }
        shas = sorted(scan.sha256 for sim in sims for scan in sim.scans)
        blobs = sum(
            int(
                conn.execute(
                    select(func.count()).select_from(db.blobs).where(db.blobs.c.sha256.in_(shas[i : i + 500]))
                ).scalar_one()
            )
            for i in range(0, len(shas), 500)
        )
    sent = {sim.device_id: sim.ops for sim in sims}
    check(
        stored == sent,
        f"central stored {sum(stored.values())} op results for {sum(sent.values())} ops sent "
        f"({sum(1 for d in sent if stored.get(d) != sent[d])} devices differ)",
    )
    expected: dict[str, tuple[int, int]] = {}
    for sim in sims:
        records, versions = expected.get(sim.office, (0, 0))
        expected[sim.office] = (
            records + len(sim.expected),
            versions + sum(v for _e, v in sim.expected.values()),
        )
    check(
        by_office == expected,
        "central's records per office (count, sum of versions) differ from the ops sent",
    )
    check(blobs == len(shas), f"central holds {blobs} of {len(shas)} scans")
    return {"ops": sum(sent.values()), "records": sum(r for r, _v in expected.values()), "scans": blobs}


# --- one database -----------------------------------------------------------------------------------
@contextmanager
def _database(kind: str, root: Path) -> Iterator[tuple[str, Any]]:
    """The database URL and a function giving PostgreSQL's CPU seconds so far (0 for SQLite)."""
    if kind == "sqlite":
        yield f"sqlite:///{root / 'central.db'}", lambda: 0.0
        return
    from benchmarks import postgres

    with postgres.database(max_connections=300) as url:
        yield url, postgres_cpu(url)


def _wal_and_size(engine: Engine) -> tuple[int, int]:
    """PostgreSQL's WAL position and the database's size, in bytes (0, 0 on SQLite): what a sync
    writes to the log (and so ships to the standbys) and keeps on disk."""
    if not db.is_postgres(engine):
        return 0, 0
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0'), pg_database_size(current_database())")
        ).one()
    return int(row[0]), int(row[1])


@dataclass(frozen=True)
class Sizes:
    counters: int
    per_office: int
    workers: int
    solo: int  # counters syncing alone first: the baseline
    staged: int  # counters run one stage at a time afterwards: the CPU of each stage (0: not run)


def measure(options: Options, kind: str, days: Sequence[Day], sizes: Sizes) -> dict[str, Any]:
    label = f"many_counters {kind}"
    counters, per_office = sizes.counters, sizes.per_office
    with options.workspace(f"many-{kind}") as root, _database(kind, root) as (url, db_cpu):
        office_count = -(-counters // per_office)
        offices = [_office_code(i) for i in range(1, office_count + 1)]
        staged_offices = [_office_code(office_count + 1 + i) for i in range(-(-sizes.staged // per_office))]
        solo_office = _office_code(0)
        with server_process(url, root / "log", workers=sizes.workers) as server:
            host, port = "127.0.0.1", int(server.url.rsplit(":", 1)[1])
            set_up_offices(server.engine, [solo_office, *offices, *staged_offices])
            sims = [Sim(i, offices[i // per_office]) for i in range(counters)]
            solos = [Sim(counters + i, solo_office) for i in range(sizes.solo)]
            staged = [
                Sim(counters + sizes.solo + i, staged_offices[i // per_office]) for i in range(sizes.staged)
            ]
            everyone = sims + solos + staged
            began = time.perf_counter()
            enroll_all(server, everyone, host, port)
            people, taken, rng = PeopleGenerator(SEED), set(), random.Random(SEED)
            for sim in everyone:
                personalise(sim, days[sim.index % len(days)], people, taken, rng)
            setup_s = time.perf_counter() - began
            options.progress(
                f"[{label}] {counters:,} counters in {len(offices)} offices enrolled, "
                f"their days prepared in {setup_s:.1f} s"
            )

            # Baseline: one counter at a time on the idle server.
            for sim in solos:
                asyncio.run(_run_all([sim], host, port))
            options.progress(f"[{label}] solo syncs: {', '.join(f'{s.seconds:.3f}' for s in solos)} s")

            gc.collect()
            gc.freeze()
            load = load_average()
            cpu = (server.cpu_seconds(), db_cpu(), process_cpu_seconds())
            wal_before, size_before = _wal_and_size(server.engine)
            try:
                makespan = asyncio.run(_run_all(sims, host, port))
            finally:
                gc.unfreeze()
            wal_after, size_after = _wal_and_size(server.engine)
            server_cpu, database_cpu, client_cpu = (
                server.cpu_seconds() - cpu[0],
                db_cpu() - cpu[1],
                process_cpu_seconds() - cpu[2],
            )
            options.progress(f"[{label}] {counters:,} counters synced in {makespan:.2f} s")
            cpu_ms = cpu_by_stage(staged, host, port, server, db_cpu) if staged else None
            options.progress(f"[{label}] checking")
            verified_in_run = check_counters(everyone, host, port)
            totals = check_central(server.engine, everyone)
    times = [sim.seconds for sim in sims]
    ops = sum(sim.ops for sim in sims)
    stages = {
        name: rounded(percentile([sim.stages.get(name, 0.0) for sim in sims], 95))
        for name in ("hello", "upload", "push", "pull", "verify", "audit_head")
    }
    solo_s = statistics.median(sim.seconds for sim in solos)
    return {
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "max": max(times),
        "makespan_s": makespan,
        "ops_per_s": ops / makespan,
        "solo_s": solo_s,
        "solo_ops_per_s": statistics.median(sim.ops / sim.seconds for sim in solos),
        "extra": {
            "counters": counters,
            "offices": len(offices),
            "counters_per_office": per_office,
            "server_workers": sizes.workers,
            "ops": ops,
            "records": totals["records"],
            "scans": sum(len(sim.scans) for sim in sims),
            "scan_mb": rounded(sum(s.size for sim in sims for s in sim.scans) / 1e6),
            "push_kb_gzip": rounded(sum(len(sim.push_body) for sim in sims) / 1e3),
            "ops_per_counter": rounded(ops / counters),
            "pull_pages": sum(len(sim.pages) for sim in sims),
            "syncs_per_s": rounded(counters / makespan),
            "retries": sum(int(sim.stages.get("retries", 0)) for sim in sims),
            "verified_in_run": verified_in_run,
            "stage_p95_s": stages,
            "server_cpu_s": rounded(server_cpu),
            "db_cpu_s": rounded(database_cpu),
            "client_cpu_s": rounded(client_cpu),
            "server_cpu_ms_per_op": rounded(1000 * server_cpu / ops),
            "db_cpu_ms_per_op": rounded(1000 * database_cpu / ops) if database_cpu else None,
            "wal_mb": rounded((wal_after - wal_before) / 1e6) if wal_after else None,
            "db_growth_mb": rounded((size_after - size_before) / 1e6) if size_after else None,
            "setup_s": rounded(setup_s),
            "load_avg_1m": load,
            "staged_counters": sizes.staged,
            "cpu_ms_per_sync_by_stage": cpu_ms,
        },
    }


# --- the benchmark ----------------------------------------------------------------------------------
def run(options: Options) -> list[Result]:
    # Quick runs the target's 1,000 counters on PostgreSQL and a tenth of them on SQLite (its run
    # would take as long again; its ceiling shows at 100 as well); full runs 1,000 on both.
    counters = options.size("counters", full=1000, quick=1000, tiny=6)
    sqlite_counters = options.size("sqlite_counters", full=1000, quick=100, tiny=6)
    common = {
        "per_office": options.size("per_office", full=10, quick=10, tiny=3),
        "workers": options.size("workers", full=4, quick=4, tiny=2),
        "solo": options.size("solo", full=5, quick=3, tiny=1),
        "staged": options.size("staged", full=200, quick=0, tiny=3),
    }
    days = options.size("days", full=8, quick=4, tiny=2)
    applications = options.size("applications", full=20, quick=20, tiny=4)
    with options.workspace("many-days") as root:
        made = make_days(options, root, days, applications)
    results: list[Result] = []
    for kind, database, n in (("pg", "postgresql", counters), ("sqlite", "sqlite", sqlite_counters)):
        if n > 0:
            results.extend(_results(kind, measure(options, database, made, Sizes(counters=n, **common))))
    return results


_NOTES = {
    "pg": "PostgreSQL (fsync on), counter-central serve --workers {server_workers} on 127.0.0.1, no TLS, no "
    "pgbouncer; {counters} simulated counters ({counters_per_office} per office) start at once; each: hello, "
    "upload its scans, push its day (~{ops_per_counter} ops, one batch), pull to the end, verify, audit "
    "head; time = common start to its last reply; checked: every op applied exactly once (central's "
    "applied_ops and records per office, one version per op), every scan held, every pull complete "
    "(pulled on to the end it matches /v1/sync/verify); baseline = one counter syncing alone on the "
    "idle server (median of the solo runs); see benchmarks/many_counters.py",
    "sqlite": "The same run on the SQLite default (WAL, synchronous=FULL, the same workers): its ceiling "
    "is one writer at a time for the whole province (every push, upload and enrolment takes the file's "
    "write lock), so the makespan grows with the total ops however many workers serve them; "
    "ops_per_s is that ceiling on this machine",
}


def _results(kind: str, figures: dict[str, Any]) -> list[Result]:
    extra = figures["extra"]
    base, base_rate = figures["solo_s"], figures["solo_ops_per_s"]
    note = _NOTES[kind].format(**extra)
    prefix = f"many_counters_{kind}"
    if extra["counters"] < 1000:
        note += (
            f"; {extra['counters']} counters at this level, not the 1,000 of the target: run the full level"
        )
    target = TARGET_P95_S if kind == "pg" else None
    p95 = Result.measured(
        f"{prefix}_p95_s",
        figures["p95"],
        "s",
        target=target,
        baseline=base,
        ratio=figures["p95"] / base,
        note=note,
        **extra,
    )
    if kind == "pg" and extra["counters"] < 1000:
        p95.extra["target_counters"] = 1000
    if kind == "sqlite":
        p95.extra["within_5s"] = bool(figures["p95"] <= TARGET_P95_S)
    return [
        p95,
        Result.measured(
            f"{prefix}_p50_s", figures["p50"], "s", target=None, baseline=base, ratio=figures["p50"] / base
        ),
        Result.measured(
            f"{prefix}_max_s",
            figures["max"],
            "s",
            target=None,
            baseline=base,
            ratio=figures["max"] / base,
            makespan_s=rounded(figures["makespan_s"]),
        ),
        Result.measured(
            f"{prefix}_ops_per_s",
            figures["ops_per_s"],
            "ops/s",
            target=None,
            baseline=base_rate,
            ratio=figures["ops_per_s"] / base_rate,
            higher_is_better=True,
            note="aggregate: every counter's ops / seconds from the common start to the last counter's "
            "last reply; baseline: one counter's ops / its sync time, alone on the idle server",
        ),
    ]
