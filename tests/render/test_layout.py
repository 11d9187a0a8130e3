"""Layout: the element-type table, visibility, z-order, rotation and opacity, sides."""

from __future__ import annotations

import math

import pytest

from designer.errors import ShoshoError
from designer.model.elements import ELEMENT_TYPES, BorderElement, QRElement, ShapeElement
from designer.model.template import Side, Template
from designer.render.borders import PATTERNS, border_items
from designer.render.display import PathItem, RectsItem
from designer.render.layout import HANDLERS, layout_record, layout_side
from designer.render.layout.geometry import apply


def _template(*sides: Side) -> Template:
    template = Template(sides=list(sides))
    template.page.width, template.page.height = 100.0, 60.0
    return template


def test_every_element_type_has_a_handler():
    assert set(HANDLERS) == set(ELEMENT_TYPES)


def test_hidden_elements_are_skipped_and_list_order_is_z_order():
    first = ShapeElement(name="under", x=0, y=0, width=50, height=50, fill="#FF0000")
    hidden = ShapeElement(name="hidden", visible=False, fill="#00FF00")
    last = ShapeElement(
        name="over", shape="ellipse", x=10, y=10, width=20, height=20, fill="#0000FF"
    )
    page = layout_side(_template(Side(elements=[first, hidden, last])), "front", {}, fonts=None)
    assert [item.fill for item in page.items] == ["#FF0000", "#0000FF"]
    assert (page.width, page.height, page.bleed) == (100.0, 60.0, 3.0)


def test_rotation_turns_about_the_centre_and_opacity_multiplies():
    shape = ShapeElement(x=10, y=20, width=40, height=10, rotation=90, opacity=0.5, fill="#000000")
    page = layout_side(_template(Side(elements=[shape])), 0, {}, fonts=None)
    item = page.items[0]
    assert item.opacity == 0.5
    centre = apply(item.transform, 30, 25)
    assert centre == pytest.approx((30, 25))
    # 90° clockwise on a y-down page: the right end of the box moves to the bottom
    assert apply(item.transform, 50, 25) == pytest.approx((30, 45))


def test_rotated_qr_leaves_cached_items_untouched():
    upright = QRElement(x=0, y=0, width=20, height=20, content="hello")
    turned = QRElement(x=0, y=0, width=20, height=20, content="hello", rotation=45)
    page = layout_side(_template(Side(elements=[upright, turned])), 0, {}, fonts=None)
    rects = [item for item in page.items if isinstance(item, RectsItem)]
    assert rects[0].transform is None and rects[1].transform is not None
    assert rects[0].rects == rects[1].rects


def test_one_page_per_side_and_unknown_side():
    template = _template(Side(name="front"), Side(name="back", background="#EEEEEE"))
    pages = layout_record(template, {}, fonts=None)
    assert [page.background for page in pages] == ["#FFFFFF", "#EEEEEE"]
    with pytest.raises(ShoshoError, match="no side 'inside'"):
        layout_side(template, "inside", {}, fonts=None)


def test_shapes_rounded_rect_line_and_dash():
    rounded = ShapeElement(x=0, y=0, width=40, height=20, corner_radius=5, dash=[2, 1])
    line = ShapeElement(shape="line", x=0, y=30, width=40, height=0, fill="#FF0000")
    page = layout_side(_template(Side(elements=[rounded, line])), 0, {}, fonts=None)
    assert sum(op[0] == "C" for op in page.items[0].ops) == 4
    assert page.items[0].dash == [2, 1]
    assert page.items[1].ops == [("M", 0, 30), ("L", 40, 30)] and page.items[1].fill is None


@pytest.mark.parametrize("pattern", PATTERNS)
def test_border_patterns_stay_inside_their_box(pattern):
    items = border_items((10, 10, 277, 190), pattern, inset=10)
    assert items and all(isinstance(item, PathItem) for item in items)
    points = [(op[-2], op[-1]) for item in items for op in item.ops if op[0] != "Z"]
    assert min(x for x, _ in points) >= 10 - 1e-6 and max(x for x, _ in points) <= 287 + 1e-6
    assert min(y for _, y in points) >= 10 - 1e-6 and max(y for _, y in points) <= 200 + 1e-6
    assert not any(math.isnan(v) for p in points for v in p)


def test_unknown_border_pattern_is_a_clear_error():
    element = BorderElement(name="frame", pattern="paisley")
    with pytest.raises(ShoshoError, match="'frame'.*paisley"):
        layout_side(_template(Side(elements=[element])), 0, {}, fonts=None)
