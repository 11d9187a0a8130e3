"""``shosho import ob2``: bring an office's Open Badges 2.0 awards along to 3.0."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.errors import EXIT_DATA_ERROR, ShoshoError


def register(subparsers) -> None:
    parser = subparsers.add_parser("import", help="import badges issued elsewhere")
    commands = parser.add_subparsers(dest="import_command", metavar="COMMAND", required=True)
    ob2 = commands.add_parser(
        "ob2",
        help="Open Badges 2.0 awards → achievements, designs and rosters for `shosho issue`",
        description="Read Open Badges 2.0 files (hosted JSON, signed JWS, baked PNG/SVG, or a "
        "folder or zip of them as a platform exports them), check what can be checked offline, "
        "and write into OUT, for every badge: a design (.shosho), its achievement, and a roster "
        "of the recipients to issue again as Open Badges 3.0 with `shosho issue`. Revoked, "
        "expired, invalid and uncheckable awards are left out and listed with the reason. "
        "Nothing is written unless the whole import can be written.",
    )
    ob2.add_argument("paths", nargs="+", type=Path, help="files, folders or zips")
    ob2.add_argument("--out", type=Path, required=True, help="a new folder for the import")
    ob2.add_argument(
        "--roster",
        type=Path,
        help="the office's roster (CSV/XLSX with e-mail addresses) to match hashed recipients",
    )
    ob2.add_argument(
        "--profile",
        type=Path,
        help="the office's issuer profile: keep its id, key and lists, add the 2.0 issuer link",
    )
    ob2.add_argument(
        "--no-designs", action="store_true", help="write rosters and achievements only"
    )
    ob2.add_argument(
        "--dry-run", action="store_true", help="show what would be created; write nothing"
    )
    ob2.set_defaults(func=run_ob2)


def run_ob2(args: argparse.Namespace) -> int:
    from designer.issue.profile import read_profile_file
    from designer.ob2.importer import plan_import, report_text, write_import

    base = read_profile_file(args.profile) if args.profile else None
    plan = plan_import(list(args.paths), roster=args.roster, profile=base)
    print(report_text(plan), end="")
    if args.dry_run:
        return 0 if plan.badges else EXIT_DATA_ERROR
    try:
        written = write_import(plan, args.out, designs=not args.no_designs)
    except ShoshoError:
        raise
    print(f"wrote {len(written)} files into {args.out}")
    first = plan.badges[0]
    profile = args.profile or (args.out / "issuer-profile.json")
    print(
        "next: shosho issue "
        f"{args.out / (first.slug + '.shosho')} --roster {args.out / (first.slug + '-roster.csv')} "
        f"--issuer {profile} --key KEYREF --out DIR"
    )
    return 0
