"""The badge image of an achievement: the design of a ``badge`` template rendered as a PNG and
an SVG, ready to have the signed credential baked in.

The picture shows the achievement, not the person, so one rendering serves every recipient
with the same values; results are cached by those values.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from designer.data import fields_used, render_text
from designer.model import Template, TextElement
from designer.render.fonts import installed_fonts
from designer.render.layout import layout_side
from designer.render.pdf import write_pdf
from designer.render.svg_painter import page_to_svg

BADGE_PIXELS = 512


def badge_fields(template: Template) -> list[str]:
    used: set[str] = set()
    for _side, element in template.all_elements():
        if isinstance(element, TextElement):
            used |= fields_used(element.text)
    return sorted(used)


def render_badge(
    badge: Template, values: Mapping[str, Any], *, pixels: int = BADGE_PIXELS
) -> tuple[bytes, str]:
    """(PNG bytes, SVG text) of the badge design's front for these values."""
    key = (
        id(badge),
        pixels,
        tuple((name, str(values.get(name, ""))) for name in badge_fields(badge)),
    )
    cached = _CACHE.get(key)
    if cached is None or cached[0] is not badge:
        if len(_CACHE) >= 64:
            _CACHE.clear()
        cached = _CACHE[key] = (badge, _render(badge, dict(key[2]), pixels))
    return cached[1]


# (id of the badge template, pixels, values) -> (the template, its images). The template is kept
# so that its id cannot be reused by another object while the entry lives.
_CACHE: dict[tuple, tuple[Template, tuple[bytes, str]]] = {}


def _render(badge: Template, values: dict[str, str], pixels: int) -> tuple[bytes, str]:
    import pypdfium2

    page = layout_side(badge, 0, values, fonts=installed_fonts())
    pdf = io.BytesIO()
    write_pdf([page], pdf)
    document = pypdfium2.PdfDocument(pdf.getvalue())
    try:
        scale = pixels / (page.width / 25.4 * 72)
        image = (
            document[0]
            .render(scale=scale, fill_color=(255, 255, 255, 0), may_draw_forms=False)
            .to_pil()
        )
    finally:
        document.close()
    png = io.BytesIO()
    image.save(png, "PNG", optimize=True)
    title = (
        render_text(badge.achievement.get("name", badge.name), values)
        if badge.achievement
        else badge.name
    )
    return png.getvalue(), page_to_svg(page, title=title, pixel_width=pixels)
