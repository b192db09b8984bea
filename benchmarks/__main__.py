"""``python -m benchmarks [--quick] [--json] [--only NAME]``: see :mod:`benchmarks.runner`."""

from __future__ import annotations

import os

# Before anything imports keyring: the benchmarks must never reach (or prompt for) a real keyring.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.runner import main

if __name__ == "__main__":
    raise SystemExit(main())
