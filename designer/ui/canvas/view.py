"""The canvas view: zoom, pan, keyboard nudges, field drops, and rulers in millimetres."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QGridLayout, QWidget

from designer.ui.canvas.tools import PlaceTool, SelectTool, Tool
from designer.ui.editor import Editor, new_element

FIELD_MIME = "application/x-shosho-field"
MIN_ZOOM, MAX_ZOOM = 0.05, 16.0
RULER_PX = 22


class CanvasView(QGraphicsView):
    zoom_changed = Signal(float)  # 1.0 = actual size
    cursor_moved = Signal(float, float)  # mm
    tool_changed = Signal(str)

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(editor.scene, parent)
        self.editor = editor
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tool: Tool = SelectTool(self)
        self._pan_from: QPointF | None = None
        self._space_down = False
        # The page refits to the window (first show, maximise, resize) until the user zooms.
        self.auto_fit = True
        self.in_place = None  # the text being edited on the canvas, if any

    # ----- tools
    def set_select_tool(self) -> None:
        self.tool = SelectTool(self)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.tool_changed.emit("select")

    def set_place_tool(self, kind: str, field: str = "") -> None:
        self.tool = PlaceTool(self, kind, field)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.tool_changed.emit(kind)

    # ----- zoom
    def pixels_per_mm_at_100(self) -> float:
        return self.logicalDpiX() / 25.4

    def zoom(self) -> float:
        return self.transform().m11() / self.pixels_per_mm_at_100()

    def set_zoom(self, zoom: float) -> None:
        """Zoom chosen by the user: the view stops refitting itself to the window."""
        self.auto_fit = False
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        scale = zoom * self.pixels_per_mm_at_100()
        self.setTransform(self.transform().fromScale(scale, scale))
        self.zoom_changed.emit(zoom)
        self._rulers_update()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def zoom_to_fit(self) -> None:
        """Fit the page with its bleed, and keep it fitted as the window changes size."""
        self.auto_fit = True
        self._fit()

    def _fit(self) -> None:
        if self.viewport().width() < 50 or self.viewport().height() < 50:
            return  # not laid out yet: the first show or resize fits it
        bleed = self.editor.document.template.bleed
        rect = self.editor.scene.page_rect().adjusted(-bleed - 6, -bleed - 6, bleed + 6, bleed + 6)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())
        self._rulers_update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit:
            self._fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.auto_fit:
            self._fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            self.zoom_by(1.15**steps)
            event.accept()
            return
        super().wheelEvent(event)
        self._rulers_update()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self._rulers_update()

    def _rulers_update(self) -> None:
        parent = self.parentWidget()
        if isinstance(parent, CanvasArea):
            parent.update_rulers()

    # ----- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space_down and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        self.setFocus()
        self.tool.press(event, self.mapToScene(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            pos = self.mapToScene(event.position().toPoint())
            tool = self.tool if isinstance(self.tool, SelectTool) else SelectTool(self)
            item = tool.element_item_at(pos)
            if item is not None and item.kind == "text" and not item.locked:
                self.edit_in_place(item.element_id)
                return
        super().mouseDoubleClickEvent(event)

    def edit_in_place(self, element_id: str):
        """Edit a text element's text on the canvas, over the element itself."""
        from designer.ui.canvas.inplace import InPlaceEditor

        if self.in_place is not None:
            self.in_place.commit()
        self.editor.select([element_id])
        self.in_place = InPlaceEditor(self, element_id)
        return self.in_place

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = self.mapToScene(event.position().toPoint())
        self.cursor_moved.emit(pos.x(), pos.y())
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            return
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.tool.move(event, pos)
        else:
            self.viewport().setCursor(self.tool.hover(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.tool.release(event, self.mapToScene(event.position().toPoint()))

    # ----- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        step = 1.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.1
        arrows = {
            Qt.Key.Key_Left: (-step, 0),
            Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step),
            Qt.Key.Key_Down: (0, step),
        }
        if key in arrows and self.editor.selection():
            self.editor.nudge(*arrows[key])
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.editor.delete_selection()
            return
        if key == Qt.Key.Key_Escape:
            if isinstance(self.tool, SelectTool):
                self.editor.select([])
            self.set_select_tool()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)

    # ----- drops: a roster column header becomes a text element bound to that field
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(FIELD_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(FIELD_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(FIELD_MIME):
            super().dropEvent(event)
            return
        field = bytes(event.mimeData().data(FIELD_MIME)).decode("utf-8")
        pos = self.mapToScene(event.position().toPoint())
        self.drop_field(field, pos)
        event.acceptProposedAction()

    def drop_field(self, field: str, pos: QPointF) -> str:
        """Add an element bound to ``field`` centred on a scene point; returns its id."""
        element = new_element(
            "photo" if field == "photo" else "field", self.editor.document.template, field=field
        )
        element.x = round(pos.x() - element.width / 2, 2)
        element.y = round(pos.y() - element.height / 2, 2)
        return self.editor.insert([element], self.tr("Add field"))[0]


class Ruler(QWidget):
    """A ruler in millimetres along one edge of the canvas. Drag from it to add a guide."""

    def __init__(self, view: CanvasView, horizontal: bool) -> None:
        super().__init__()
        self.view = view
        self.horizontal = horizontal
        self.cursor_mm: float | None = None
        self._dragging = False
        if horizontal:
            self.setFixedHeight(RULER_PX)
        else:
            self.setFixedWidth(RULER_PX)
        view.cursor_moved.connect(self._on_cursor)
        self.setToolTip(self.tr("Drag onto the page to add a guide"))

    def _on_cursor(self, x: float, y: float) -> None:
        self.cursor_mm = x if self.horizontal else y
        self.update()

    def _to_pixel(self, mm: float) -> float:
        point = self.view.mapFromScene(QPointF(mm, mm))
        return float(point.x() if self.horizontal else point.y())

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f8f9fa"))
        painter.setPen(QPen(QColor("#dadce0")))
        if self.horizontal:
            painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        else:
            painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        scale = self.view.transform().m11() or 1.0
        step = next((s for s in (1, 2, 5, 10, 20, 50, 100, 200) if s * scale >= 6), 500)
        length = self.width() if self.horizontal else self.height()
        start_mm = self.view.mapToScene(0, 0)
        first = start_mm.x() if self.horizontal else start_mm.y()
        mm = int(first // step) * step
        font = QFont(self.font())
        font.setPointSizeF(7)
        painter.setFont(font)
        painter.setPen(QPen(QColor("#5f6368")))
        while True:
            pixel = self._to_pixel(mm)
            if pixel > length:
                break
            major = mm % (step * 10) == 0
            mid = mm % (step * 5) == 0
            tick = RULER_PX * (0.6 if major else 0.35 if mid else 0.2)
            if self.horizontal:
                painter.drawLine(QPointF(pixel, RULER_PX - tick), QPointF(pixel, RULER_PX))
                if major:
                    painter.drawText(QPointF(pixel + 2, 9), str(mm))
            else:
                painter.drawLine(QPointF(RULER_PX - tick, pixel), QPointF(RULER_PX, pixel))
                if major:
                    painter.save()
                    painter.translate(9, pixel + 2)
                    painter.rotate(90)
                    painter.drawText(QPointF(0, 0), str(mm))
                    painter.restore()
            mm += step
        if self.cursor_mm is not None:
            pixel = self._to_pixel(self.cursor_mm)
            painter.setPen(QPen(QColor("#1a73e8")))
            if self.horizontal:
                painter.drawLine(QPointF(pixel, 0), QPointF(pixel, RULER_PX))
            else:
                painter.drawLine(QPointF(0, pixel), QPointF(RULER_PX, pixel))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._dragging = event.button() == Qt.MouseButton.LeftButton

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self._dragging:
            return
        self._dragging = False
        global_pos = self.mapToGlobal(event.position().toPoint())
        local = self.view.viewport().mapFromGlobal(global_pos)
        if not self.view.viewport().rect().contains(local):
            return
        scene = self.view.mapToScene(local)
        # A horizontal ruler gives a horizontal guide line (constant y), as in office programs.
        if self.horizontal:
            self.view.editor.add_guide("y", scene.y())
        else:
            self.view.editor.add_guide("x", scene.x())


class CanvasArea(QWidget):
    """The view with its two rulers."""

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = CanvasView(editor, self)
        self.h_ruler = Ruler(self.view, True)
        self.v_ruler = Ruler(self.view, False)
        corner = QWidget()
        corner.setFixedSize(RULER_PX, RULER_PX)
        corner.setStyleSheet("background: #f8f9fa;")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(corner, 0, 0)
        layout.addWidget(self.h_ruler, 0, 1)
        layout.addWidget(self.v_ruler, 1, 0)
        layout.addWidget(self.view, 1, 1)

    def update_rulers(self) -> None:
        self.h_ruler.update()
        self.v_ruler.update()

    def visible_rect(self) -> QRectF:
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()
