"""Fonts: each family shown in its own face; adding a TrueType file that survives a restart."""

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QComboBox

from designer.render.fonts import FontLibrary
from designer.ui.fonts import user_fonts_dir
from designer.ui.main_window import MainWindow

FAMILY = "Shosho Office Serif"


def _square(pen):
    pen.moveTo((100, 0))
    pen.lineTo((500, 0))
    pen.lineTo((500, 700))
    pen.lineTo((100, 700))
    pen.closePath()


def _font(path, family, cff=False):
    names = [".notdef", "A"]
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord("A"): "A"})
    if cff:
        strings = {}
        for name in names:
            pen = T2CharStringPen(600, None)
            _square(pen)
            strings[name] = pen.getCharString()
        builder.setupCFF(family.replace(" ", ""), {"FullName": family}, strings, {})
    else:
        glyphs = {}
        for name in names:
            pen = TTGlyphPen(None)
            _square(pen)
            glyphs[name] = pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (600, 100) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200, fsType=0)
    builder.setupPost()
    builder.save(str(path))
    return path


def _font_combo(window):
    return window.inspector.findChild(QComboBox, "fontCombo")


def test_font_list_shows_each_family_in_its_own_face(window):
    editor = window.new_blank("A4", "portrait")
    editor.select([editor.add_element("text")])
    combo = _font_combo(window)
    assert combo.count() >= 4
    for index in range(combo.count()):
        family = combo.itemText(index)
        face = combo.itemData(index, Qt.ItemDataRole.FontRole)
        assert isinstance(face, QFont) and face.family() == family
    # Qt knows the bundled families, so the face really is the font, not a substitute.
    known = set(QFontDatabase.families())
    assert "IPAexMincho" in known or "IPAex明朝" in known


def test_add_a_truetype_font_that_survives_a_restart(window, qtbot, tmp_path, monkeypatch):
    source = _font(tmp_path / "OfficeSerif.ttf", FAMILY)
    editor = window.new_blank("A4", "portrait")
    editor.select([editor.add_element("text")])
    assert window.add_font(source) == [FAMILY]
    copied = user_fonts_dir() / "OfficeSerif.ttf"
    assert copied.read_bytes() == source.read_bytes()
    combo = _font_combo(window)
    assert combo.findText(FAMILY) >= 0
    assert FAMILY in QFontDatabase.families()
    combo.setCurrentIndex(combo.findText(FAMILY))
    assert editor.document.element(editor.selection()[0]).style.font_family == FAMILY
    source.unlink()  # the copy in the data folder is what counts from now on

    # A restart: the font library is read again from disk.
    monkeypatch.setattr(FontLibrary, "_default_cache", {})
    restarted = MainWindow(check_recovery=False)
    qtbot.addWidget(restarted)
    assert FAMILY in restarted._font_library().families()
    again = restarted.new_blank("A4", "portrait")
    again.select([again.add_element("text")])
    assert _font_combo(restarted).findText(FAMILY) >= 0


def test_a_cff_font_is_added_through_its_truetype_copy(window, tmp_path, message_boxes):
    source = _font(tmp_path / "Postscript.otf", "Shosho PS Sans", cff=True)
    assert window.add_font(source) == ["Shosho PS Sans"]
    assert not message_boxes
    assert (user_fonts_dir() / "Postscript.otf").exists()
    assert "Shosho PS Sans" in window._font_library().families()
