"""``shosho revoke``, ``suspend``, ``restore`` (``unsuspend``): change a credential's status,
logged."""

from __future__ import annotations

import argparse

from designer.settings import add_database_argument, settings_from_args

HELP = {
    "revoke": "revoke a credential for good (a student who left, a certificate withdrawn)",
    "suspend": "suspend a student-ID card (a lost card; it can be restored)",
    "restore": "lift a suspension (the lost card was found)",
    "unsuspend": "the same as restore",
}


def register(subparsers) -> None:
    for action, text in HELP.items():
        parser = subparsers.add_parser(action, help=text)
        parser.add_argument("credential_id", help="urn:uuid:… (or the bare UUID)")
        parser.add_argument("--reason", required=True, help="why (kept in the audit log)")
        add_database_argument(parser)
        parser.set_defaults(func=run, action=action)


def run(args: argparse.Namespace) -> int:
    from designer.issue.lifecycle import change_status
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    credential = change_status(store, args.credential_id, args.action, args.reason)
    print(
        f"{credential.id} ({credential.name}): now {credential.status}. Publish the status "
        "lists again (shosho status export) for verifiers to see it."
    )
    return 0
