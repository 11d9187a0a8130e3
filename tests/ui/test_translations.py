"""The Japanese interface: every string of designer/ui has a translation that Qt loads."""

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from designer.ui.app import TRANSLATIONS_DIR, install_translators


def test_every_string_is_translated():
    tree = ET.parse(TRANSLATIONS_DIR / "shosho_ja.ts")
    unfinished = [
        m.find("source").text
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.find("translation").text
    ]
    assert unfinished == []


def test_japanese_menus(qapp, qtbot):
    translators = install_translators(qapp, "ja")
    try:
        assert translators, "shosho_ja.qm loads"
        from designer.ui.main_window import MainWindow

        window = MainWindow(check_recovery=False)
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert "ファイル(&F)" in titles and "編集(&E)" in titles
        assert QCoreApplication.translate("", "Vertical (縦書き)") == "縦書き"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
