"""``shosho status export``: write every status list as a signed BitstringStatusListCredential."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser("status", help="status lists for upload")
    sub = parser.add_subparsers(dest="status_command", metavar="SUBCOMMAND", required=True)
    export = sub.add_parser("export", help="write the signed status lists to a folder")
    export.add_argument("--out", required=True, help="folder to write into")
    export.add_argument("--key", required=True, help="key reference: pkcs11:… or file:PATH")
    export.add_argument("--pin-file")
    export.add_argument("--passphrase-file")
    add_database_argument(export)
    export.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    from designer.commands.issue import _signer
    from designer.issue.status import export_status_lists
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    written = export_status_lists(store, _signer(args.key, args), Path(args.out))
    for path in written:
        print(path)
    if not written:
        print("No status lists yet (nothing issued).")
    return 0
