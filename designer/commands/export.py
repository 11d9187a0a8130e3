"""``shosho export``: the bundle for upload (one batch, or an issuer's credentials of a period),
and ``--check`` of a bundle's integrity."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from designer.errors import EXIT_DATA_ERROR, ShoshoError, UsageError
from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a bundle for upload (a batch, or an issuer's credentials), or check one",
        description="Everything still held (revoked and superseded credentials are left out and "
        "listed in the manifest), the signed status lists and did.json (with --key), and a "
        "README saying what to upload where.",
    )
    parser.add_argument("batch", nargs="?", help="batch number (or use --issuer / --since)")
    parser.add_argument("--issuer", help="an issuer's credentials (saved profile name or id)")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="issued on or after this day")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="issued on or before this day")
    parser.add_argument("--out", help="bundle file to write, e.g. bundle.zip")
    parser.add_argument("--force", action="store_true", help="replace an existing bundle file")
    parser.add_argument("--check", metavar="BUNDLE", help="check a bundle against its manifest")
    parser.add_argument("--key", help="key to sign the status lists with (pkcs11:… or file:PATH)")
    parser.add_argument(
        "--did-json",
        type=Path,
        metavar="FILE",
        help="the issuer's published did.json: its keys are kept in the bundle's did.json",
    )
    parser.add_argument("--pin-file")
    parser.add_argument("--passphrase-file")
    add_database_argument(parser)
    parser.set_defaults(func=run)


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text!r}: give a date as YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    from designer.issue.export import BundleSelection, check_bundle, export_bundle

    if args.check:
        problems = check_bundle(Path(args.check))
        for problem in problems:
            print(problem)
        print(f"{args.check}: " + ("intact" if not problems else f"{len(problems)} problem(s)"))
        return EXIT_DATA_ERROR if problems else 0
    if not (args.batch or args.issuer or args.since or args.until) or not args.out:
        raise UsageError(
            "shosho export needs BATCH (or --issuer NAME, --since/--until) and --out FILE "
            "(or --check BUNDLE)"
        )
    batch_id = None
    if args.batch:
        try:
            batch_id = int(args.batch)
        except ValueError:
            raise UsageError(
                f"batch {args.batch!r}: a batch is a number (see shosho batches)"
            ) from None
    selection = BundleSelection(
        batch_id=batch_id,
        issuer=args.issuer,
        since=_day(args.since, "--since"),
        until=_day(args.until, "--until"),
    )
    did_json = None
    if args.did_json:
        try:
            did_json = json.loads(args.did_json.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ShoshoError(f"{args.did_json}: not a readable DID document ({error})") from None
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    signer = None
    if args.key:
        from designer.commands.issue import _signer

        signer = _signer(args.key, args)
    else:
        print("note: no --key given, so the bundle has no signed status lists or did.json")
    manifest = export_bundle(
        store, selection, Path(args.out), signer, force=args.force, did_json=did_json
    )
    left_out = len(manifest["withdrawn"])
    print(
        f"{args.out}: {len(manifest['recipients'])} recipients, {len(manifest['files'])} files"
        + (
            f"; {left_out} revoked or superseded left out (listed in the manifest)"
            if left_out
            else ""
        )
    )
    print("See README.txt inside for what to upload where; manifest.csv holds personal data.")
    return 0
