"""How the desktop app starts the central platform's command line: from Python, or from the bundle.

From a source tree or a wheel the platform is ``python -m central.cli``. A PyInstaller bundle has no
Python to run a module with, so its executables (``packaging/bundle_entry.py``, see build.spec) take
:data:`CENTRAL_ARGUMENT` as their first argument to mean "be ``counter-central``": ``counter-app
demo`` starts the embedded platform from the same bundle that way. The argument is not part of the
command line users see (DESIGN §5), and ``ui`` still never imports ``central``.
"""

from __future__ import annotations

import sys

CENTRAL_ARGUMENT = "--counter-central"


def frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def central_command() -> list[str]:
    """The start of the command line that runs ``counter-central`` (its arguments follow)."""
    if frozen():
        return [sys.executable, CENTRAL_ARGUMENT]
    return [sys.executable, "-m", "central.cli"]
