"""QR codes: segments, caching and decoding from a rasterised PDF with two decoders."""

from __future__ import annotations

import random

import pytest
from render_helpers import decode, rasterise, zbar_decode

from designer.codes.qr import dark_runs, qr_matrix, qr_segments
from designer.errors import ShoshoError
from designer.model.elements import QRElement
from designer.model.template import Side, Template
from designer.render.display import PageDisplay, RectsItem
from designer.render.layout import layout_side
from designer.render.pdf import write_pdf

SEAL = (
    "https://www.tokyo-mirai.ac.jp/v/#" + "31415926535897932384626433832795028841971693993751058209"
)


def test_seal_url_uses_byte_then_numeric_segment():
    byte_mode, numeric_mode = 1 << 2, 1 << 0
    segments = qr_segments(SEAL)
    assert [s.mode for s in segments] == [byte_mode, numeric_mode]
    assert segments[0].data == b"https://www.tokyo-mirai.ac.jp/v/#"
    plain = "https://example.org/page?x=1"
    assert len(qr_segments(plain)) == 1


def test_two_segments_give_a_smaller_symbol_than_one_byte_segment():
    import qrcode

    version, _ = qr_matrix(SEAL, "M")
    single = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    single.add_data(SEAL.encode(), optimize=0)
    single.make(fit=True)
    assert version < single.version


def test_matrix_is_cached_by_text():
    assert qr_matrix(SEAL, "M") is qr_matrix(SEAL, "M")
    assert qr_matrix(SEAL, "H")[0] > qr_matrix(SEAL, "L")[0]


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_computed_version_matches_qrcode_best_fit(level):
    """The version is computed from bit lengths; it must equal what qrcode's own fit picks,
    across the small/medium/large count-field boundaries and for every segment mode."""
    import qrcode

    from designer.codes.qr import EC_LEVELS, FIXED_MASK

    rng = random.Random(level)
    texts = []
    for length in [1, 2, 3, 17, 41, 90, 150, 230, 400, 700, 1500, 3100]:
        texts.append(SEAL.split("#")[0] + "#" + "".join(rng.choices("0123456789", k=length)))
        texts.append("".join(rng.choices("0123456789", k=length)))
        texts.append("".join(rng.choices("ABC 0123$%*+-./:", k=length)))
        texts.append("".join(rng.choices("abc修了証éß", k=max(1, length // 3))))
    for text in texts:
        reference = qrcode.QRCode(error_correction=EC_LEVELS[level], border=0,
                                  mask_pattern=FIXED_MASK)  # fmt: skip
        for segment in qr_segments(text):
            reference.add_data(segment)
        try:
            reference.make(fit=True)
        except (qrcode.exceptions.DataOverflowError, ValueError):
            with pytest.raises(ShoshoError, match="too many"):
                qr_matrix(text, level)
            continue
        version, modules = qr_matrix(text, level)
        assert version == reference.version, (level, len(text))
        assert modules == tuple(tuple(bool(cell) for cell in row) for row in reference.modules)


def test_dark_runs_merge_horizontal_modules():
    modules = ((True, True, False, True), (False, False, False, False), (True, True, True, True))
    assert dark_runs(modules) == [(0, 0, 2), (0, 3, 1), (2, 0, 4)]


@pytest.mark.parametrize("text", ["", "x" * 3000])
def test_unencodable_content_is_a_clear_error(text):
    with pytest.raises(ShoshoError, match="QR code"):
        qr_matrix(text, "M")


def _qr_template(content: str, size: float = 30.0, **kw) -> Template:
    element = QRElement(name="seal", x=20, y=20, width=size, height=size, content=content, **kw)
    template = Template(sides=[Side(elements=[element])])
    template.page.width, template.page.height = 100.0, 80.0
    return template


@pytest.mark.parametrize(
    "content",
    [SEAL, "https://example.org/badge?id=42", "修了証 山田太郎 2025-04-01", "HELLO 123"],
)
def test_qr_in_pdf_decodes_to_the_text_asked_for(tmp_path, content):
    page = layout_side(_qr_template(content), 0, {}, fonts=None)
    pdf = tmp_path / "qr.pdf"
    write_pdf([page], pdf)
    image = rasterise(pdf, 150)
    assert ("QRCode", content) in decode(image)
    png = tmp_path / "qr.png"
    image.save(png)
    assert zbar_decode(png) == [content]


def test_qr_is_vector_rectangles_with_runs_merged():
    page = layout_side(_qr_template(SEAL), 0, {}, fonts=None)
    rects = [item for item in page.items if isinstance(item, RectsItem)][0].rects
    _version, modules = qr_matrix(SEAL, "M")
    dark = sum(sum(row) for row in modules)
    assert len(rects) < dark * 0.6  # merged runs
    covered = sum(w for _x, _y, w, _h in rects) / (rects[0][3])
    assert round(covered) == dark


def test_quiet_zone_and_colours(tmp_path):
    template = _qr_template(SEAL, color="#1A237E", background="#FFF8E1", quiet_zone=4)
    page: PageDisplay = layout_side(template, 0, {}, fonts=None)
    rects = [item for item in page.items if isinstance(item, RectsItem)][0]
    assert rects.color == "#1A237E"
    version, modules = qr_matrix(SEAL, "M")
    module = 30.0 / (len(modules) + 8)
    assert min(x for x, *_ in rects.rects) == pytest.approx(20 + 4 * module)
    pdf = tmp_path / "colour.pdf"
    write_pdf([page], pdf)
    assert ("QRCode", SEAL) in decode(rasterise(pdf, 150))


LONG_SEAL = "https://www.tokyo-mirai.ac.jp/v/#" + "7" * 700  # a version-14 seal


def _seal_rects(template: Template) -> list[tuple[float, float, float, float]]:
    page = layout_side(template, 0, {"seal_url": LONG_SEAL}, fonts=None)
    return [item for item in page.items if isinstance(item, RectsItem)][0].rects


def test_a_certificate_seal_grows_to_half_millimetre_modules_and_stays_on_the_page():
    template = _qr_template("{{ seal_url }}", size=26.0)
    template.page.width, template.page.height = 60.0, 60.0  # too small to centre the grown code
    rects = _seal_rects(template)
    _version, modules = qr_matrix(LONG_SEAL, "M")
    assert rects[0][3] == pytest.approx(0.5)  # module height
    assert min(x for x, *_ in rects) >= 4 * 0.5 - 1e-9  # quiet zone inside the page
    assert max(x + w for x, _y, w, _h in rects) <= 60.0 - 4 * 0.5 + 1e-9
    assert max(y + h for _x, y, _w, h in rects) <= 60.0 - 4 * 0.5 + 1e-9
    assert (len(modules) + 8) * 0.5 > 26.0  # it did grow


def test_a_card_seal_keeps_its_box():
    template = _qr_template("{{ seal_url }}", size=19.0)
    template.kind = "card"
    rects = _seal_rects(template)
    _version, modules = qr_matrix(LONG_SEAL, "M")
    assert rects[0][3] == pytest.approx(19.0 / (len(modules) + 8))
