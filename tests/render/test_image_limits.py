"""Hostile images in a design: SVG references outside the SVG, SVGs that take minutes to
draw, decompression bombs. Each is refused with a message naming the asset and the limit."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from designer.errors import ShoshoError
from designer.model.elements import ImageElement
from designer.model.template import Side, Template
from designer.render.images import MAX_SVG_ELEMENTS, MAX_SVG_FILTERED, check_svg, load_image_bytes
from designer.render.layout import layout_side
from designer.render.pdf import write_pdf


def _template(svg: bytes, name: str = "logo.svg") -> Template:
    template = Template(name="t")
    template.sides = [
        Side(elements=[ImageElement(name="logo", x=0, y=0, width=50, height=50, source=name)])
    ]
    template.assets = {name: svg}
    return template


def _secret_png(tmp_path) -> str:
    path = tmp_path / "private-photo.png"
    Image.new("RGB", (40, 40), (255, 0, 0)).save(path)
    return str(path)


@pytest.mark.parametrize(
    "reference",
    [
        '<image xlink:href="{path}" width="100" height="100"/>',
        '<image href="file://{path}" width="100" height="100"/>',
        '<rect width="10" height="10" style="fill: url(file://{path})"/>',
        '<style>@import url("{path}");</style>',
        '<use xlink:href="{path}#x"/>',
    ],
    ids=["xlink", "href-file", "css-url", "css-import", "use"],
)
def test_svg_references_outside_the_svg_are_refused(tmp_path, qapp, reference):
    secret = _secret_png(tmp_path)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 100 100">' + reference.format(path=secret) + "</svg>"
    ).encode()
    pdf = tmp_path / "out.pdf"
    with pytest.raises(ShoshoError, match="logo.svg") as caught:
        write_pdf([layout_side(_template(svg), 0, {}, fonts=None)], pdf)
    assert "outside itself" in str(caught.value) or "imports another file" in str(caught.value)
    assert not pdf.exists()


def test_references_inside_the_svg_still_work(qapp):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/>'
        b'</linearGradient><rect id="r" width="5" height="5"/></defs>'
        b'<use xlink:href="#r" fill="url(#g)"/>'
        b'<image width="2" height="2" href="data:image/png;base64,iVBORw0KGgo="/></svg>'
    )
    assert load_image_bytes(svg, "ok.svg").kind == "png"


def _blurred(count: int) -> bytes:
    circles = "".join(
        f'<circle cx="{i % 100}" cy="50" r="30" filter="url(#b)"/>' for i in range(count)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs><filter id="b">'
        f'<feGaussianBlur stdDeviation="8"/></filter></defs>{circles}</svg>'
    ).encode()


def test_svgs_that_take_minutes_are_refused_at_once(qapp):
    many = "".join('<rect width="1" height="1"/>' for _ in range(MAX_SVG_ELEMENTS + 1))
    for svg, limit in (
        (_blurred(20_000), f"more than {MAX_SVG_FILTERED} elements"),
        (_blurred(100), f"more than {MAX_SVG_FILTERED} elements"),
        (f'<svg xmlns="http://www.w3.org/2000/svg">{many}</svg>'.encode(), f"{MAX_SVG_ELEMENTS:,}"),
    ):
        started = time.monotonic()
        with pytest.raises(ShoshoError, match=limit):
            load_image_bytes(svg, "heavy.svg")
        assert time.monotonic() - started < 10


def test_a_few_filters_are_drawn_smaller(qapp):
    assert check_svg(_blurred(2), "two.svg") is True
    loaded = load_image_bytes(_blurred(2), "two.svg")
    assert max(loaded.pixel_width, loaded.pixel_height) == 1024


def test_an_image_bomb_names_the_limit():
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG")  # 144 million pixels in a few KB
    with pytest.raises(ShoshoError, match=r"bomb\.png: .*60,000,000"):
        load_image_bytes(buffer.getvalue(), "bomb.png")
