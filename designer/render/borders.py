"""Decorative certificate borders drawn from parameters: our own vector patterns.

Every pattern is built from simple geometry: straight rules, sine waves along the edges and
closed parametric curves (rose and hypotrochoid rosettes) in the corners. Curves are sampled
and turned into cubic Béziers (Catmull-Rom), which keeps paths short and smooth at any zoom.

Geometry: the border fills its element box. The outer rule runs along the box edge, the inner
rule ``inset`` mm inside it; patterns fill the band between them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from designer.render.display import PathItem

PATTERNS = ("classic", "double", "guilloche", "wave", "corners")

Point = tuple[float, float]


def smooth_path(points: Sequence[Point], closed: bool = False) -> list[tuple]:
    """Path ops through ``points`` as cubic Bézier segments (Catmull-Rom spline)."""
    n = len(points)
    if n < 2:
        return []
    ops: list[tuple] = [("M", *points[0])]
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if (closed or i > 0) else points[i]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if (closed or i + 2 < n) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        ops.append(("C", *c1, *c2, *p2))
    if closed:
        ops.append(("Z",))
    return ops


def rect_ops(x: float, y: float, w: float, h: float) -> list[tuple]:
    return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]


def _edge_wave(
    start: Point, end: Point, amplitude: float, periods: int, phase: float, normal_sign: float = 1
) -> list[Point]:
    """Points of a sine wave from ``start`` to ``end``, displaced along the edge normal."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    nx, ny = -uy * normal_sign, ux * normal_sign
    steps = max(periods * 8, 8)
    points = []
    for i in range(steps + 1):
        t = i / steps
        offset = amplitude * math.sin(2 * math.pi * periods * t + phase)
        points.append((x0 + ux * length * t + nx * offset, y0 + uy * length * t + ny * offset))
    return points


def _band_edges(x: float, y: float, w: float, h: float, mid: float) -> list[tuple[Point, Point]]:
    """The four edges of the band's centre line, between the corner squares, clockwise."""
    return [
        ((x + 2 * mid, y + mid), (x + w - 2 * mid, y + mid)),
        ((x + w - mid, y + 2 * mid), (x + w - mid, y + h - 2 * mid)),
        ((x + w - 2 * mid, y + h - mid), (x + 2 * mid, y + h - mid)),
        ((x + mid, y + h - 2 * mid), (x + mid, y + 2 * mid)),
    ]


def _corner_centres(x: float, y: float, w: float, h: float, mid: float) -> list[Point]:
    return [
        (x + mid, y + mid),
        (x + w - mid, y + mid),
        (x + w - mid, y + h - mid),
        (x + mid, y + h - mid),
    ]


def _closed_curve(fn: Callable[[float], Point], centre: Point, samples: int) -> list[tuple]:
    cx, cy = centre
    points = []
    for i in range(samples):
        px, py = fn(2 * math.pi * i / samples)
        points.append((cx + px, cy + py))
    return smooth_path(points, closed=True)


def rose(radius: float, petals: int = 8) -> Callable[[float], Point]:
    """r = R·|cos(k θ/2)|-style rose with ``petals`` petals."""
    k = petals / 2

    def point(theta: float) -> Point:
        r = radius * (0.35 + 0.65 * abs(math.cos(k * theta)))
        return r * math.cos(theta), r * math.sin(theta)

    return point


def hypotrochoid(radius: float, lobes: int = 9, depth: float = 0.55) -> Callable[[float], Point]:
    """A spirograph rosette: ``lobes`` loops, scaled to fit ``radius``."""
    big, small = lobes, 1.0
    d = depth * lobes / 2

    def point(theta: float) -> Point:
        px = (big - small) * math.cos(theta) + d * math.cos((big - small) / small * theta)
        py = (big - small) * math.sin(theta) - d * math.sin((big - small) / small * theta)
        scale = radius / (big - small + d)
        return px * scale, py * scale

    return point


def _periods(length: float, density: float) -> int:
    return max(1, round(length * density / 10))


def _stroke(ops: list[tuple], color: str, width: float) -> PathItem:
    return PathItem(ops=ops, stroke=color, stroke_width=width)


def border_items(
    box: tuple[float, float, float, float],
    pattern: str = "classic",
    *,
    color: str = "#8A6D2B",
    secondary: str = "#C9B37E",
    line_width: float = 0.4,
    density: float = 1.0,
    inset: float = 8.0,
) -> list[PathItem]:
    """The paths of one border pattern filling ``box`` (x, y, w, h mm)."""
    return list(_border_items_cached(box, pattern, color, secondary, line_width, density, inset))


