"""Latin text is set with the font's GPOS kerning, read back from the PDF's text matrices."""

from __future__ import annotations

import re
import zlib

import pytest
from fontTools.ttLib import TTFont

from designer.model.elements import TextElement, TextStyle
from designer.render.display import PageDisplay
from designer.render.fonts import PT_TO_MM, FontLibrary
from designer.render.pdf import write_pdf
from designer.render.text import layout_text
from designer.resources import fonts_dir

SIZE = 20.0


def _pair_kerning(font: TTFont, left: str, right: str) -> int:
    """The GPOS ``kern`` x-advance adjustment of a pair, in font units, read with fontTools."""
    gpos = font["GPOS"].table
    lookups = {
        index
        for record in gpos.FeatureList.FeatureRecord
        if record.FeatureTag == "kern"
        for index in record.Feature.LookupListIndex
    }
    cmap = font.getBestCmap()
    first, second = cmap[ord(left)], cmap[ord(right)]
    for index in sorted(lookups):
        for table in gpos.LookupList.Lookup[index].SubTable:
            if table.LookupType == 9:
                table = table.ExtSubTable
            if table.LookupType != 2 or first not in table.Coverage.glyphs:
                continue
            if table.Format == 1:
                pairs = table.PairSet[table.Coverage.glyphs.index(first)]
                for record in pairs.PairValueRecord:
                    if record.SecondGlyph == second and record.Value1 is not None:
                        return getattr(record.Value1, "XAdvance", 0)
            else:
                class1 = table.ClassDef1.classDefs.get(first, 0)
                class2 = table.ClassDef2.classDefs.get(second, 0)
                value = table.Class1Record[class1].Class2Record[class2].Value1
                if value is not None and getattr(value, "XAdvance", 0):
                    return value.XAdvance
    return 0


def _text_positions(pdf) -> list[float]:
    """x of every text matrix in the page's content stream (mm, as the painter writes them)."""
    data = pdf.read_bytes()
    xs = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            content = zlib.decompress(match.group(1)).decode("latin-1")
        except zlib.error:
            continue
        xs += [float(x) for x in re.findall(r"1 0 0 -1 ([\d.]+) [\d.]+ Tm", content)]
    return xs


@pytest.mark.parametrize("family, file", [("Caladea", "Caladea-Regular.ttf")])
def test_latin_pairs_are_kerned_as_the_font_says(tmp_path, family, file):
    font = TTFont(str(fonts_dir() / file))
    upem = font["head"].unitsPerEm
    advances = font["hmtx"].metrics
    cmap = font.getBestCmap()
    assert _pair_kerning(font, "W", "A") < 0 and _pair_kerning(font, "A", "V") < 0
    element = TextElement(
        name="n", x=10, y=10, width=190, height=20, style=TextStyle(size=SIZE, font_family=family)
    )
    layout = layout_text(element, "WAVE", FontLibrary.default())
    (run,) = layout.runs
    em = SIZE * PT_TO_MM
    for k, (left, right) in enumerate(zip("WAV", "AVE", strict=True)):
        nominal = advances[cmap[ord(left)]][0]
        expected = (nominal + _pair_kerning(font, left, right)) / upem * em
        assert run.positions[k + 1][0] - run.positions[k][0] == pytest.approx(expected, abs=1e-3)
    pdf = tmp_path / "wave.pdf"
    write_pdf([PageDisplay(width=210, height=40, items=layout.runs)], pdf)
    xs = _text_positions(pdf)
    kerned_w = (advances[cmap[ord("W")]][0] + _pair_kerning(font, "W", "A")) / upem * em
    assert xs[0] == pytest.approx(10, abs=1e-3)
    assert xs[1] == pytest.approx(10 + kerned_w, abs=1e-3)  # A is drawn where kerning put it


def test_japanese_text_keeps_its_full_width_cells():
    element = TextElement(
        name="n",
        x=0,
        y=0,
        width=190,
        height=20,
        style=TextStyle(size=SIZE, font_family="IPAexMincho"),
    )
    (run,) = layout_text(element, "渡辺一郎", FontLibrary.default()).runs
    steps = {round(b[0] - a[0], 4) for a, b in zip(run.positions, run.positions[1:], strict=False)}
    assert steps == {round(SIZE * PT_TO_MM, 4)}
