"""The packaged app (README, "The packaged app"): PyInstaller builds ``build.spec`` from a fresh clone of
this repository, and what it made runs — the command line (``--version``, ``status --json``), the
desktop app under ``QT_QPA_PLATFORM=offscreen`` in Simplified Chinese with its icon, and ``counter-app
demo`` with its central platform started from the same bundle, stopped cleanly by SIGTERM.

The clone is of HEAD: what is committed is what is built (uncommitted changes are not). It holds no
``.qm`` files, as a fresh clone does not: build.spec compiles the translations itself. How the app is
observed without a display: ``COUNTER_APP_SMOKE_REPORT`` (ui/smoke.py) makes it describe its first
window in a file and quit.

Slow (about a minute to build). PyInstaller is a dev dependency; without it this test fails and says
so, rather than passing or skipping.
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from counter_app import __version__
from counter_app.resources import ts_to_qm
from tests.support import ROOT

pytestmark = pytest.mark.slow

STATUS_KEYS = {"pending_ops", "conflicts", "last_sync", "server", "clock_offset_s"}
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 60
DEMO_TIMEOUT_S = 240  # the first start sets the demo's weeks up (~20 s here)
CJK = re.compile(r"[\u4e00-\u9fff]")
READY = re.compile(r"Central platform (http://127\.0\.0\.1:\d+) \(pid (\d+)\)")


def _run(args: list[str], *, timeout: float, **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{args}\nexit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def translation(ts: Path, context: str, source: str) -> str:
    """The translation of ``source`` in ``context`` in a Qt Linguist file."""
    for element in ET.parse(ts).getroot().iter("context"):
        if element.findtext("name") == context:
            for message in element.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise AssertionError(f"{ts} has no {context} / {source!r}")


class Bundle:
    def __init__(self, clone: Path, folder: Path, seconds: float) -> None:
        self.clone = clone
        self.folder = folder
        self.seconds = seconds
        self.gui = folder / "counter"  # windowed on Windows
        self.cli = folder / "counter-app"  # console

    def zh(self, context: str, source: str) -> str:
        return translation(self.clone / "resources" / "i18n" / "counter_zh_CN.ts", context, source)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail(
            f"PyInstaller is not installed in {sys.prefix}: the packaged app cannot be built or tested. "
            "It is a dev dependency: pip install -e '.[dev]' (make test installs it)."
        )
    root = tmp_path_factory.mktemp("bundle")
    clone = root / "clone"
    _run(["git", "clone", "--quiet", str(ROOT), str(clone)], timeout=120)
    assert not list(clone.rglob("*.qm")), "a fresh clone holds no compiled translations"
    started = time.monotonic()
    _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(root / "dist"),
            "--workpath",
            str(root / "work"),
            str(clone / "build.spec"),
        ],
        timeout=BUILD_TIMEOUT_S,
        cwd=clone,
    )
    seconds = time.monotonic() - started
    folder = root / "dist" / "counter"
    size = sum(os.lstat(os.path.join(at, name)).st_size for at, _, names in os.walk(folder) for name in names)
    print(f"bundle built in {seconds:.0f} s: {folder}, {size / 2**20:.0f} MiB")
    return Bundle(clone, folder, seconds)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def bundle_env(home: Path, **extra: str) -> dict[str, str]:
    """A user with an empty home, no saved preferences, no working keyring (so the profile uses the
    fallback key file in its config dir, never a real keyring) and an English C locale: Chinese must
    come from the app's own default, not from the system."""
    dropped = {"COUNTER_APP_LANG", "COUNTER_APP_DATA_DIR", "DBUS_SESSION_BUS_ADDRESS", "PYTHONPATH"}
    dropped |= {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "COUNTER_APP_SMOKE_REPORT"}
    env = {name: value for name, value in os.environ.items() if name not in dropped}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        COUNTER_APP_CONFIG_DIR=str(home / "counter-config"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    return env


def assert_gone(pid: int) -> None:
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def assert_in_chinese(report: dict[str, object], bundle: Bundle, window: str, title: str) -> None:
    assert report["window"] == window
    assert report["title"] == bundle.zh(window, title)
    assert report["display_name"] == bundle.zh("App", "Counter Government Service Desk")
    assert report["icon"] is True, "the window icon did not load from the bundle"
    assert report["platform"] == "offscreen"
    texts = report["texts"]
    assert isinstance(texts, list) and texts
    assert [text for text in texts if not CJK.search(text)] == [], "English on the first window"


def test_the_bundle_holds_both_executables_and_the_compiled_resources(bundle: Bundle) -> None:
    assert os.access(bundle.gui, os.X_OK) and os.access(bundle.cli, os.X_OK)
    resources = bundle.folder / "_internal" / "resources"
    for language in ("zh_CN", "en"):
        ts = bundle.clone / "resources" / "i18n" / f"counter_{language}.ts"
        assert (resources / "i18n" / f"counter_{language}.qm").read_bytes() == ts_to_qm(ts)
    assert (resources / "catalogue" / "demo.json").read_bytes() == (
        bundle.clone / "resources" / "catalogue" / "demo.json"
    ).read_bytes()
    assert (resources / "icons" / "counter.png").is_file()
    qt_translations = list(bundle.folder.rglob("qtbase_zh_CN.qm"))
    assert qt_translations, "Qt's own Chinese translation (standard buttons) is missing"


def test_version_and_status_from_the_bundle(bundle: Bundle, home: Path, tmp_path: Path) -> None:
    for executable in (bundle.cli, bundle.gui):  # on Linux both have standard output
        out = _run([str(executable), "--version"], timeout=RUN_TIMEOUT_S, env=bundle_env(home)).stdout
        assert out.strip() == f"counter-app {__version__}"
    data_dir = tmp_path / "profile"
    out = _run(
        [str(bundle.cli), "--data-dir", str(data_dir), "status", "--json"],
        timeout=RUN_TIMEOUT_S,
        env=bundle_env(home),
    ).stdout
    status = json.loads(out)
    assert set(status) == STATUS_KEYS
    assert status["pending_ops"] == 0 and status["server"] is None and status["last_sync"] is None
    assert (data_dir / "counter.db").is_file()  # the bundle opened (created) a real profile


def test_the_desktop_app_starts_in_simplified_chinese(bundle: Bundle, home: Path, tmp_path: Path) -> None:
    report = tmp_path / "first-window.json"
    data_dir = tmp_path / "profile"
    env = bundle_env(home, COUNTER_APP_SMOKE_REPORT=str(report))
    _run([str(bundle.gui), "--data-dir", str(data_dir)], timeout=RUN_TIMEOUT_S, env=env)
    # A new profile: the first administrator's account is asked for first.
    assert_in_chinese(
        json.loads(report.read_text("utf-8")), bundle, "FirstAdminDialog", "Create the administrator account"
    )


def _lines(stream: Iterator[str]) -> queue.Queue[str]:
    """The lines of a child's output, as they come (a thread reads them; the test waits on the queue)."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)
        lines.put("")  # end of output

    threading.Thread(target=read, daemon=True).start()
    return lines


def test_the_demo_runs_its_platform_from_the_bundle(bundle: Bundle, home: Path, tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    report = tmp_path / "login.json"
    # First start: the demo is set up through the bundle's own counter-central, then the login window.
    first = _run(
        [str(bundle.cli), "demo", "--data-dir", str(demo)],
        timeout=DEMO_TIMEOUT_S,
        env=bundle_env(home, COUNTER_APP_SMOKE_REPORT=str(report)),
    )
    ready = READY.search(first.stdout)
    assert ready, first.stdout + first.stderr
    url, central_pid = ready.group(1), int(ready.group(2))
    assert_in_chinese(json.loads(report.read_text("utf-8")), bundle, "LoginDialog", "Log in")
    assert_gone(central_pid)  # the app stopped its platform when it ended
    status = json.loads(
        _run(
            [str(bundle.cli), "--data-dir", str(demo / "counter"), "status", "--json"],
            timeout=RUN_TIMEOUT_S,
            env=bundle_env(home),
        ).stdout
    )
    assert status["server"] == url and status["last_sync"] is not None and status["pending_ops"] == 0

    # Second start: the demo is reused; the platform answers until the app is terminated.
    log = demo / "central.log"
    logged_before = log.stat().st_size
    app = subprocess.Popen(
        [str(bundle.cli), "demo", "--data-dir", str(demo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=bundle_env(home),
    )
    try:
        assert app.stdout is not None
        lines, seen = _lines(app.stdout), []
        deadline = time.monotonic() + DEMO_TIMEOUT_S
        while not (ready := READY.search("".join(seen))):
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            assert line, "the demo ended before its platform was ready:\n" + "".join(seen)
            seen.append(line)
        url, central_pid = ready.group(1), int(ready.group(2))
        hello = requests.get(url + "/v1/hello", timeout=10)
        assert hello.status_code == 200 and "server_epoch" in hello.json()
        # The window's sync pulls from the platform once the app is up (and its SIGTERM handler
        # installed): wait for that in the platform's log before terminating the app.
        while "/v1/sync/pull" not in log.read_bytes()[logged_before:].decode("utf-8", "replace"):
            assert app.poll() is None, "the demo ended:\n" + "".join(seen)
            assert time.monotonic() < deadline, "the demo's window never synced"
            time.sleep(0.1)  # polling another process's log, not synchronising threads
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=RUN_TIMEOUT_S) == 128 + signal.SIGTERM
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert_gone(central_pid)
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/v1/hello", timeout=10)
