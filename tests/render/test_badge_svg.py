"""The badge image: the same display list drawn as PNG (through the PDF painter) and as SVG
(glyph outlines, no fonts needed), and both agree."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from designer.prepare import open_template
from designer.render.badge import render_badge


@pytest.fixture(scope="module")
def badge():
    template, _ = open_template("badge")
    return template


def svg_to_image(svg: str, size: int) -> Image.Image:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return Image.frombytes("RGBA", (size, size), bytes(image.constBits()))


def test_png_and_svg_show_the_same_badge(qapp, badge):
    png, svg = render_badge(badge, {"course_name": "データサイエンス基礎"})
    raster = Image.open(io.BytesIO(png)).convert("RGBA")
    vector = svg_to_image(svg, raster.width)
    # Compare colour where either image is opaque; anti-aliased edges may differ a little.
    opaque = ImageChops.lighter(raster.getchannel("A"), vector.getchannel("A")).point(
        lambda a: 255 if a > 200 else 0
    )
    difference = ImageChops.difference(raster.convert("RGB"), vector.convert("RGB")).convert("L")
    values = [
        d
        for d, keep in zip(
            difference.get_flattened_data(), opaque.get_flattened_data(), strict=True
        )
        if keep
    ]
    assert len(values) > raster.width * raster.height * 0.5
    mean = sum(values) / len(values)
    assert mean < 6, mean
    assert sum(1 for d in values if d > 96) / len(values) < 0.01


def test_corners_are_transparent_and_text_is_outlines(badge):
    png, svg = render_badge(badge, {"course_name": "英語スピーチ"})
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    assert image.getpixel((2, 2))[3] == 0
    assert "<text" not in svg and "font-family" not in svg  # needs no fonts on the viewer's side
    assert "<title>英語スピーチ</title>" in svg


def test_badges_for_different_courses_differ_and_repeat_from_cache(badge):
    first = render_badge(badge, {"course_name": "A講座", "full_name": "山田"})
    again = render_badge(badge, {"course_name": "A講座", "full_name": "佐藤"})
    other = render_badge(badge, {"course_name": "B講座"})
    assert first is again  # the badge shows the achievement, not the person
    assert first[0] != other[0]
