"""Graphics items: the page, one item per element, guides and the rubber band."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.model.elements import Element
from designer.render.display import PageDisplay
from designer.ui.canvas.rendering import draw_display

HANDLE_PX = 8.0  # handle size on screen, whatever the zoom
ROTATE_OFFSET_PX = 22.0
SELECTION_COLOR = QColor("#1a73e8")
BLEED_COLOR = QColor("#d93025")
SAFE_COLOR = QColor("#188038")

# Resize handles by name: (fraction of width, fraction of height).
HANDLES: dict[str, tuple[float, float]] = {
    "top_left": (0, 0),
    "top": (0.5, 0),
    "top_right": (1, 0),
    "left": (0, 0.5),
    "right": (1, 0.5),
    "bottom_left": (0, 1),
    "bottom": (0.5, 1),
    "bottom_right": (1, 1),
}


def pixels_to_scene(item: QGraphicsItem, pixels: float) -> float:
    """How many millimetres ``pixels`` screen pixels cover at the current zoom."""
    scene = item.scene()
    views = scene.views() if scene else []
    if not views:
        return pixels / 4.0
    scale = views[0].transform().m11() or 1.0
    return pixels / scale


class PageItem(QGraphicsItem):
    """The sheet: bleed area, paper with its background colour, safe area and guides."""

    def __init__(self) -> None:
        super().__init__()
        self.width = 210.0
        self.height = 297.0
        self.bleed = 3.0
        self.safe = 5.0
        self.background = QColor("#ffffff")
        self.guides: list[tuple[str, float]] = []
        self.grid = 0.0
        self.setZValue(-1000)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def configure(
        self,
        width: float,
        height: float,
        bleed: float,
        safe: float,
        background: str,
        guides: list[tuple[str, float]],
        grid: float,
    ) -> None:
        self.prepareGeometryChange()
        self.width, self.height, self.bleed, self.safe = width, height, bleed, safe
        self.background = (
            QColor(background) if QColor.isValidColorName(background) else QColor("#ffffff")
        )
        self.guides = guides
        self.grid = grid
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = max(self.bleed, 0) + 4
        return QRectF(-margin, -margin, self.width + 2 * margin, self.height + 2 * margin)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        px = pixels_to_scene(self, 1)
        b = self.bleed
        # Drop shadow and bleed zone.
        painter.fillRect(
            QRectF(-b + 1.2 * px * 3, -b + 1.2 * px * 3, self.width + 2 * b, self.height + 2 * b),
            QColor(0, 0, 0, 40),
        )
        if b > 0:
            painter.fillRect(
                QRectF(-b, -b, self.width + 2 * b, self.height + 2 * b), QColor("#fdf3f2")
            )
        painter.fillRect(QRectF(0, 0, self.width, self.height), self.background)
        if self.grid > 0:
            painter.setPen(QPen(QColor(0, 0, 0, 22), 0))
            x = self.grid
            while x < self.width:
                painter.drawLine(QPointF(x, 0), QPointF(x, self.height))
                x += self.grid
            y = self.grid
            while y < self.height:
                painter.drawLine(QPointF(0, y), QPointF(self.width, y))
                y += self.grid
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if b > 0:
            pen = QPen(BLEED_COLOR, 0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(QRectF(-b, -b, self.width + 2 * b, self.height + 2 * b))
        painter.setPen(QPen(QColor("#9aa0a6"), 0))
        painter.drawRect(QRectF(0, 0, self.width, self.height))
        if self.safe > 0:
            painter.setPen(QPen(SAFE_COLOR, 0, Qt.PenStyle.DotLine))
            s = self.safe
            painter.drawRect(QRectF(s, s, self.width - 2 * s, self.height - 2 * s))
        painter.setPen(QPen(QColor("#00b8d4"), 0))
        for axis, position in self.guides:
            if axis == "x":
                painter.drawLine(QPointF(position, -b - 4), QPointF(position, self.height + b + 4))
            else:
                painter.drawLine(QPointF(-b - 4, position), QPointF(self.width + b + 4, position))


class ElementItem(QGraphicsItem):
    """One element, drawn from its display list. The model stays the truth: the item is
    placed from the element and never changes the element itself."""

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id = element_id
        self.width = 10.0
        self.height = 10.0
        self.kind = ""
        self.locked = False
        self.frame_reach = 0.0  # a border is picked on its frame only, not its empty middle
        self.display: PageDisplay | None = None
        self.error = ""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def sync(self, element: Element) -> None:
        """Place the item where the element is."""
        if (element.width, element.height) != (self.width, self.height):
            self.prepareGeometryChange()
        self.width, self.height = max(element.width, 0.01), max(element.height, 0.01)
        self.kind = element.TYPE
        self.locked = element.locked
        self.frame_reach = (
            float(getattr(element, "inset", 0.0)) + 2.0 if element.TYPE == "border" else 0.0
        )
        self.setPos(element.x, element.y)
        self.setTransformOriginPoint(self.width / 2, self.height / 2)
        self.setRotation(element.rotation)
        self.setOpacity(element.opacity)
        self.setVisible(element.visible)
        self.setToolTip(element.name or element.TYPE)
        self.update()

    def set_display(self, display: PageDisplay | None, error: str = "") -> None:
        self.prepareGeometryChange()
        self.display = display
        self.error = error
        self.update()

    def box(self) -> tuple[float, float, float, float]:
        return self.pos().x(), self.pos().y(), self.width, self.height

    def boundingRect(self) -> QRectF:  # noqa: N802
        rect = QRectF(0, 0, self.width, self.height)
        if self.display is not None:
            # Text may run outside its box (overflow); keep it all inside the repaint area.
            rect = rect.united(
                QRectF(-self.width * 0.25, -self.height * 0.25, self.width * 1.5, self.height * 1.5)
            )
        pad = pixels_to_scene(self, HANDLE_PX + ROTATE_OFFSET_PX + 2)
        return rect.adjusted(-pad, -pad, pad, pad)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        outer = QRectF(0, 0, self.width, self.height)
        path.addRect(outer)
        reach = self.frame_reach
        if reach > 0 and 2 * reach < min(self.width, self.height):
            # Clicks inside the frame reach what lies under it; the frame itself picks it.
            path.addRect(outer.adjusted(reach, reach, -reach, -reach))
            path.setFillRule(Qt.FillRule.OddEvenFill)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.save()
        page = self._print_area()
        drawn = self.mapRectToScene(self._drawn_rect())
        if page is not None and not page.contains(drawn):
            # The print reaches the bleed edge and no further; so does the canvas. (Only
            # elements reaching past it are clipped: a clip costs every frame of a drag.)
            if self.rotation() % 90 == 0:
                painter.setClipRect(self.mapRectFromScene(page), Qt.ClipOperation.IntersectClip)
            else:
                clip = QPainterPath()
                clip.addPolygon(self.mapFromScene(page))
                painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        if self.display is None or not draw_display(self.display, painter):
            self._paint_placeholder(painter)
        painter.restore()
        if self.error:
            painter.setPen(QPen(QColor("#d93025"), 0, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(217, 48, 37, 25))
            painter.drawRect(QRectF(0, 0, self.width, self.height))
        if self.isSelected():
            self._paint_selection(painter)

    def _drawn_rect(self) -> QRectF:
        """Where the element's artwork can reach (text may overflow its box)."""
        rect = QRectF(0, 0, self.width, self.height)
        if self.display is not None:
            rect = rect.united(
                QRectF(-self.width * 0.25, -self.height * 0.25, self.width * 1.5, self.height * 1.5)
            )
        return rect

    def _print_area(self) -> QRectF | None:
        scene = self.scene()
        page = getattr(scene, "page_item", None)
        if page is None:
            return None
        b = max(page.bleed, 0.0)
        return QRectF(-b, -b, page.width + 2 * b, page.height + 2 * b)

    def _paint_placeholder(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#9aa0a6"), 0, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(0, 0, 0, 10))
        painter.drawRect(QRectF(0, 0, self.width, self.height))

    def _paint_selection(self, painter: QPainter) -> None:
        px = pixels_to_scene(self, 1)
        color = QColor("#9aa0a6") if self.locked else SELECTION_COLOR
        painter.setPen(QPen(color, 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, 0, self.width, self.height))
        if self.locked:
            return
        size = HANDLE_PX * px
        painter.setBrush(QBrush(QColor("#ffffff")))
        for _name, (fx, fy) in HANDLES.items():
            cx, cy = fx * self.width, fy * self.height
            painter.drawRect(QRectF(cx - size / 2, cy - size / 2, size, size))
        top = QPointF(self.width / 2, 0)
        knob = QPointF(self.width / 2, -ROTATE_OFFSET_PX * px)
        painter.drawLine(top, knob)
        painter.setBrush(QBrush(color))
        painter.drawEllipse(knob, size / 2, size / 2)

    def handle_at(self, scene_pos: QPointF) -> str | None:
        """Which handle (or ``"rotate"``) is under a scene point, if any."""
        if self.locked or not self.isSelected():
            return None
        local = self.mapFromScene(scene_pos)
        px = pixels_to_scene(self, 1)
        reach = HANDLE_PX * px * 0.75
        knob = QPointF(self.width / 2, -ROTATE_OFFSET_PX * px)
        if (local - knob).manhattanLength() <= reach * 1.5:
            return "rotate"
        for name, (fx, fy) in HANDLES.items():
            if (
                abs(local.x() - fx * self.width) <= reach
                and abs(local.y() - fy * self.height) <= reach
            ):
                return name
        return None


class SnapLinesItem(QGraphicsItem):
    """The smart guides shown while something snaps."""

    def __init__(self) -> None:
        super().__init__()
        self.x_lines: list[float] = []
        self.y_lines: list[float] = []
        self.extent = QRectF(0, 0, 210, 297)
        self.setZValue(10_000)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_lines(self, x_lines: list[float], y_lines: list[float], extent: QRectF) -> None:
        self.prepareGeometryChange()
        self.x_lines, self.y_lines, self.extent = (
            x_lines,
            y_lines,
            extent.adjusted(-10, -10, 10, 10),
        )
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.extent

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(QColor("#e8336d"), 0))
        for x in self.x_lines:
            painter.drawLine(QPointF(x, self.extent.top()), QPointF(x, self.extent.bottom()))
        for y in self.y_lines:
            painter.drawLine(QPointF(self.extent.left(), y), QPointF(self.extent.right(), y))


class RubberBandItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.rect = QRectF()
        self.setZValue(10_001)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = rect.normalized()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(SELECTION_COLOR, 0))
        painter.setBrush(QColor(26, 115, 232, 30))
        painter.drawRect(self.rect)
