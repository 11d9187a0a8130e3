"""``shosho sheet BATCH``: the print sheet of an issued batch, with the real seals."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.settings import add_database_argument, settings_from_args


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sheet",
        help="print sheet of an issued batch: its active cards ten to an A4 sheet (or its "
        "certificates one per page) with the seals that were signed",
        description="Writes one PDF to print the batch on the office printer. Each card or "
        "certificate carries the QR seal signed for it; revoked, suspended and superseded "
        "credentials are left out. For sheets of unissued specimens use `shosho render --sheet`.",
    )
    parser.add_argument("batch", type=int, metavar="BATCH", help="the batch number")
    parser.add_argument(
        "--out", type=Path, help="the PDF to write (default: BATCH's folder, batch-N-sheet.pdf)"
    )
    parser.add_argument(
        "--offset",
        nargs=2,
        type=float,
        metavar=("X", "Y"),
        default=(0.0, 0.0),
        help="shift the print by X and Y mm (from the printer calibration page)",
    )
    add_database_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from designer.issue.lookup import get_batch
    from designer.issue.sheet import write_batch_sheet
    from designer.render.fonts import installed_fonts
    from designer.store import open_store

    store = open_store(settings_from_args(args).database_url)
    out = args.out or get_batch(store, args.batch).out_dir / f"batch-{args.batch}-sheet.pdf"
    pages, sheet = write_batch_sheet(
        store, args.batch, out, installed_fonts(), offset=tuple(args.offset)
    )
    left = f"; {sheet.left_out} left out (not active)" if sheet.left_out else ""
    print(f"{out}: {len(sheet.records)} printed on {pages} page(s){left}")
    return 0
