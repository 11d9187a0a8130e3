"""The Open Badges 2.0 import window, in Japanese: preview, what is left out and why, import."""

from __future__ import annotations

from PySide6.QtCore import Qt

from designer.ui.app import install_translators
from tests.ob2.factory import Ob2Issuer, write_json


def _export(folder):
    office = Ob2Issuer()
    badge = office.badge("python", "Python 入門")
    write_json(folder / "badge.json", badge)
    good = office.assertion(badge, 1, "hanako@example.ac.jp")
    revoked = office.assertion(badge, 2, "taro@example.ac.jp")
    office.revoked = [revoked["id"]]
    office.write_context(folder)
    (folder / "1.jwt").write_text(office.sign(good))
    (folder / "2.jwt").write_text(office.sign(revoked))
    (folder / "notes.json").write_text('{"memo": "not a badge"}')
    return office


def _texts(item):
    yield item.text(0), item.text(1)
    for n in range(item.childCount()):
        yield from _texts(item.child(n))


def test_the_import_window_previews_and_imports_in_japanese(qapp, qtbot, tmp_path, window):
    translators = install_translators(qapp, "ja")
    try:
        _export(tmp_path / "export")
        dialog = window.show_ob2_import()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Open Badges 2.0 の取り込み — Shosho"
        assert not dialog.import_button.isEnabled()
        dialog.source.setText(str(tmp_path / "export"))
        assert dialog.preview()
        assert (
            dialog.summary.text()
            == "達成項目 1 件、受領者 1 人を作成します。取り込まないもの 2 件。"
        )
        texts = [
            text
            for n in range(dialog.tree.topLevelItemCount())
            for text in _texts(dialog.tree.topLevelItem(n))
        ]
        labels = [first for first, _ in texts]
        assert "作成するもの" in labels and "取り込まないもの" in labels
        assert "Python 入門" in labels
        assert "Open Badges 2.0 で取り消し済み" in labels
        assert "Open Badges 2.0 のデータではない" in labels
        # Import stays disabled, and says why, until a folder to save into is chosen.
        assert not dialog.import_button.isEnabled()
        assert dialog.import_button.toolTip() == "先に新しい保存先フォルダーを選んでください"
        dialog.out.setText(str(tmp_path / "imported"))
        assert dialog.import_button.isEnabled()
        opened = []
        dialog.designOpened.disconnect()
        dialog.designOpened.connect(lambda design, roster: opened.append((design, roster)))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert (tmp_path / "imported" / "Python-入門-roster.csv").exists()
        assert (tmp_path / "imported" / "Python-入門.shosho").exists()
        assert dialog.open_button.isEnabled()
        dialog.open_button.click()
        design, roster = opened[0]
        assert design == str(tmp_path / "imported" / "Python-入門.shosho")
        assert roster == str(tmp_path / "imported" / "Python-入門-roster.csv")
        window._open_imported(design, roster)
        assert window.editor.document.template.achievement["name"] == "Python 入門"
        assert window.session.roster is not None and len(window.session.roster.records) == 1
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_an_unreadable_choice_is_said_in_the_window(qtbot, tmp_path):
    from designer.ui.ob2_import import Ob2ImportDialog

    dialog = Ob2ImportDialog()
    qtbot.addWidget(dialog)
    dialog.source.setText(str(tmp_path / "missing"))
    assert not dialog.preview()
    assert "no such file or folder" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_the_verify_window_reports_2_0_files_as_2_0(qapp, qtbot, tmp_path):
    from designer.ui.verify_window import VerifyWindow

    translators = install_translators(qapp, "ja")
    try:
        office = _export(tmp_path / "export")
        window = VerifyWindow()
        qtbot.addWidget(window)
        window.verify(tmp_path / "export" / "1.jwt")
        assert (
            window.headline.text()
            == "Open Badges 2.0: 署名は有効ですが、発行者は信頼されていません"
        )
        assert "Python 入門" in window.details.toPlainText()
        window.verify(tmp_path / "export" / "2.jwt")
        assert window.headline.text() == "Open Badges 2.0: 発行者が取り消しました"
        assert office.revoked[0] in window.details.toPlainText()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
