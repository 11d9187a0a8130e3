"""Layout: (template, side, one record) -> ``PageDisplay``, the list both painters draw.

Elements are laid out in list order (z-order = list order), hidden ones skipped; each
element's rotation (degrees clockwise about its centre) and opacity become the items'
transform and opacity.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from designer.errors import ShoshoError
from designer.model.template import Side, Template
from designer.render.display import PageDisplay
from designer.render.layout.geometry import rotation_about, with_element_state
from designer.render.layout.handlers import HANDLERS, LayoutContext, expand

__all__ = ["HANDLERS", "LayoutContext", "expand", "layout_record", "layout_side"]


def _resolve_side(template: Template, side: Side | str | int) -> Side:
    if isinstance(side, Side):
        return side
    if isinstance(side, int):
        return template.sides[side]
    try:
        return template.side(side)
    except KeyError:
        raise ShoshoError(f"template {template.name!r} has no side {side!r}") from None


def layout_side(
    template: Template,
    side: Side | str | int,
    values: Mapping[str, Any],
    *,
    fonts: Any,
    assets_base: str | Path | None = None,
    on_missing: str = "error",
) -> PageDisplay:
    """Lay out one side of ``template`` for the record ``values``.

    ``assets_base`` is the folder per-record image paths are relative to (the roster's
    folder). ``on_missing="placeholder"`` draws a crossed box for a missing photo or empty
    QR content instead of raising ShoshoError (for on-screen previews).
    """
    page_side = _resolve_side(template, side)
    ctx = LayoutContext(
        template=template,
        values=values,
        fonts=fonts,
        assets_base=Path(assets_base) if assets_base is not None else None,
        on_missing=on_missing,
    )
    page = PageDisplay(
        width=template.page.width,
        height=template.page.height,
        bleed=template.bleed,
        background=page_side.background,
    )
    for element in page_side.elements:
        if not element.visible:
            continue
        handler = HANDLERS.get(element.type)
        if handler is None:
            raise ShoshoError(f"{element.label()}: unknown element type {element.type!r}")
        items = handler(element, ctx)
        transform = None
        if element.rotation % 360:
            centre_x = element.x + element.width / 2
            centre_y = element.y + element.height / 2
            transform = rotation_about(element.rotation, centre_x, centre_y)
        page.items.extend(with_element_state(items, transform, element.opacity))
    page.images = ctx.images
    return page


def layout_record(
    template: Template,
    values: Mapping[str, Any],
    *,
    fonts: Any,
    assets_base: str | Path | None = None,
    on_missing: str = "error",
) -> list[PageDisplay]:
    """One PageDisplay per side of ``template`` (front first) for one record."""
    return [
        layout_side(
            template, side, values, fonts=fonts, assets_base=assets_base, on_missing=on_missing
        )
        for side in template.sides
    ]
