"""``counter-app export``: the applications of a period to CSV or XLSX (DESIGN §5)."""

from __future__ import annotations

import argparse

from counter_app.errors import CounterError


def add_parser(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="applications of a period to CSV or XLSX")
    export.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    export.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    export.add_argument("--format", choices=("csv", "xlsx"), required=True)
    export.add_argument("--out", required=True, help="the file to write")
    export.add_argument("--full-ids", action="store_true", help="full ID numbers (audited)")
    export.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    raise CounterError("export is not available yet")
