"""The display list: what a page looks like, in millimetres, ready for any painter.

Layout turns (template side, one record) into a ``PageDisplay``; the PDF painter and the Qt
painter draw the same list, so what staff see on screen is what prints. Coordinates are in
millimetres from the top-left corner of the trim box, y downwards. Items are drawn in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# An affine transform (a, b, c, d, e, f) mapping (x, y) -> (a*x + c*y + e, b*x + d*y + f),
# in millimetres, y downwards. Used for rotated elements.
Transform = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class FontRef:
    """One font face. ``key`` is unique per face and is what painters register it under."""

    key: str
    path: str
    subfont_index: int = 0


@dataclass
class GlyphRun:
    """Characters of one font and size, each placed at its own baseline origin.

    ``positions[i]`` is the pen position (left end of the baseline for upright horizontal
    glyphs) of ``text[i]`` in mm. Where ``rotated[i]`` is true the glyph is drawn turned 90°
    clockwise about that origin (sideways Latin in vertical text).

    ``glyph_ids[i]``, where it is 0 or more, is the font's glyph index drawn for ``text[i]``
    instead of the one its cmap gives (a vertical alternate, an ideographic variant);
    ``clusters[i]`` is the source text that glyph stands for in the PDF text layer, e.g.
    「辻」 + U+E0100 or 「「」 for a vertical bracket. Both are None when every glyph is simply
    its character. ``cells[i]``, where not None, is (shift, advance) in em: the glyph's ink
    lies in a cell ``advance`` wide that starts ``shift`` after its origin (a full-width
    bracket set in half a cell); the PDF text layer gives the character that box.
    """

    font: FontRef
    size: float  # points
    color: str
    text: str
    positions: list[tuple[float, float]]
    rotated: list[bool] | None = None
    opacity: float = 1.0
    transform: Transform | None = None
    glyph_ids: list[int] | None = None
    clusters: list[str] | None = None
    cells: list[tuple[float, float] | None] | None = None


@dataclass
class ImageItem:
    """A bitmap or SVG placed in a box. ``image_key`` indexes ``PageDisplay.images``.

    ``clip`` (x, y, w, h in mm) limits what is visible, for "cover" fitting and crops.
    """

    image_key: str
    x: float
    y: float
    width: float
    height: float
    clip: tuple[float, float, float, float] | None = None
    opacity: float = 1.0
    transform: Transform | None = None


# Path operations: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",)
PathOp = tuple


@dataclass
class PathItem:
    ops: list[PathOp]
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.0  # mm
    dash: list[float] | None = None  # mm
    opacity: float = 1.0
    even_odd: bool = False
    transform: Transform | None = None


@dataclass
class RectsItem:
    """Many filled rectangles of one colour: QR modules and barcode bars."""

    rects: list[tuple[float, float, float, float]]  # x, y, w, h in mm
    color: str = "#000000"
    opacity: float = 1.0
    transform: Transform | None = None


@dataclass
class GroupItem:
    """Items drawn together under one transform and an optional clip rectangle.

    Print imposition places whole pages on a sheet this way. ``clip`` (x, y, w, h) is in the
    group's own coordinates, before ``transform`` is applied.
    """

    items: list[DisplayItem]
    transform: Transform | None = None
    clip: tuple[float, float, float, float] | None = None
    opacity: float = 1.0


DisplayItem = GlyphRun | ImageItem | PathItem | RectsItem | GroupItem


@dataclass
class PageDisplay:
    width: float  # trim size in mm
    height: float
    bleed: float = 0.0  # mm of artwork beyond each trim edge
    background: str | None = "#FFFFFF"
    items: list[DisplayItem] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)  # image_key -> encoded file bytes
