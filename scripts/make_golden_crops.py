"""Makes the golden crops in docs/images/ (300 dpi): each built-in template for a record of the
long-name roster (tests/render/data/roster-long-names.csv) or the English sample, and a
typesetting sample of rare names, variation sequences, vertical forms and 約物詰め.

    .venv/bin/python scripts/make_golden_crops.py

Look at every crop after a change to the text engine or a template.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from designer.data import bind_roster, map_columns, read_roster  # noqa: E402
from designer.model import TextElement, TextStyle, load_template  # noqa: E402
from designer.render.display import PageDisplay  # noqa: E402
from designer.render.fonts import installed_fonts  # noqa: E402
from designer.render.job import specimen_values  # noqa: E402
from designer.render.layout import layout_record  # noqa: E402
from designer.render.pdf import write_pdf  # noqa: E402
from designer.render.text import layout_text  # noqa: E402

OUT = ROOT / "docs" / "images"
LONG = ROOT / "tests" / "render" / "data" / "roster-long-names.csv"
EXAMPLES = ROOT / "examples"
MM = 300 / 25.4

# (file name, template, roster, row index, page, crop x, y, width, height in mm)
CROPS = [
    ("golden-shojo-body", "shojo", LONG, 0, 0, (55, 35, 75, 140)),
    ("golden-shusho-name-body", "shusho", LONG, 0, 0, (45, 70, 207, 105)),
    ("golden-student-id", "student-id", LONG, 0, 0, (0, 0, 85.6, 54)),
    ("golden-student-id-long", "student-id", LONG, 5, 0, (0, 0, 85.6, 54)),
    ("golden-certificate-en-letter", "certificate-en-letter", EXAMPLES / "roster-en.xlsx", 0, 0,
     (20, 60, 240, 100)),
]  # fmt: skip


def _crop(pdf: Path, page: int, box: tuple[float, float, float, float], name: str) -> None:
    x, y, w, h = (round(v * MM) for v in box)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", "-f", str(page + 1), "-l", str(page + 1),
         "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), str(pdf), str(OUT / name)],
        check=True,
    )  # fmt: skip


def _sample_page(fonts) -> PageDisplay:
    items = []
    lines = [
        ("IPAexMincho", False, "horizontal", "𠮷田 𩸽 𥔎 辻\U000e0100 葛\U000e0100 髙橋 﨑"),
        ("BIZ UDPGothic", True, "horizontal", "𠮷野 花　渡邉　WATANABE AVATAR"),
        ("IPAexMincho", False, "horizontal", "本学「地域」「データ」（活用）」、「講座」。"),
    ]
    for index, (family, bold, mode, text) in enumerate(lines):
        style = TextStyle(size=18, font_family=family, bold=bold, writing_mode=mode)
        element = TextElement(name="s", x=5, y=5 + index * 12, width=160, height=10, style=style)
        items += layout_text(element, text, fonts).runs
    style = TextStyle(size=18, font_family="IPAexMincho", writing_mode="vertical")
    element = TextElement(name="v", x=165, y=5, width=10, height=110, style=style)
    items += layout_text(element, "「データ〜ー」、AIとNASA。", fonts).runs
    return PageDisplay(width=180, height=120, items=items)


def main() -> None:
    fonts = installed_fonts()
    with tempfile.TemporaryDirectory() as folder:
        for name, template_name, roster_path, row, page, box in CROPS:
            template = load_template(ROOT / "templates" / f"{template_name}.shosho")
            roster = read_roster(roster_path)
            records = list(bind_roster(roster, map_columns(roster.headers)))
            values = specimen_values(records[row].values)
            pages = layout_record(template, values, fonts=fonts, assets_base=EXAMPLES)
            pdf = Path(folder) / f"{name}.pdf"
            write_pdf(pages, pdf)
            _crop(pdf, page, box, name)
        pdf = Path(folder) / "sample.pdf"
        write_pdf([_sample_page(fonts)], pdf)
        _crop(pdf, 0, (0, 0, 180, 120), "golden-typesetting-sample")
    for path in sorted(OUT.glob("golden-*.png")):
        print(path)


if __name__ == "__main__":
    main()
