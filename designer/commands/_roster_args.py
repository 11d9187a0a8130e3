"""Options shared by the commands that read a roster against a template."""

from __future__ import annotations

import argparse


def add_roster_options(parser: argparse.ArgumentParser, *, rows: bool = True) -> None:
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="take FIELD from roster COLUMN (repeatable), e.g. --map student_id=学生番号",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="roster text encoding (default: detected; e.g. cp932, utf-8)",
    )
    parser.add_argument(
        "--sheet-name",
        dest="sheet_name",
        metavar="NAME",
        help="XLSX sheet to read (default: the first)",
    )
    if rows:
        parser.add_argument(
            "--rows",
            metavar="RANGE",
            help="only these roster rows, as the check report numbers them (e.g. 2-11,15)",
        )
