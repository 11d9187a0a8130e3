"""``shosho audit verify``: check the audit log's hash chain."""

from __future__ import annotations

import argparse

from designer.errors import EXIT_DATA_ERROR
from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="the audit log")
    sub = parser.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    verify = sub.add_parser("verify", help="check that no entry was edited or deleted")
    add_database_argument(verify)
    verify.set_defaults(func=run_verify)
    show = sub.add_parser("show", help="print the latest entries")
    show.add_argument("--last", type=int, default=20)
    add_database_argument(show)
    show.set_defaults(func=run_show)


def run_verify(args: argparse.Namespace) -> int:
    from designer.store import audit, open_store

    store = open_store(settings_from_args(args).database_url)
    with store.read() as session:
        report = audit.verify_chain(session)
        missing = audit.unlogged_credentials(session) if report.ok else []
    if not report.ok:
        print(f"audit log BROKEN: {report.problem}")
        return EXIT_DATA_ERROR
    if missing:
        print(
            f"audit log BROKEN: {len(missing)} issued credential(s) have no log entry, "
            f"e.g. {missing[0]} (entries were removed from the end)"
        )
        return EXIT_DATA_ERROR
    print(f"audit log intact: {report.entries} entries, head {report.head}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from designer.store import open_store
    from designer.store.models import AuditEntry

    store = open_store(settings_from_args(args).database_url)
    with store.read() as session:
        rows = (
            session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(args.last))
            .scalars()
            .all()
        )
    for entry in reversed(rows):
        print(
            f"{entry.seq:>6}  {entry.at[:19]}  {entry.actor:<20} {entry.action:<20} "
            f"{entry.subject}  {entry.details_json}"
        )
    return 0
