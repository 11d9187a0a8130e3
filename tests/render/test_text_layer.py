"""The PDF text layer: what copying, searching and archiving a certificate gives back.

Every name in a rare-name list goes through the real text engine, the real fonts and the PDF
writer, and must come back unchanged from two independent extractors (poppler's pdftotext and
pypdf), characters outside the Basic Multilingual Plane and variation selectors included.
"""

from __future__ import annotations

import re
import zlib

import pypdf
import pytest
from render_helpers import run_tool

from designer.model.elements import TextElement, TextStyle
from designer.render.display import PageDisplay
from designer.render.fonts import FontLibrary
from designer.render.pdf import write_pdf
from designer.render.text import layout_text

# Family-register names: non-BMP kanji the bundled fallback faces draw, and ideographic
# variation sequences (base + U+E0100) whose variant the bundled IPAex faces hold.
RARE_NAMES = [
    "𠮷田 花子",
    "𤁋本 一郎",
    "𠄉沢 次郎",
    "𤚩野 三郎",
    "𧺯川 四郎",
    "辻\U000e0100 太郎",
    "葛\U000e0100西 五郎",
    "髙橋 﨑子",
    "𩸽田 六郎",
    "𥔎川 七子",
    "𠀋野 八郎",
]


@pytest.fixture(scope="module")
def fonts() -> FontLibrary:
    return FontLibrary.default()


def _name_pdf(tmp_path, fonts, family: str, vertical: bool = False):
    pages = []
    for name in RARE_NAMES:
        style = TextStyle(
            size=24, font_family=family, writing_mode="vertical" if vertical else "horizontal"
        )
        if vertical:
            element = TextElement(name="n", x=80, y=10, width=20, height=180, style=style)
        else:
            element = TextElement(name="n", x=10, y=10, width=190, height=20, style=style)
        layout = layout_text(element, name, fonts)
        assert not layout.missing
        pages.append(PageDisplay(width=210, height=200, items=layout.runs))
    path = tmp_path / f"names-{family}-{vertical}.pdf"
    write_pdf(pages, path)
    return path


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("family", ["IPAexMincho", "IPAexGothic"])
@pytest.mark.parametrize("vertical", [False, True])
def test_rare_names_round_trip_through_pdftotext(tmp_path, fonts, family, vertical):
    pdf = _name_pdf(tmp_path, fonts, family, vertical)
    pages = run_tool("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-").split("\f")
    for name, page in zip(RARE_NAMES, pages, strict=False):
        assert _squash(page) == _squash(name)


def test_rare_names_round_trip_through_pypdf(tmp_path, fonts):
    reader = pypdf.PdfReader(_name_pdf(tmp_path, fonts, "IPAexMincho"))
    for name, page in zip(RARE_NAMES, reader.pages, strict=True):
        assert _squash(page.extract_text()) == _squash(name)


def _to_unicode_maps(pdf) -> list[str]:
    data = pdf.read_bytes()
    maps = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            text = zlib.decompress(match.group(1)).decode("latin-1")
        except zlib.error:
            continue
        if "beginbfchar" in text:
            maps.append(text)
    return maps


def test_to_unicode_writes_utf16_surrogate_pairs(tmp_path, fonts):
    maps = "\n".join(_to_unicode_maps(_name_pdf(tmp_path, fonts, "IPAexMincho")))
    assert "<D842DFB7>" in maps  # 𠮷 U+20BB7 as its UTF-16 surrogate pair
    assert "<20BB7>" not in maps
    assert "<8FBBDB40DD00>" in maps  # 辻 + U+E0100: one glyph, two characters
    for block in re.findall(r"(\d+) beginbfchar", maps):
        assert int(block) <= 100  # the specification's limit per block


