"""Walk the windows in Japanese: every string shown is Japanese (names such as PDF or QR
aside). A string left in English fails the test and is named with the widget showing it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from designer.resources import templates_dir
from tests.ui.ui_text import english_words, untranslated

KINDS = ("text", "field", "image", "photo", "qr", "barcode", "shape", "border")
HEADER = "学籍番号,姓,名,セイ,メイ,講座名,修了日,発行日,写真\n"
ROWS = [
    "2510001,髙橋,陽菜,タカハシ,ヒナ,地域データ活用講座,2025-03-19,2025-03-25,p.jpg",
    "2510002,山﨑,大翔,ヤマザキ,ヒロト,地域データ活用講座,2025-03-19,2025-03-25,",
    "2510003,佐藤,結衣,サトウ,ユイ,地域データ活用講座,2025-13-45,2025-03-25,",
    "2510001,鈴木,蓮,スズキ,レン,地域データ活用講座,令和8年13月1日,2025-03-25,",
]


@pytest.fixture
def japanese(qapp):
    from designer.ui.app import install_translators

    translators = install_translators(qapp, "ja")
    assert translators, "the Japanese translation loads"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def ja_window(japanese, qtbot):
    from designer.ui.main_window import MainWindow

    win = MainWindow(check_recovery=False)
    qtbot.addWidget(win)
    win.resize(1300, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.editor is not None:
        win.editor.undo_stack.setClean()


def _assert_japanese(widget, skip=()):
    left = untranslated(widget, skip)
    assert left == [], "English in the Japanese interface:\n" + "\n".join(left)


def test_the_detector_finds_english():
    assert english_words("Change height") == ["Change", "height"]
    assert english_words("高さ を変更") == []
    assert english_words("PDF を保存: /tmp/x/out.pdf «氏名» {{ full_name }}") == []


def test_main_window_editor_and_roster_in_japanese(ja_window, qtbot, tmp_path):
    window = ja_window
    _assert_japanese(window)  # the start page
    window.open_path(templates_dir() / "shusho.shosho", as_copy=True)
    roster = tmp_path / "名簿.csv"
    roster.write_bytes((HEADER + "\n".join(ROWS) + "\n").encode("cp932"))
    assert window.open_roster(roster)
    table = window.roster_panel.table  # the roster's own cells are the office's data
    _assert_japanese(window, skip=(table,))
    assert window.roster_panel.problems.count() >= 3
    window.roster_panel.tabs.setCurrentIndex(1)
    _assert_japanese(window, skip=(table,))
    for kind in KINDS:
        window.editor.add_element(kind, x=30, y=30)
        window.inspector_dock.raise_()
        _assert_japanese(window.inspector_dock, skip=(table,))
        assert window.undo_action.text().startswith("元に戻す")
        _assert_japanese(window.menuBar())
    # An attribute change is labelled in Japanese in the Edit menu.
    window.editor.set_attribute("height", 33.0)
    assert english_words(window.undo_action.text()) == [], window.undo_action.text()
    window.layers_dock.raise_()
    _assert_japanese(window.layers_dock)


def test_dialogs_in_japanese(ja_window, qtbot, tmp_path):
    window = ja_window
    window.open_path(templates_dir() / "student-id.shosho", as_copy=True)
    preview = window.show_print_preview()
    qtbot.waitExposed(preview)
    _assert_japanese(preview)
    preview.close()
    from designer.ui.fonts import families_to_offer
    from designer.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(families_to_offer(window._font_library()), window)
    settings.show()
    _assert_japanese(settings)
    settings.close()
    verify = window.show_verify_window()
    _assert_japanese(verify)
    verify.verify("0000-1111")  # pasted text that is no QR seal
    assert QCoreApplication.translate("", "Cannot verify") == verify.headline.text()
    _assert_japanese(verify)
    form = window.show_issuer_form()
    _assert_japanese(form)
    form.profile_name.setText("東京未来大学")
    form.url.setText("ftp://example")
    form.save()
    assert form.problem.text()
    _assert_japanese(form)
    form.close()
    batches = window.show_batches_window()
    _assert_japanese(batches)
    batches.look_up("2510001")
    _assert_japanese(batches)
    batches.close()
    keys = window.show_keys_window()
    qtbot.waitExposed(keys)
    _assert_japanese(keys)
    keys.close()


def test_issue_wizard_in_japanese(ja_window, qtbot, office):
    window = ja_window
    window.open_path(office / "t.shosho")
    window.open_roster(office / "roster.csv")
    wizard = window.show_issue_wizard(ask_secret=lambda what: "0000")
    qtbot.addWidget(wizard)
    _assert_japanese(wizard)
    assert wizard.setup.why.text()  # explains the disabled Next, in Japanese
    wizard.setup.choose_issuer(str(office / "issuer.json"))
    wizard.setup.key.setText("pkcs11:token=Office;object=issuer")
    wizard.setup.out.setText(str(office / "out"))
    wizard.next()
    _assert_japanese(wizard)
    wizard.close()
