"""The PDF painter: embedded subset fonts, extractable text, page boxes, attachments."""

from __future__ import annotations

import re

import pypdf
import pytest
from render_helpers import GOTHIC, MINCHO, horizontal_run, rasterise, run_tool, vertical_run

from designer.render.display import GroupItem, PageDisplay, PathItem, RectsItem
from designer.render.pdf import write_pdf


def _fonts(pdf) -> list[list[str]]:
    return [line.split() for line in run_tool("pdffonts", str(pdf)).splitlines()[2:]]


def test_fonts_embedded_and_subset_and_names_extractable(tmp_path):
    names = ["髙橋　陽菜", "山﨑　大翔", "Emily Johnson"]
    pages = [
        PageDisplay(210, 297, items=[horizontal_run(name, 30, 50, font=font)])
        for name, font in zip(names, (MINCHO, GOTHIC, MINCHO), strict=True)
    ]
    pdf = tmp_path / "names.pdf"
    assert write_pdf(pages, pdf) == 3
    fonts = _fonts(pdf)
    assert {row[0].split("+")[1] for row in fonts} == {"IPAexMincho", "IPAexGothic"}
    for row in fonts:
        assert re.fullmatch(r"[A-Z]{6}\+.*", row[0])
        assert row[-5:-2] == ["yes", "yes", "yes"]  # emb sub uni
    text = run_tool("pdftotext", str(pdf), "-")
    for name in names:
        assert name.replace("\u3000", " ") in text  # pdftotext turns the full-width space into " "


def test_vertical_text_reads_in_order_with_raw_extraction(tmp_path):
    column = "令和七年四月一日"
    page = PageDisplay(210, 297, items=[vertical_run(column, 150, 40)])
    pdf = tmp_path / "tate.pdf"
    write_pdf([page], pdf)
    raw = run_tool("pdftotext", "-raw", str(pdf), "-")
    assert column in re.sub(r"\s+", "", raw)


def test_glyphs_land_where_the_layout_put_them(tmp_path):
    run = horizontal_run("田", 50.0, 60.0, size=72)
    pdf = tmp_path / "pos.pdf"
    write_pdf([PageDisplay(100, 100, items=[run])], pdf)
    image = rasterise(pdf, 254).convert("L")  # 10 px per mm
    xs = [x for x in range(1000) for y in range(300, 650, 5) if image.getpixel((x, y)) < 128]
    ys = [y for y in range(1000) for x in range(500, 760, 5) if image.getpixel((x, y)) < 128]
    assert 500 <= min(xs) <= 540  # the glyph starts just right of the pen position
    assert max(ys) == pytest.approx(600 + 25, abs=40)  # baseline at 60 mm, small descent


def test_spaced_characters_keep_their_positions(tmp_path):
    run = horizontal_run("均等", 10, 30, size=30)
    run.positions[1] = (80.0, 30.0)  # far from the natural advance
    pdf = tmp_path / "spaced.pdf"
    write_pdf([PageDisplay(100, 50, items=[run])], pdf)
    image = rasterise(pdf, 254).convert("L")
    dark = [x for x in range(1000) if image.getpixel((x, 270)) < 128]
    assert min(dark) < 200 and max(dark) > 800


def test_exact_page_size_trim_and_bleed(tmp_path):
    page = PageDisplay(85.6, 53.98, bleed=3.0, background="#102040")
    trim = tmp_path / "trim.pdf"
    bled = tmp_path / "bleed.pdf"
    write_pdf([page], trim)
    write_pdf([page], bled, bleed=True)
    mm = 72 / 25.4
    box = pypdf.PdfReader(trim).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((85.6 * mm, 53.98 * mm), abs=0.01)
    reader = pypdf.PdfReader(bled).pages[0]
    assert float(reader.mediabox.width) == pytest.approx(91.6 * mm, abs=0.01)
    assert [float(v) for v in reader.trimbox] == pytest.approx(
        [3 * mm, 3 * mm, 88.6 * mm, 56.98 * mm], abs=0.01
    )
    # the background reaches into the bleed
    assert rasterise(bled, 72).getpixel((1, 1)) == (16, 32, 64)


def test_crop_marks_sit_outside_the_bleed(tmp_path):
    pdf = tmp_path / "marks.pdf"
    write_pdf([PageDisplay(100, 60, bleed=3.0)], pdf, bleed=True, crop_marks=True)
    page = pypdf.PdfReader(pdf).pages[0]
    margin = 3 + 2 + 6
    assert float(page.mediabox.width) == pytest.approx((100 + 2 * margin) * 72 / 25.4, abs=0.01)
    image = rasterise(pdf, 254).convert("L")  # 10 px per mm
    assert image.getpixel((margin * 10, 20)) < 200  # vertical mark above the left trim edge
    assert image.getpixel((margin * 10, margin * 10 - 25)) == 255  # nothing inside the bleed


