"""Mouse tools as small state objects (select, move, resize, rotate, rubber band, place).

The view hands each mouse event to the current tool. A tool shows live feedback by moving
canvas items only; when the mouse is released it makes one edit through the editor, so a
whole drag is a single undo step.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent

from designer.ui.canvas.items import ElementItem
from designer.ui.geometry import bounds, snap_box, snap_edge

if TYPE_CHECKING:
    from designer.ui.canvas.view import CanvasView

SNAP_PX = 6.0


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


MIN_SIZE_MM = 1.0
CLICK_PX = 3.0


class Tool:
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, view: CanvasView) -> None:
        self.view = view
        self.editor = view.editor
        self.scene = view.editor.scene

    def press(self, event: QMouseEvent, pos: QPointF) -> None: ...

    def move(self, event: QMouseEvent, pos: QPointF) -> None: ...

    def release(self, event: QMouseEvent, pos: QPointF) -> None: ...

    def hover(self, pos: QPointF) -> Qt.CursorShape:
        return self.cursor

    def snap_tolerance(self) -> float:
        return SNAP_PX / (self.view.transform().m11() or 1.0)


def _snap_allowed(event: QMouseEvent) -> bool:
    return not (event.modifiers() & Qt.KeyboardModifier.AltModifier)


class MoveInteraction(Tool):
    """Dragging the selection; snaps its bounds to guides, page edges and other elements."""

    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, view: CanvasView, start: QPointF, element_ids: list[str]) -> None:
        super().__init__(view)
        self.start = start
        self.ids = element_ids
        self.items = [self.scene.item(eid) for eid in element_ids]
        self.origins = {item.element_id: item.pos() for item in self.items}
        self.box = bounds([item.box() for item in self.items]) if self.items else (0, 0, 0, 0)
        self.targets = (
            self.scene.snap_targets(set(element_ids)) if self.scene.snap_enabled else None
        )
        self.delta = QPointF(0, 0)

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        delta = pos - self.start
        x_lines: list[float] = []
        y_lines: list[float] = []
        if self.targets is not None and _snap_allowed(event):
            x, y, w, h = self.box
            snap = snap_box(
                (x + delta.x(), y + delta.y(), w, h), self.targets, self.snap_tolerance()
            )
            delta += QPointF(snap.dx, snap.dy)
            x_lines, y_lines = snap.x_lines, snap.y_lines
        self.delta = delta
        for item in self.items:
            item.setPos(self.origins[item.element_id] + delta)
        self.scene.snap_lines.show_lines(x_lines, y_lines, self.scene.sceneRect())

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        self.scene.snap_lines.show_lines([], [], self.scene.sceneRect())
        dx, dy = round(self.delta.x(), 3), round(self.delta.y(), 3)
        if dx or dy:
            self.editor.move_by(dx, dy, self.ids)


class ResizeInteraction(Tool):
    """Dragging one of the eight handles. Shift keeps the proportions; the dragged edges of an
    unrotated element snap like a moved box does (Alt turns snapping off)."""

    def __init__(self, view: CanvasView, item: ElementItem, handle: str) -> None:
        super().__init__(view)
        self.item = item
        self.handle = handle
        self.element = self.editor.document.element(item.element_id)
        self.transform = item.sceneTransform()
        self.inverse, _ = self.transform.inverted()
        self.new_box: tuple[float, float, float, float] | None = None
        snaps = self.scene.snap_enabled and self.element.rotation % 360 == 0
        self.targets = self.scene.snap_targets({self.element.id}) if snaps else None

    def _snapped(
        self, event: QMouseEvent, local: QPointF
    ) -> tuple[QPointF, list[float], list[float]]:
        """The handle position after snapping its moving edges (element coordinates)."""
        if self.targets is None or not _snap_allowed(event):
            return local, [], []
        x0, y0 = self.element.x, self.element.y
        tolerance = self.snap_tolerance()
        x, y = local.x(), local.y()
        x_lines: list[float] = []
        y_lines: list[float] = []
        if "left" in self.handle or "right" in self.handle:
            snapped, line = snap_edge(x0 + x, self.targets.xs, self.targets.grid, tolerance)
            x = snapped - x0
            x_lines = [line] if line is not None else []
        if self.handle.startswith(("top", "bottom")):
            snapped, line = snap_edge(y0 + y, self.targets.ys, self.targets.grid, tolerance)
            y = snapped - y0
            y_lines = [line] if line is not None else []
        return QPointF(x, y), x_lines, y_lines

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        local, x_lines, y_lines = self._snapped(event, self.inverse.map(pos))
        self.scene.snap_lines.show_lines(x_lines, y_lines, self.scene.sceneRect())
        w, h = self.element.width, self.element.height
        left, top, right, bottom = 0.0, 0.0, w, h
        if "left" in self.handle:
            left = min(local.x(), right - MIN_SIZE_MM)
        if "right" in self.handle:
            right = max(local.x(), left + MIN_SIZE_MM)
        if self.handle.startswith("top"):
            top = min(local.y(), bottom - MIN_SIZE_MM)
        if self.handle.startswith("bottom"):
            bottom = max(local.y(), top + MIN_SIZE_MM)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and w > 0 and h > 0:
            scale = max((right - left) / w, (bottom - top) / h)
            if self.handle in ("top", "bottom"):
                scale = (bottom - top) / h
            elif self.handle in ("left", "right"):
                scale = (right - left) / w
            nw, nh = w * scale, h * scale
            if "left" in self.handle:
                left = right - nw
            else:
                right = left + nw
            if self.handle.startswith("top"):
                top = bottom - nh
            else:
                bottom = top + nh
        new_w, new_h = right - left, bottom - top
        centre = self.transform.map(QPointF((left + right) / 2, (top + bottom) / 2))
        self.new_box = (
            round(centre.x() - new_w / 2, 3),
            round(centre.y() - new_h / 2, 3),
            round(new_w, 3),
            round(new_h, 3),
        )
        x, y, nw, nh = self.new_box
        preview = dataclasses.replace(self.element, x=x, y=y, width=nw, height=nh)
        self.item.sync(preview)
        self.item.set_display(
            self.scene.layouts.layout(
                self.editor.document.template, preview, self.scene.values_for_layout()
            )
        )

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        self.scene.snap_lines.show_lines([], [], self.scene.sceneRect())
        if self.new_box is None:
            return
        x, y, w, h = self.new_box
        self.editor.set_attributes(
            {self.element.id: {"x": x, "y": y, "width": w, "height": h}}, tr("Resize")
        )


class RotateInteraction(Tool):
    """Dragging the round knob above the selection. Shift snaps to 15 degree steps."""

    def __init__(self, view: CanvasView, item: ElementItem) -> None:
        super().__init__(view)
        self.item = item
        self.centre = item.mapToScene(QPointF(item.width / 2, item.height / 2))
        self.angle: float | None = None

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        d = pos - self.centre
        angle = math.degrees(math.atan2(d.y(), d.x())) + 90.0
        step = 15.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1.0
        angle = (round(angle / step) * step) % 360.0
        self.angle = angle
        self.item.setRotation(angle)

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        if self.angle is not None:
            self.editor.set_attributes(
                {self.item.element_id: {"rotation": self.angle}}, tr("Rotate")
            )


class RubberBandInteraction(Tool):
    def __init__(self, view: CanvasView, start: QPointF, add: bool) -> None:
        super().__init__(view)
        self.start = start
        self.initial = set(self.editor.selection()) if add else set()
        self.scene.rubber_band.set_rect(QRectF(start, start))
        self.scene.rubber_band.setVisible(True)

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        rect = QRectF(self.start, pos).normalized()
        self.scene.rubber_band.set_rect(rect)
        hit = {
            item.element_id
            for item in self.scene.items_by_id.values()
            if item.isVisible()
            and not item.locked
            and rect.intersects(item.sceneBoundingRect())
            and rect.intersects(item.mapToScene(item.shape()).boundingRect())
        }
        self.editor.select(sorted(self.initial | hit))

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        self.scene.rubber_band.setVisible(False)


class SelectTool(Tool):
    """The default tool: click, shift-click, drag to move, handles, rubber band."""

    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self.active: Tool | None = None

    def element_item_at(self, pos: QPointF) -> ElementItem | None:
        for item in self.scene.items(pos):
            if (
                isinstance(item, ElementItem)
                and item.isVisible()
                and item.shape().contains(item.mapFromScene(pos))
            ):
                return item
        return None

    def handle_at(self, pos: QPointF) -> tuple[ElementItem, str] | None:
        selected = [i for i in self.scene.selectedItems() if isinstance(i, ElementItem)]
        if len(selected) != 1:
            return None
        handle = selected[0].handle_at(pos)
        return (selected[0], handle) if handle else None

    def hover(self, pos: QPointF) -> Qt.CursorShape:
        found = self.handle_at(pos)
        if found:
            handle = found[1]
            if handle == "rotate":
                return Qt.CursorShape.CrossCursor
            if handle in ("left", "right"):
                return Qt.CursorShape.SizeHorCursor
            if handle in ("top", "bottom"):
                return Qt.CursorShape.SizeVerCursor
            if handle in ("top_left", "bottom_right"):
                return Qt.CursorShape.SizeFDiagCursor
            return Qt.CursorShape.SizeBDiagCursor
        item = self.element_item_at(pos)
        if item is not None and not item.locked:
            return Qt.CursorShape.SizeAllCursor
        return Qt.CursorShape.ArrowCursor

    def press(self, event: QMouseEvent, pos: QPointF) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        additive = bool(
            event.modifiers()
            & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        )
        found = self.handle_at(pos)
        if found and not additive:
            item, handle = found
            self.active = (
                RotateInteraction(self.view, item)
                if handle == "rotate"
                else ResizeInteraction(self.view, item, handle)
            )
            return
        item = self.element_item_at(pos)
        if item is None:
            if not additive:
                self.editor.select([])
            self.active = RubberBandInteraction(self.view, pos, additive)
            return
        selection = self.editor.selection()
        if additive:
            selection = (
                [e for e in selection if e != item.element_id]
                if item.isSelected()
                else selection + [item.element_id]
            )
            self.editor.select(selection)
        elif not item.isSelected():
            self.editor.select([item.element_id])
        movable = [eid for eid in self.editor.selection() if not self.scene.item(eid).locked]
        if movable and item.isSelected():
            self.active = MoveInteraction(self.view, pos, movable)

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        if self.active is not None:
            self.active.move(event, pos)

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        if self.active is not None:
            active, self.active = self.active, None
            active.release(event, pos)


class PlaceTool(Tool):
    """Insert tools: click to place at the default size, or drag out a box."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view: CanvasView, kind: str, field: str = "") -> None:
        super().__init__(view)
        self.kind = kind
        self.field = field
        self.start: QPointF | None = None

    def press(self, event: QMouseEvent, pos: QPointF) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.start = pos
            self.scene.rubber_band.set_rect(QRectF(pos, pos))
            self.scene.rubber_band.setVisible(True)

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        if self.start is not None:
            self.scene.rubber_band.set_rect(QRectF(self.start, pos))

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        if self.start is None:
            return
        self.scene.rubber_band.setVisible(False)
        rect = QRectF(self.start, pos).normalized()
        click = CLICK_PX / (self.view.transform().m11() or 1.0)
        if rect.width() < click and rect.height() < click:
            self.editor.add_element(
                self.kind, x=round(pos.x(), 2), y=round(pos.y(), 2), field=self.field
            )
        else:
            self.editor.add_element(
                self.kind,
                x=round(rect.x(), 2),
                y=round(rect.y(), 2),
                width=round(rect.width(), 2),
                height=round(rect.height(), 2),
                field=self.field,
            )
        self.start = None
        self.view.set_select_tool()
