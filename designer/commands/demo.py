"""``shosho demo``: the built-in templates rendered for the sample rosters, and a sample batch
issued end to end with a demo key, into ./demo-output/."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from designer.model import load_template
from designer.prepare import bind_template_roster, builtin_templates, parse_rows, require_clean
from designer.render.job import RenderOptions, render_records
from designer.resources import examples_dir

# template -> (roster, rows to render or None for all)
DEMO_RENDERS = {
    "shusho": ("roster-ja.csv", None),
    "shojo": ("roster-ja.csv", "2-6"),
    "certificate-en-a4": ("roster-en.xlsx", None),
    "certificate-en-letter": ("roster-en.xlsx", "2-4"),
    "student-id": ("roster-ja.csv", None),
    "badge": ("roster-ja.csv", "2"),
}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="render and issue the built-in templates for the sample rosters",
        description="Render every built-in template for the sample rosters, with a print sheet for "
        "the student-ID cards, into ./demo-output/ (or --out).",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("demo-output"),
        help="output folder (default ./demo-output)",
    )
    parser.set_defaults(func=run)


def render_demo(out: Path) -> list[tuple[str, Path, int]]:
    made = []
    templates = builtin_templates()
    for name, (roster_name, rows) in DEMO_RENDERS.items():
        template = load_template(templates[name])
        bound = bind_template_roster(template, examples_dir() / roster_name, rows=parse_rows(rows))
        require_clean(bound.report)
        folder = out / "rendered" / name
        records = [(b.row, b.values) for b in bound.records]
        result = render_records(
            template, records, folder, assets_base=bound.base_dir, options=RenderOptions(workers=2)
        )
        made.append((name, folder, len(result.files)))
        if template.kind == "card":
            sheet = render_records(
                template,
                records,
                out / "rendered" / f"{name}-sheet",
                assets_base=bound.base_dir,
                options=RenderOptions(sheet=True),
            )
            made.append((f"{name} print sheet", sheet.files[0], sheet.pages))
    return made


def run(args: argparse.Namespace) -> int:
    from designer.issue.demo import issue_demo_batch
    from designer.settings import load_settings

    out: Path = args.out
    started = time.perf_counter()
    print(
        f"1. Rendering the built-in templates for the sample rosters into {(out / 'rendered').resolve()}"
    )
    for name, where, count in render_demo(out):
        print(f"   {name:<28} {count:>3} → {where}")
    print("2. Issuing the sample 修了証 batch: Open Badges 3.0 credentials signed with a DEMO key")
    print("   (the demo key is never trusted by any verifier: it only shows how issuing works)")
    summary = issue_demo_batch(out / "issued", load_settings())
    if summary.already_issued:
        print(
            f"   everyone in the sample roster already has the demo certificate ({summary.total});"
            " nothing was signed twice"
        )
    else:
        print(f"   batch {summary.batch_id}: {summary.issued_now} of {summary.total} issued")
    for label, where in (
        ("PDFs, signed JSON, baked PNG/SVG", summary.files_dir),
        ("bundle for upload", summary.bundle),
        ("signed status lists", summary.status_dir),
        ("verify page for the website", summary.verify_page),
        ("demo issuer profile", summary.issuer_profile),
    ):
        print(f"   {label:<33} → {where}")
    any_pdf = next(iter(sorted(Path(summary.files_dir).glob("*.pdf"))), None)
    if any_pdf is not None:
        print(f'3. Check one: shosho verify "{any_pdf}"')
        print(
            "   It reports a valid signature from an issuer nobody trusts (exit code 3): the demo"
        )
        print("   key is published with Shosho, so it proves nothing. Your own key, listed in your")
        print("   institution's trust list or did.json, gives VERIFIED.")
    print(f"Done in {time.perf_counter() - started:.1f} s.")
    return 0
