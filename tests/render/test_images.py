"""Images: fitting, JPEG pass-through, one XObject per picture, SVG, missing photos."""

from __future__ import annotations

import io
import re

import pytest
from render_helpers import rasterise, run_tool

from designer.errors import ShoshoError
from designer.model.elements import ImageElement
from designer.model.template import Side, Template
from designer.render.display import ImageItem
from designer.render.images import fit_image, load_image_bytes
from designer.render.layout import layout_record, layout_side
from designer.render.pdf import write_pdf


def _png(size=(200, 100), color=(200, 30, 30, 255)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGBA", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def _jpeg(size=(120, 160), color=(20, 90, 200)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
<rect width="100" height="50" fill="#2E7D32"/><circle cx="50" cy="25" r="20" fill="#FFEB3B"/></svg>"""


def test_contain_fits_inside_and_centres():
    place = fit_image(200, 100, (10, 10, 40, 40), "contain")
    assert (place.x, place.y, place.width, place.height) == (10, 20, 40, 20)
    assert place.clip is None


def test_cover_fills_and_clips_to_the_box():
    place = fit_image(200, 100, (10, 10, 40, 40), "cover")
    assert (place.width, place.height) == (80, 40)
    assert place.x == pytest.approx(-10)
    assert place.clip == (10, 10, 40, 40)


def test_stretch_and_crop_fractions():
    place = fit_image(200, 100, (0, 0, 30, 30), "stretch", (0.5, 0.0, 0.0, 0.5))
    # the right half of the top half fills the box: the whole image is twice as large
    assert (place.x, place.y, place.width, place.height) == (-30, 0, 60, 60)
    assert place.clip == (0, 0, 30, 30)


def _template(*elements, assets=None) -> Template:
    template = Template(sides=[Side(elements=list(elements))])
    template.page.width, template.page.height = 100.0, 100.0
    template.assets = dict(assets or {})
    return template


def test_same_image_is_stored_once_per_pdf(tmp_path):
    logo = ImageElement(name="logo", x=5, y=5, width=30, height=15, source="logo.png")
    photo = ImageElement(name="photo", x=50, y=5, width=30, height=40, field="photo")
    template = _template(logo, photo, assets={"logo.png": _png()})
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(_jpeg())
    pages = []
    for _ in range(3):
        pages += layout_record(
            template, {"photo": "photos/a.jpg"}, fonts=None, assets_base=tmp_path
        )
    pdf = tmp_path / "many.pdf"
    write_pdf(pages, pdf)
    rows = [line.split() for line in run_tool("pdfimages", "-list", str(pdf)).splitlines()[2:]]
    assert len(rows) == 6  # two images on each of three pages
    objects = {(row[3], row[10]) for row in rows}  # (type, object id)
    assert len({obj for _type, obj in objects}) == 2
    encodings = {row[8] for row in rows}
    assert encodings == {"jpeg", "image"}


def test_jpeg_passes_through_without_re_encoding(tmp_path):
    data = _jpeg()
    template = _template(
        ImageElement(name="p", x=0, y=0, width=50, height=50, source="p.jpg"),
        assets={"p.jpg": data},
    )
    pdf = tmp_path / "jpeg.pdf"
    write_pdf([layout_side(template, 0, {}, fonts=None)], pdf)
    assert data in pdf.read_bytes()


def test_png_transparency_becomes_a_soft_mask(tmp_path):
    template = _template(
        ImageElement(name="p", x=0, y=0, width=50, height=50, source="p.png"),
        assets={"p.png": _png(color=(0, 0, 255, 128))},
    )
    pdf = tmp_path / "alpha.pdf"
    write_pdf([layout_side(template, 0, {}, fonts=None)], pdf)
    types = [line.split()[2] for line in run_tool("pdfimages", "-list", str(pdf)).splitlines()[2:]]
    assert types == ["image", "smask"]
    pixel = rasterise(pdf, 72).getpixel((70, 70))
    assert 100 < pixel[0] < 160 and pixel[2] == 255  # half blue over white


def test_svg_is_rasterised_with_qtsvg(tmp_path, qapp):
    loaded = load_image_bytes(SVG, "logo.svg")
    assert loaded.kind == "png" and max(loaded.pixel_width, loaded.pixel_height) == 2048
    template = _template(
        ImageElement(name="svg", x=0, y=0, width=100, height=50, source="l.svg"),
        assets={"l.svg": SVG},
    )
    pdf = tmp_path / "svg.pdf"
    write_pdf([layout_side(template, 0, {}, fonts=None)], pdf)
    image = rasterise(pdf, 72)
    assert image.getpixel((5, 5)) == pytest.approx((46, 125, 50), abs=3)
    assert image.getpixel((141, 71))[:2] == pytest.approx((255, 235), abs=4)


def test_missing_photo_names_element_and_path(tmp_path):
    photo = ImageElement(name="student photo", x=0, y=0, width=30, height=40, field="photo")
    template = _template(photo)
    with pytest.raises(ShoshoError, match=re.escape(str(tmp_path / "nope.jpg"))) as info:
        layout_side(template, 0, {"photo": "nope.jpg"}, fonts=None, assets_base=tmp_path)
    assert "'student photo'" in str(info.value)
    with pytest.raises(ShoshoError, match="no value for 'photo'"):
        layout_side(template, 0, {"photo": ""}, fonts=None)
    (tmp_path / "broken.jpg").write_bytes(b"not an image")
    with pytest.raises(ShoshoError, match="not a readable image"):
        layout_side(template, 0, {"photo": "broken.jpg"}, fonts=None, assets_base=tmp_path)


def test_missing_photo_placeholder_for_previews(tmp_path):
    photo = ImageElement(name="photo", x=0, y=0, width=30, height=40, field="photo")
    page = layout_side(
        _template(photo),
        0,
        {"photo": "x.jpg"},
        fonts=None,
        assets_base=tmp_path,
        on_missing="placeholder",
    )
    assert len(page.items) == 1 and not isinstance(page.items[0], ImageItem)
