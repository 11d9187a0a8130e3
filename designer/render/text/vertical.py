"""Vertical text (縦書き): characters top to bottom, columns right to left.

Kanji and kana stand upright in 1 em cells (the font's vmtx advance). Punctuation, brackets,
ー and 〜 take the face's own vertical alternates (GSUB ``vert``/``vrt2``, through HarfBuzz);
a face without them gives its vertical presentation forms where it maps them; otherwise 、。
move to the top-right of the cell and brackets, ー and 〜 are turned 90° clockwise. Latin text
is turned sideways; one or two ASCII digits or capitals stand upright side by side in one cell
(縦中横), and longer runs of capitals (acronyms) stand upright one letter per cell.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from designer.render.fonts import PT_TO_MM, FaceMetrics
from designer.render.text.chars import (
    ROTATED_IN_VERTICAL,
    SHIFTED_PUNCTUATION,
    SMALL_KANA,
    VERTICAL_FORMS,
    is_ascii_digit,
    is_space,
    is_wide,
)
from designer.render.text.placement import RunCollector, TextLine, inline_offsets
from designer.render.text.shaping import shaper
from designer.render.text.units import (
    COMBINED,
    NEWLINE,
    ROTATED,
    UPRIGHT,
    Unit,
    attach_ignorable,
    close_up_punctuation,
    find_face,
    is_skipped,
)

SMALL_KANA_SHIFT = (0.1, 0.1)  # em right, em up
COMBINE_MAX_DIGITS = 2
_LATIN_CONTEXT = ".,:/-+%"


def _is_capital(ch: str) -> bool:
    return "A" <= ch <= "Z"


def _latin_neighbour(ch: str) -> bool:
    """Whether ``ch`` (one character, or "" at either end of the text) belongs to Latin text."""
    return ch != "" and ch.isascii() and (ch.isalnum() or ch in _LATIN_CONTEXT)


def vertical_units(text: str, chain: Sequence[FaceMetrics]) -> tuple[list[Unit], set[str]]:
    units: list[Unit] = []
    missing: set[str] = set()
    count = len(text)
    i = 0
    while i < count:
        ch = text[i]
        if ch == "\n":
            units.append(Unit(i, i + 1, "", 0, 0.0, NEWLINE))
            i += 1
            continue
        if is_skipped(ch):
            attach_ignorable(units, i, text, chain, missing)
            i += 1
            continue
        if is_ascii_digit(ch) or _is_capital(ch):
            same_class = is_ascii_digit if is_ascii_digit(ch) else _is_capital
            j = i
            while j < count and same_class(text[j]):
                j += 1
            before = text[i - 1] if i else ""
            after = text[j] if j < count else ""
            alone = not _latin_neighbour(before) and not _latin_neighbour(after)
            if alone and j - i <= COMBINE_MAX_DIGITS:
                face, _ = find_face(ch, chain)
                digits = text[i:j]
                width = sum(chain[face].advance(d) for d in digits)
                units.append(Unit(i, j, digits, face, 1.0, COMBINED, width=width))
                i = j
                continue
            if alone and same_class is _is_capital:
                # longer acronyms stand upright, one letter per cell (JLREQ 3.2.3)
                for k in range(i, j):
                    face, advance = find_face(text[k], chain)
                    units.append(Unit(k, k + 1, text[k], face, 1.0, UPRIGHT, width=advance or 0.6))
                i = j
                continue
        face, advance = find_face(ch, chain)
        if advance is None:
            if is_space(ch):
                advance = 1.0 if ch == "\u3000" else 0.25
            else:
                missing.add(ch)
                advance = chain[0].notdef_advance
        metrics = chain[face]
        space = is_space(ch)
        if ch == "\u3000" or (is_wide(ch) and not space):
            form = VERTICAL_FORMS.get(ch)
            alternate = shaper(metrics.ref).vertical_glyph(ch) if not space else None
            if alternate is not None:  # the face's own vertical form (GSUB vert/vrt2)
                glyph, vertical_advance = alternate
                units.append(
                    Unit(
                        i,
                        i + 1,
                        ch,
                        face,
                        vertical_advance,
                        UPRIGHT,
                        width=shaper(metrics.ref).horizontal_advance(glyph),
                        glyph=glyph,
                    )
                )
            elif form is not None and form in metrics.advances:
                units.append(
                    Unit(
                        i,
                        i + 1,
                        form,
                        face,
                        metrics.vertical_advance(form),
                        UPRIGHT,
                        width=metrics.advances[form],
                    )
                )
            elif ch in ROTATED_IN_VERTICAL:
                units.append(Unit(i, i + 1, ch, face, advance, ROTATED))
            else:
                shift = SHIFTED_PUNCTUATION.get(ch)
                if shift is not None:
                    # placed from the cell's left edge, whatever the glyph's own advance
                    dx, dy, cell_width = shift[0], shift[1], 1.0
                else:
                    dx, dy = SMALL_KANA_SHIFT if ch in SMALL_KANA else (0.0, 0.0)
                    cell_width = advance
                units.append(
                    Unit(
                        i,
                        i + 1,
                        ch,
                        face,
                        metrics.vertical_advance(ch),
                        UPRIGHT,
                        space=space,
                        dx=dx,
                        dy=dy,
                        width=cell_width,
                    )
                )
        else:
            units.append(Unit(i, i + 1, ch, face, advance, ROTATED, space=space))
        i += 1
    close_up_punctuation(units, text, vertical=True)
    return units, missing


def block_width(column_count: int, size_mm: float, line_height: float) -> float:
    """Width of ``column_count`` columns: one em for the first, one pitch for each further."""
    return (max(column_count, 1) - 1) * line_height * size_mm + size_mm


def place_vertical(
    units: Sequence[Unit],
    text: str,
    lines: Sequence[tuple[int, int]],
    chain: Sequence[FaceMetrics],
    box: tuple[float, float, float, float],
    size: float,
    spacing: float,
    line_height: float,
    align: str,
    valign: str,
    collector: RunCollector,
) -> list[TextLine]:
    """Columns from the right edge leftwards. ``align`` works along the column (left = top,
    right = bottom); ``valign`` places the block of columns (top = at the right edge,
    middle = centred, bottom = at the left edge)."""
    x0, y0, width, height = box
    size_mm = size * PT_TO_MM
    pitch = line_height * size_mm
    used = block_width(len(lines), size_mm, line_height)
    right = x0 + width
    if valign == "middle":
        right -= (width - used) / 2
    elif valign == "bottom":
        right -= width - used
    centre_x = right - size_mm / 2
    available = height / size_mm
    count = len(units)
    result: list[TextLine] = []
    for start, end in lines:
        drawn_end = end
        while drawn_end > start and units[drawn_end - 1].space:
            drawn_end -= 1
        paragraph_end = end >= count or units[end].kind == NEWLINE
        offsets, length = inline_offsets(
            units, text, start, drawn_end, spacing, available, align, paragraph_end
        )
        tops = []
        for k, offset in zip(range(start, drawn_end), offsets, strict=True):
            unit = units[k]
            face = chain[unit.face]
            top = y0 + offset * size_mm
            tops.append(top)
            if unit.kind == UPRIGHT:
                x = centre_x + (unit.dx - unit.width / 2) * size_mm
                y = top + (unit.advance / 2 + face.em_box_centre - unit.dy) * size_mm
                collector.add(
                    unit.face,
                    size,
                    unit.glyphs,
                    x,
                    y,
                    False,
                    unit.glyph,
                    text[unit.start : unit.end],
                )
            elif unit.kind == ROTATED:
                x = centre_x - face.em_box_centre * size_mm
                collector.add(
                    unit.face,
                    size,
                    unit.glyphs,
                    x,
                    top,
                    True,
                    unit.glyph,
                    text[unit.start : unit.end],
                )
            else:  # COMBINED (縦中横)
                scale = min(1.0, 1.0 / unit.width) if unit.width > 0 else 1.0
                small = math.floor(size * scale * 1000) / 1000
                small_mm = small * PT_TO_MM
                x = centre_x - unit.width * small_mm / 2
                y = top + unit.advance / 2 * size_mm + face.em_box_centre * small_mm
                for digit in unit.glyphs:
                    collector.add(unit.face, small, digit, x, y, False)
                    x += face.advance(digit) * small_mm
        src_start = units[start].start if start < count else len(text)
        src_end = units[end - 1].end if end > start else src_start
        result.append(
            TextLine(
                text[src_start:src_end],
                src_start,
                src_end,
                centre_x,
                tops[0] if tops else y0,
                length * size_mm,
                tops,
            )
        )
        centre_x -= pitch
    return result
