"""The third painter: the display list as a self-contained SVG document.

Used for the SVG badge image that Open Badges wallets show. Glyphs are written as outlines
taken from the same font files the layout measured, so the SVG needs no fonts on the viewer's
machine and looks exactly like the PDF. Units are millimetres (the viewBox is the page).
"""

from __future__ import annotations

import base64
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTFont

from designer.render.display import (
    GlyphRun,
    GroupItem,
    ImageItem,
    PageDisplay,
    PathItem,
    RectsItem,
    Transform,
)
from designer.render.fonts import PT_TO_MM
from designer.render.images import is_svg, svg_to_png


@lru_cache(maxsize=16)
def _font(path: str, index: int) -> tuple[TTFont, dict[int, str], int]:
    font = TTFont(path, fontNumber=index, lazy=True)
    return font, font.getBestCmap(), font["head"].unitsPerEm


@lru_cache(maxsize=4096)
def _glyph_path(path: str, index: int, char: str | int) -> str:
    """The outline of ``char`` (or of glyph index ``char``) in font units (y up), as SVG path
    data; "" for blank glyphs."""
    font, cmap, _ = _font(path, index)
    if isinstance(char, int):
        order = font.getGlyphOrder()
        name = order[char] if 0 <= char < len(order) else None
    else:
        name = cmap.get(ord(char))
    if name is None:
        return ""
    glyph_set = font.getGlyphSet()
    pen = SVGPathPen(glyph_set)
    glyph_set[name].draw(pen)
    return pen.getCommands()


def _num(value: float) -> str:
    """Millimetres to the micrometre; small factors (glyph scales) to six significant digits."""
    text = f"{value:.6g}" if abs(value) < 1 else f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def _matrix(transform: Transform | None) -> str:
    if transform is None:
        return ""
    return f' transform="matrix({" ".join(_num(v) for v in transform)})"'


def _opacity(value: float) -> str:
    return "" if value >= 1 else f' opacity="{_num(value)}"'


