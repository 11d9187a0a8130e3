"""Rectangles (with rounded corners), ellipses and lines as display-list paths."""

from __future__ import annotations

from designer.render.borders import rect_ops
from designer.render.display import PathItem

KAPPA = 0.5522847498  # Bézier handle length for a quarter circle


def rounded_rect_ops(x: float, y: float, w: float, h: float, radius: float) -> list[tuple]:
    r = max(0.0, min(radius, w / 2, h / 2))
    if r == 0:
        return rect_ops(x, y, w, h)
    k = KAPPA * r
    return [
        ("M", x + r, y),
        ("L", x + w - r, y),
        ("C", x + w - r + k, y, x + w, y + r - k, x + w, y + r),
        ("L", x + w, y + h - r),
        ("C", x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
        ("L", x + r, y + h),
        ("C", x + r - k, y + h, x, y + h - r + k, x, y + h - r),
        ("L", x, y + r),
        ("C", x, y + r - k, x + r - k, y, x + r, y),
        ("Z",),
    ]


def ellipse_ops(x: float, y: float, w: float, h: float) -> list[tuple]:
    rx, ry = w / 2, h / 2
    cx, cy = x + rx, y + ry
    kx, ky = KAPPA * rx, KAPPA * ry
    return [
        ("M", cx + rx, cy),
        ("C", cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
        ("C", cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
        ("C", cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
        ("C", cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
        ("Z",),
    ]


def shape_item(
    shape: str,
    box: tuple[float, float, float, float],
    *,
    fill: str | None,
    stroke: str | None,
    stroke_width: float,
    corner_radius: float = 0.0,
    dash: list[float] | None = None,
) -> PathItem:
    """A rect, ellipse or line in ``box``; a line runs from the top-left to the bottom-right
    corner of its box (a horizontal rule has height 0)."""
    x, y, w, h = box
    if shape == "ellipse":
        ops = ellipse_ops(x, y, w, h)
    elif shape == "line":
        ops = [("M", x, y), ("L", x + w, y + h)]
        fill = None
    else:
        ops = rounded_rect_ops(x, y, w, h, corner_radius)
    return PathItem(
        ops=ops,
        fill=fill,
        stroke=stroke if stroke_width > 0 else None,
        stroke_width=stroke_width,
        dash=list(dash) if dash else None,
    )
