"""The font library: families, metrics, fallback, and refusing fonts a PDF cannot embed."""

from __future__ import annotations

import shutil

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTCollection, TTFont

from designer.errors import ShoshoError
from designer.render.fonts import FontLibrary, missing_characters
from designer.render.text import layout_text
from designer.resources import fonts_dir


def test_bundled_families_resolve_with_bold_where_it_exists(fonts):
    names = fonts.families()
    for family in ("IPAexMincho", "IPAexGothic", "BIZ UDPGothic", "Caladea", "Liberation Sans"):
        assert family in names
    assert fonts.resolve("Caladea", bold=True).path.endswith("Caladea-Bold.ttf")
    assert fonts.resolve("Caladea").path.endswith("Caladea-Regular.ttf")
    assert fonts.resolve("IPAexMincho", bold=True).path.endswith("ipaexm.ttf")  # no bold face
    assert fonts.resolve("BIZ UDPGothic").path.endswith("BIZUDPGothic-Bold.ttf")  # bold only
    assert fonts.resolve("ipaex mincho") == fonts.resolve("IPAex明朝")  # any name, any case


def test_unknown_family_is_a_clear_error(fonts):
    with pytest.raises(ShoshoError, match="'Comic Sans'.*not installed"):
        fonts.resolve("Comic Sans")


def test_metrics_come_from_the_font_files(fonts):
    mincho = fonts.metrics(fonts.resolve("IPAexMincho"))
    assert mincho.units_per_em == 2048
    assert mincho.advance("証") == 1.0
    assert mincho.advance("1") == pytest.approx(1266 / 2048)
    assert mincho.ascender == pytest.approx(1802 / 2048)
    assert mincho.vertical_advance("証") == 1.0
    assert mincho.has("︑") and not mincho.has("𠮷")
    assert fonts.metrics(fonts.resolve("IPAexMincho")) is mincho  # read once


def test_rare_name_kanji_come_from_the_fallback_subset(fonts, element):
    face = fonts.face_for("𠮷", "IPAexMincho")
    assert face is not None and face.ref.path.endswith("ShoshoNameFallbackA.ttf")
    assert face.advance("𠮷") == 1.0 and face.vertical_advance("𠮷") == 1.0
    layout = layout_text(element(width=100, height=20, size=20), "𠮷田 太郎", fonts)
    assert not layout.missing
    assert layout.runs[0].font.path.endswith("ShoshoNameFallbackA.ttf")
    assert layout.runs[0].text == "𠮷"
    assert layout.runs[1].font.key == "IPAexMincho" and layout.runs[1].text == "田 太郎"
    # Latin faces take kana and kanji from the Japanese face of the same style
    assert fonts.face_for("証", "Liberation Sans").family == "IPAexGothic"
    assert fonts.face_for("証", "Caladea").family == "IPAexMincho"


def test_missing_characters_are_those_no_font_has(fonts):
    assert missing_characters("𠮷田\U00020000太郎\U00020000", "IPAexMincho") == ["\U00020000"]
    assert fonts.missing_characters("山田 太郎\n", "Liberation Sans") == []


def _cff_font(path):
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0))
    pen.lineTo((500, 0))
    pen.lineTo((250, 700))
    pen.closePath()
    charstring = pen.getCharString()
    builder.setupCFF(
        "TinyCFF", {"FullName": "Tiny CFF"}, {".notdef": charstring, "A": charstring}, {}
    )
    builder.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Tiny CFF", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))


def test_cff_fonts_are_converted_to_truetype_and_drawn(tmp_path):
    from fontTools.pens.recordingPen import DecomposingRecordingPen

    path = tmp_path / "TinyCFF.otf"
    _cff_font(path)
    library = FontLibrary()
    library.conversion_dir = tmp_path / "cache"
    (ref,) = library.add_file(path)
    assert library.resolve("Tiny CFF") == ref
    copy = TTFont(ref.path)
    assert ref.path.endswith(".ttf") and "glyf" in copy and "CFF " not in copy
    pen = DecomposingRecordingPen(copy.getGlyphSet())
    copy.getGlyphSet()["A"].draw(pen)
    points = {tuple(args[-1]) for op, args in pen.value if args}
    assert points == {(0, 0), (500, 0), (250, 700)}  # the same triangle, as TrueType
    assert library.metrics(ref).advance("A") == 0.5
    again = FontLibrary()
    again.conversion_dir = tmp_path / "cache"
    again.add_file(path)
    assert len(list((tmp_path / "cache").iterdir())) == 1  # converted once, then reused


