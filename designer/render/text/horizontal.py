"""Horizontal text (横書き): units for each character, kerned where the face has kerning, and
placement of the lines in the box."""

from __future__ import annotations

from collections.abc import Sequence

from designer.render.fonts import PT_TO_MM, FaceMetrics
from designer.render.text.chars import is_space, is_wide
from designer.render.text.placement import RunCollector, TextLine, inline_offsets
from designer.render.text.shaping import shaper
from designer.render.text.units import (
    NEWLINE,
    UPRIGHT,
    Unit,
    attach_ignorable,
    close_up_punctuation,
    find_face,
    is_skipped,
)


def horizontal_units(text: str, chain: Sequence[FaceMetrics]) -> tuple[list[Unit], set[str]]:
    """One unit per character, each from the first face of the chain that has it."""
    units: list[Unit] = []
    missing: set[str] = set()
    primary = chain[0].advances
    for i, ch in enumerate(text):
        if ch == "\n":
            units.append(Unit(i, i + 1, "", 0, 0.0, NEWLINE))
            continue
        if is_skipped(ch):
            attach_ignorable(units, i, text, chain, missing)
            continue
        advance = primary.get(ch)
        face = 0
        if advance is None:
            face, advance = find_face(ch, chain)
            if advance is None:
                if is_space(ch):
                    advance = 1.0 if ch == "\u3000" else 0.25
                else:
                    missing.add(ch)
                    advance = chain[0].notdef_advance
        units.append(Unit(i, i + 1, ch, face, advance, UPRIGHT, space=is_space(ch)))
    _kern(units, text, chain)
    close_up_punctuation(units, text, vertical=False)
    return units, missing


def _kern(units: list[Unit], text: str, chain: Sequence[FaceMetrics]) -> None:
    """Apply the face's kerning (GPOS ``kern``, through HarfBuzz) to each run of Latin
    characters of one face, e.g. the pairs of WATANABE or "AV"."""
    count = len(units)
    i = 0
    while i < count:
        unit = units[i]
        if not _kernable(unit, text):
            i += 1
            continue
        j = i + 1
        while j < count and units[j].face == unit.face and _kernable(units[j], text):
            j += 1
        if j - i > 1:
            run = "".join(units[k].glyphs for k in range(i, j))
            advances = shaper(chain[unit.face].ref).kerned_advances(run)
            if advances is not None:
                for k, advance in zip(range(i, j), advances, strict=True):
                    units[k].advance = units[k].width = advance
        i = j


def _kernable(unit: Unit, text: str) -> bool:
    ch = unit.glyphs
    return (
        unit.kind == UPRIGHT
        and len(ch) == 1
        and unit.glyph < 0
        and unit.end - unit.start == 1
        and not is_wide(ch)
        and not unit.space
    )


def block_height(line_count: int, size_mm: float, line_height: float, face: FaceMetrics) -> float:
    """Height of ``line_count`` lines: the first line's ascent-to-descent plus one line pitch
    for every further line."""
    return (max(line_count, 1) - 1) * line_height * size_mm + (
        face.ascender - face.descender
    ) * size_mm


def place_horizontal(
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
    x0, y0, width, height = box
    size_mm = size * PT_TO_MM
    primary = chain[0]
    pitch = line_height * size_mm
    used = block_height(len(lines), size_mm, line_height, primary)
    top = y0
    if valign == "middle":
        top += (height - used) / 2
    elif valign == "bottom":
        top += height - used
    baseline = top + primary.ascender * size_mm
    available = width / size_mm
    result: list[TextLine] = []
    count = len(units)
    for start, end in lines:
        drawn_end = end
        while drawn_end > start and units[drawn_end - 1].space:
            drawn_end -= 1
        paragraph_end = end >= count or units[end].kind == NEWLINE
        offsets, length = inline_offsets(
            units, text, start, drawn_end, spacing, available, align, paragraph_end
        )
        positions = []
        for k, offset in zip(range(start, drawn_end), offsets, strict=True):
            unit = units[k]
            x = x0 + offset * size_mm
            positions.append(x)
            x += unit.dx * size_mm
            cell = None
            if abs(unit.advance - unit.width) > 1e-6:  # set in part of its cell (約物詰め)
                cell = (-unit.dx, unit.advance)
            collector.add(
                unit.face,
                size,
                unit.glyphs,
                x,
                baseline,
                False,
                unit.glyph,
                text[unit.start : unit.end],
                cell,
            )
        src_start = units[start].start if start < count else len(text)
        src_end = units[end - 1].end if end > start else src_start
        result.append(
            TextLine(
                text[src_start:src_end],
                src_start,
                src_end,
                x0 + (offsets[0] * size_mm if offsets else 0.0),
                baseline,
                length * size_mm,
                positions,
            )
        )
        baseline += pitch
    return result
