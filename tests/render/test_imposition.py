"""Card imposition: 10-up CR80 on A4, centred, crop marks, backs mirrored for duplex."""

from __future__ import annotations

import pytest
from render_helpers import rasterise

from designer.render.display import GroupItem, PageDisplay, PathItem, RectsItem
from designer.render.imposition import concatenate, impose_cards
from designer.render.pdf import write_pdf

CARD_W, CARD_H = 85.6, 53.98


def _card(number: int, back: bool = True) -> list[PageDisplay]:
    mark = RectsItem(rects=[(1, 1, 5, 5)], color="#000000")
    front = PageDisplay(CARD_W, CARD_H, bleed=3.0, items=[mark])
    front.number = number  # type: ignore[attr-defined]
    if not back:
        return [front]
    return [front, PageDisplay(CARD_W, CARD_H, bleed=3.0, background="#DDDDDD", items=[mark])]


def _slots(sheet: PageDisplay) -> list[tuple[float, float]]:
    return [item.transform[4:] for item in sheet.items if isinstance(item, GroupItem)]


def test_ten_cards_per_a4_centred_with_backs_following():
    sheets = list(impose_cards([_card(i) for i in range(12)]))
    assert len(sheets) == 4  # front, back, front, back
    front = sheets[0]
    assert (front.width, front.height) == (210, 297)
    slots = _slots(front)
    assert len(slots) == 10 and len(_slots(sheets[2])) == 2
    gap = 4.0
    left = (210 - 2 * CARD_W - gap) / 2
    top = (297 - 5 * CARD_H - 4 * gap) / 2
    assert slots[0] == pytest.approx((left, top))
    assert slots[1] == pytest.approx((left + CARD_W + gap, top))
    assert slots[9] == pytest.approx((left + CARD_W + gap, top + 4 * (CARD_H + gap)))


def test_each_back_lands_behind_its_own_front_after_long_edge_duplex():
    front, back = list(impose_cards([_card(i) for i in range(10)]))
    for (fx, fy), (bx, by) in zip(_slots(front), _slots(back), strict=True):
        # long-edge flip mirrors x about the sheet centre and keeps y
        assert bx == pytest.approx(210 - fx - CARD_W)
        assert by == pytest.approx(fy)


def test_printer_offset_shifts_fronts_and_backs():
    plain = _slots(next(iter(impose_cards([_card(0)]))))
    sheets = list(impose_cards([_card(0)], offset=(1.5, -0.5), back_offset=(-1.0, 0.25)))
    assert _slots(sheets[0])[0] == pytest.approx((plain[0][0] + 1.5, plain[0][1] - 0.5))
    assert _slots(sheets[1])[0] == pytest.approx(
        (210 - plain[0][0] - CARD_W - 1.0, plain[0][1] + 0.25)
    )


def test_single_sided_cards_get_no_back_sheet_and_clips_show_part_of_the_bleed():
    sheets = list(impose_cards([_card(i, back=False) for i in range(3)]))
    assert len(sheets) == 1
    group = sheets[0].items[0]
    assert group.clip == pytest.approx((-2.0, -2.0, CARD_W + 4, CARD_H + 4))
    assert isinstance(sheets[0].items[-1], PathItem)  # crop marks


def test_imposed_sheet_renders_cards_and_marks(tmp_path):
    pdf = tmp_path / "sheet.pdf"
    write_pdf(impose_cards([_card(i) for i in range(10)]), pdf)
    image = rasterise(pdf, 254).convert("L")  # 10 px per mm
    left = (210 - 2 * CARD_W - 4) / 2
    top = (297 - 5 * CARD_H - 16) / 2
    assert image.getpixel((round((left + 3) * 10), round((top + 3) * 10))) == 0  # card 1's mark
    assert image.getpixel((round(left * 10), round((top - 4) * 10))) < 200  # crop mark above
    back = rasterise(pdf, 254, page=1).convert("L")
    x = 210 - left - CARD_W  # card 1's back, mirrored to the right column
    assert back.getpixel((round((x + 3) * 10), round((top + 3) * 10))) == 0
    assert back.getpixel((round((x + 20) * 10), round((top + 20) * 10))) == 221  # #DDDDDD


def test_concatenate_keeps_record_order():
    records = [_card(0), _card(1)]
    assert [page for page in concatenate(records)] == [*records[0], *records[1]]
