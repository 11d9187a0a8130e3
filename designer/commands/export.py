"""``shosho export``: the bundle for upload, and ``--check`` of a bundle's integrity."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.errors import EXIT_DATA_ERROR, UsageError
from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write a batch's bundle for upload, or check one")
    parser.add_argument("batch", nargs="?", help="batch number")
    parser.add_argument("--out", help="bundle file to write, e.g. bundle.zip")
    parser.add_argument("--check", metavar="BUNDLE", help="check a bundle against its manifest")
    parser.add_argument("--key", help="key to sign the status lists with (pkcs11:… or file:PATH)")
    parser.add_argument("--pin-file")
    parser.add_argument("--passphrase-file")
    add_database_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from designer.issue.export import check_bundle, export_bundle

    if args.check:
        problems = check_bundle(Path(args.check))
        for problem in problems:
            print(problem)
        print(f"{args.check}: " + ("intact" if not problems else f"{len(problems)} problem(s)"))
        return EXIT_DATA_ERROR if problems else 0
    if not args.batch or not args.out:
        raise UsageError("shosho export needs BATCH and --out FILE (or --check BUNDLE)")
    try:
        batch_id = int(args.batch)
    except ValueError:
        raise UsageError(
            f"batch {args.batch!r}: a batch is a number (see shosho batches)"
        ) from None
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    signer = None
    if args.key:
        from designer.commands.issue import _signer

        signer = _signer(args.key, args)
    else:
        print("note: no --key given, so the bundle has no signed status lists or did.json")
    manifest = export_bundle(store, batch_id, Path(args.out), signer)
    print(f"{args.out}: {len(manifest['recipients'])} recipients, {len(manifest['files'])} files")
    return 0
