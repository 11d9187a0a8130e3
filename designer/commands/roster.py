"""``shosho roster check``: every problem in a roster, by file, row and column."""

from __future__ import annotations

import argparse

from designer.commands._roster_args import add_roster_options
from designer.data import check_roster_file, print_report
from designer.errors import EXIT_DATA_ERROR, ShoshoError, UsageError
from designer.prepare import bind_template_roster, open_template
from designer.render.fonts import installed_fonts


def register(subparsers) -> None:
    parser = subparsers.add_parser("roster", help="check rosters")
    commands = parser.add_subparsers(dest="roster_command", metavar="COMMAND", required=True)
    check = commands.add_parser(
        "check",
        help="report every problem in a roster",
        description="Read ROSTER and report every problem by file, row and column: missing values, "
        "unreadable dates, duplicate student IDs, missing photos, characters no font has, "
        "text that cannot fit even at the smallest size, QR seals too large. Exits 1 if "
        "any problem is an error.",
    )
    check.add_argument("roster", help="CSV, TSV or XLSX roster")
    check.add_argument("--template", help="check against this template (.shosho or built-in name)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    add_roster_options(check, rows=False)
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    if args.template:
        template, _ = open_template(args.template)
        try:
            report = bind_template_roster(
                template,
                args.roster,
                overrides=args.map,
                encoding=args.encoding,
                sheet=args.sheet_name,
                fonts=installed_fonts(),
            ).report
        except UsageError:
            raise
        except ShoshoError:  # an unreadable roster: report it as a one-line report
            report = check_roster_file(
                args.roster, (), encoding=args.encoding, sheet=args.sheet_name, overrides=args.map
            )
    else:
        report = check_roster_file(
            args.roster, (), encoding=args.encoding, sheet=args.sheet_name, overrides=args.map
        )
    if args.json:
        print(report.to_json())
    else:
        print_report(report)
    return EXIT_DATA_ERROR if report.has_errors else 0
