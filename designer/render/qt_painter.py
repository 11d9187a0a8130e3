"""The Qt painter: draws a ``PageDisplay`` with QPainter (QtGui only, no widgets).

Glyphs are drawn as their outlines, taken with QRawFont from the same font file the PDF
embeds, at exactly the positions the layout gave; nothing is re-measured or re-shaped here,
so the canvas and the PDF agree. Needs a QGuiApplication (tests: ``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import atexit
import io
import math
from collections.abc import Iterable, Mapping
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QRawFont,
    QTransform,
)

from designer.render.display import (
    DisplayItem,
    FontRef,
    GlyphRun,
    GroupItem,
    ImageItem,
    PageDisplay,
    PathItem,
    RectsItem,
)

MM_PER_INCH = 25.4
PT_TO_MM = 25.4 / 72
_OUTLINE_SIZE = 1000.0  # pixel size at which glyph outlines are taken (then scaled)


@lru_cache(maxsize=32)
def _raw_font(path: str, subfont_index: int) -> QRawFont:
    if subfont_index:
        # QRawFont reads the first face of a collection; load the wanted one from its bytes.
        from fontTools.ttLib import TTCollection

        buffer = io.BytesIO()
        TTCollection(path).fonts[subfont_index].save(buffer)
        return QRawFont(
            QByteArray(buffer.getvalue()), _OUTLINE_SIZE, QFont.HintingPreference.PreferNoHinting
        )
    return QRawFont(path, _OUTLINE_SIZE, QFont.HintingPreference.PreferNoHinting)


@lru_cache(maxsize=8192)
def _glyph_outline(path: str, subfont_index: int, char: str | int) -> QPainterPath:
    """The outline of ``char`` (or of glyph index ``char``) at ``_OUTLINE_SIZE`` px, baseline
    at y=0, y downwards."""
    raw = _raw_font(path, subfont_index)
    if isinstance(char, int):
        return raw.pathForGlyph(char)
    indexes = raw.glyphIndexesForString(char)
    if not indexes:
        return QPainterPath()
    return raw.pathForGlyph(indexes[0])


@lru_cache(maxsize=256)
def _qcolor(color: str) -> QColor:
    return QColor(color)


@lru_cache(maxsize=16)
def _qimage(key: str, data: bytes) -> QImage:
    return QImage.fromData(data)


def clear_caches() -> None:
    """Drop cached Qt objects (fonts, outlines, images); run before the application exits."""
    for cache in (_raw_font, _glyph_outline, _qcolor, _qimage):
        cache.cache_clear()


# Qt objects must not outlive the application object during interpreter shutdown.
atexit.register(clear_caches)


def paint_page(
    page: PageDisplay,
    painter: QPainter,
    *,
    dpi_scale: float | tuple[float, float] = 96 / MM_PER_INCH,
    bleed: bool = False,
) -> None:
    """Paint ``page`` onto ``painter``; ``dpi_scale`` is device pixels per millimetre (or an
    (x, y) pair when the page must fill a bitmap of a given size exactly).

    The painter's current transform places the page's top-left corner (the bleed corner when
    ``bleed`` is true, else the trim corner) at its origin.
    """
    scale_x, scale_y = dpi_scale if isinstance(dpi_scale, tuple) else (dpi_scale, dpi_scale)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.scale(scale_x, scale_y)
    reach = page.bleed if bleed else 0.0
    painter.translate(reach, reach)
    if page.background:
        painter.fillRect(
            QRectF(-reach, -reach, page.width + 2 * reach, page.height + 2 * reach),
            _qcolor(page.background),
        )
    if not bleed:
        painter.setClipRect(QRectF(0, 0, page.width, page.height))
    _draw_items(painter, page.items, page.images)
    painter.restore()


def render_page_image(
    page: PageDisplay, dpi: float, *, bleed: bool = False, size: tuple[int, int] | None = None
) -> QImage:
    """The page as an RGB image at ``dpi``, sized like a PDF rasterised at the same dpi.

    ``size`` (pixels) instead stretches the page to exactly that bitmap, as PDF rasterisers
    do when the page's size in pixels is not a whole number.
    """
    reach = page.bleed if bleed else 0.0
    width_mm, height_mm = page.width + 2 * reach, page.height + 2 * reach
    if size is None:
        size = (
            math.ceil(width_mm / MM_PER_INCH * dpi - 1e-6),
            math.ceil(height_mm / MM_PER_INCH * dpi - 1e-6),
        )
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        paint_page(page, painter, dpi_scale=(size[0] / width_mm, size[1] / height_mm), bleed=bleed)
    finally:
        painter.end()
    return image


def _draw_items(
    painter: QPainter, items: Iterable[DisplayItem], images: Mapping[str, bytes]
) -> None:
    for item in items:
        painter.save()
        if item.transform is not None:
            painter.setTransform(QTransform(*item.transform), True)
        painter.setOpacity(painter.opacity() * item.opacity)
        if isinstance(item, GlyphRun):
            _glyph_run(painter, item)
        elif isinstance(item, RectsItem):
            path = QPainterPath()
            for x, y, w, h in item.rects:
                path.addRect(x, y, w, h)
            path.setFillRule(Qt.FillRule.WindingFill)
            painter.fillPath(path, QBrush(_qcolor(item.color)))
        elif isinstance(item, PathItem):
            _path(painter, item)
        elif isinstance(item, ImageItem):
            _image(painter, item, images)
        elif isinstance(item, GroupItem):
            if item.clip is not None:
                painter.setClipRect(QRectF(*item.clip), Qt.ClipOperation.IntersectClip)
            _draw_items(painter, item.items, images)
        painter.restore()


def _glyph_run(painter: QPainter, run: GlyphRun) -> None:
    font: FontRef = run.font
    scale = run.size * PT_TO_MM / _OUTLINE_SIZE
    brush = QBrush(_qcolor(run.color))
    rotated = run.rotated or [False] * len(run.text)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    glyph_ids = run.glyph_ids or [-1] * len(run.text)
    for char, (x, y), turn, glyph in zip(run.text, run.positions, rotated, glyph_ids, strict=False):
        outline = _glyph_outline(font.path, font.subfont_index, glyph if glyph >= 0 else char)
        if outline.isEmpty():
            continue
        transform = QTransform(scale, 0, 0, scale, x, y)
        if turn:  # 90° clockwise about the pen position
            transform = QTransform(0, scale, -scale, 0, x, y)
        path.addPath(transform.map(outline))
    painter.fillPath(path, brush)


def _path(painter: QPainter, item: PathItem) -> None:
    path = QPainterPath()
    for op in item.ops:
        kind = op[0]
        if kind == "M":
            path.moveTo(op[1], op[2])
        elif kind == "L":
            path.lineTo(op[1], op[2])
        elif kind == "C":
            path.cubicTo(op[1], op[2], op[3], op[4], op[5], op[6])
        elif kind == "Z":
            path.closeSubpath()
    path.setFillRule(Qt.FillRule.OddEvenFill if item.even_odd else Qt.FillRule.WindingFill)
    if item.fill:
        painter.fillPath(path, QBrush(_qcolor(item.fill)))
    if item.stroke and item.stroke_width > 0:
        pen = QPen(_qcolor(item.stroke))
        pen.setWidthF(item.stroke_width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # PDF default: butt caps, miter joins
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        pen.setMiterLimit(5.0)  # Qt measures from the join point: PDF's limit 10 / 2
        if item.dash:
            pen.setDashPattern([max(d / item.stroke_width, 0.01) for d in item.dash])
        painter.strokePath(path, pen)


def _image(painter: QPainter, item: ImageItem, images: Mapping[str, bytes]) -> None:
    data = images.get(item.image_key)
    if data is None:
        return
    image = _qimage(item.image_key, data)
    if item.clip is not None:
        painter.setClipRect(QRectF(*item.clip), Qt.ClipOperation.IntersectClip)
    painter.drawImage(QRectF(item.x, item.y, item.width, item.height), image)
