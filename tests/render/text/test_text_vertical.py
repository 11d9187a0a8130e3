"""Vertical writing (縦書き): order, punctuation, rotation and 縦中横."""

from __future__ import annotations

import pytest

from designer.render.fonts import PT_TO_MM
from designer.render.text import layout_text


def glyphs(layout):
    """(char, x, y, rotated, size) for every drawn glyph, in run order."""
    out = []
    for run in layout.runs:
        for i, ch in enumerate(run.text):
            x, y = run.positions[i]
            out.append((ch, x, y, bool(run.rotated and run.rotated[i]), run.size))
    return out


def test_columns_run_right_to_left_and_characters_top_to_bottom(fonts, element):
    el = element(
        x=10, y=20, width=60, height=3 * 20 * PT_TO_MM + 0.01, size=20, writing_mode="vertical"
    )
    layout = layout_text(el, "一二三四五六七八", fonts)
    # BudouX reads 「一二／三四五六七八」: the first column ends at that phrase boundary
    assert [line.text for line in layout.lines] == ["一二", "三四五", "六七八"]
    xs = [line.x for line in layout.lines]
    assert xs == sorted(xs, reverse=True)  # first column rightmost
    assert xs[0] == pytest.approx(10 + 60 - 20 * PT_TO_MM / 2)
    placed = glyphs(layout)
    assert "".join(g[0] for g in placed) == "一二三四五六七八"  # runs keep reading order
    first_column = [g for g in placed if g[0] in "一二"]
    ys = [g[2] for g in first_column]
    assert ys == sorted(ys) and ys[1] - ys[0] == pytest.approx(20 * PT_TO_MM)
    assert not any(g[3] for g in placed)


def test_two_digit_numbers_are_set_upright_side_by_side(fonts, element):
    el = element(width=20, height=200, size=20, writing_mode="vertical")
    layout = layout_text(el, "令和7年12月1日", fonts)
    placed = glyphs(layout)
    assert "".join(g[0] for g in placed) == "令和7年12月1日"
    one, two = (g for g in placed if g[0] in "12" and g[4] < 20)
    assert one[2] == pytest.approx(two[2])  # same baseline: side by side
    assert two[1] > one[1]
    assert not one[3] and not two[3]
    em = 20 * PT_TO_MM
    centre = 20 - em / 2
    digit_advance = fonts.chain("IPAexMincho")[0].advance("2") * two[4] * PT_TO_MM
    assert (one[1] + two[1] + digit_advance) / 2 == pytest.approx(centre, abs=0.01)
    assert two[1] + digit_advance - one[1] <= em + 1e-6  # scaled into one cell
    # single digits stay upright at full size; 月 follows the 12 cell one em lower
    seven = next(g for g in placed if g[0] == "7")
    assert seven[4] == 20 and not seven[3]
    year = next(g for g in placed if g[0] == "年")
    month = next(g for g in placed if g[0] == "月")
    assert month[2] - year[2] == pytest.approx(2 * em)


def test_long_numbers_and_latin_are_turned_sideways(fonts, element):
    el = element(width=20, height=200, size=20, writing_mode="vertical")
    placed = glyphs(layout_text(el, "第2025号 Abc", fonts))
    rotated = {g[0] for g in placed if g[3]}
    assert {"2", "0", "5", "A", "b", "c"} <= rotated
    assert "第" not in rotated and "号" not in rotated


def _glyph_ids(layout):
    return [
        (ch, run.glyph_ids[i] if run.glyph_ids else -1)
        for run in layout.runs
        for i, ch in enumerate(run.text)
    ]


def test_brackets_and_punctuation_use_the_fonts_vertical_alternates(fonts, element):
    el = element(width=20, height=300, size=20, writing_mode="vertical")
    text = "「賞状」、。（一）ー〜"
    layout = layout_text(el, text, fonts)
    placed = glyphs(layout)
    assert "".join(g[0] for g in placed) == text  # the characters stay; glyphs change
    assert not any(g[3] for g in placed)  # nothing is turned by rotation
    for ch, glyph in _glyph_ids(layout):
        assert (glyph >= 0) == (ch not in "賞状一"), ch