@lru_cache(maxsize=64)
def _border_items_cached(box, pattern, color, secondary, line_width, density, inset):
    x, y, w, h = box
    inset = max(min(inset, w / 4, h / 4), 1.0)
    lw = max(line_width, 0.05)
    items: list[PathItem] = []
    outer = rect_ops(x + lw, y + lw, w - 2 * lw, h - 2 * lw)
    inner = rect_ops(x + inset, y + inset, w - 2 * inset, h - 2 * inset)
    mid = inset / 2
    if pattern == "double":
        items.append(_stroke(outer, color, lw * 2.5))
        items.append(_stroke(inner, color, lw))
    elif pattern == "classic":
        items.append(_stroke(outer, color, lw * 3))
        gap = lw * 3 + 1.0
        items.append(_stroke(rect_ops(x + gap, y + gap, w - 2 * gap, h - 2 * gap), color, lw * 0.6))
        items.append(_stroke(_notched_frame(x, y, w, h, inset, inset * 0.55), color, lw))
        for centre in _corner_centres(x, y, w, h, mid):
            items.append(
                _stroke(_closed_curve(rose(mid * 0.62, 8), centre, 96), secondary, lw * 0.7)
            )
            items.append(PathItem(ops=_diamond(centre, mid * 0.18), fill=color))
    elif pattern == "guilloche":
        items.append(_stroke(outer, color, lw * 2))
        items.append(_stroke(inner, color, lw))
        band = mid - lw * 2
        strands = 4
        for edge in _band_edges(x, y, w, h, mid):
            length = math.dist(*edge)
            periods = _periods(length, density)
            for s in range(strands):
                phase = s * math.pi / strands
                points = _edge_wave(edge[0], edge[1], band * 0.8, periods, phase)
                items.append(_stroke(smooth_path(points), secondary, lw * 0.45))
            for s in range(2):
                points = _edge_wave(edge[0], edge[1], band * 0.35, periods * 2, s * math.pi)
                items.append(_stroke(smooth_path(points), color, lw * 0.35))
        for centre in _corner_centres(x, y, w, h, mid):
            items.append(
                _stroke(
                    _closed_curve(hypotrochoid(mid * 0.95, 9), centre, 144), secondary, lw * 0.45
                )
            )
            items.append(_stroke(_closed_curve(rose(mid * 0.45, 6), centre, 72), color, lw * 0.5))
    elif pattern == "wave":
        items.append(_stroke(outer, color, lw * 1.5))
        items.append(_stroke(inner, color, lw))
        for edge in _band_edges(x, y, w, h, mid):
            periods = _periods(math.dist(*edge), density)
            for phase in (0.0, math.pi):
                points = _edge_wave(edge[0], edge[1], mid * 0.45, periods, phase)
                items.append(_stroke(smooth_path(points), secondary, lw * 0.8))
        for centre in _corner_centres(x, y, w, h, mid):
            items.append(
                PathItem(ops=_closed_curve(rose(mid * 0.55, 4), centre, 64), fill=secondary)
            )
    elif pattern == "corners":
        arm = min(w, h) * 0.18
        for cx, cy, sx, sy in (
            (x, y, 1, 1),
            (x + w, y, -1, 1),
            (x + w, y + h, -1, -1),
            (x, y + h, 1, -1),
        ):
            for offset, width in ((lw, lw * 2.5), (lw * 3 + 1.2, lw * 0.8)):
                ox, oy = cx + sx * offset, cy + sy * offset
                ops = [("M", ox + sx * arm, oy), ("L", ox, oy), ("L", ox, oy + sy * arm)]
                items.append(_stroke(ops, color, width))
            centre = (cx + sx * mid * 1.2, cy + sy * mid * 1.2)
            items.append(
                _stroke(_closed_curve(rose(mid * 0.6, 8), centre, 96), secondary, lw * 0.7)
            )
    else:
        raise ValueError(pattern)
    return tuple(items)


def _diamond(centre: Point, r: float) -> list[tuple]:
    cx, cy = centre
    return [("M", cx, cy - r), ("L", cx + r, cy), ("L", cx, cy + r), ("L", cx - r, cy), ("Z",)]


def _notched_frame(
    x: float, y: float, w: float, h: float, inset: float, notch: float
) -> list[tuple]:
    """The inner rule with a concave quarter-circle cut at each corner (a classic frame)."""
    k = 0.5523 * notch  # Bézier handle for a quarter circle
    left, top, right, bottom = x + inset, y + inset, x + w - inset, y + h - inset
    return [
        ("M", left + notch, top),
        ("L", right - notch, top),
        ("C", right - notch, top + k, right - k, top + notch, right, top + notch),
        ("L", right, bottom - notch),
        ("C", right - k, bottom - notch, right - notch, bottom - k, right - notch, bottom),
        ("L", left + notch, bottom),
        ("C", left + notch, bottom - k, left + k, bottom - notch, left, bottom - notch),
        ("L", left, top + notch),
        ("C", left + k, top + notch, left + notch, top + k, left + notch, top),
        ("Z",),
    ]
