"""Shared placement: where each unit of a line starts along the line for an alignment, and
collecting placed glyphs into GlyphRuns (one font and size each)."""

from __future__ import annotations

from collections.abc import Sequence

from designer.render.display import GlyphRun
from designer.render.fonts import FaceMetrics
from designer.render.text.chars import is_wide
from designer.render.text.units import Unit


def inline_offsets(
    units: Sequence[Unit],
    text: str,
    start: int,
    end: int,
    spacing: float,
    available: float,
    align: str,
    paragraph_end: bool,
) -> tuple[list[float], float]:
    """Offsets (em, from the line start) of units[start:end] and the line's drawn length.

    ``align``: left (start), center, right (end), justify (stretch every line but the last of
    a paragraph), distribute (均等割付: stretch every line, a lone character is centred)."""
    offsets: list[float] = []
    pen = 0.0
    for k in range(start, end):
        offsets.append(pen)
        pen += units[k].advance + spacing
    length = pen - spacing if end > start else 0.0
    extra = available - length
    if align == "center":
        return [o + extra / 2 for o in offsets], length
    if align == "right":
        return [o + extra for o in offsets], length
    if align not in ("justify", "distribute") or extra <= 0 or end - start == 0:
        return offsets, length
    if align == "justify" and paragraph_end:
        return offsets, length
    if end - start == 1:
        if align == "distribute":
            return [extra / 2], length
        return offsets, length
    if align == "distribute":
        stretch = [True] * (end - start)
    else:  # justify: between ideographs and kana, and at spaces between Latin words
        stretch = [False]
        for k in range(start + 1, end):
            prev, cur = units[k - 1], units[k]
            stretch.append(prev.space or is_wide(text[prev.start]) or is_wide(text[cur.start]))
    gaps = sum(stretch[1:])
    if gaps == 0:
        return offsets, length
    share = extra / gaps
    shift = 0.0
    for k in range(1, end - start):
        if stretch[k]:
            shift += share
        offsets[k] += shift
    return offsets, available


class RunCollector:
    """Gathers placed glyphs into GlyphRuns, starting a new run when the face or size
    changes, so the runs read in text order."""

    def __init__(self, chain: Sequence[FaceMetrics], color: str, opacity: float) -> None:
        self.chain = chain
        self.color = color
        self.opacity = opacity
        self.runs: list[GlyphRun] = []
        self._key: tuple[int, float] | None = None
        self._text: list[str] = []
        self._positions: list[tuple[float, float]] = []
        self._rotated: list[bool] = []
        self._glyph_ids: list[int] = []
        self._clusters: list[str] = []
        self._special = False  # some glyph is not simply its character's cmap glyph
        self._cells: list[tuple[float, float] | None] = []
        self._has_cells = False

    def add(
        self,
        face: int,
        size: float,
        glyph: str,
        x: float,
        y: float,
        rotated: bool,
        glyph_id: int = -1,
        source: str | None = None,
        cell: tuple[float, float] | None = None,
    ) -> None:
        """Place ``glyph`` (its character; ``glyph_id`` where the face's cmap does not give
        the glyph) standing for ``source`` in the text layer (default: ``glyph``)."""
        key = (face, size)
        if key != self._key:
            self._flush()
            self._key = key
        self._text.append(glyph)
        self._positions.append((x, y))
        self._rotated.append(rotated)
        self._glyph_ids.append(glyph_id)
        if source is None:
            source = glyph
        self._clusters.append(source)
        self._cells.append(cell)
        if cell is not None:
            self._has_cells = True
        if glyph_id >= 0 or source != glyph:
            self._special = True

    def _flush(self) -> None:
        if self._key is not None and self._text:
            face, size = self._key
            self.runs.append(
                GlyphRun(
                    font=self.chain[face].ref,
                    size=size,
                    color=self.color,
                    text="".join(self._text),
                    positions=self._positions,
                    rotated=self._rotated if any(self._rotated) else None,
                    opacity=self.opacity,
                    glyph_ids=self._glyph_ids if self._special else None,
                    clusters=self._clusters if self._special else None,
                    cells=self._cells if self._has_cells else None,
                )
            )
        self._text = []
        self._positions = []
        self._rotated = []
        self._glyph_ids = []
        self._clusters = []
        self._special = False
        self._cells = []
        self._has_cells = False

    def finish(self) -> list[GlyphRun]:
        self._flush()
        self._key = None
        return self.runs


class TextLine:
    """One line (or, in vertical text, one column) as laid out.

    ``start``/``end`` index the source text (after CR/LF and tabs are normalised). For
    horizontal text (x, y) is the left end of the baseline and ``length`` the drawn width; for
    vertical text (x, y) is the top centre of the column and ``length`` its drawn height.
    ``offsets`` are the page coordinates along the line (x for horizontal, y for vertical text)
    where each drawn cell begins, for a text cursor.
    """

    __slots__ = ("text", "start", "end", "x", "y", "length", "offsets")

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        x: float,
        y: float,
        length: float,
        offsets: list[float],
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.x = x
        self.y = y
        self.length = length
        self.offsets = offsets

    def __repr__(self) -> str:
        return f"TextLine({self.text!r}, x={self.x:.2f}, y={self.y:.2f}, length={self.length:.2f})"
