"""Qt and PDF draw the same display list: every built-in template, both ways, at 150 dpi.

Tolerance, measured on greyscale rasters after a 1-pixel box blur (which absorbs the two
rasterisers' different anti-aliasing): mean absolute difference at most 3 levels of 255,
and at most 0.1 % of pixels differing by more than 64 levels. A glyph or element misplaced by
a single pixel fails the second check on any page with text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from render_helpers import MINCHO, horizontal_run, rasterise, vertical_run

from designer.codes.qr import qr_item
from designer.model import load_template
from designer.render.borders import border_items
from designer.render.display import PageDisplay, RectsItem
from designer.render.fonts import FontLibrary
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf
from designer.render.qt_painter import render_page_image
from designer.resources import examples_dir, templates_dir

DPI = 150
MAX_MEAN = 3.0
MAX_SHARE = 0.001
BIG_DIFF = 64

RECORD = {
    "student_id": "2510001", "family_name": "髙橋", "given_name": "陽菜",
    "full_name": "髙橋　陽菜", "full_name_kana": "タカハシ　ヒナ", "name_en": "Hina Takahashi",
    "email": "2510001@st.example.ac.jp", "department": "経済学部", "course_name": "地域データ活用講座",
    "completion_date": dt.date(2025, 3, 19), "issue_date": dt.date(2025, 3, 25),
    "expiry_date": dt.date(2029, 3, 31), "date_of_birth": dt.date(2003, 4, 2),
    "seal_url": "https://www.tokyo-mirai.ac.jp/v/#" + "27182818284590452353602874713526624977572470936999595749",
    "verify_host": "www.tokyo-mirai.ac.jp",
}  # fmt: skip


def _difference(first: Image.Image, second: Image.Image) -> tuple[float, float]:
    assert first.size == second.size
    blur = ImageFilter.BoxBlur(1)
    diff = ImageChops.difference(first.convert("L").filter(blur), second.convert("L").filter(blur))
    histogram = diff.histogram()
    share = sum(histogram[BIG_DIFF + 1 :]) / (diff.width * diff.height)
    return ImageStat.Stat(diff).mean[0], share


def _qt_image(page: PageDisplay, path: Path, size: tuple[int, int]) -> Image.Image:
    # PDFium rounds a page's pixel size up and stretches the page to fill it (Letter: 1651 px
    # for 1650.0001); Qt is given the same bitmap size.
    render_page_image(page, DPI, size=size).save(str(path))
    return Image.open(path).convert("RGB")


def _compare(page: PageDisplay, tmp_path: Path, name: str) -> tuple[float, float]:
    pdf = tmp_path / f"{name}.pdf"
    write_pdf([page], pdf)
    pdf_image = rasterise(pdf, DPI)
    return _difference(pdf_image, _qt_image(page, tmp_path / f"{name}.png", pdf_image.size))


def _photo_base(tmp_path: Path) -> tuple[Path, str]:
    photo = examples_dir() / "photos" / "2510001.jpg"
    if photo.is_file():
        return examples_dir(), "photos/2510001.jpg"
    Image.new("RGB", (300, 400), (120, 140, 160)).save(tmp_path / "photo.jpg")
    return tmp_path, "photo.jpg"


TEMPLATES = sorted(templates_dir().glob("*.shosho"))


@pytest.mark.parametrize("template_path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_builtin_template_looks_the_same_in_qt_and_pdf(qapp, tmp_path, template_path):
    template = load_template(template_path)
    base, photo = _photo_base(tmp_path)
    pages = layout_record(
        template, {**RECORD, "photo": photo}, fonts=FontLibrary.default(), assets_base=base
    )
    for index, page in enumerate(pages):
        mean, share = _compare(page, tmp_path, f"{template_path.stem}-{index}")
        assert mean <= MAX_MEAN, f"{template_path.stem} side {index}: mean difference {mean:.2f}"
        assert share <= MAX_SHARE, f"{template_path.stem} side {index}: {share:.4%} pixels differ"


def test_representative_page_without_templates(qapp, tmp_path):
    """Text (Japanese, Latin, vertical, turned), QR, shapes and a border, independent of files."""
    page = PageDisplay(297, 210, items=[
        *border_items((0, 0, 297, 210), "guilloche", inset=12),
        horizontal_run("修了証書 Certificate", 40, 60, size=36),
        vertical_run("令和七年四月一日", 250, 40),
        qr_item(RECORD["seal_url"], 230, 150, 30),
    ])  # fmt: skip
    turned = horizontal_run("ABC", 120, 120, size=30)
    turned.rotated = [True, True, True]
    turned.positions = [(120, 120 + 8 * i) for i in range(3)]
    page.items.append(turned)
    mean, share = _compare(page, tmp_path, "representative")
    assert mean <= MAX_MEAN and share <= MAX_SHARE


def test_comparison_detects_a_misplaced_glyph(qapp, tmp_path):
    """The tolerance is tight enough to catch text moved by half a millimetre."""
    run = horizontal_run("山田太郎", 40, 60, size=36, font=MINCHO)
    page = PageDisplay(150, 100, items=[run, RectsItem(rects=[(10, 10, 20, 20)])])
    pdf = tmp_path / "moved.pdf"
    write_pdf([page], pdf)
    run.positions = [(x + 0.5, y) for x, y in run.positions]
    pdf_image = rasterise(pdf, DPI)
    _mean, share = _difference(pdf_image, _qt_image(page, tmp_path / "moved.png", pdf_image.size))
    assert share > MAX_SHARE
