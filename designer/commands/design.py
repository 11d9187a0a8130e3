"""``shosho design FILE``: open a template in the designer."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.errors import ShoshoError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "design",
        help="open a template in the designer window",
        description="Open a .shosho template in the designer.",
    )
    parser.add_argument(
        "file", type=Path, nargs="?", help="the .shosho template to open (none: the start page)"
    )
    parser.add_argument(
        "--roster", type=Path, help="also open this roster (CSV or XLSX) for the preview"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from designer.model.io import load_template

    if args.file is not None:
        load_template(args.file)  # a bad file fails here, with a message, before a window opens
    if args.roster is not None and not args.roster.exists():
        raise ShoshoError(f"{args.roster}: roster file not found")
    from designer.commands.gui import run_gui

    return run_gui(args, template=args.file, roster=args.roster)
