"""Element drawings for the canvas, made by the same layout and Qt painter as print.

Each element is laid out alone at the origin, unrotated; the canvas item places and rotates
it. Moving an element therefore needs no new layout, and a drag only moves cached pictures.
Layouts are cached by the element's content and the record values it uses.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from designer.model.elements import Element
from designer.model.io import element_to_json
from designer.model.template import Side, Template
from designer.render.display import PageDisplay

_PLACEMENT = ("id", "x", "y", "rotation", "name", "locked")


def _content_key(element: Element) -> str:
    data = element_to_json(element)
    for key in _PLACEMENT:
        data.pop(key, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


class ElementLayouts:
    """Lays out single elements through ``designer.render.layout.layout_side`` and caches them."""

    def __init__(self, fonts: Any = None, capacity: int = 4000) -> None:
        self._fonts = fonts
        self._cache: OrderedDict[tuple, PageDisplay | None] = OrderedDict()
        self._capacity = capacity
        self.errors: dict[str, str] = {}  # element id -> last layout error, shown on the canvas
        self.assets_base: Path | None = None  # folder per-record photo paths are relative to

    @property
    def fonts(self) -> Any:
        if self._fonts is None:
            from designer.ui.fonts import font_library

            self._fonts = font_library()
        return self._fonts

    def set_fonts(self, fonts: Any) -> None:
        self._fonts = fonts
        self._cache.clear()

    def clear(self) -> None:
        self._cache.clear()

    def layout(
        self, template: Template, element: Element, values: dict[str, Any] | None
    ) -> PageDisplay | None:
        key = (
            _content_key(element),
            _values_key(values),
            id(template.assets),
            str(self.assets_base),
        )
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        display = self._layout(template, element, values)
        self._cache[key] = display
        if len(self._cache) > self._capacity:
            self._cache.popitem(last=False)
        return display

    def _layout(
        self, template: Template, element: Element, values: dict[str, Any] | None
    ) -> PageDisplay | None:
        from designer.render.layout import layout_side

        alone = dataclasses.replace(element, x=0.0, y=0.0, rotation=0.0, visible=True)
        side = Side(name="canvas", background="none", elements=[alone])
        page = dataclasses.replace(template, sides=[side], bleed=0.0)
        try:
            display = layout_side(
                page,
                side,
                values if values is not None else DesignValues(),
                fonts=self.fonts,
                assets_base=self.assets_base,
                on_missing="placeholder",
            )
        except Exception as error:  # noqa: BLE001 - a broken element must not break the canvas
            self.errors[element.id] = str(error)
            return None
        self.errors.pop(element.id, None)
        display.background = None
        return display


class DesignValues(Mapping[str, Any]):
    """Values for the design view: every field shows as its label in brackets («氏名»,
    «Full name»), as word processors show merge fields."""

    def __getitem__(self, key: str) -> Any:
        if key.startswith("__"):
            raise KeyError(key)
        from designer.data.binding import is_date_field

        if key == "seal_url":
            return "https://verify.example.invalid/#design"
        if is_date_field(key):
            return datetime.date.today()
        from designer.ui.field_labels import field_label

        return f"«{field_label(key)}»"

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and not key.startswith("__")

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0


def _values_key(values: Mapping[str, Any] | None) -> str:
    if values is None:
        return ""
    if isinstance(values, DesignValues):
        from designer.ui.field_labels import field_label

        return "design:" + field_label("full_name")  # placeholders follow the UI language
    return json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)


def draw_display(display: PageDisplay, painter: Any) -> bool:
    """Draw a display list whose coordinates are millimetres onto a painter already in mm,
    unclipped (the element's own page is only its layout frame; the canvas item clips to the
    real page's bleed). Returns False when the Qt painter is unavailable."""
    try:
        from designer.render.qt_painter import paint_page
    except ImportError:
        return False
    paint_page(display, painter, dpi_scale=1.0, bleed=True)
    return True