class _Writer:
    def __init__(self, page: PageDisplay) -> None:
        self.page = page
        self.parts: list[str] = []
        self.defs: list[str] = []
        self.glyph_ids: dict[tuple[str, int, str | int], str] = {}
        self.image_ids: dict[str, str] = {}
        self.clip_count = 0

    def glyph_ref(self, run: GlyphRun, char: str | int) -> str | None:
        key = (run.font.path, run.font.subfont_index, char)
        if key not in self.glyph_ids:
            data = _glyph_path(*key)
            if not data:
                self.glyph_ids[key] = ""
            else:
                ident = f"g{len(self.glyph_ids)}"
                self.defs.append(f'<path id="{ident}" d="{data}"/>')
                self.glyph_ids[key] = ident
        return self.glyph_ids[key] or None

    def clip(self, rect: tuple[float, float, float, float]) -> str:
        self.clip_count += 1
        ident = f"c{self.clip_count}"
        x, y, w, h = rect
        self.defs.append(
            f'<clipPath id="{ident}"><rect x="{_num(x)}" y="{_num(y)}" '
            f'width="{_num(w)}" height="{_num(h)}"/></clipPath>'
        )
        return f' clip-path="url(#{ident})"'

    def item(self, item) -> None:
        if isinstance(item, GlyphRun):
            self.glyphs(item)
        elif isinstance(item, PathItem):
            self.path(item)
        elif isinstance(item, RectsItem):
            data = "".join(
                f"M{_num(x)} {_num(y)}h{_num(w)}v{_num(h)}h{_num(-w)}z" for x, y, w, h in item.rects
            )
            self.parts.append(
                f'<path d="{data}" fill="{item.color}"{_opacity(item.opacity)}'
                f"{_matrix(item.transform)}/>"
            )
        elif isinstance(item, ImageItem):
            self.image(item)
        elif isinstance(item, GroupItem):
            clip = self.clip(item.clip) if item.clip else ""
            self.parts.append(f"<g{_matrix(item.transform)}{_opacity(item.opacity)}>")
            self.parts.append(f"<g{clip}>")
            for child in item.items:
                self.item(child)
            self.parts.append("</g></g>")

    def glyphs(self, run: GlyphRun) -> None:
        _, _, units = _font(run.font.path, run.font.subfont_index)
        scale = run.size * PT_TO_MM / units
        uses = []
        rotated = run.rotated or [False] * len(run.text)
        glyph_ids = run.glyph_ids or [-1] * len(run.text)
        for char, (x, y), turn, glyph in zip(
            run.text, run.positions, rotated, glyph_ids, strict=False
        ):
            ref = self.glyph_ref(run, glyph if glyph >= 0 else char)
            if ref is None:
                continue
            # Font units are y-up; a turned glyph is rotated 90° clockwise about its origin.
            matrix = (0, scale, scale, 0, x, y) if turn else (scale, 0, 0, -scale, x, y)
            uses.append(
                f'<use xlink:href="#{ref}" transform="matrix({" ".join(_num(v) for v in matrix)})"/>'
            )
        if uses:
            self.parts.append(
                f'<g fill="{run.color}"{_opacity(run.opacity)}{_matrix(run.transform)}>'
                + "".join(uses)
                + "</g>"
            )

    def path(self, item: PathItem) -> None:
        data = []
        for op in item.ops:
            kind, *coords = op
            data.append(kind + " ".join(_num(v) for v in coords))
        attrs = [f'd="{"".join(data)}"', f'fill="{item.fill or "none"}"']
        if item.even_odd:
            attrs.append('fill-rule="evenodd"')
        if item.stroke and item.stroke_width > 0:
            attrs.append(f'stroke="{item.stroke}" stroke-width="{_num(item.stroke_width)}"')
            if item.dash:
                attrs.append(f'stroke-dasharray="{" ".join(_num(v) for v in item.dash)}"')
        self.parts.append(
            f"<path {' '.join(attrs)}{_opacity(item.opacity)}{_matrix(item.transform)}/>"
        )

    def image(self, item: ImageItem) -> None:
        if item.image_key not in self.image_ids:
            data = self.page.images[item.image_key]
            if is_svg(data):
                data = svg_to_png(data, item.image_key)
            mime = "image/jpeg" if data[:3] == b"\xff\xd8\xff" else "image/png"
            ident = f"i{len(self.image_ids)}"
            self.image_ids[item.image_key] = ident
            encoded = base64.b64encode(data).decode("ascii")
            self.defs.append(
                f'<image id="{ident}" xlink:href="data:{mime};base64,{encoded}" '
                'width="1" height="1" preserveAspectRatio="none"/>'
            )
        clip = self.clip(item.clip) if item.clip else ""
        scale = (item.width, 0, 0, item.height, item.x, item.y)
        self.parts.append(
            f"<g{clip}{_opacity(item.opacity)}{_matrix(item.transform)}>"
            f'<use xlink:href="#{self.image_ids[item.image_key]}" transform="matrix('
            f'{" ".join(_num(v) for v in scale)})"/></g>'
        )


def page_to_svg(page: PageDisplay, *, title: str = "", pixel_width: int | None = None) -> str:
    """The page as an SVG document. ``pixel_width`` sets the default display size."""
    writer = _Writer(page)
    if page.background:
        writer.parts.append(
            f'<rect width="{_num(page.width)}" height="{_num(page.height)}" '
            f'fill="{page.background}"/>'
        )
    for item in page.items:
        writer.item(item)
    if pixel_width:
        size = f'width="{pixel_width}" height="{round(pixel_width * page.height / page.width)}"'
    else:
        size = f'width="{_num(page.width)}mm" height="{_num(page.height)}mm"'
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {size} '
        f'viewBox="0 0 {_num(page.width)} {_num(page.height)}">'
    )
    title_tag = f"<title>{escape(title)}</title>" if title else ""
    defs = f"<defs>{''.join(writer.defs)}</defs>" if writer.defs else ""
    return head + title_tag + defs + "".join(writer.parts) + "</svg>\n"


def quote(text: str) -> str:
    return quoteattr(text)
