"""``counter-app export``: the applications of a period to CSV or XLSX (DESIGN §5)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import ValidationError

# The core's names of the period's fields -> the options that give them.
_OPTIONS = {"start": "from", "end": "to", "format": "format", "path": "out"}


def add_parser(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="applications of a period to CSV or XLSX")
    export.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    export.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    export.add_argument("--format", choices=("csv", "xlsx"), required=True)
    export.add_argument("--out", required=True, help="the file to write")
    export.add_argument("--full-ids", action="store_true", help="full ID numbers (audited)")
    export.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the file; print how many applications and where (exit 0). A bad date, a period that
    ends before it starts or a missing folder exit 2 naming the option."""
    start, end = _day(args.start, "from"), _day(args.end, "to")
    out = Path(args.out).expanduser().absolute()
    with Counter.open(args.data_dir) as counter:
        try:
            written = counter.exports.export(
                Actor.command_line(), start, end, args.format, out, full_ids=args.full_ids
            )
        except ValidationError as error:
            raise ValidationError(
                _OPTIONS.get(error.field, error.field), error.detail, code=error.code
            ) from error
    print(f"{written} applications written to {out}")
    return 0


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(option, f"{text!r} is not a date (YYYY-MM-DD)", code="format") from None
