"""``shosho find``: a person's credentials across every batch and term."""

from __future__ import annotations

import argparse

from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "find",
        help="find a person's credentials by 学籍番号 (student ID), name or e-mail",
        description="Every credential, in every batch, whose student ID or e-mail is QUERY or "
        "whose name contains it (spaces and full-width letters ignored): course, date, "
        "state (active / suspended / revoked / superseded) and files.",
    )
    parser.add_argument("query", help="a student ID, an e-mail address or (part of) a name")
    parser.add_argument(
        "--state",
        action="append",
        choices=("active", "suspended", "revoked", "superseded"),
        help="only credentials in this state (repeatable)",
    )
    add_database_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from designer.issue.lookup import find_credentials
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    found = find_credentials(store, args.query, statuses=args.state)
    if not found:
        print(f"No credential found for {args.query!r}.")
        return 1
    for c in found:
        issued = c.issued_at.astimezone().strftime("%Y-%m-%d")
        print(f"{c.student_id or '-'}  {c.name}  <{c.email or '-'}>")
        print(
            f"  {c.course or c.template_name}  ({c.issuer_display_name}, {issued}, batch {c.batch_id})"
        )
        status = c.status + (f": {c.status_reason}" if c.status_reason else "")
        print(f"  {status}" + ("" if c.issued else f"  (not finished: {c.state})"))
        print(f"  {c.id}")
        for path in c.files:
            print(f"    {path}")
    print(f"{len(found)} credential(s).")
    return 0
