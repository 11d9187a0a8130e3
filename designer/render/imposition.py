"""Print imposition: placing finished pages on print sheets. Design stays separate.

- Certificates: ``concatenate`` gives every record's pages in order, one per sheet.
- Cards: ``impose_cards`` puts N cards on a sheet (CR80 on A4: 2 columns x 5 rows, centred)
  with crop marks and bleed. When cards have backs, each front sheet is followed by a back
  sheet mirrored left-to-right, so that after long-edge duplex printing every back lands
  behind its own front. A printer offset (mm) shifts everything for calibration.

Each card becomes a ``GroupItem`` translated to its slot and clipped to its trim box plus
the part of its bleed that fits in the gap between cards.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from designer.errors import ShoshoError
from designer.render.display import DisplayItem, GlyphRun, GroupItem, PageDisplay, PathItem
from designer.render.layout.geometry import rotation_about, translation

A4_PORTRAIT = (210.0, 297.0)
MARK_GAP = 1.0  # mm between the artwork's edge and a crop mark
MARK_LENGTH = 5.0  # mm
MARK_WIDTH = 0.1  # mm


def concatenate(records: Iterable[Sequence[PageDisplay]]) -> Iterator[PageDisplay]:
    """Every page of every record, in order (certificates: one sheet each)."""
    for pages in records:
        yield from pages


@dataclass(frozen=True)
class SheetLayout:
    """Slots of one sheet: top-left corners of each card's trim box, row by row."""

    sheet_width: float
    sheet_height: float
    card_width: float
    card_height: float
    columns: int
    rows: int
    gap: float
    left: float  # trim-box left of column 0, before the printer offset
    top: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def front_slot(self, index: int) -> tuple[float, float]:
        row, col = divmod(index, self.columns)
        return (
            self.left + col * (self.card_width + self.gap),
            self.top + row * (self.card_height + self.gap),
        )

    def back_slot(self, index: int) -> tuple[float, float]:
        """The front slot mirrored about the sheet's vertical centre line (long-edge duplex)."""
        x, y = self.front_slot(index)
        return self.sheet_width - x - self.card_width, y


def card_sheet_layout(
    card_width: float,
    card_height: float,
    *,
    sheet: tuple[float, float] = A4_PORTRAIT,
    columns: int = 2,
    rows: int = 5,
    gap: float = 0.0,
) -> SheetLayout:
    """Centre a grid of ``columns`` x ``rows`` cards on ``sheet``; error if it does not fit."""
    width = columns * card_width + (columns - 1) * gap
    height = rows * card_height + (rows - 1) * gap
    if width > sheet[0] + 1e-6 or height > sheet[1] + 1e-6:
        raise ShoshoError(
            f"{columns} x {rows} cards of {card_width} x {card_height} mm with {gap} mm gaps "
            f"do not fit on a {sheet[0]} x {sheet[1]} mm sheet"
        )
    return SheetLayout(
        sheet[0], sheet[1], card_width, card_height, columns, rows, gap,
        (sheet[0] - width) / 2, (sheet[1] - height) / 2,
    )  # fmt: skip


def _card_group(page: PageDisplay, x: float, y: float, reach: float) -> GroupItem:
    clip = (-reach, -reach, page.width + 2 * reach, page.height + 2 * reach)
    items: list[DisplayItem] = []
    if page.background:
        cx, cy, cw, ch = clip
        ops = [
            ("M", cx, cy),
            ("L", cx + cw, cy),
            ("L", cx + cw, cy + ch),
            ("L", cx, cy + ch),
            ("Z",),
        ]
        items.append(PathItem(ops=ops, fill=page.background))
    items.extend(page.items)
    return GroupItem(items=items, transform=translation(x, y), clip=clip)


def _crop_marks(layout: SheetLayout, reach: float, dx: float, dy: float) -> PathItem:
    """Marks in the sheet margin lining up with every cut, outside the block of cards."""
    ops: list[tuple] = []
    block_left = layout.left + dx
    block_top = layout.top + dy
    block_right = (
        block_left + layout.columns * layout.card_width + (layout.columns - 1) * layout.gap
    )
    block_bottom = block_top + layout.rows * layout.card_height + (layout.rows - 1) * layout.gap
    start = reach + MARK_GAP
    cuts_x = sorted(
        {block_left + c * (layout.card_width + layout.gap) + e
         for c in range(layout.columns) for e in (0.0, layout.card_width)}
    )  # fmt: skip
    cuts_y = sorted(
        {block_top + r * (layout.card_height + layout.gap) + e
         for r in range(layout.rows) for e in (0.0, layout.card_height)}
    )  # fmt: skip
    top_room = min(MARK_LENGTH, block_top - start - 0.2)
    bottom_room = min(MARK_LENGTH, layout.sheet_height - block_bottom - start - 0.2)
    left_room = min(MARK_LENGTH, block_left - start - 0.2)
    right_room = min(MARK_LENGTH, layout.sheet_width - block_right - start - 0.2)
    for x in cuts_x:
        if top_room > 0:
            ops += [("M", x, block_top - start), ("L", x, block_top - start - top_room)]
        if bottom_room > 0:
            ops += [("M", x, block_bottom + start), ("L", x, block_bottom + start + bottom_room)]
    for y in cuts_y:
        if left_room > 0:
            ops += [("M", block_left - start, y), ("L", block_left - start - left_room, y)]
        if right_room > 0:
            ops += [("M", block_right + start, y), ("L", block_right + start + right_room, y)]
    return PathItem(ops=ops, stroke="#000000", stroke_width=MARK_WIDTH)


