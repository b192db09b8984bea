"""The entry point of the PyInstaller bundle's executables (build.spec): ``counter-app``'s command
line, or — when the first argument is ``ui.bundle.CENTRAL_ARGUMENT`` — ``counter-central``'s, which
is how ``counter-app demo`` starts its embedded platform from the same bundle.

It lives outside the checked packages on purpose: it is the one place that joins the client's
entry point and the platform's, which ``ui`` may never import (pyproject.toml's import contracts).
"""

from __future__ import annotations

import os
import sys

from ui.bundle import CENTRAL_ARGUMENT


def _quiet_streams() -> None:
    """A windowed executable on Windows starts without stdout and stderr (None): printing or logging
    would fail there, so they go nowhere instead. Where they exist (a terminal, a pipe) nothing changes."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def main() -> int:
    _quiet_streams()
    args = sys.argv[1:]
    if args[:1] == [CENTRAL_ARGUMENT]:
        from central.cli import main as central_main

        sys.argv[0] = "counter-central"  # its messages and --help name it so
        return central_main(args[1:])
    from ui.cli import main as counter_main

    return counter_main(args)


if __name__ == "__main__":
    sys.exit(main())
