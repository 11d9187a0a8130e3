"""Japanese line-breaking rules (禁則処理) and unbroken Latin words."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from designer.render.fonts import PT_TO_MM
from designer.render.text import layout_text
from designer.render.text.chars import NO_END, NO_START
from designer.render.text.horizontal import horizontal_units
from designer.render.text.linebreak import break_lines
from designer.render.text.units import break_flags

EM_12PT = 12 * PT_TO_MM


def lines_of(fonts, element, text, chars_per_line, **style):
    el = element(width=chars_per_line * EM_12PT + 0.01, height=500, size=12, **style)
    return [line.text for line in layout_text(el, text, fonts).lines]


def test_no_line_starts_with_closing_punctuation(fonts, element):
    # 5 per line: 。 would be the 6th character, so お moves down with it
    lines = lines_of(fonts, element, "あいうえお。かきくけこ", 5)
    assert lines[0] == "あいうえ" and lines[1].startswith("お。")
    assert all(line[0] not in NO_START for line in lines)


def test_no_line_starts_with_prolonged_sound_mark_or_small_kana(fonts, element):
    for text in ("あいうえコーヒー", "あいうえきっぷ", "あいうえキャンプ", "あいうえお」だ"):
        lines = lines_of(fonts, element, text, 5)
        for line in lines:
            assert line[0] not in "ーっャ」", (text, lines)


def test_no_line_ends_with_opening_bracket(fonts, element):
    lines = lines_of(fonts, element, "あいうえ「かきくけこ」", 5)
    assert lines[0] == "あいうえ"
    assert lines[1].startswith("「")
    assert all(line[-1] not in NO_END for line in lines)


def test_latin_words_are_not_split(fonts, element):
    el = element(width=40, height=200, size=12, font_family="Liberation Sans")
    text = "Certificate of completion awarded to Yamada Taro"
    lines = [line.text.strip() for line in layout_text(el, text, fonts).lines]
    words = text.split()
    assert " ".join(lines).split() == words
    for line in lines:
        assert all(word in words for word in line.split())
    assert len(lines) > 1


def test_mixed_japanese_and_latin_breaks_between_scripts_not_inside_words(fonts, element):
    lines = lines_of(fonts, element, "講座Pythonプログラミング", 6)
    assert "Python" in "".join(lines)
    assert any("Python" in line for line in lines)


def test_overlong_word_is_broken_as_a_last_resort(fonts, element):
    el = element(width=20, height=200, size=12, font_family="Liberation Sans")
    layout = layout_text(el, "Supercalifragilisticexpialidocious", fonts)
    assert len(layout.lines) > 1
    assert "".join(line.text for line in layout.lines) == "Supercalifragilisticexpialidocious"
    assert not layout.overflow


def test_explicit_newlines_start_new_lines(fonts, element):
    lines = lines_of(fonts, element, "修了証書\n\n山田 太郎\r\n殿", 20)
    assert lines == ["修了証書", "", "山田 太郎", "殿"]


JAPANESE = "あいうかきくアイウ漢字日本語証書、。」』）ーっゃョ「『（ ABC"


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=JAPANESE, min_size=1, max_size=60), capacity=st.integers(4, 12))
def test_kinsoku_holds_whenever_the_line_is_wide_enough(fonts, text, capacity):
    chain = fonts.chain("IPAexMincho")
    units, _ = horizontal_units(text, chain)
    flags = break_flags(units, text)
    # groups that may not be broken must fit one line, else breaking inside them is allowed
    group = 0.0
    for unit, flag in zip(units, flags, strict=True):
        group = unit.advance if flag else group + unit.advance
        assume(group <= capacity)
    for start, end in break_lines(units, flags, capacity, 0.0):
        drawn = [u for u in units[start:end] if not u.space]
        if start > 0 and drawn:
            assert text[units[start].start] not in NO_START
        if drawn:
            assert text[drawn[-1].start] not in NO_END or end == len(units)
