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
    out: Path = args.out
    started = time.perf_counter()
    print(f"Rendering the built-in templates for the sample rosters into {out.resolve()} …")
    for name, where, count in render_demo(out):
        print(f"  {name:<28} {count:>3} → {where}")
    print(
        f"Done in {time.perf_counter() - started:.1f} s. Open the PDFs in {(out / 'rendered').resolve()}"
    )
    return 0