def impose_cards(
    cards: Iterable[Sequence[PageDisplay]],
    *,
    sheet: tuple[float, float] = A4_PORTRAIT,
    columns: int = 2,
    rows: int = 5,
    gap: float | None = None,
    bleed: bool = True,
    crop_marks: bool = True,
    offset: tuple[float, float] = (0.0, 0.0),
    back_offset: tuple[float, float] | None = None,
) -> Iterator[PageDisplay]:
    """Sheets of cards; ``cards`` yields each record's sides (front, then optional back).

    ``gap`` defaults to 4 mm with bleed (2 mm of each card's bleed shows on either side of
    a cut) and 0 without. ``offset`` (x, y mm) shifts the front sheets, ``back_offset`` the
    back sheets (default: the same offset).
    """
    back_offset = offset if back_offset is None else back_offset
    if gap is None:
        gap = 4.0 if bleed else 0.0
    batch: list[Sequence[PageDisplay]] = []
    layout: SheetLayout | None = None
    for sides in cards:
        if not sides:
            continue
        if layout is None:
            front = sides[0]
            layout = card_sheet_layout(
                front.width, front.height, sheet=sheet, columns=columns, rows=rows, gap=gap
            )
        batch.append(sides)
        if len(batch) == layout.per_sheet:
            yield from _sheets(batch, layout, bleed, crop_marks, offset, back_offset)
            batch = []
    if batch and layout is not None:
        yield from _sheets(batch, layout, bleed, crop_marks, offset, back_offset)


def _sheets(
    batch: list[Sequence[PageDisplay]],
    layout: SheetLayout,
    bleed: bool,
    crop_marks: bool,
    offset: tuple[float, float],
    back_offset: tuple[float, float],
) -> Iterator[PageDisplay]:
    reach = min(batch[0][0].bleed, layout.gap / 2) if bleed else 0.0
    if bleed and layout.gap == 0:
        reach = 0.0
    front = PageDisplay(width=layout.sheet_width, height=layout.sheet_height, background=None)
    for index, sides in enumerate(batch):
        x, y = layout.front_slot(index)
        front.items.append(_card_group(sides[0], x + offset[0], y + offset[1], reach))
        front.images.update(sides[0].images)
    if crop_marks:
        front.items.append(_crop_marks(layout, reach, offset[0], offset[1]))
    yield front
    if any(len(sides) > 1 for sides in batch):
        back = PageDisplay(width=layout.sheet_width, height=layout.sheet_height, background=None)
        for index, sides in enumerate(batch):
            if len(sides) < 2:
                continue
            x, y = layout.back_slot(index)
            back.items.append(_card_group(sides[1], x + back_offset[0], y + back_offset[1], reach))
            back.images.update(sides[1].images)
        yield back


SPECIMEN_TEXT = "見本 SPECIMEN"
SPECIMEN_COLOR = "#d93025"
SPECIMEN_FAMILIES = ("IPAexGothic", "BIZ UDPGothic")


def specimen_mark(page: PageDisplay, fonts: Any) -> GlyphRun:
    """「見本 SPECIMEN」 across ``page`` on its diagonal, in translucent red: a page printed
    without issuing (its QR signs nothing) can never pass for an issued one."""
    family = next((f for f in SPECIMEN_FAMILIES if fonts.has_family(f)), fonts.families()[0])
    font = fonts.resolve(family)
    diagonal = math.hypot(page.width, page.height)
    length_at_1pt = fonts.measure(SPECIMEN_TEXT, family, False, 1.0)
    size = min(0.6 * diagonal / length_at_1pt, 0.35 * min(page.width, page.height) / 0.3528)
    length = length_at_1pt * size
    cx, cy = page.width / 2, page.height / 2
    x, baseline = cx - length / 2, cy + size * 0.3528 * 0.35
    positions = []
    for char in SPECIMEN_TEXT:
        positions.append((x, baseline))
        x += fonts.measure(char, family, False, size)
    angle = -math.degrees(math.atan2(page.height, page.width))
    return GlyphRun(
        font=font,
        size=size,
        color=SPECIMEN_COLOR,
        text=SPECIMEN_TEXT,
        positions=positions,
        opacity=0.45,
        transform=rotation_about(angle, cx, cy),
    )


def mark_specimens(pages: Sequence[PageDisplay], fonts: Any) -> list[PageDisplay]:
    """The pages of a specimen record, each carrying the specimen mark on top."""
    for page in pages:
        page.items.append(specimen_mark(page, fonts))
    return list(pages)
