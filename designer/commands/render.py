"""``shosho render``: one print-ready PDF per record, or one print sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from designer.cli import worker_count
from designer.commands._roster_args import add_roster_options
from designer.data import print_report
from designer.data.report import Report, format_rows
from designer.errors import UsageError
from designer.prepare import bind_template_roster, open_template, parse_rows, require_clean
from designer.render.job import RenderOptions, render_records


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "render",
        help="render a template for every roster record into PDFs",
        description="Render TEMPLATE for each record of the roster: one PDF per person named by the "
        "template's file-name pattern, or with --sheet one print-ready PDF (cards N-up on "
        "A4 with crop marks and duplex backs). Nothing is signed or issued. Rows with errors "
        "are listed and left out; the others are rendered (exit status 1 if any was left out).",
    )
    parser.add_argument("template", help="a .shosho file or a built-in template name (e.g. shusho)")
    parser.add_argument("--roster", required=True, help="CSV, TSV or XLSX roster")
    parser.add_argument("--out", required=True, type=Path, help="output folder")
    parser.add_argument(
        "--sheet", action="store_true", help="one merged print PDF instead of one per record"
    )
    parser.add_argument("--bleed", action="store_true", help="pages include the template's bleed")
    parser.add_argument("--crop-marks", action="store_true", help="add crop marks around each page")
    parser.add_argument(
        "--offset",
        metavar="X,Y",
        default="0,0",
        help="printer calibration offset in mm for card sheets (e.g. 0.5,-0.3)",
    )
    parser.add_argument(
        "--workers", type=worker_count, default=2, help="processes to render with (default 2)"
    )
    add_roster_options(parser)
    parser.set_defaults(func=run)


def parse_offset(text: str) -> tuple[float, float]:
    try:
        x, y = (float(part) for part in text.split(","))
    except ValueError:
        raise UsageError(f"--offset {text!r}: give two numbers in mm, like 0.5,-0.3") from None
    return x, y


def run(args: argparse.Namespace) -> int:
    template, _path = open_template(args.template)
    rows = parse_rows(args.rows)
    offset = parse_offset(args.offset)
    bound = bind_template_roster(
        template,
        args.roster,
        overrides=args.map,
        encoding=args.encoding,
        sheet=args.sheet_name,
        rows=rows,
    )
    report = bound.report
    if report.problems:
        print_report(report)
    if any(problem.row is None for problem in report.errors):
        require_clean(report)  # a problem of the whole file: no record can be made
    bad_rows = {problem.row for problem in report.errors}
    records = [b for b in bound.records if b.row not in bad_rows]
    skipped = [(b.row, _first_error(report, b.row)) for b in bound.records if b.row in bad_rows]
    if not records:
        require_clean(report)
    options = RenderOptions(
        sheet=args.sheet,
        bleed=args.bleed,
        crop_marks=args.crop_marks,
        offset=offset,
        workers=max(1, args.workers),
    )
    result = render_records(
        template,
        ((b.row, b.values) for b in records),
        args.out,
        assets_base=bound.base_dir,
        options=options,
    )
    not_rendered = sorted(skipped + result.failed)
    rendered = len(records) - len(result.failed)
    what = "print sheet" if args.sheet else f"{len(result.files)} PDFs"
    print(f"Rendered {rendered} records ({result.pages} pages) into {what} in {args.out}")
    if not_rendered:
        print(
            f"Not rendered: {len(not_rendered)} of {len(bound.records)} records "
            "(fix these rows and render them again with --rows):",
            file=sys.stderr,
        )
        for row, why in not_rendered:
            print(f"  row {row}: {why}", file=sys.stderr)
        print(f"  --rows {format_rows(row for row, _ in not_rendered)}", file=sys.stderr)
        return 1
    return 0


def _first_error(report: Report, row: int | None) -> str:
    for problem in report.sorted_problems():
        if problem.row == row and problem.is_error:
            column = f"{problem.column}: " if problem.column else ""
            return column + problem.message
    return "has errors"
