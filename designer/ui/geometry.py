"""Alignment, distribution and snapping, as plain functions on boxes in millimetres.

Kept free of Qt so they are easy to test and reuse; the canvas turns their answers into
undo commands and guide lines.
"""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x, y, width, height in mm

ALIGN_MODES = ("left", "hcenter", "right", "top", "vcenter", "bottom")


def bounds(boxes: list[Box]) -> Box:
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    return left, top, right - left, bottom - top


def align(
    boxes: dict[str, Box], mode: str, reference: Box | None = None
) -> dict[str, tuple[float, float]]:
    """New (x, y) per element so their edges or centres line up.

    With one element (or a ``reference``) the alignment is to the reference box, usually
    the page; with several, to the bounds of the selection, as office programs do."""
    if mode not in ALIGN_MODES:
        raise ValueError(f"unknown alignment {mode!r}")
    if not boxes:
        return {}
    ref = reference or bounds(list(boxes.values()))
    rx, ry, rw, rh = ref
    out: dict[str, tuple[float, float]] = {}
    for key, (x, y, w, h) in boxes.items():
        if mode == "left":
            x = rx
        elif mode == "hcenter":
            x = rx + (rw - w) / 2
        elif mode == "right":
            x = rx + rw - w
        elif mode == "top":
            y = ry
        elif mode == "vcenter":
            y = ry + (rh - h) / 2
        elif mode == "bottom":
            y = ry + rh - h
        out[key] = (round(x, 4), round(y, 4))
    return out


def distribute(boxes: dict[str, Box], axis: str) -> dict[str, tuple[float, float]]:
    """Equal gaps between elements along ``axis`` ("x" or "y"); the outermost stay put."""
    if len(boxes) < 3:
        return {key: (b[0], b[1]) for key, b in boxes.items()}
    i = 0 if axis == "x" else 1
    ordered = sorted(boxes.items(), key=lambda item: item[1][i])
    first, last = ordered[0][1], ordered[-1][1]
    span = last[i] + last[i + 2] - first[i]
    total = sum(b[i + 2] for _, b in ordered)
    gap = (span - total) / (len(ordered) - 1)
    out: dict[str, tuple[float, float]] = {}
    position = first[i]
    for key, box in ordered:
        x, y = box[0], box[1]
        if axis == "x":
            x = position
        else:
            y = position
        out[key] = (round(x, 4), round(y, 4))
        position += box[i + 2] + gap
    return out


@dataclass
class SnapTargets:
    """Lines a moving box may snap to, in mm."""

    xs: list[float]
    ys: list[float]
    grid: float = 0.0  # 0 = no grid


@dataclass
class SnapResult:
    dx: float
    dy: float
    x_lines: list[float]  # vertical guide lines to show
    y_lines: list[float]


def snap_box(box: Box, targets: SnapTargets, tolerance: float) -> SnapResult:
    """Nudge ``box`` so one of its edges or its centre meets a target line.

    Element edges and centres, the page and safe-area edges and user guides win over the
    grid; the grid applies only where nothing else is near."""
    x, y, w, h = box
    dx, x_line = _snap_axis((x, x + w / 2, x + w), targets.xs, tolerance)
    dy, y_line = _snap_axis((y, y + h / 2, y + h), targets.ys, tolerance)
    if x_line is None and targets.grid > 0:
        dx = round(x / targets.grid) * targets.grid - x
    if y_line is None and targets.grid > 0:
        dy = round(y / targets.grid) * targets.grid - y
    return SnapResult(
        dx, dy, [] if x_line is None else [x_line], [] if y_line is None else [y_line]
    )


def snap_edge(
    value: float, lines: list[float], grid: float, tolerance: float
) -> tuple[float, float | None]:
    """(snapped value, line shown) for one edge being dragged, as ``snap_box`` snaps a box:
    element edges, page, safe area and guides first, the grid where nothing else is near."""
    delta, line = _snap_axis((value,), lines, tolerance)
    if line is not None:
        return value + delta, line
    if grid > 0:
        return round(value / grid) * grid, None
    return value, None


def _snap_axis(
    edges: tuple[float, ...], lines: list[float], tolerance: float
) -> tuple[float, float | None]:
    best: tuple[float, float | None] = (0.0, None)
    best_distance = tolerance
    for line in lines:
        for edge in edges:
            distance = abs(line - edge)
            if distance <= best_distance:
                best_distance = distance
                best = (line - edge, line)
    return best
