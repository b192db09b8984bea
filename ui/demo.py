"""``counter-app demo``: the desktop app, an embedded central platform and demo data.

The demo directory (default ``<data dir>/demo``; ``--data-dir`` chooses another) holds::

    central.db    the central platform's SQLite database
    central.log   the central platform's log
    counter/      the counter's profile, enrolled with office QS
    demo.json     written last by the first start: the set-up is complete; later starts reuse it all

The central platform runs as a child process (``python -m central.cli --db … serve``; in the
PyInstaller bundle the bundle's own executable with :data:`ui.bundle.CENTRAL_ARGUMENT`) on a free
loopback port — the UI never imports ``central`` — and is stopped when the app ends, Ctrl+C
included. It runs in its own session so that Ctrl+C reaches this process only, which stops the
app's sync before the platform; on Linux the kernel also ends it if this process dies.

The first start sets up, through the same command lines and use cases an operator and a counter
use: the office, the published catalogue, an enrollment code; then, on a clock set weeks back, the
counter's profile, the staff accounts of :data:`DEMO_ACCOUNTS` and the enrollment, and the office's
last few weeks (:mod:`counter_app.services.demo_history`: ~100-160 applications taken in by the two
clerks day by day, processed, suspended, completed, delivered and rated, some left overdue); then, on
the system clock again, a sync; a few back-office decisions on the platform; meanwhile, on the
counter, the supervisor suspends one of those same cases (:data:`SUSPENSION`); and a second sync that
pulls the decisions and meets that suspension as a conflict with the back office's decision, which
stays open on the counter for the supervisor to resolve (同步冲突). Later starts only start the
platform (a couple of seconds).

:func:`prepare_demo` is the part without a display; :func:`run_demo` adds the window.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from counter_app.accounts import Actor, Role
from counter_app.clock import SystemClock
from counter_app.core import Counter
from counter_app.paths import default_data_dir
from counter_app.resources import demo_catalogue_path
from counter_app.services.demo_history import DemoHistory, HistoryReport, history_clock
from sync.connectivity import probe
from sync.engine import SyncEngine, enroll
from ui.bundle import central_command

OFFICE_CODE = "QS"
OFFICE_NAME = "青山镇便民服务中心"
OFFICE_CONTACT = "电话 0571-88881234 · 青山镇人民政府一楼便民服务大厅"
DEVICE_NAME = "demo counter 1"
MARKER = "demo.json"
MARKER_FORMAT = 1
PROFILE_DIR = "counter"
CENTRAL_DB = "central.db"
CENTRAL_LOG = "central.log"
HISTORY_SEED = 2026  # the demo office's weeks are the same on every machine (for the same date)
DECISIONS = (("--approve",), ("--approve",), ("--deny", "--reason", "经审核，申请人家庭收入超出规定标准"))
# What the supervisor does on the counter to the first decided case before the decision is pulled.
SUSPENSION = "需实地核查申请人家庭经济状况"
SYNC_INTERVAL_S = 60.0
PROBE_INTERVAL_S = 10.0
READY_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0

Report = Callable[[str], None]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    display_name: str
    role: Role


DEMO_ACCOUNTS = (
    DemoAccount("admin", "admin-demo-1", "王芳", Role.ADMIN),
    DemoAccount("supervisor", "super-demo-1", "李建国", Role.SUPERVISOR),
    DemoAccount("clerk1", "clerk-demo-1", "张晓燕", Role.CLERK),
    DemoAccount("clerk2", "clerk-demo-2", "陈志强", Role.CLERK),
)


class DemoError(Exception):
    """The demo could not be set up or started; the message says why."""


def default_demo_dir() -> Path:
    return default_data_dir() / "demo"


# --- the central platform as a child process ----------------------------------------------------------
def _central_argv(db_url: str, *args: str) -> list[str]:
    return [*central_command(), "--db", db_url, *args]


def _start_command(db_url: str, cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        _central_argv(db_url, *args),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _finish_command(process: subprocess.Popen[str]) -> str:
    """Wait for a ``counter-central`` command; its last line of output (the id it printed)."""
    out, err = process.communicate()
    if process.returncode != 0:
        command = " ".join(str(arg) for arg in process.args[len(central_command()) :])  # type: ignore[index]
        raise DemoError(f"counter-central {command} failed: {err.strip() or out.strip()}")
    lines = out.strip().splitlines()
    return lines[-1].strip() if lines else ""


def _run_command(db_url: str, cwd: Path, *args: str) -> str:
    return _finish_command(_start_command(db_url, cwd, *args))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _end_with_parent() -> Callable[[], None] | None:
    """Linux: ask the kernel to send SIGTERM to the child when this process dies (even by kill -9)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1
    return lambda: prctl(pr_set_pdeathsig, signal.SIGTERM)


