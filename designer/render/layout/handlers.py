"""One handler per element type: (element, context) -> display items in page millimetres.

``HANDLERS`` maps ``element.type`` to its handler; adding an element type means adding a
model class and one entry here. Handlers draw in the element's unrotated box; the caller
applies rotation and opacity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from designer.codes.qr import qr_matrix, qr_rects
from designer.data.binding import resolve_photo
from designer.errors import ShoshoError
from designer.model.elements import (
    BarcodeElement,
    BorderElement,
    Element,
    ImageElement,
    QRElement,
    ShapeElement,
    TextElement,
    TextStyle,
)
from designer.model.template import Template
from designer.render.borders import border_items, rect_ops
from designer.render.display import DisplayItem, ImageItem, PathItem, RectsItem
from designer.render.images import LoadedImage, fit_image, load_image_bytes, load_image_file
from designer.render.layout.shapes import shape_item

CAPTION_FONT = "IPAexGothic"
BARCODE_TEXT_FONT = "Liberation Sans"
PT_TO_MM = 25.4 / 72


@dataclass
class LayoutContext:
    """What handlers need besides the element: the record, fonts, where files are."""

    template: Template
    values: Mapping[str, Any]
    fonts: Any  # designer.render.fonts.FontLibrary
    assets_base: Path | None = None
    on_missing: str = "error"  # "error" raises ShoshoError; "placeholder" draws a crossed box
    images: dict[str, bytes] = field(default_factory=dict)


Handler = Callable[[Element, LayoutContext], list[DisplayItem]]


def expand(template_text: str, values: Mapping[str, Any]) -> str:
    """Fill ``{{ fields }}`` in ``template_text`` from the record."""
    if "{{" not in template_text and "{%" not in template_text:
        return template_text
    from designer.data.fields import render_text

    return render_text(template_text, values)


def _box(element: Element) -> tuple[float, float, float, float]:
    return (element.x, element.y, element.width, element.height)


def placeholder_items(element: Element) -> list[DisplayItem]:
    """A grey crossed box where content is missing (used by previews, never by printing)."""
    x, y, w, h = _box(element)
    ops = rect_ops(x, y, w, h) + [
        ("M", x, y),
        ("L", x + w, y + h),
        ("M", x + w, y),
        ("L", x, y + h),
    ]
    return [PathItem(ops=ops, fill="#EEEEEE", stroke="#999999", stroke_width=0.2)]


def _missing(element: Element, ctx: LayoutContext, message: str) -> list[DisplayItem]:
    if ctx.on_missing == "placeholder":
        return placeholder_items(element)
    raise ShoshoError(message)


def layout_text_element(element: TextElement, ctx: LayoutContext) -> list[DisplayItem]:
    from designer.render.text import layout_text

    text = expand(element.text, ctx.values)
    if not text.strip():
        return []
    return list(layout_text(element, text, ctx.fonts).runs)


def small_text(
    text: str,
    box: tuple[float, float, float, float],
    size: float,
    color: str,
    family: str,
    ctx: LayoutContext,
) -> list[DisplayItem]:
    """One centred line of small type (QR captions, barcode digits) through the text engine."""
    from designer.render.text import layout_text

    x, y, w, h = box
    style = TextStyle(
        font_family=family, size=size, min_size=min(size, 3.0), color=color, align="center",
        valign="top", fit="single_line", line_height=1.15,
    )  # fmt: skip
    caption = TextElement(name="caption", x=x, y=y, width=w, height=h, text=text, style=style)
    return list(layout_text(caption, text, ctx.fonts).runs)


def layout_image(element: ImageElement, ctx: LayoutContext) -> list[DisplayItem]:
    label = f"image {element.label()}"
    loaded: LoadedImage
    if element.field:
        path_text = str(ctx.values.get(element.field) or "").strip()
        if not path_text:
            return _missing(element, ctx, f"{label}: the record has no value for {element.field!r}")
        # The same rule the roster check uses: relative to the roster's folder, and Windows
        # separators (photos\\001.jpg) work on every OS.
        path = resolve_photo(path_text, Path(ctx.assets_base) if ctx.assets_base else Path())
        if not path.is_file():
            return _missing(element, ctx, f"{label}: photo file not found: {path}")
        loaded = load_image_file(path, label)
    elif element.source:
        data = ctx.template.assets.get(element.source)
        if data is None:
            return _missing(element, ctx, f"{label}: the template has no asset {element.source!r}")
        loaded = load_image_bytes(data, f"{label}: asset {element.source}")
    else:
        return _missing(element, ctx, f"{label}: no image chosen (neither asset nor field)")
    crop = (element.crop_left, element.crop_top, element.crop_right, element.crop_bottom)
    place = fit_image(loaded.pixel_width, loaded.pixel_height, _box(element), element.fit, crop)
    ctx.images[loaded.key] = loaded.data
    return [ImageItem(loaded.key, place.x, place.y, place.width, place.height, clip=place.clip)]


SEAL_MODULE_MM = 0.5
"""The smallest module of a seal QR on a certificate: a phone photo or a 150 dpi scan then has
about three pixels per module, enough through tilt, blur and JPEG. A seal code larger than its
box grows around the box's centre (kept on the page); cards print the code as large as its box."""