def test_attachment_metadata_and_vector_shapes(tmp_path):
    items = [
        PathItem(
            ops=[("M", 10, 10), ("L", 90, 10)], stroke="#FF0000", stroke_width=1.0, dash=[3, 2]
        ),
        RectsItem(rects=[(10, 20, 30, 10)], color="#00FF00", opacity=0.5),
        GroupItem(
            items=[RectsItem(rects=[(0, 0, 50, 50)], color="#0000FF")],
            transform=(1, 0, 0, 1, 60, 20),
            clip=(0, 0, 10, 10),
        ),
    ]
    pdf = tmp_path / "att.pdf"
    credential = b'{"type": ["VerifiableCredential"]}'
    write_pdf(
        [PageDisplay(100, 50, items=items)],
        pdf,
        metadata={"title": "修了証 山田"},
        attachments={"credential.json": credential},
    )
    reader = pypdf.PdfReader(pdf)
    assert reader.attachments == {"credential.json": [credential]}
    assert reader.metadata.title == "修了証 山田"
    image = rasterise(pdf, 254)
    assert image.getpixel((200, 250)) == pytest.approx((127, 255, 127), abs=2)  # half-opaque green
    assert image.getpixel((650, 250)) == (0, 0, 255)  # inside the clipped group
    assert image.getpixel((750, 350)) == (255, 255, 255)  # clipped away
    assert run_tool("pdfimages", "-list", str(pdf)).count("\n") == 2  # no bitmaps: all vector


def test_a_path_drawn_again_becomes_one_shared_form(tmp_path):
    """Paths that come back as the same objects (cached borders) are drawn from one Form
    XObject per document, and the pages look exactly as when drawn inline."""
    from designer.render.borders import border_items

    def page():
        return PageDisplay(120, 80, items=border_items((5.5, 5.25, 109.1, 69.3), "classic"))

    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    write_pdf([page()], first)  # the paths are new: drawn inline
    write_pdf([page(), page()], second)  # seen before: drawn as forms
    assert b"/Subtype /Form" not in first.read_bytes()
    reader = pypdf.PdfReader(second)
    forms = [reader.pages[i]["/Resources"]["/XObject"] for i in range(2)]
    assert forms[0] and set(forms[0].keys()) == set(forms[1].keys())
    assert len(re.findall(rb"/Subtype /Form", second.read_bytes())) == len(forms[0])
    assert rasterise(first, 100).tobytes() == rasterise(second, 100).tobytes()


def test_text_reused_across_documents_is_encoded_for_each_documents_subset(tmp_path):
    """The same run (as a cached layout hands it out) drawn in documents whose subsets number
    the glyphs differently: each document embeds and extracts it correctly."""
    shared = horizontal_run("修了証書", 20, 40)
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    write_pdf([PageDisplay(150, 100, items=[horizontal_run("山田", 20, 20), shared])], first)
    write_pdf([PageDisplay(150, 100, items=[horizontal_run("髙橋陽菜", 20, 20), shared])], second)
    for pdf, name in ((first, "山田"), (second, "髙橋陽菜")):
        text = run_tool("pdftotext", str(pdf), "-")
        assert name in text and "修了証書" in text
    reference = tmp_path / "reference.pdf"
    fresh = horizontal_run("修了証書", 20, 40)  # a new object: not taken from any cache
    write_pdf([PageDisplay(150, 100, items=[horizontal_run("髙橋陽菜", 20, 20), fresh])], reference)
    assert rasterise(second, 100).tobytes() == rasterise(reference, 100).tobytes()


def test_more_than_256_characters_use_several_subsets(tmp_path):
    """reportlab splits a font into subsets of 256 characters; each is embedded and extracts."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    kanji = [code for code in TTFontFace(MINCHO.path).charToGlyph if 0x4E00 <= code <= 0x9FFF]
    text = "".join(chr(code) for code in sorted(kanji)[:300])
    lines = [horizontal_run(text[i : i + 30], 10, 15 + i // 3, size=8) for i in range(0, 300, 30)]
    pdf = tmp_path / "many.pdf"
    write_pdf([PageDisplay(210, 297, items=lines)], pdf)
    fonts = _fonts(pdf)
    assert len(fonts) == 2 and all(row[-5:-2] == ["yes", "yes", "yes"] for row in fonts)
    extracted = re.sub(r"\s+", "", run_tool("pdftotext", str(pdf), "-"))
    assert text in extracted
