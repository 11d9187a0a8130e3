"""Fit modes (wrap, shrink, single_line), alignment and the roster-check helpers."""

from __future__ import annotations

import pytest

from designer.render.fonts import PT_TO_MM
from designer.render.text import layout_text, text_fits, text_problems

ASCENT = 1802 / 2048  # IPAex: the em box is 0.88 em above the baseline, 0.12 below
PARAGRAPH = "あなたは本学公開講座「地域データ活用講座」の全課程を修了したことを証します"


def block_fits(layout, el):
    """Everything drawn lies inside the element's box (glyph cells, not ink)."""
    em = layout.font_size * PT_TO_MM
    for line in layout.lines:
        assert line.x >= el.x - 1e-6
        assert line.x + line.length <= el.x + el.width + 1e-6
        assert line.y - ASCENT * em >= el.y - 1e-6
        assert line.y + (1 - ASCENT) * em <= el.y + el.height + 1e-6


def test_shrink_finds_a_size_that_fits_and_is_the_largest(fonts, element):
    el = element(x=5, y=7, width=60, height=20, size=24, min_size=6, fit="shrink")
    layout = layout_text(el, PARAGRAPH, fonts)
    assert not layout.overflow
    assert 6 <= layout.font_size < 24
    block_fits(layout, el)
    bigger = element(width=60, height=20, size=layout.font_size + 0.1, fit="wrap")
    assert layout_text(bigger, PARAGRAPH, fonts).overflow


def test_shrink_never_goes_below_min_size_and_flags_overflow(fonts, element):
    el = element(width=30, height=8, size=24, min_size=10, fit="shrink")
    layout = layout_text(el, PARAGRAPH * 3, fonts)
    assert layout.font_size == 10
    assert layout.overflow
    assert not text_fits(el, PARAGRAPH * 3, fonts)


def test_text_that_fits_keeps_its_size(fonts, element):
    el = element(width=100, height=30, size=14, fit="shrink")
    layout = layout_text(el, "山田 太郎", fonts)
    assert layout.font_size == 14 and not layout.overflow


def test_wrap_flags_overflow_when_the_box_is_too_small(fonts, element):
    el = element(width=40, height=10, size=12, fit="wrap")
    layout = layout_text(el, PARAGRAPH, fonts)
    assert layout.overflow and layout.font_size == 12
    assert not layout_text(element(width=200, height=40, size=12), PARAGRAPH, fonts).overflow


def test_single_line_shrinks_to_the_width(fonts, element):
    el = element(x=0, width=50, height=30, size=40, fit="single_line")
    layout = layout_text(el, "長谷川 𠮷之介 ジョンソン", fonts)
    assert len(layout.lines) == 1 and not layout.overflow
    assert layout.lines[0].length <= 50 + 1e-6
    assert layout.lines[0].length > 49  # shrunk just enough
    assert layout.font_size < 40


def test_single_line_reads_line_breaks_as_spaces(fonts, element):
    el = element(width=200, height=30, size=12, fit="single_line")
    assert [line.text for line in layout_text(el, "山田\n太郎", fonts).lines] == ["山田 太郎"]


def test_vertical_shrink_fits_the_column_height(fonts, element):
    el = element(width=15, height=80, size=40, min_size=8, fit="shrink", writing_mode="vertical")
    layout = layout_text(el, "あなたは頭書の成績を収めました", fonts)
    assert not layout.overflow
    em = layout.font_size * PT_TO_MM
    assert 8 < layout.font_size < 40
    assert all(line.length <= 80 + 1e-6 for line in layout.lines)
    assert layout.lines[-1].x - em / 2 >= -1e-6  # leftmost column inside the box
    assert layout.lines[0].x + em / 2 <= 15 + 1e-6


def test_positions_are_in_page_millimetres(fonts, element):
    el = element(x=30, y=40, width=100, height=20, size=10)
    layout = layout_text(el, "証", fonts)
    ((x, y),) = layout.runs[0].positions
    assert x == pytest.approx(30)
    assert y == pytest.approx(40 + ASCENT * 10 * PT_TO_MM)


@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_horizontal_alignment(fonts, element, align):
    width = 2 * 20 * PT_TO_MM  # two ideographs
    el = element(x=10, width=100, height=20, size=20, align=align)
    (line,) = layout_text(el, "一二", fonts).lines
    expected = {"left": 10, "center": 10 + (100 - width) / 2, "right": 110 - width}[align]
    assert line.x == pytest.approx(expected)
    assert line.length == pytest.approx(width)


def test_distribute_spreads_a_name_over_the_whole_width(fonts, element):
    el = element(x=10, width=80, height=20, size=20, align="distribute")
    layout = layout_text(el, "山田太郎", fonts)
    xs = [p[0] for p in layout.runs[0].positions]
    em = 20 * PT_TO_MM
    assert xs[0] == pytest.approx(10)
    assert xs[-1] + em == pytest.approx(90)
    gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert max(gaps) - min(gaps) < 1e-6


def test_justify_fills_all_lines_but_the_last(fonts, element):
    el = element(width=50, height=100, size=12, align="justify", font_family="Liberation Sans")
    layout = layout_text(el, "This certificate is awarded to the student named below", fonts)
    *body, last = layout.lines
    assert body and all(line.length == pytest.approx(50) for line in body)
    assert last.length < 50


def test_letter_spacing_and_line_height(fonts, element):
    em = 10 * PT_TO_MM
    el = element(width=200, height=100, size=10, letter_spacing=0.5, line_height=2.0)
    layout = layout_text(el, "一二\n三", fonts)
    xs = [p[0] for p in layout.runs[0].positions]
    assert xs[1] - xs[0] == pytest.approx(1.5 * em)
    assert layout.lines[1].y - layout.lines[0].y == pytest.approx(2 * em)


def test_middle_and_bottom_alignment(fonts, element):
    em = 10 * PT_TO_MM
    mid = layout_text(element(y=0, height=50, size=10, valign="middle"), "一", fonts)
    assert mid.lines[0].y == pytest.approx(25 - em / 2 + ASCENT * em)
    bottom = layout_text(element(y=0, height=50, size=10, valign="bottom"), "一", fonts)
    assert bottom.lines[0].y == pytest.approx(50 - (1 - ASCENT) * em)


def test_problems_name_the_element_and_the_characters(fonts, element):
    el = element(width=20, height=5, size=12, min_size=8, fit="shrink")
    el.name = "recipient"
    problems = text_problems(el, "山田\U00020000子と申します長い長い名前", fonts)
    assert len(problems) == 2
    assert "'recipient'" in problems[0] and "U+20000" in problems[0]
    assert "does not fit" in problems[1] and "8 pt" in problems[1]
    assert text_problems(element(width=100, height=20), "山田 花子", fonts) == []


def test_cached_layouts_return_fresh_runs(fonts, element):
    el = element(width=100, height=20, size=12)
    first = layout_text(el, "修了証書", fonts)
    first.runs[0].transform = (0, 1, -1, 0, 0, 0)
    second = layout_text(el, "修了証書", fonts)
    assert second.runs[0].transform is None
    assert second.runs[0].positions == first.runs[0].positions