def test_every_subset_has_its_own_tag(tmp_path):
    """Subset tags come from the subset's glyphs: two different subsets of one face in one
    document (more than 256 characters) never share a name, and none is AAAAAA+."""
    from render_helpers import MINCHO, horizontal_run
    from reportlab.pdfbase.ttfonts import TTFontFace

    kanji = [code for code in TTFontFace(MINCHO.path).charToGlyph if 0x4E00 <= code <= 0x9FFF]
    text = "".join(chr(code) for code in sorted(kanji)[:300])
    lines = [horizontal_run(text[i : i + 30], 10, 15 + i // 3, size=8) for i in range(0, 300, 30)]
    pdf = tmp_path / "many.pdf"
    write_pdf([PageDisplay(210, 297, items=lines)], pdf)
    names = [str(font.get("/BaseFont")) for font in
             pypdf.PdfReader(pdf).pages[0]["/Resources"]["/Font"].values()]  # fmt: skip
    tags = [name.lstrip("/").split("+")[0] for name in names]
    assert len(tags) == 2 and len(set(tags)) == 2
    assert all(re.fullmatch(r"[A-Z]{6}", tag) and tag != "AAAAAA" for tag in tags)


# ----- drawn glyphs, read back from the embedded subsets ----------------------------------


def _drawn_outlines(pdf) -> dict[str, list[tuple]]:
    """Source text (through ToUnicode) -> outline coordinates of the glyph the PDF draws."""
    import io

    import pikepdf
    from fontTools.ttLib import TTFont

    drawn: dict[str, list[tuple]] = {}
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for font in page.Resources.Font.values():
                subset = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
                order = subset.getGlyphOrder()
                codes = dict(subset["cmap"].tables[0].cmap.items())
                cmap_text = font.ToUnicode.read_bytes().decode("latin-1")
                entries = "".join(re.findall(r"beginbfchar(.*?)endbfchar", cmap_text, re.S))
                for code, target in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>", entries):
                    text = bytes.fromhex(target).decode("utf-16-be")
                    glyph = codes.get(int(code, 16))
                    if glyph is None:
                        glyph = order[int(code, 16)] if int(code, 16) < len(order) else None
                    if glyph is not None and text.strip():
                        drawn[text] = _outline(subset, glyph)
    return drawn


def _outline(font, glyph_name: str) -> list[tuple]:
    glyph = font["glyf"][glyph_name]
    return list(glyph.getCoordinates(font["glyf"])[0]) if glyph.numberOfContours else []


def _source_font():
    from fontTools.ttLib import TTFont

    from designer.resources import fonts_dir

    return TTFont(str(fonts_dir() / "ipaexm.ttf"))


def test_variation_sequences_draw_the_variant_glyph_of_the_format_14_cmap(tmp_path, fonts):
    source = _source_font()
    uvs = next(table for table in source["cmap"].tables if table.format == 14).uvsDict[0xE0100]
    expected = {chr(cp) + "\U000e0100": name for cp, name in uvs if chr(cp) in "辻葛"}
    assert all(expected.values())  # both are non-default variants in IPAex明朝
    drawn = _drawn_outlines(_name_pdf(tmp_path, fonts, "IPAexMincho"))
    base_glyphs = source.getBestCmap()
    for sequence, name in expected.items():
        assert drawn[sequence] == _outline(source, name)
        assert drawn[sequence] != _outline(source, base_glyphs[ord(sequence[0])])


def _vertical_substitutions(font) -> dict[str, str]:
    """glyph name -> its ``vert`` replacement, read from GSUB with fontTools."""
    gsub = font["GSUB"].table
    indices = {
        index
        for record in gsub.FeatureList.FeatureRecord
        if record.FeatureTag in ("vert", "vrt2")
        for index in record.Feature.LookupListIndex
    }
    mapping: dict[str, str] = {}
    for index in sorted(indices):
        for table in gsub.LookupList.Lookup[index].SubTable:
            if table.LookupType == 7:
                table = table.ExtSubTable
            if table.LookupType == 1:
                for name, replacement in table.mapping.items():
                    mapping.setdefault(name, replacement)
    return mapping


def test_vertical_text_draws_the_fonts_vert_alternates_and_copies_the_characters(tmp_path, fonts):
    text = "「ー〜」（あ）、。"
    style = TextStyle(size=24, font_family="IPAexMincho", writing_mode="vertical")
    element = TextElement(name="v", x=90, y=10, width=20, height=180, style=style)
    layout = layout_text(element, text, fonts)
    assert not any(run.rotated for run in layout.runs)  # nothing turned by rotation
    pdf = tmp_path / "vertical.pdf"
    write_pdf([PageDisplay(width=210, height=200, items=layout.runs)], pdf)
    assert _squash(run_tool("pdftotext", "-raw", str(pdf), "-")) == text
    source = _source_font()
    cmap = source.getBestCmap()
    vert = _vertical_substitutions(source)
    drawn = _drawn_outlines(pdf)
    for ch in "ー〜「」（）、。":
        assert cmap[ord(ch)] in vert, ch
        assert drawn[ch] == _outline(source, vert[cmap[ord(ch)]]), ch


def test_acronyms_in_vertical_text_stand_upright(fonts):
    style = TextStyle(size=20, font_family="IPAexMincho", writing_mode="vertical")
    element = TextElement(name="v", x=0, y=0, width=20, height=200, style=style)
    layout = layout_text(element, "AIとDXとNASA", fonts)
    placed = [(ch, run.rotated and run.rotated[i]) for run in layout.runs
              for i, ch in enumerate(run.text)]  # fmt: skip
    assert not any(turned for _ch, turned in placed)
    first: dict[str, tuple[float, float]] = {}
    for run in layout.runs:
        for ch, position in zip(run.text, run.positions, strict=True):
            first.setdefault(ch, position)
    (ax, ay), (ix, iy) = first["A"], first["I"]
    assert ay == iy and ax < ix  # 縦中横: side by side in one cell
    assert first["N"][1] < first["S"][1]  # four capitals: one upright letter per cell
