"""1D barcodes: encoded bars drawn in a real PDF and read back by zxing-cpp."""

from __future__ import annotations

import pytest
from render_helpers import decode, rasterise

from designer.errors import ShoshoError
from designer.model.elements import BarcodeElement
from designer.model.template import Side, Template
from designer.render.barcode import ean13_check_digit, encode_barcode
from designer.render.layout import layout_side
from designer.render.pdf import write_pdf


def _page(**kw):
    element = BarcodeElement(name="code", x=10, y=10, width=80, height=20, show_text=False, **kw)
    template = Template(sides=[Side(elements=[element])])
    template.page.width, template.page.height = 100.0, 40.0
    return layout_side(template, 0, {}, fonts=None)


def _read(tmp_path, page, dpi=300):
    pdf = tmp_path / "bars.pdf"
    write_pdf([page], pdf)
    return decode(rasterise(pdf, dpi))


@pytest.mark.parametrize("content", ["S2025-0042", "ABC-123 xyz", "0123456789012"])
def test_code128_decodes(tmp_path, content):
    assert ("Code128", content) in _read(tmp_path, _page(symbology="code128", content=content))


@pytest.mark.parametrize(("start", "stop"), [("A", "A"), ("B", "D"), ("C", "B")])
def test_nw7_codabar_with_start_and_stop_decodes(tmp_path, start, stop):
    page = _page(symbology="codabar", content="1234567890", codabar_start=start, codabar_stop=stop)
    found = _read(tmp_path, page)
    assert len(found) == 1
    fmt, text = found[0]
    assert fmt == "Codabar"
    assert text == f"{start}1234567890{stop}"


def test_ean13_check_digit_is_computed_and_decodes(tmp_path):
    assert ean13_check_digit("490123456789") == 4
    assert encode_barcode("ean13", "490123456789").human_text == "4901234567894"
    assert ("EAN13", "4901234567894") in _read(
        tmp_path, _page(symbology="ean13", content="490123456789")
    )


def test_ean13_with_a_wrong_check_digit_is_a_clear_error():
    with pytest.raises(ShoshoError, match=r"'code'.*wrong check digit 5 \(expected 4\)"):
        _page(symbology="ean13", content="4901234567895")
    with pytest.raises(ShoshoError, match="12 or 13 digits"):
        _page(symbology="ean13", content="49012345")


@pytest.mark.parametrize(
    ("symbology", "content", "message"),
    [
        ("code128", "学籍123", "ASCII only"),
        ("codabar", "12AB34", "digits and"),
        ("qr", "1", "unknown barcode type"),
    ],
)
def test_unencodable_content_names_the_element(symbology, content, message):
    with pytest.raises(ShoshoError, match=message) as info:
        _page(symbology=symbology, content=content)
    assert "'code'" in str(info.value)


def test_bars_fill_the_box_including_quiet_zones():
    pattern = encode_barcode("code128", "S2025")
    page = _page(symbology="code128", content="S2025")
    rects = page.items[0].rects
    module = 80 / (pattern.total_modules + 2 * pattern.quiet_modules)
    assert rects[0][0] == pytest.approx(10 + pattern.quiet_modules * module)
    assert rects[-1][0] + rects[-1][2] == pytest.approx(90 - pattern.quiet_modules * module)