def _seal_square(
    element: QRElement, ctx: LayoutContext, count: int, size: float, top: float, below: float
) -> tuple[float, float, float]:
    """(left, top, size) of a certificate's seal code, grown to ``SEAL_MODULE_MM`` modules."""
    x, _y, w, _h = _box(element)
    left = x + (w - size) / 2
    needed = count * SEAL_MODULE_MM
    if ctx.template.kind == "card" or needed <= size:
        return left, top, size
    centre_x, centre_y = left + size / 2, top + size / 2
    page = ctx.template.page
    grown_left = min(max(centre_x - needed / 2, 0.0), max(page.width - needed, 0.0))
    grown_top = min(max(centre_y - needed / 2, 0.0), max(page.height - needed - below, 0.0))
    return grown_left, grown_top, needed


def layout_qr(element: QRElement, ctx: LayoutContext) -> list[DisplayItem]:
    text = expand(element.content, ctx.values)
    if not text:
        return _missing(element, ctx, f"QR code {element.label()}: the content is empty")
    x, y, w, h = _box(element)
    caption = expand(element.caption, ctx.values).strip() if element.caption else ""
    caption_height = element.caption_size * PT_TO_MM * 1.3 if caption else 0.0
    size = max(min(w, h - caption_height), 1.0)
    left = x + (w - size) / 2
    try:
        _version, modules = qr_matrix(text, element.ec_level)
    except ShoshoError as error:
        raise ShoshoError(f"QR code {element.label()}: {error}") from None
    if "seal_url" in element.content:
        count = len(modules) + 2 * element.quiet_zone
        left, y, size = _seal_square(element, ctx, count, size, y, caption_height)
        x, w = left + size / 2 - max(w, size) / 2, max(w, size)
    _module, rects = qr_rects(modules, left, y, size, element.quiet_zone)
    items: list[DisplayItem] = []
    if element.background and element.background.lower() not in ("none", "transparent"):
        items.append(PathItem(ops=rect_ops(left, y, size, size), fill=element.background))
    items.append(RectsItem(rects=rects, color=element.color))
    if caption:
        box = (x, y + size, w, caption_height)
        items += small_text(caption, box, element.caption_size, element.color, CAPTION_FONT, ctx)
    return items


def layout_barcode(element: BarcodeElement, ctx: LayoutContext) -> list[DisplayItem]:
    # reportlab's barcode package takes a third of a second to import: only when needed.
    from designer.render.barcode import bar_rects, encode_barcode

    label = f"barcode {element.label()}"
    content = expand(element.content, ctx.values).strip()
    if not content:
        return _missing(element, ctx, f"{label}: the content is empty")
    pattern = encode_barcode(
        element.symbology,
        content,
        codabar_start=element.codabar_start,
        codabar_stop=element.codabar_stop,
        label=label,
    )
    x, y, w, h = _box(element)
    text_size = min(8.0, max(h * 0.18 / PT_TO_MM, 4.0))
    text_height = text_size * PT_TO_MM * 1.25 if element.show_text else 0.0
    items: list[DisplayItem] = [
        RectsItem(rects=bar_rects(pattern, x, y, w, h - text_height), color=element.color)
    ]
    if element.show_text:
        box = (x, y + h - text_height, w, text_height)
        items += small_text(
            pattern.human_text, box, text_size, element.color, BARCODE_TEXT_FONT, ctx
        )
    return items


def layout_shape(element: ShapeElement, ctx: LayoutContext) -> list[DisplayItem]:
    return [
        shape_item(
            element.shape,
            _box(element),
            fill=element.fill,
            stroke=element.stroke,
            stroke_width=element.stroke_width,
            corner_radius=element.corner_radius,
            dash=element.dash,
        )
    ]


def layout_border(element: BorderElement, ctx: LayoutContext) -> list[DisplayItem]:
    try:
        return list(
            border_items(
                _box(element),
                element.pattern,
                color=element.color,
                secondary=element.secondary_color,
                line_width=element.line_width,
                density=element.density,
                inset=element.inset,
            )
        )
    except ValueError:
        raise ShoshoError(
            f"border {element.label()}: unknown pattern {element.pattern!r}"
        ) from None


HANDLERS: dict[str, Handler] = {
    "text": layout_text_element,
    "image": layout_image,
    "qr": layout_qr,
    "barcode": layout_barcode,
    "shape": layout_shape,
    "border": layout_border,
}