class CentralProcess:
    """``counter-central serve`` on a loopback port, as a child process of this one."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, log_path: Path, log_file: IO[bytes]):
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self._log_file = log_file

    @classmethod
    def start(cls, db_url: str, port: int, root: Path) -> CentralProcess:
        log_path = root / CENTRAL_LOG
        log_file = open(log_path, "ab")  # noqa: SIM115 - closed by stop()
        try:
            process = subprocess.Popen(
                _central_argv(db_url, "serve", "--host", "127.0.0.1", "--port", str(port)),
                cwd=root,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl+C reaches the app, which stops sync, then this
                preexec_fn=_end_with_parent(),  # only a prctl call runs in the child
            )
        except OSError as exc:
            log_file.close()
            raise DemoError(f"cannot start the central platform: {exc}") from exc
        return cls(process, port, log_path, log_file)

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        """Until the platform answers ``/v1/hello``; DemoError if it exits or takes too long."""
        deadline = time.monotonic() + timeout_s
        while not probe(self.url, timeout_s=1.0):
            if not self.running():
                raise DemoError(
                    f"the central platform exited with code {self.process.returncode}:\n{self.log_tail()}"
                )
            if time.monotonic() > deadline:
                raise DemoError(f"the central platform did not answer within {timeout_s:.0f} s")
            time.sleep(0.05)  # polling a child process, not synchronising threads

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_path.read_text("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> None:
        """Terminate (then kill) the platform and reap it. Safe to call more than once."""
        if self.running():
            self.process.terminate()
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout_s)
        self._log_file.close()


# --- the demo directory -----------------------------------------------------------------------------------
@dataclass
class DemoInfo:
    """A prepared demo with its central platform running; ``close()`` stops the platform."""

    root: Path
    central: CentralProcess
    created: bool  # True: this call set the demo up; False: it reused an earlier set-up
    seconds: float
    accounts: tuple[DemoAccount, ...] = DEMO_ACCOUNTS
    office_code: str = OFFICE_CODE
    decided: tuple[str, ...] = ()  # receipt numbers the back office decided during set-up
    conflicted: tuple[str, ...] = ()  # of those, the ones left in an open sync conflict on the counter
    seeded: int = 0  # applications taken in during set-up
    history: HistoryReport | None = None  # the office's weeks that set-up lived through
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def profile_dir(self) -> Path:
        return self.root / PROFILE_DIR

    @property
    def central_db_url(self) -> str:
        return _db_url(self.root)

    @property
    def server_url(self) -> str:
        return self.central.url

    def close(self) -> None:
        self.central.stop()

    def __enter__(self) -> DemoInfo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _db_url(root: Path) -> str:
    return f"sqlite:///{root / CENTRAL_DB}"


def _read_marker(root: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((root / MARKER).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise DemoError(f"{root / MARKER} cannot be read ({exc}); remove {root} to start afresh") from exc
    if state.get("format") != MARKER_FORMAT:
        raise DemoError(f"{root} holds a demo of another version; remove it to start afresh")
    return state


def _write_marker(root: Path, state: dict[str, Any]) -> None:
    temporary = root / (MARKER + ".part")
    temporary.write_text(json.dumps(state, ensure_ascii=False, indent=2), "utf-8")
    os.replace(temporary, root / MARKER)


def _clear_interrupted_setup(root: Path) -> None:
    """A first start that did not finish left no marker: remove what it made (and nothing else)."""
    profile = root / PROFILE_DIR
    database = root / CENTRAL_DB
    if profile.exists() and not database.exists():
        raise DemoError(f"{root} is not a demo directory (it has {PROFILE_DIR}/ but no {CENTRAL_DB})")
    if profile.exists():
        shutil.rmtree(profile)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(database) + suffix).unlink(missing_ok=True)


def prepare_demo(data_dir: Path | str, *, report: Report | None = None) -> DemoInfo:
    """Set up the demo in ``data_dir`` on first use (or reuse it) and start its central platform.

    No display needed. The caller owns the returned platform: ``with prepare_demo(...) as info:``
    or ``info.close()``. Raises :class:`DemoError` (the platform is stopped again then).
    """
    say = report or (lambda _text: None)
    started = time.monotonic()
    root = Path(data_dir).expanduser().resolve()
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o700)  # the demo's people are made up, but the profile is a real one
    state = _read_marker(root)
    if state is not None:
        return _reuse(root, state, started, say)
    _clear_interrupted_setup(root)
    return _set_up(root, started, say)


def _reuse(root: Path, state: dict[str, Any], started: float, say: Report) -> DemoInfo:
    db_url = _db_url(root)
    port = int(state["port"])
    moved = not _port_free(port)
    if moved:
        if probe(f"http://127.0.0.1:{port}", timeout_s=0.5):
            raise DemoError(
                f"a central platform already answers on port {port}: is the demo running already? "
                "Close it first."
            )
        port = _free_port()  # another program took the port: the platform moves
    say(f"Starting the central platform on http://127.0.0.1:{port} …")
    central = CentralProcess.start(db_url, port, root)
    try:
        if moved:
            # The counter knows the platform by URL: a new port means enrolling again.
            code = _run_command(db_url, root, "enroll-code", "--office", state["office"])
            central.wait_ready()
            with Counter.open(root / PROFILE_DIR) as counter:
                enroll(counter, central.url, code, DEVICE_NAME)
            _write_marker(root, {**state, "port": port})
        else:
            central.wait_ready()
    except BaseException:
        central.stop()
        raise
    return DemoInfo(
        root,
        central,
        created=False,
        seconds=time.monotonic() - started,
        office_code=state["office"],
        details={"moved": moved},
    )


def _set_up(root: Path, started: float, say: Report) -> DemoInfo:
    db_url = _db_url(root)
    say(f"Setting up the demo in {root} (first start only) …")
    _run_command(db_url, root, "office", "add", OFFICE_CODE, OFFICE_NAME)  # creates the database
    publishing = _start_command(db_url, root, "catalogue", "publish", str(demo_catalogue_path()))
    coding = _start_command(db_url, root, "enroll-code", "--office", OFFICE_CODE)
    central = CentralProcess.start(db_url, _free_port(), root)
    try:
        # The office's last few weeks, on a clock the history moves day by day up to the present.
        end = SystemClock().now()
        clock = history_clock(end)
        with Counter.open(root / PROFILE_DIR, clock=clock) as counter:
            staff = _create_accounts(counter)
            # the administrator's first start: the office on notices (the backup folder and the key
            # are left for the Admin page's checklist to show)
            settings = counter.office_settings.get()
            counter.office_settings.save(
                staff["admin"],
                replace(settings, notice_office_name=OFFICE_NAME, office_contact=OFFICE_CONTACT),
            )
            _finish_command(publishing)
            code = _finish_command(coding)
            central.wait_ready()
            enroll(counter, central.url, code, DEVICE_NAME)
            say("Living through the demo office's last few weeks …")
            clerks = (staff["clerk1"], staff["clerk2"])
            history = DemoHistory(counter, clock, clerks, staff["supervisor"], end, HISTORY_SEED).run()
        with Counter.open(root / PROFILE_DIR) as counter:  # the system clock from here on, as the app
            pushed = _sync(counter, "push")
            say("The back office decides a few applications …")
            decided = _decide(db_url, root, history.awaiting_decision)
            conflicted = _suspend_before_pulling(counter, staff["supervisor"], decided[:1])
            pulled = _sync(counter, "pull", conflicts=len(conflicted))
            counter.backups.take_daily_if_due()  # today's automatic backup, as the app takes it
        _write_marker(
            root,
            {
                "format": MARKER_FORMAT,
                "office": OFFICE_CODE,
                "port": central.port,
                "accounts": [account.username for account in DEMO_ACCOUNTS],
            },
        )
    except BaseException:
        central.stop()
        for process in (publishing, coding):
            if process.poll() is None:
                process.kill()
                process.wait()
        raise
    return DemoInfo(
        root,
        central,
        created=True,
        seconds=time.monotonic() - started,
        decided=decided,
        conflicted=conflicted,
        seeded=history.applications,
        history=history,
        details={"pushed": pushed, "pulled": pulled},
    )


def _create_accounts(counter: Counter) -> dict[str, Actor]:
    """The staff of the demo office, created as on a real first start: the administrator first,
    who then adds the others."""
    first, *others = DEMO_ACCOUNTS
    admin = counter.accounts.create_first_admin(first.username, first.display_name, first.password)
    staff = {first.username: admin}
    for account in others:
        record = counter.accounts.add_user(
            admin, account.username, account.display_name, account.role, account.password
        )
        staff[account.username] = Actor.staff(record.id, record.username, record.display_name, account.role)
    return staff


def _sync(counter: Counter, what: str, *, conflicts: int = 0) -> int:
    """One sync; DemoError unless it ended "ok", or "partial" with exactly ``conflicts`` conflicts
    (and nothing pending or rejected)."""
    result = SyncEngine(counter).run(trigger="demo")
    expected = "partial" if conflicts else "ok"
    settled = result.pending == 0 and result.rejected == 0
    if (
        result.outcome != expected
        or result.conflicts != conflicts
        or counter.conflicts.count() != conflicts
        or not settled
    ):
        raise DemoError(
            f"the demo's {what} sync ended {result.outcome} with {result.conflicts} conflict(s), "
            f"{result.rejected} rejected and {result.pending} pending (expected {expected} with "
            f"{conflicts} conflict(s)): {result.error or ''}".strip()
        )
    return result.pushed if what == "push" else result.pulled


def _suspend_before_pulling(
    counter: Counter, supervisor: Actor, receipts: tuple[str, ...]
) -> tuple[str, ...]:
    """The supervisor suspends these cases on the counter while the back office has decided them on
    the platform: the next sync's push meets a status another writer changed, a conflict the
    counter keeps (and the decision is not pulled over it) until someone resolves it."""
    for receipt in receipts:
        rows = counter.queries.applications(supervisor, text=receipt, limit=10)
        (row,) = [row for row in rows if row.receipt_no == receipt]
        counter.cases.suspend(supervisor, row.id, SUSPENSION)
    return receipts


def _decide(db_url: str, root: Path, awaiting: tuple[str, ...]) -> tuple[str, ...]:
    """The back office completes (grants or denies) the oldest of the cases in progress that are not
    yet due: the overdue ones stay overdue. One ``counter-central decide`` each, side by side."""
    chosen = list(zip(sorted(awaiting), DECISIONS, strict=False))  # fewer open ones: fewer decisions
    running = [_start_command(db_url, root, "decide", receipt, *verdict) for receipt, verdict in chosen]
    for process in running:
        _finish_command(process)
    return tuple(receipt for receipt, _verdict in chosen)


# --- the window -------------------------------------------------------------------------------------------
@contextlib.contextmanager
def _quit_on_signals(app: Any) -> Iterator[None]:
    """Ctrl+C (and SIGTERM) end the Qt event loop like quitting does, so everything is cleaned up.

    Qt's loop runs in C++; a timer hands control to Python now and then so the handler can run.
    """
    from PySide6.QtCore import QTimer

    def handler(signum: int, _frame: object) -> None:
        app.exit(128 + signum)

    previous = {number: signal.signal(number, handler) for number in (signal.SIGINT, signal.SIGTERM)}
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(200)
    try:
        yield
    finally:
        wake.stop()
        for number, old in previous.items():
            signal.signal(number, old)


def run_demo(data_dir: Path | str | None = None, *, language: str | None = None) -> int:
    """``counter-app demo``: prepare the demo, open the app on it, stop the platform at the end."""
    root = Path(data_dir) if data_dir else default_demo_dir()
    info = prepare_demo(root, report=lambda text: print(text, flush=True))
    try:
        print(
            f"Central platform {info.server_url} (pid {info.central.pid}); demo ready in "
            f"{info.seconds:.1f} s. Log in as:",
            flush=True,
        )
        for account in info.accounts:
            print(f"  {account.username:<11} {account.password:<13} {account.role.value}", flush=True)

        from PySide6.QtWidgets import QApplication

        from ui.app import run

        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        with _quit_on_signals(app):
            return run(
                str(info.profile_dir),
                language=language,
                sync_interval_s=SYNC_INTERVAL_S,
                probe_interval_s=PROBE_INTERVAL_S,
                demo_credentials=info.accounts,
            )
    finally:
        info.close()
