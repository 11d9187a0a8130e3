"""Help ▸ User guide (F1) opens the guide in the interface language."""

from PySide6.QtGui import QDesktopServices, QKeySequence


def test_f1_opens_the_user_guide(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    action = window.actions["user_guide"]
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert action.isEnabled()  # also from the start page, before any design is open
    action.trigger()
    assert opened and opened[0].toLocalFile().endswith("user-guide.md")


def test_the_japanese_interface_opens_the_japanese_guide(qapp, qtbot, monkeypatch):
    from designer.ui.app import install_translators
    from designer.ui.main_window import MainWindow

    translators = install_translators(qapp, "ja")
    try:
        win = MainWindow(check_recovery=False)
        qtbot.addWidget(win)
        path = win.user_guide_path()
        assert path is not None and path.name == "user-guide.ja.md"
        assert "利用の手引き" in path.read_text(encoding="utf-8")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
