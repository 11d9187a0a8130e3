"""Font subsets for PDFs: the faster subset maker gives exactly reportlab's bytes."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from designer.render.pdf_fonts import SubsetMaker
from designer.resources import fonts_dir


@pytest.mark.parametrize(
    "font_file",
    ["ipaexm.ttf", "ipaexg.ttf", "LiberationSans-Regular.ttf", "Caladea-Regular.ttf"],
)
def test_subsets_are_byte_identical_to_reportlab(font_file):
    face = TTFontFace(str(fonts_dir() / font_file))
    maker = SubsetMaker(face)
    codes = sorted(face.charToGlyph)
    rng = random.Random(font_file)
    subsets = [[0x20, *codes[:200]], [ord("A")], [0x10FFFF, ord("x")]]  # a code the font lacks
    subsets += [rng.sample(codes, size) for size in (3, 40, 120, 255)]
    for subset in subsets:
        assert maker.make(subset) == face.makeSubset(subset)


def test_composite_glyphs_bring_their_parts():
    """Accented Latin letters are composites in Liberation Sans: their parts are renumbered."""
    face = TTFontFace(str(fonts_dir() / "LiberationSans-Regular.ttf"))
    maker = SubsetMaker(face)
    subset = [ord(ch) for ch in "éÅüñ"]
    glyph = face.charToGlyph[ord("é")]
    assert maker._glyph(glyph)[1], "é should be a composite glyph in this font"
    assert maker.make(subset) == face.makeSubset(subset)
