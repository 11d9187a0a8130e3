"""The open document: a Template wrapped in a QObject that tells views what changed.

Only QtCore is used (signals), so the document works headless and under QCoreApplication.
Edits go through the methods here; undo commands call them and the canvas, layers and
inspector listen to the signals. Nothing here knows about widgets or undo.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from designer.model.elements import Element
from designer.model.template import Side, Template


def get_path(obj: Any, path: str) -> Any:
    """Read a dotted attribute such as ``"style.size"``."""
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def set_path(obj: Any, path: str, value: Any) -> None:
    """Set a dotted attribute such as ``"style.size"``."""
    *parents, last = path.split(".")
    for part in parents:
        obj = getattr(obj, part)
    if not hasattr(obj, last):
        raise AttributeError(f"{type(obj).__name__} has no attribute {last!r}")
    setattr(obj, last, copy.deepcopy(value))


def has_path(obj: Any, path: str) -> bool:
    try:
        get_path(obj, path)
    except AttributeError:
        return False
    return True


class Document(QObject):
    """A template being edited, with its file path.

    Signals carry side names and element ids so listeners update only what changed.
    """

    element_inserted = Signal(str, str, int)  # side name, element id, index
    element_removed = Signal(str, str)  # side name, element id
    elements_changed = Signal(list)  # element ids whose attributes changed
    order_changed = Signal(str)  # side name
    page_changed = Signal()  # page size, bleed, safe margin, backgrounds, guides
    sides_changed = Signal()  # a side was added or removed
    assets_changed = Signal()
    path_changed = Signal(str)
    changed = Signal()  # any edit at all

    def __init__(
        self,
        template: Template | None = None,
        path: str | Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._template = template if template is not None else Template()
        self._path = Path(path) if path else None

    # ----- reading
    @property
    def template(self) -> Template:
        return self._template

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: str | Path | None) -> None:
        self._path = Path(path) if path else None
        self.path_changed.emit(str(self._path or ""))

    def display_name(self) -> str:
        return self._path.name if self._path else self._template.name

    def side(self, name: str) -> Side:
        return self._template.side(name)

    def side_names(self) -> list[str]:
        return [side.name for side in self._template.sides]

    def find(self, element_id: str) -> tuple[Side, Element]:
        for side in self._template.sides:
            for element in side.elements:
                if element.id == element_id:
                    return side, element
        raise KeyError(element_id)

    def element(self, element_id: str) -> Element:
        return self.find(element_id)[1]

    def index_of(self, element_id: str) -> int:
        side, element = self.find(element_id)
        return side.elements.index(element)

    def guides(self) -> list[dict[str, Any]]:
        """Guides the user placed: ``[{"axis": "x" | "y", "position": mm}]``."""
        return list(self._template.extra.get("guides", []))

    # ----- editing
    def insert_element(self, side_name: str, element: Element, index: int | None = None) -> None:
        side = self.side(side_name)
        if index is None or index > len(side.elements):
            index = len(side.elements)
        side.elements.insert(index, element)
        self.element_inserted.emit(side_name, element.id, index)
        self.changed.emit()

    def remove_element(self, element_id: str) -> tuple[str, int, Element]:
        """Remove an element; returns (side name, index, element) so it can be put back."""
        side, element = self.find(element_id)
        index = side.elements.index(element)
        del side.elements[index]
        self.element_removed.emit(side.name, element_id)
        self.changed.emit()
        return side.name, index, element

    def set_attributes(self, changes: dict[str, dict[str, Any]]) -> None:
        """Apply ``{element_id: {"x": 10.0, "style.size": 14.0}}`` and signal once."""
        for element_id, values in changes.items():
            element = self.element(element_id)
            for path, value in values.items():
                set_path(element, path, value)
        if changes:
            self.elements_changed.emit(list(changes))
            self.changed.emit()

    def attributes(self, element_ids: list[str], paths: list[str]) -> dict[str, dict[str, Any]]:
        """Current values of ``paths`` for each element, deep-copied (for undo)."""
        return {
            element_id: {p: copy.deepcopy(get_path(self.element(element_id), p)) for p in paths}
            for element_id in element_ids
        }

    def set_order(self, side_name: str, element_ids: list[str]) -> None:
        """Reorder a side's elements (first is drawn first, i.e. at the back)."""
        side = self.side(side_name)
        by_id = {element.id: element for element in side.elements}
        if sorted(by_id) != sorted(element_ids):
            raise ValueError("the new order must hold exactly the side's elements")
        side.elements[:] = [by_id[element_id] for element_id in element_ids]
        self.order_changed.emit(side_name)
        self.changed.emit()

    def set_template_attributes(self, values: dict[str, Any]) -> None:
        """Change page-level settings: ``page``, ``bleed``, ``safe_margin``, ``name``, ``extra.guides``…"""
        for path, value in values.items():
            if path.startswith("extra."):
                key = path.split(".", 1)[1]
                if value is None:
                    self._template.extra.pop(key, None)
                else:
                    self._template.extra[key] = copy.deepcopy(value)
            else:
                set_path(self._template, path, value)
        self.page_changed.emit()
        self.changed.emit()

    def template_attributes(self, paths: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for path in paths:
            if path.startswith("extra."):
                out[path] = copy.deepcopy(self._template.extra.get(path.split(".", 1)[1]))
            else:
                out[path] = copy.deepcopy(get_path(self._template, path))
        return out

    def set_side_background(self, side_name: str, color: str) -> None:
        self.side(side_name).background = color
        self.page_changed.emit()
        self.changed.emit()

    def insert_side(self, side: Side, index: int | None = None) -> None:
        if side.name in self.side_names():
            raise ValueError(f"there is already a side named {side.name!r}")
        sides = self._template.sides
        sides.insert(len(sides) if index is None else index, side)
        self.sides_changed.emit()
        self.changed.emit()

    def remove_side(self, side_name: str) -> tuple[int, Side]:
        sides = self._template.sides
        if len(sides) == 1:
            raise ValueError("a template keeps at least one side")
        index = self.side_names().index(side_name)
        side = sides.pop(index)
        self.sides_changed.emit()
        self.changed.emit()
        return index, side

    def set_asset(self, name: str, data: bytes | None) -> None:
        if data is None:
            self._template.assets.pop(name, None)
        else:
            self._template.assets[name] = data
        self.assets_changed.emit()
        self.changed.emit()
