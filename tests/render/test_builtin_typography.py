"""Every built-in template, laid out for the sample rosters and for a roster of long names,
departments and course names: no wrapped paragraph leaves a line or column of three
characters or fewer, nothing breaks inside a Japanese phrase when the text could be set at
phrase boundaries, and every text fits its box."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.data import bind_roster, map_columns, read_roster
from designer.model import TextElement, load_template
from designer.render.fonts import FontLibrary
from designer.render.job import specimen_values
from designer.render.layout.handlers import expand
from designer.render.text import layout_text
from designer.resources import examples_dir, templates_dir

LONG_NAMES = Path(__file__).parent / "data" / "roster-long-names.csv"
ROSTERS = {
    "ja": examples_dir() / "roster-ja.csv",
    "en": examples_dir() / "roster-en.xlsx",
    "long": LONG_NAMES,
}
TEMPLATES = {
    "shusho": ("ja", "long"),
    "shojo": ("ja", "long"),
    "student-id": ("ja", "long"),
    "certificate-en-a4": ("en",),
    "certificate-en-letter": ("en",),
}
SHORT = 3


def _records(roster: str) -> list[dict]:
    data = read_roster(ROSTERS[roster])
    return [specimen_values(b.values) for b in bind_roster(data, map_columns(data.headers))]


def _cases():
    for template, rosters in TEMPLATES.items():
        for roster in rosters:
            yield pytest.param(template, roster, id=f"{template}-{roster}")


@pytest.fixture(scope="module")
def fonts() -> FontLibrary:
    return FontLibrary.default()


@pytest.mark.parametrize(("template_name", "roster"), _cases())
def test_no_short_lines_and_no_overflow(fonts, template_name, roster):
    template = load_template(templates_dir() / f"{template_name}.shosho")
    checked = 0
    for values in _records(roster):
        for side in template.sides:
            for element in side.elements:
                if not isinstance(element, TextElement):
                    continue
                text = expand(element.text, values)
                if not text.strip():
                    continue
                layout = layout_text(element, text, fonts)
                where = f"{template_name} {element.name!r} 「{text}」"
                assert not layout.overflow, where
                paragraphs: dict[int, list[str]] = {}
                for line in layout.lines:
                    start = text.rfind("\n", 0, line.start) + 1
                    paragraphs.setdefault(start, []).append(line.text.strip())
                for lines in paragraphs.values():
                    if len(lines) > 1:
                        checked += 1
                        assert all(len(line) > SHORT for line in lines), (where, lines)
    if roster == "long":
        assert checked > 0  # long names and courses do wrap: the rule was exercised


def test_the_long_department_breaks_between_its_words(fonts):
    template = load_template(templates_dir() / "student-id.shosho")
    (element,) = [e for e in template.sides[0].elements if e.name == "department"]
    layout = layout_text(element, "国際教養学部　グローバル・スタディーズ学科", fonts)
    assert [line.text.strip() for line in layout.lines] == [
        "国際教養学部",
        "グローバル・スタディーズ学科",
    ]
