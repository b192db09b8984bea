"""``counter-app conflicts``: sync conflicts and the ops the platform rejected (DESIGN §5).

    conflicts list [--json]                          open conflicts, field by field (shows personal
                                                     data: every listing is audited)
    conflicts resolve ID --keep mine|server          keep this counter's change, or the platform's
    conflicts resolve ID --set FIELD=VALUE ...       edit the conflicting fields and keep the result
    conflicts rejected [--all] [--json]              ops the platform refused, with field and reason
    conflicts acknowledge OP_ID                      mark a rejected op as seen (it is kept)

Listing exits 0 whatever it finds (`counter-app status --json` counts conflicts for scripts);
an unknown id or a refused value exits 2 naming the field, like every other command. Keeping this
counter's change is refused (exit 2, naming the status) when its step is no longer allowed from the
platform's state: only --keep server is left then.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import ValidationError
from counter_app.records import RejectedOp, SyncConflict
from counter_app.services.conflicts import StepNotAllowed, keep_mine_refusal

EXIT_OK = 0


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    conflicts = commands.add_parser(
        "conflicts",
        help="sync conflicts and the operations the platform rejected",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
        epilog=__doc__.split("\n\n")[2] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = conflicts.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="open conflicts, field by field (shows personal data; audited)")
    listing.add_argument("--json", action="store_true")
    resolve = actions.add_parser(
        "resolve",
        help="resolve a conflict: --keep mine|server, or --set FIELD=VALUE (edit and keep)",
    )
    resolve.add_argument("id", type=int, help="the conflict's id (conflicts list)")
    resolve.add_argument("--keep", choices=("mine", "server"), help="whose version stays")
    resolve.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="edit and keep: a value for a field in conflict (repeatable; JSON for objects and lists)",
    )
    rejected = actions.add_parser(
        "rejected",
        help="operations the platform rejected, with the field and the reason (not yet acknowledged)",
    )
    rejected.add_argument("--all", action="store_true", help="also those already acknowledged")
    rejected.add_argument("--json", action="store_true")
    acknowledge = actions.add_parser(
        "acknowledge", help="mark a rejected operation as seen (it is kept, never deleted)"
    )
    acknowledge.add_argument("op_id", help="the operation's id (conflicts rejected)")
    conflicts.set_defaults(handler=cmd_conflicts)


def cmd_conflicts(args: argparse.Namespace) -> int:
    actor = Actor.command_line()
    with Counter.open(args.data_dir) as counter:
        service = counter.conflicts
        if args.conflicts_command == "list":
            _print_conflicts(service.list_open(actor), as_json=args.json)
        elif args.conflicts_command == "resolve":
            if bool(args.keep) == bool(args.set):
                raise ValidationError(
                    "keep", "either --keep mine|server or --set FIELD=VALUE", code="required"
                )
            try:
                if args.keep:
                    service.resolve(actor, args.id, args.keep)
                    print(f"conflict {args.id} resolved: {args.keep} kept; sent at the next sync")
                else:
                    texts = _assignments(args.set)
                    service.edit_and_keep_text(actor, args.id, texts)
                    print(f"conflict {args.id} resolved: edited ({', '.join(texts)}); sent at the next sync")
            except StepNotAllowed as refused:
                raise ValidationError(
                    refused.field, f"{refused.detail} (--keep server)", code=refused.code
                ) from None
        elif args.conflicts_command == "rejected":
            _print_rejected(service.rejected(actor, include_acknowledged=args.all), as_json=args.json)
        else:  # acknowledge
            marked = service.acknowledge(actor, args.op_id)
            print(f"{args.op_id} {'acknowledged' if marked else 'was acknowledged before'}")
    return EXIT_OK


def _assignments(assignments: list[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for assignment in assignments:
        name, sep, text = assignment.partition("=")
        if not sep or not name.strip():
            raise ValidationError("set", f"FIELD=VALUE expected, not {assignment!r}", code="format")
        texts[name.strip()] = text
    return texts


# --- output -------------------------------------------------------------------------------------------
def conflict_json(conflict: SyncConflict) -> dict[str, Any]:
    """The stable shape ``conflicts list --json`` prints for one conflict."""
    return {
        "id": conflict.id,
        "entity": conflict.entity,
        "record_id": conflict.record_id,
        "receipt_no": conflict.receipt_no,
        "applicant_name": conflict.applicant_name,
        "detected_at": conflict.detected_at,
        "op_id": conflict.op_id,
        "op": conflict.op_data,
        "conflict_fields": list(conflict.conflict_fields),
        "platform_version": conflict.platform_version,
        "fields": [
            {
                "name": row.name,
                "local": row.local,
                "platform": row.platform,
                "differs": row.differs,
                "personal": row.personal,
                "in_conflict": row.in_conflict,
            }
            for row in conflict.fields
        ],
    }


def rejected_json(op: RejectedOp) -> dict[str, Any]:
    """The stable shape ``conflicts rejected --json`` prints for one op."""
    return {
        "op_id": op.op_id,
        "seq": op.seq,
        "entity": op.entity,
        "record_id": op.record_id,
        "op": op.op,
        "receipt_no": op.receipt_no,
        "applicant_name": op.applicant_name,
        "made_at": op.made_at,
        "made_by": op.made_by,
        "rejected_at": op.rejected_at,
        "fields": list(op.fields),
        "field": op.field,
        "code": op.code,
        "message": op.message,
        "acknowledged_at": op.acknowledged_at,
        "acknowledged_by": op.acknowledged_by,
    }


def _print_conflicts(conflicts: list[SyncConflict], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"conflicts": [conflict_json(c) for c in conflicts]}, ensure_ascii=False))
        return
    if not conflicts:
        print("no open conflicts")
        return
    for conflict in conflicts:
        label = " ".join(part for part in (conflict.receipt_no, conflict.applicant_name) if part)
        print(
            f"conflict {conflict.id}: {conflict.entity} {conflict.record_id} {label}".rstrip()
            + f" (detected {conflict.detected_at}, platform version {conflict.platform_version})"
        )
        print(f"  {'':2}{'field':<20} {'this counter':<30} platform")
        for row in conflict.fields:
            if row.differs or row.in_conflict:
                mark = "* " if row.in_conflict else "  "
                print(f"  {mark}{row.name:<20} {_text(row.local):<30} {_text(row.platform)}")
        refused = keep_mine_refusal(conflict)
        if refused is not None:
            print(f"  this counter's change cannot be kept: {refused.field}: {refused.detail}")
    print("(* changed on both sides: resolve with --keep mine|server or --set FIELD=VALUE)")


def _print_rejected(ops: list[RejectedOp], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"rejected": [rejected_json(op) for op in ops]}, ensure_ascii=False))
        return
    if not ops:
        print("no rejected operations")
        return
    for op in ops:
        label = " ".join(part for part in (op.receipt_no, op.applicant_name) if part)
        seen = f", acknowledged by {op.acknowledged_by}" if op.acknowledged_at else ""
        print(
            f"{op.op_id}: {op.op} {op.entity} {op.record_id} {label}".rstrip() + f" ({op.rejected_at}{seen})"
        )
        print(f"  {op.field or '-'}: {op.message} [{op.code}]")


def _text(value: Any) -> str:
    if value is None:
        return "-"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
