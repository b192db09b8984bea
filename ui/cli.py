"""``counter-app``: the command line (DESIGN §5).

It acts with the authority of the operating-system user who owns the data directory (audited as
``cli:<user>``) and asks for no staff login. PySide6 is imported only when a window opens, so every
other command runs on a machine with no display.

Exit codes: 0 success, 1 the command ran and found a problem (a broken audit chain), 2 bad input or
a refused operation (the message names the field).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from counter_app import __version__
from counter_app.accounts import Actor, Role
from counter_app.allocator import limit_arenas
from counter_app.core import Counter
from counter_app.errors import CounterError, ValidationError
from counter_app.paths import DataPaths
from ui.cli_conflicts import add_parser as add_conflicts_parser
from ui.cli_export import add_parser as add_export_parser

EXIT_OK, EXIT_PROBLEM, EXIT_INPUT = 0, 1, 2


def _read_password(args: argparse.Namespace, prompt: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise ValidationError("password", "no terminal to ask on: pass --password-stdin", code="required")
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat: ") != first:
        raise ValidationError("password", "the two passwords differ", code="mismatch")
    return first


def _open(args: argparse.Namespace) -> Counter:
    return Counter.open(args.data_dir)


# --- commands ----------------------------------------------------------------------------------------
def cmd_window(args: argparse.Namespace) -> int:
    from ui.app import run  # PySide6 only from here on

    return run(args.data_dir, language=getattr(args, "language", None))


def cmd_demo(args: argparse.Namespace) -> int:
    from ui.demo import DemoError, run_demo  # PySide6 only once the demo is ready

    try:
        return run_demo(args.data_dir, language=getattr(args, "language", None))
    except DemoError as error:
        print(f"counter-app demo: {error}", file=sys.stderr)
        return EXIT_PROBLEM


def cmd_user(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        actor = Actor.command_line()
        accounts = counter.accounts
        if args.user_command == "add":
            password = _read_password(args, f"Password for {args.username}: ")
            record = accounts.add_user(
                actor, args.username, args.name or args.username, Role(args.role), password
            )
            print(f"added {record.role} {record.username}")
            print(record.id)
        elif args.user_command == "passwd":
            accounts.change_password(
                actor, args.username, _read_password(args, f"New password for {args.username}: ")
            )
            print(f"password of {args.username} changed; the account is unlocked")
        elif args.user_command == "lock":
            accounts.set_locked(actor, args.username, not args.unlock)
            print(f"{args.username} {'unlocked' if args.unlock else 'locked'}")
        else:  # list
            for user in accounts.list_users(actor):
                state = "locked" if user.locked else ("inactive" if not user.active else "active")
                print(f"{user.username:<20} {user.role:<11} {state:<8} {user.display_name}")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        result = counter.admin.verify_audit(Actor.command_line())
    if args.json:
        print(json.dumps({"ok": result.ok, "events": result.events, "problems": result.problems}))
    else:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"audit chain {'intact' if result.ok else 'BROKEN'}: {result.events} events checked")
    return EXIT_OK if result.ok else EXIT_PROBLEM


def cmd_status(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        status = counter.admin.status()
    if args.json:
        print(
            json.dumps(
                {
                    "pending_ops": status.pending_ops,
                    "conflicts": status.conflicts,
                    "last_sync": status.last_sync,
                    "server": status.server,
                    "clock_offset_s": status.clock_offset_s,
                }
            )
        )
        return EXIT_OK
    print(f"pending operations: {status.pending_ops}")
    if status.held_scans:
        print(f"scans of drafts:    {status.held_scans} (sent once their application is decided)")
    print(f"conflicts:          {status.conflicts}")
    print(f"rejected:           {status.rejected}")
    print(f"last sync:          {status.last_sync or 'never'}")
    print(f"server:             {status.server or 'not enrolled'}")
    print(f"receipt prefix:     {status.receipt_prefix}")
    print(f"keys:               {status.secrets}")
    if not status.secrets_secure:
        print("WARNING: no working OS keyring; the data key is in the fallback file above.", file=sys.stderr)
    return EXIT_OK


def cmd_enroll(args: argparse.Namespace) -> int:
    from sync.engine import enroll
    from sync.transport import Refused, TransportError

    with _open(args) as counter:
        try:
            reply = enroll(counter, args.server, args.code, args.name)
        except Refused as exc:
            raise ValidationError(exc.field or "code", exc.message, code=exc.code) from exc
        except TransportError as exc:
            raise ValidationError("server", f"cannot reach {args.server}: {exc}", code="unreachable") from exc
    print(f"enrolled with {reply.office_name} ({reply.office_code}); receipt prefix {reply.receipt_prefix}")
    print(reply.device_id)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from sync.engine import SyncEngine

    with _open(args) as counter:
        report = SyncEngine(counter).run(trigger="cli")
    if args.json:
        print(json.dumps(report.wire()))
    else:
        print(
            f"{report.outcome}: pushed {report.pushed}, pulled {report.pulled}, "
            f"conflicts {report.conflicts}, rejected {report.rejected}, "
            f"{report.pending} still pending ({report.seconds:.1f} s)"
        )
        if report.error:
            print(report.error, file=sys.stderr)
    if report.outcome == "not_enrolled":
        print(
            "counter-app: this device is not enrolled: counter-app enroll --server URL --code CODE",
            file=sys.stderr,
        )
    if report.outcome == "revoked":
        print("counter-app: the server revoked this device: enroll it again", file=sys.stderr)
    return EXIT_OK if report.outcome == "ok" else EXIT_PROBLEM


def cmd_seed(args: argparse.Namespace) -> int:
    from counter_app.services.seed import Seeder

    if args.applications < 0:
        raise ValidationError("applications", "must be 0 or more", code="range")
    with _open(args) as counter:
        report = Seeder(counter, Actor.command_line(), args.seed).run(args.applications)
    print(f"seeded {report.applicants} applicants and {report.applications} applications")
    for status, count in sorted(report.by_status.items()):
        print(f"  {status:<20} {count}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        entry = counter.backups.create(Actor.command_line(), Path(args.path))
    print(f"encrypted backup written to {entry.path} ({entry.size} bytes)")
    print(entry.path)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from counter_app.errors import CorruptDatabase
    from counter_app.services.backups import restore_backup

    try:
        with _open(args) as counter:  # the same check (and audit) as the Admin page's
            counter.backups.request_restore(Actor.command_line(), Path(args.path))
    except CorruptDatabase:
        pass  # restoring is what one does with a damaged database: restore_backup checks the backup
    safety = restore_backup(DataPaths.resolve(args.data_dir), Path(args.path))
    # Opening migrates an older backup and checks that its key is here.
    with _open(args) as counter:
        counter.backups.record_restore(Actor.command_line(), Path(args.path), safety)
    print(f"restored from {args.path}; the previous database is kept as {safety}")
    return EXIT_OK


# --- parser ------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter-app", description="Counter: government service counter client"
    )
    parser.add_argument(
        "--data-dir", help="profile directory (default: platform data dir or $COUNTER_APP_DATA_DIR)"
    )
    parser.add_argument("--language", choices=("zh_CN", "en"), help="user interface language")
    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    parser.set_defaults(handler=cmd_window)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help="the app with an embedded central platform and demo data (set up on first use)"
    )
    # SUPPRESS: "counter-app --data-dir D demo" and "counter-app demo --data-dir D" both work.
    demo.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="demo directory (default: <data dir>/demo); reused when it exists",
    )
    demo.set_defaults(handler=cmd_demo)

    user = commands.add_parser("user", help="staff accounts")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_commands.add_parser("add", help="add a staff account")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--name", help="display name (default: the user name)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    passwd = user_commands.add_parser("passwd", help="set a password (also unlocks the account)")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    lock = user_commands.add_parser("lock", help="lock (or --unlock) an account")
    lock.add_argument("username")
    lock.add_argument("--unlock", action="store_true")
    user_commands.add_parser("list", help="list accounts")
    user.set_defaults(handler=cmd_user)

    audit = commands.add_parser("audit", help="audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain; exit 1 on any break")
    verify.add_argument("--json", action="store_true")
    audit.set_defaults(handler=cmd_audit)

    status = commands.add_parser("status", help="pending operations, last sync, keys")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_status)

    enroll = commands.add_parser("enroll", help="enroll this device with an office of the central platform")
    enroll.add_argument(
        "--server", required=True, help="central platform URL, e.g. https://gov.example/counter"
    )
    enroll.add_argument("--code", required=True, help="one-time enrollment code from the platform operator")
    enroll.add_argument("--name", help="a name for this counter (default: none)")
    enroll.set_defaults(handler=cmd_enroll)

    sync = commands.add_parser("sync", help="sync now; exit 0 only if everything was pushed")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=cmd_sync)

    seed = commands.add_parser("seed", help="deterministic demo data through the intake use cases")
    seed.add_argument("--applications", type=int, required=True)
    seed.add_argument("--seed", type=int, default=0)
    seed.set_defaults(handler=cmd_seed)

    backup = commands.add_parser(
        "backup", help="encrypted consistent online backup to PATH (a file, or a folder to write one in)"
    )
    backup.add_argument("path")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="restore the backup at PATH (keeps the current database)")
    restore.add_argument("path")
    restore.set_defaults(handler=cmd_restore)

    add_conflicts_parser(commands)
    add_export_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    limit_arenas()  # before any thread starts: a process that runs for days (counter_app.allocator)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except ValidationError as error:
        print(f"counter-app: {error.field}: {error.detail}", file=sys.stderr)
        return EXIT_INPUT
    except CounterError as error:
        print(f"counter-app: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
