"""Affine transforms in millimetres, y downwards, as in ``display.Transform``."""

from __future__ import annotations

import math
from dataclasses import replace

from designer.render.display import DisplayItem, Transform

IDENTITY: Transform = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def compose(outer: Transform | None, inner: Transform | None) -> Transform | None:
    """The transform applying ``inner`` first, then ``outer``."""
    if outer is None:
        return inner
    if inner is None:
        return outer
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a1 * a2 + c1 * b2,
        b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2,
        b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1,
        b1 * e2 + d1 * f2 + f1,
    )


def rotation_about(degrees: float, cx: float, cy: float) -> Transform:
    """Rotation by ``degrees`` clockwise on the page (y downwards) about (cx, cy)."""
    theta = math.radians(degrees)
    cos, sin = math.cos(theta), math.sin(theta)
    return (cos, sin, -sin, cos, cx - cx * cos + cy * sin, cy - cx * sin - cy * cos)


def translation(dx: float, dy: float) -> Transform:
    return (1.0, 0.0, 0.0, 1.0, dx, dy)


def scaling(sx: float, sy: float) -> Transform:
    return (sx, 0.0, 0.0, sy, 0.0, 0.0)


def apply(transform: Transform | None, x: float, y: float) -> tuple[float, float]:
    if transform is None:
        return x, y
    a, b, c, d, e, f = transform
    return a * x + c * y + e, b * x + d * y + f


def with_element_state(
    items: list[DisplayItem], transform: Transform | None, opacity: float
) -> list[DisplayItem]:
    """Copies of ``items`` under an extra outer transform and multiplied opacity.

    Items may be shared with caches (borders, QR), so they are copied, never changed.
    """
    if transform is None and opacity >= 1.0:
        return items
    return [
        replace(item, transform=compose(transform, item.transform), opacity=item.opacity * opacity)
        for item in items
    ]