@pytest.fixture
def no_vertical_alternates(monkeypatch, fonts):
    """A face without GSUB vert/vrt2 (as many user fonts are); no layouts cached before."""
    from designer.render.text.shaping import FaceShaper

    monkeypatch.setattr(FaceShaper, "vertical_glyph", lambda self, ch: None)
    getattr(fonts, "_layout_cache", {}).clear()
    yield
    getattr(fonts, "_layout_cache", {}).clear()


def test_without_vert_presentation_forms_are_used(fonts, element, no_vertical_alternates):
    el = element(width=20, height=300, size=20, writing_mode="vertical")
    placed = glyphs(layout_text(el, "「賞状」、。（一）", fonts))
    assert "".join(g[0] for g in placed) == "﹁賞状﹂︑︒︵一︶"
    assert not any(g[3] for g in placed)


def test_without_vert_the_prolonged_sound_mark_is_rotated(fonts, element, no_vertical_alternates):
    el = element(width=20, height=300, size=20, writing_mode="vertical")
    placed = glyphs(layout_text(el, "コーヒー", fonts))
    assert [g[3] for g in placed] == [False, True, False, True]


def test_without_any_vertical_forms_brackets_rotate_and_commas_move(
    fonts, element, no_vertical_alternates
):
    el = element(
        width=20, height=300, size=20, writing_mode="vertical", font_family="BIZ UDPGothic"
    )
    placed = glyphs(layout_text(el, "あ「い」、", fonts))
    by_char = {g[0]: g for g in placed}
    assert "﹁" not in by_char  # BIZ UD maps no presentation forms
    assert by_char["「"][3] and by_char["」"][3]
    comma, a = by_char["、"], by_char["あ"]
    em = 20 * PT_TO_MM
    assert not comma[3]
    assert comma[1] > a[1] + 0.3 * em  # moved towards the right of the cell
    cell_top = placed[-1][2] - (0.5 + 0.38 - 0.6) * em
    assert comma[2] - cell_top < 0.5 * em  # and into its upper half


def test_small_kana_take_the_fonts_vertical_forms(fonts, element):
    el = element(width=20, height=300, size=20, writing_mode="vertical")
    layout = layout_text(el, "きっ", fonts)
    (ki, _), (small, glyph) = _glyph_ids(layout)
    assert small == "っ" and glyph >= 0  # IPAex's own top-right small kana


def test_small_kana_sit_towards_the_top_right_without_vert(fonts, element, no_vertical_alternates):
    el = element(width=20, height=300, size=20, writing_mode="vertical")
    chain = fonts.chain("IPAexMincho")
    placed = glyphs(layout_text(el, "きっ", fonts))
    ki, small = placed
    em = 20 * PT_TO_MM
    width = chain[0].advance("っ") * em
    assert small[1] == pytest.approx(20 - em / 2 - width / 2 + 0.1 * em)
    assert small[2] - ki[2] == pytest.approx(em - 0.1 * em)


def test_kinsoku_applies_to_column_breaks(fonts, element):
    em = 20 * PT_TO_MM
    el = element(width=100, height=4 * em + 0.01, size=20, writing_mode="vertical")
    layout = layout_text(el, "あいうえ。かき「くけ", fonts)
    columns = [line.text for line in layout.lines]
    assert columns[1][0] != "。"
    assert all(not c.endswith("「") for c in columns)


def test_vertical_align_places_the_block_of_columns(fonts, element):
    em = 20 * PT_TO_MM
    for valign, expected in (("top", 100 - em / 2), ("bottom", em / 2), ("middle", 50)):
        el = element(width=100, height=100, size=20, writing_mode="vertical", valign=valign)
        (line,) = layout_text(el, "一二", fonts).lines
        assert line.x == pytest.approx(expected), valign
