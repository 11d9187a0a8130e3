"""The canvas scene: one side of the document, kept in step with it through its signals.

Scene units are millimetres. The scene never edits the document; tools and panels push
undo commands, and the scene redraws when the document says something changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from designer.model.document import Document
from designer.ui.canvas.items import ElementItem, PageItem, RubberBandItem, SnapLinesItem
from designer.ui.canvas.rendering import DesignValues, ElementLayouts
from designer.ui.geometry import SnapTargets

MARGIN_MM = 40.0


class CanvasScene(QGraphicsScene):
    selection_ids_changed = Signal(list)

    def __init__(self, document: Document, layouts: ElementLayouts | None = None) -> None:
        super().__init__()
        self.document = document
        self.layouts = layouts or ElementLayouts()
        self.side_name = document.side_names()[0]
        self.values: dict[str, Any] | None = None  # the previewed record, or None for design view
        # Without a previewed record each field shows as a placeholder in its own style
        # («氏名»), with the fixed text around it (殿 stays).
        self.design_values: Mapping[str, Any] = DesignValues()
        self.grid = 0.0
        self.snap_enabled = True
        self.items_by_id: dict[str, ElementItem] = {}
        self.setBackgroundBrush(QColor("#e8eaed"))
        self.page_item = PageItem()
        self.addItem(self.page_item)
        self.snap_lines = SnapLinesItem()
        self.addItem(self.snap_lines)
        self.rubber_band = RubberBandItem()
        self.rubber_band.setVisible(False)
        self.addItem(self.rubber_band)
        document.element_inserted.connect(self._on_inserted)
        document.element_removed.connect(self._on_removed)
        document.elements_changed.connect(self._on_changed)
        document.order_changed.connect(self._on_order)
        document.page_changed.connect(self._sync_page)
        document.sides_changed.connect(self._on_sides)
        document.assets_changed.connect(self.refresh_all)
        self.selectionChanged.connect(self._emit_selection)
        self._rebuild()

    # ----- public
    def set_side(self, name: str) -> None:
        if name != self.side_name:
            self.side_name = name
            self._rebuild()

    def set_values(self, values: dict[str, Any] | None) -> None:
        """Show a record's real values (the preview), or None for the design view."""
        self.values = values
        self.refresh_all()

    def set_grid(self, grid: float) -> None:
        self.grid = grid
        self._sync_page()

    def selected_ids(self) -> list[str]:
        """Selected element ids in drawing order (back to front)."""
        selected = {
            item.element_id for item in self.selectedItems() if isinstance(item, ElementItem)
        }
        return [e.id for e in self.document.side(self.side_name).elements if e.id in selected]

    def select_ids(self, element_ids: list[str]) -> None:
        wanted = set(element_ids)
        self.blockSignals(True)
        try:
            for element_id, item in self.items_by_id.items():
                item.setSelected(element_id in wanted)
        finally:
            self.blockSignals(False)
        self._emit_selection()

    def item(self, element_id: str) -> ElementItem:
        return self.items_by_id[element_id]

    def page_rect(self) -> QRectF:
        page = self.document.template.page
        return QRectF(0, 0, page.width, page.height)

    def snap_targets(self, exclude: set[str]) -> SnapTargets:
        """Lines worth snapping to: page edges and centre, safe area, guides, other elements."""
        template = self.document.template
        w, h, s = template.page.width, template.page.height, template.safe_margin
        xs = [0.0, w / 2, w, s, w - s]
        ys = [0.0, h / 2, h, s, h - s]
        for guide in self.document.guides():
            (xs if guide.get("axis") == "x" else ys).append(float(guide.get("position", 0)))
        for element in self.document.side(self.side_name).elements:
            if element.id in exclude or not element.visible:
                continue
            xs += [element.x, element.x + element.width / 2, element.x + element.width]
            ys += [element.y, element.y + element.height / 2, element.y + element.height]
        return SnapTargets(xs, ys, self.grid)

    def refresh_all(self) -> None:
        for element_id in list(self.items_by_id):
            self._refresh(element_id)

    def values_for_layout(self) -> Mapping[str, Any]:
        return self.values if self.values is not None else self.design_values

    # ----- document signals
    def _rebuild(self) -> None:
        for item in self.items_by_id.values():
            self.removeItem(item)
        self.items_by_id.clear()
        for index, element in enumerate(self.document.side(self.side_name).elements):
            self._add_item(element.id, index)
        self._sync_page()

    def _add_item(self, element_id: str, index: int) -> None:
        item = ElementItem(element_id)
        self.items_by_id[element_id] = item
        self.addItem(item)
        item.setZValue(index)
        self._refresh(element_id)

    def _refresh(self, element_id: str) -> None:
        item = self.items_by_id[element_id]
        element = self.document.element(element_id)
        item.sync(element)
        display = self.layouts.layout(self.document.template, element, self.values_for_layout())
        item.set_display(display, self.layouts.errors.get(element_id, ""))

    def _on_inserted(self, side: str, element_id: str, index: int) -> None:
        if side == self.side_name:
            self._add_item(element_id, index)
            self._on_order(side)

    def _on_removed(self, side: str, element_id: str) -> None:
        item = self.items_by_id.pop(element_id, None)
        if item is not None:
            was_selected = item.isSelected()
            self.removeItem(item)
            if was_selected:
                self._emit_selection()

    def _on_changed(self, element_ids: list[str]) -> None:
        for element_id in element_ids:
            if element_id in self.items_by_id:
                self._refresh(element_id)

    def _on_order(self, side: str) -> None:
        if side != self.side_name:
            return
        for index, element in enumerate(self.document.side(side).elements):
            item = self.items_by_id.get(element.id)
            if item is not None:
                item.setZValue(index)

    def _on_sides(self) -> None:
        if self.side_name not in self.document.side_names():
            self.side_name = self.document.side_names()[0]
        self._rebuild()

    def _sync_page(self) -> None:
        template = self.document.template
        guides = [(g.get("axis", "x"), float(g.get("position", 0))) for g in self.document.guides()]
        self.page_item.configure(
            template.page.width,
            template.page.height,
            template.bleed,
            template.safe_margin,
            self.document.side(self.side_name).background,
            guides,
            self.grid,
        )
        m = MARGIN_MM
        self.setSceneRect(QRectF(-m, -m, template.page.width + 2 * m, template.page.height + 2 * m))

    def _emit_selection(self) -> None:
        self.selection_ids_changed.emit(self.selected_ids())
