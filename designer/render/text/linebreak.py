"""Greedy line breaking over layout units, in em, honouring break opportunities (禁則処理 by
pushing the offending character out to the next line, and unbroken Latin words)."""

from __future__ import annotations

from collections.abc import Sequence

from designer.render.text.units import NEWLINE, Unit

EPSILON = 1e-6


def break_lines(
    units: Sequence[Unit], flags: Sequence[bool], max_length: float, spacing: float
) -> list[tuple[int, int]]:
    """Split ``units`` into lines no longer than ``max_length`` em, as (start, end) unit
    ranges. ``spacing`` (em) follows every unit but the last of a line. Spaces at a line's
    end hang and are not counted. A word or 禁則 group longer than a whole line is broken
    between characters as a last resort. NEWLINE units end a line and belong to none."""
    lines: list[tuple[int, int]] = []
    count = len(units)
    start = 0
    i = 0
    width = 0.0  # advances + spacing of units[start:i]
    last_break = -1
    limit = max_length + EPSILON
    while i < count:
        unit = units[i]
        if unit.kind == NEWLINE:
            lines.append((start, i))
            start = i = i + 1
            width = 0.0
            last_break = -1
            continue
        if i > start and flags[i]:
            last_break = i
        if not unit.space and i > start and width + unit.advance > limit:
            cut = last_break if last_break > start else i
            lines.append((start, cut))
            start = i = cut
            width = 0.0
            last_break = -1
            continue
        width += unit.advance + spacing
        i += 1
    lines.append((start, count))
    return lines


def visible_end(units: Sequence[Unit], start: int, end: int) -> int:
    """End of the line without its hanging spaces."""
    while end > start and units[end - 1].space:
        end -= 1
    return end


def line_length(units: Sequence[Unit], start: int, end: int, spacing: float) -> float:
    """Length in em of units[start:end] set with ``spacing`` between them."""
    if end <= start:
        return 0.0
    total = 0.0
    for k in range(start, end):
        total += units[k].advance
    return total + spacing * (end - start - 1)


def longest_line(units: Sequence[Unit], lines: Sequence[tuple[int, int]], spacing: float) -> float:
    best = 0.0
    for start, end in lines:
        length = line_length(units, start, visible_end(units, start, end), spacing)
        if length > best:
            best = length
    return best
