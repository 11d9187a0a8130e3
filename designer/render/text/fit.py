"""Fit modes: choosing the font size and the line breaks for a box.

- ``wrap``: the style's size; lines wrap; ``overflow`` when the block does not fit.
- ``shrink``: the largest size (0.1 pt steps, binary search) between ``min_size`` and the
  style's size at which the wrapped text fits, breaking only between phrases if some size
  allows that; ``min_size`` and overflow if none fits.
- ``single_line``: one line (line breaks read as spaces), shrunk until it fits the box.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from designer.render.fonts import PT_TO_MM, FaceMetrics
from designer.render.text.horizontal import block_height
from designer.render.text.linebreak import (
    EPSILON,
    break_lines,
    breaks_inside_phrases,
    line_length,
    longest_line,
)
from designer.render.text.units import Unit
from designer.render.text.vertical import block_width

SIZE_STEP = 0.1  # points
_MM_EPSILON = 1e-6


@dataclass
class Prepared:
    """Text turned into units for one face chain and writing mode; independent of size."""

    units: list[Unit]
    flags: list[int]
    chain: Sequence[FaceMetrics]
    vertical: bool
    spacing: float  # em
    line_height: float  # multiple of the size
    inline_length: float  # mm available along a line (box width, or height if vertical)
    block_length: float  # mm available across lines

    def block_extent(self, line_count: int, size: float) -> float:
        size_mm = size * PT_TO_MM
        if self.vertical:
            return block_width(line_count, size_mm, self.line_height)
        return block_height(line_count, size_mm, self.line_height, self.chain[0])

    def try_size(self, size: float, wrap: bool = True) -> tuple[list[tuple[int, int]], bool]:
        """Line breaks at ``size`` and whether they fit the box."""
        size_mm = size * PT_TO_MM
        max_length = self.inline_length / size_mm if size_mm > 0 else 0.0
        if wrap:
            lines = break_lines(self.units, self.flags, max_length, self.spacing)
        else:
            lines = [(0, len(self.units))]
        if not self.units:
            return lines, True
        fits = longest_line(self.units, lines, self.spacing) <= max_length + EPSILON
        fits = fits and self.block_extent(len(lines), size) <= self.block_length + _MM_EPSILON
        return lines, fits

    def breaks_inside_phrases(self, lines: list[tuple[int, int]]) -> bool:
        return breaks_inside_phrases(self.units, self.flags, lines)


def choose_size(
    prepared: Prepared, fit: str, size: float, min_size: float
) -> tuple[float, list[tuple[int, int]], bool]:
    """(size used, line breaks, overflow) for the fit mode."""
    min_size = min(min_size, size) if min_size > 0 else size
    if fit == "single_line":
        return _single_line(prepared, size, min_size)
    lines, fits = prepared.try_size(size)
    if fit != "shrink" or (fits and not prepared.breaks_inside_phrases(lines)):
        return size, lines, not fits
    # shrink rather than break inside a phrase (「グローバル・ス／タディーズ」), if that fits
    clean = _largest_size(prepared, size, min_size, clean=True)
    if clean is not None:
        return clean
    if fits:
        return size, lines, False
    found = _largest_size(prepared, size, min_size, clean=False)
    if found is not None:
        return found
    low_lines, _ = prepared.try_size(min_size)
    return min_size, low_lines, True


def _largest_size(
    prepared: Prepared, size: float, min_size: float, clean: bool
) -> tuple[float, list[tuple[int, int]], bool] | None:
    """The largest size from ``min_size`` up (0.1 pt steps, below ``size``) at which the text
    fits (and, if ``clean``, breaks only between phrases), or None."""

    def good(lines: list[tuple[int, int]], fits: bool) -> bool:
        return fits and not (clean and prepared.breaks_inside_phrases(lines))

    low_lines, low_fits = prepared.try_size(min_size)
    if not good(low_lines, low_fits):
        return None
    low, high = 0, math.floor((size - min_size) / SIZE_STEP + 1e-9) + 1  # high never fits
    best_lines = low_lines
    while high - low > 1:
        middle = (low + high) // 2
        candidate = round(min_size + middle * SIZE_STEP, 2)
        if candidate >= size:
            high = middle
            continue
        lines, fits = prepared.try_size(candidate)
        if good(lines, fits):
            low, best_lines = middle, lines
        else:
            high = middle
    return round(min_size + low * SIZE_STEP, 2), best_lines, False


def _single_line(
    prepared: Prepared, size: float, min_size: float
) -> tuple[float, list[tuple[int, int]], bool]:
    units = prepared.units
    end = len(units)
    while end > 0 and units[end - 1].space:
        end -= 1
    length_em = line_length(units, 0, end, prepared.spacing)
    extent_em = (
        1.0 if prepared.vertical else prepared.chain[0].ascender - prepared.chain[0].descender
    )
    best = size
    if length_em > 0:
        best = min(best, prepared.inline_length / (length_em * PT_TO_MM))
    if extent_em > 0:
        best = min(best, prepared.block_length / (extent_em * PT_TO_MM))
    best = math.floor(best * 100 + 1e-6) / 100
    if best < min_size:
        lines, _ = prepared.try_size(min_size, wrap=False)
        return min_size, lines, True
    lines, fits = prepared.try_size(best, wrap=False)
    return best, lines, not fits
