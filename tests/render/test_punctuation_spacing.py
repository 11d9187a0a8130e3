"""約物詰め (JIS X 4051, basic rules): where full-width brackets and 、。 meet, their blank
halves close up. Checked on glyph positions, on the drawn page and on the text layer."""

from __future__ import annotations

import re

import pytest
from render_helpers import rasterise, run_tool

from designer.model.elements import TextElement, TextStyle
from designer.render.display import PageDisplay
from designer.render.fonts import PT_TO_MM, FontLibrary
from designer.render.pdf import write_pdf
from designer.render.text import layout_text

SIZE = 20.0
EM = SIZE * PT_TO_MM


def _advances(text: str, mode: str = "horizontal") -> dict[int, float]:
    """Distance (em) from each character's cell to the next one's, by index in ``text``."""
    vertical = mode == "vertical"
    style = TextStyle(size=SIZE, font_family="IPAexMincho", writing_mode=mode)
    element = TextElement(
        name="t", x=0, y=0, width=20 if vertical else 200, height=200 if vertical else 20,
        style=style,
    )  # fmt: skip
    (line,) = layout_text(element, text, FontLibrary.default()).lines
    return {
        i: (b - a) / EM
        for i, (a, b) in enumerate(zip(line.offsets, line.offsets[1:], strict=False))
    }


@pytest.mark.parametrize("mode", ["horizontal", "vertical"])
@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("地域」「講座", 2, 0.5),  # 」「 together take one em
        ("地域」「講座", 3, 0.5),
        ("活用）」と", 2, 0.5),  # ）」 one and a half
        ("活用）」と", 3, 1.0),
        ("講座、「地域", 2, 1.0),  # 、「 one and a half
        ("講座、「地域", 3, 0.5),
        ("講座」、と", 2, 0.5),  # 」、 one and a half
        ("講座「（地", 3, 0.5),  # 「（ one and a half
        ("講座「地域", 2, 1.0),  # a lone bracket keeps its full cell
    ],
)
def test_adjacent_punctuation_closes_up(mode, text, index, expected):
    assert _advances(text, mode)[index] == pytest.approx(expected)


def test_closed_up_brackets_draw_where_their_ink_belongs_and_copy_as_text(tmp_path):
    text = "本学「地域」「データ」（活用）」、「講座」。"
    style = TextStyle(size=SIZE, font_family="IPAexMincho")
    element = TextElement(name="t", x=10, y=10, width=190, height=20, style=style)
    layout = layout_text(element, text, FontLibrary.default())
    pdf = tmp_path / "brackets.pdf"
    write_pdf([PageDisplay(width=210, height=40, items=layout.runs)], pdf)
    for extra in ([], ["-raw"]):
        extracted = run_tool("pdftotext", *extra, str(pdf), "-")
        assert re.sub(r"\s", "", extracted) == text  # one line, nothing split or dropped
    # ink of 」「 sits at the outer quarters of their one-em pair: the middle stays blank
    image = rasterise(pdf, 300).convert("L")
    px = 300 / 25.4
    line = layout.lines[0]
    start = line.offsets[text.index("」「")]  # mm, the pair's cell
    top, bottom = int((10 + 0.1 * EM) * px), int((10 + 0.9 * EM) * px)

    def ink(a: float, b: float) -> int:
        box = image.crop((int(a * px), top, int(b * px), bottom))
        return sum(box.histogram()[:128])

    assert ink(start + 0.40 * EM, start + 0.60 * EM) == 0
    assert ink(start, start + 0.4 * EM) > 0 and ink(start + 0.6 * EM, start + EM) > 0
