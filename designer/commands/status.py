"""``shosho status export``: write each issuer's status lists, signed with that issuer's key,
as BitstringStatusListCredentials laid out by their URLs (``OUT/<host>/<path>``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.errors import UsageError
from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser("status", help="status lists for upload")
    sub = parser.add_subparsers(dest="status_command", metavar="SUBCOMMAND", required=True)
    export = sub.add_parser(
        "export",
        help="write the signed status lists to a folder",
        description="Write every status list of an issuer, signed with that issuer's key "
        "(eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256, VC-JWT for RSA), to "
        "OUT/<host>/<path of its URL>. With several issuers in the store, give --issuer and "
        "--key once per issuer, in pairs.",
    )
    export.add_argument("--out", required=True, help="folder to write into")
    export.add_argument(
        "--issuer",
        action="append",
        default=[],
        help="saved profile name or issuer id (repeatable; pairs with --key in order)",
    )
    export.add_argument(
        "--key",
        action="append",
        required=True,
        help="the issuer's key: pkcs11:… or file:PATH (repeatable)",
    )
    export.add_argument("--pin-file")
    export.add_argument("--passphrase-file")
    add_database_argument(export)
    export.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    from designer.commands.issue import _signer
    from designer.issue.status import IssuerKey, export_status_lists
    from designer.store import open_store

    if args.issuer and len(args.issuer) != len(args.key):
        raise UsageError(
            f"give one --key per --issuer ({len(args.issuer)} issuers, {len(args.key)} keys)"
        )
    if not args.issuer and len(args.key) > 1:
        raise UsageError("several --key values need an --issuer for each")
    store = open_store(settings_from_args(args).database_url)
    if args.issuer:
        keys = [
            IssuerKey(issuer, _signer(key, args))
            for issuer, key in zip(args.issuer, args.key, strict=True)
        ]
        written = export_status_lists(store, keys, Path(args.out))
    else:
        written = export_status_lists(store, _signer(args.key[0], args), Path(args.out))
    for path in written:
        print(path)
    if not written:
        print("No status lists yet (nothing issued).")
    return 0
