"""``shosho verify-page``: write the static page that checks seals on the institution's site."""

from __future__ import annotations

import argparse

from designer.verification.verify_page import write_verify_page


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify-page",
        help="write the static seal-check page (index.html) for the verify host",
        description=(
            "Write one self-contained index.html that verifies QR seals in the browser. "
            "Upload it to the path of the issuer's verifyUrl."
        ),
    )
    parser.add_argument(
        "--issuer", required=True, metavar="ISSUER.json", help="issuer file with sealKeys"
    )
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="folder to write index.html into"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = write_verify_page(args.issuer, args.out)
    print(f"wrote {target}")
    return 0
