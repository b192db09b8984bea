"""``counter-central``: run and operate the reference central platform (DESIGN §5).

Commands that create something print its id alone on the last line of stdout.
Exit codes: 0 ok, 2 refused (the message says why).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from central import admin
from central.db import make_engine
from central.errors import ApiError
from central.migrations import CentralSchemaTooNew, migrate


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    engine = make_engine(args.db)
    migrate(engine)
    return engine


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.app import WORKER_DB_ENV, WORKER_RATE_LIMIT_ENV, Settings, create_app, tune_collector

    settings = Settings(rate_limit_per_minute=args.rate_limit)
    engine = _engine(args)
    pruned = admin.prune_uploads(engine)  # uploads devices began and abandoned days ago
    if pruned:
        print(f"removed {pruned} abandoned upload(s)", file=sys.stderr)
    common: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "log_level": args.log_level,
        "access_log": args.log_level in ("info", "debug"),
        "proxy_headers": args.behind_proxy,
        "forwarded_allow_ips": "127.0.0.1" if args.behind_proxy else None,
    }
    if args.workers > 1:
        # Several processes on one port (the central is stateless: everything is in the database).
        # uvicorn starts them and builds the app in each from the environment.
        engine.dispose()
        os.environ[WORKER_DB_ENV] = str(engine.url.render_as_string(hide_password=False))
        os.environ[WORKER_RATE_LIMIT_ENV] = str(settings.rate_limit_per_minute)
        uvicorn.run("central.app:create_worker_app", factory=True, workers=args.workers, **common)
        return 0
    app = create_app(engine, settings)
    tune_collector()
    uvicorn.run(app, **common)
    return 0


def cmd_office(args: argparse.Namespace) -> int:
    code = admin.add_office(_engine(args), args.code, args.name)
    print(f"office {code} added")
    print(code)
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    code = admin.new_enroll_code(_engine(args), args.office, args.ttl_hours)
    print(f"one-time enrollment code for office {args.office} (valid {args.ttl_hours} h):")
    print(code)
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    try:
        document = json.loads(Path(args.file).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise admin.OperatorError(f"{args.file}: {exc}") from exc
    version = admin.publish_catalogue(_engine(args), document)
    print(f"catalogue {version} published")
    print(version)
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    result = admin.decide(_engine(args), args.receipt_no, approve=args.approve, reason=args.reason or "")
    print(f"{result['receipt_no']}: {result['status']} (version {result['version']})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    data = admin.export_office(_engine(args), args.office)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        for app in data["applications"]:
            print(f"{app['receipt_no']:<20} {app['status']:<20} v{app['version']}  {app['item_code']}")
    return 0


def cmd_device(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if args.device_command == "revoke":
        admin.revoke_device(engine, args.device_id)
        print(f"device {args.device_id} revoked")
        return 0
    for device in admin.list_devices(engine, args.office):
        state = "revoked" if device["revoked_at"] else "active"
        print(
            f"{device['id']}  {device['office_code']:<12} {device['receipt_prefix']}  {state:<8} "
            f"{device['name'] or ''}"
        )
    return 0


def cmd_uploads(args: argparse.Namespace) -> int:
    removed = admin.prune_uploads(_engine(args), timedelta(hours=args.older_than_hours))
    print(f"removed {removed} unfinished upload(s) begun more than {args.older_than_hours:g} h ago")
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    from central.openapi import openapi_document

    print(json.dumps(openapi_document(), ensure_ascii=False, indent=2, sort_keys=True))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counter-central", description="Counter reference central platform")
    parser.add_argument(
        "--db",
        help="database URL (default: SQLite in the data dir, or $COUNTER_CENTRAL_DB); "
        "postgresql://user:pass@host/db in production",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback only)")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--rate-limit", type=int, default=1200, help="requests per device per minute (0: off)")
    serve.add_argument(
        "--behind-proxy", action="store_true", help="trust X-Forwarded-* from a local TLS proxy"
    )
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes on this port (one database; default 1)"
    )
    serve.add_argument(
        "--log-level", default="info", choices=("critical", "error", "warning", "info", "debug")
    )
    serve.set_defaults(handler=cmd_serve)

    office = commands.add_parser("office", help="offices")
    office_commands = office.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    add = office_commands.add_parser("add", help="add an office")
    add.add_argument("code")
    add.add_argument("name")
    office.set_defaults(handler=cmd_office)

    enroll = commands.add_parser("enroll-code", help="make a one-time device enrollment code")
    enroll.add_argument("--office", required=True)
    enroll.add_argument("--ttl-hours", type=int, default=72)
    enroll.set_defaults(handler=cmd_enroll_code)

    catalogue = commands.add_parser("catalogue", help="service catalogue")
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    publish = catalogue_commands.add_parser("publish", help="validate and publish a catalogue file")
    publish.add_argument("file")
    catalogue.set_defaults(handler=cmd_catalogue)

    decide = commands.add_parser("decide", help="record a back-office decision")
    decide.add_argument("receipt_no")
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--deny", action="store_true")
    decide.add_argument("--reason")
    decide.set_defaults(handler=cmd_decide)

    export = commands.add_parser("export", help="an office's applications")
    export.add_argument("--office", required=True)
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=cmd_export)

    device = commands.add_parser("device", help="enrolled devices")
    device_commands = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    listing = device_commands.add_parser("list")
    listing.add_argument("--office")
    revoke = device_commands.add_parser("revoke")
    revoke.add_argument("device_id")
    device.set_defaults(handler=cmd_device)

    uploads = commands.add_parser("uploads", help="attachment uploads")
    upload_commands = uploads.add_subparsers(dest="uploads_command", metavar="ACTION", required=True)
    prune = upload_commands.add_parser("prune", help="delete unfinished uploads abandoned by devices")
    prune.add_argument("--older-than-hours", type=float, default=48.0)
    uploads.set_defaults(handler=cmd_uploads)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document")
    openapi.set_defaults(handler=cmd_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (admin.OperatorError, CentralSchemaTooNew) as exc:
        print(f"counter-central: {exc}", file=sys.stderr)
        return 2
    except ApiError as exc:
        print(f"counter-central: {exc.field + ': ' if exc.field else ''}{exc.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