def test_cff_collections_convert_every_face(tmp_path):
    first, second = tmp_path / "A.otf", tmp_path / "B.otf"
    _cff_font(first)
    _cff_font(second)
    collection = TTCollection()
    collection.fonts = [TTFont(str(first)), TTFont(str(second))]
    collection.fonts[1]["name"].setName("Tiny CFF Two", 1, 3, 1, 0x409)
    collection.save(str(tmp_path / "Pair.otc"))
    library = FontLibrary()
    library.conversion_dir = tmp_path / "cache"
    refs = library.add_file(tmp_path / "Pair.otc")
    assert len(refs) == 2 and len({ref.path for ref in refs}) == 2
    assert {"Tiny CFF", "Tiny CFF Two"} <= set(library.families())


def test_fonts_that_forbid_embedding_are_refused(tmp_path):
    font = TTFont(str(fonts_dir() / "Caladea-Regular.ttf"))
    font["OS/2"].fsType = 0x0002
    path = tmp_path / "Restricted.ttf"
    font.save(str(path))
    with pytest.raises(ShoshoError, match=r"Restricted\.ttf.*fsType 0x0002"):
        FontLibrary().add_file(path)


def test_user_font_folder_skips_bad_files_and_reports_them(tmp_path):
    _cff_font(tmp_path / "TinyCFF.otf")
    shutil.copy(fonts_dir() / "LiberationSans-Regular.ttf", tmp_path / "MySans.ttf")
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    library = FontLibrary.default(extra_dirs=[tmp_path])
    assert len(library.rejected) == 1  # the CFF font is converted and kept
    assert any("broken.ttf" in msg for msg in library.rejected)
    assert "Tiny CFF" in library.families()
    assert "IPAexMincho" in library.families()


def test_ttc_collections_load_every_face(tmp_path):
    collection = TTCollection()
    collection.fonts = [
        TTFont(str(fonts_dir() / "Caladea-Regular.ttf")),
        TTFont(str(fonts_dir() / "Caladea-Bold.ttf")),
    ]
    for font in collection.fonts:  # rename so the family is the collection's own
        for record in font["name"].names:
            if record.nameID in (1, 4, 6, 16):
                record.string = record.toUnicode().replace("Caladea", "Pairfont")
    path = tmp_path / "Pair.ttc"
    collection.save(str(path))
    library = FontLibrary()
    refs = library.add_file(path)
    assert [ref.subfont_index for ref in refs] == [0, 1]
    assert library.resolve("Pairfont").subfont_index == 0
    assert library.resolve("Pairfont", bold=True).subfont_index == 1
    bold = library.metrics(library.resolve("Pairfont", bold=True))
    assert bold.advance("A") == pytest.approx(
        TTFont(str(fonts_dir() / "Caladea-Bold.ttf"))["hmtx"]["A"][0] / 1000
    )


@pytest.mark.parametrize(
    ("family", "bold", "expected"),
    [
        ("BIZ UDPGothic", True, "ShoshoNameFallbackGothic-Bold"),
        ("IPAexGothic", False, "ShoshoNameFallbackGothic-Regular"),
        ("IPAexMincho", False, "ShoshoNameFallbackA"),
    ],
)
def test_rare_name_kanji_fall_back_to_a_face_of_the_same_style(fonts, family, bold, expected):
    from designer.model.elements import TextElement, TextStyle

    element = TextElement(
        name="n", x=0, y=0, width=100, height=20,
        style=TextStyle(size=20, font_family=family, bold=bold),
    )  # fmt: skip
    runs = layout_text(element, "𠮷野", fonts).runs
    assert runs[0].text == "𠮷" and runs[0].font.key == expected
    face = fonts.metrics(runs[0].font)
    assert face.sans == ("Gothic" in family) and face.bold == bold
