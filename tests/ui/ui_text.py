"""Every string a window shows, and a test for English left in a Japanese window.

Imported by the UI tests as ``tests.ui.ui_text``. A string counts as untranslated when, after
removing what is not language (paths, web and e-mail addresses, field codes, key references,
numbers), it still holds an English word not on the short list of names and abbreviations a
Japanese interface keeps (PDF, QR, Shosho, SoftHSM …).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
)

KEPT = {
    "pdf", "qr", "url", "json", "png", "svg", "jpeg", "jpg", "csv", "tsv", "txt", "xlsx", "xlsm",
    "excel", "shosho", "softhsm", "softhsm2", "pkcs", "hsm", "pin", "did", "ed25519", "ecdsa",
    "eddsa", "es256", "rsa", "jwt", "vc", "open", "badges", "badge", "unicode", "ctrl", "shift",
    "alt", "pgup", "pgdown", "del", "esc", "tab", "letter", "legal", "ttf", "ttc", "otf", "otc",
    "ipaex", "ipaexmincho", "ipaexgothic", "mincho", "gothic", "noto", "sans", "serif", "cjk",
    "mm", "pt", "dpi", "pem", "usb", "yubikey", "yubihsm", "nitrokey", "opensc", "pkcs11",
    "english", "zxing", "shusho", "ipa", "www", "http", "https", "utf", "cp932", "sjis", "eucjp",
    "iso", "uuid", "obv3", "ob", "eddsa-rdfc-2022", "ecdsa-rdfc-2019", "rdfc", "jcs", "jws",
    "specimen", "page", "down", "web", "pades", "code", "codabar", "tokyo", "mirai", "university", "abc", "takahashi", "hina",
}  # fmt: skip

_NOT_LANGUAGE = [
    r"https?://\S+",
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+",
    r"[\w.-]+(?:/[\w.-]+)+",  # relative paths (docs/keys.md)
    r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\]+)+[/\\]?",  # paths
    r"\{\{.*?\}\}",
    r"\bz[1-9A-HJ-NP-Za-km-z]{40,}\b",  # multibase keys
    r"(?:pkcs11|file|did|urn):\S+",
    r"\S+\.(?:shosho|json|csv|pdf|png|jpg|svg|pem|tsv|xlsx|ttf|so|md)\b",
    r"<[^>]+>",  # markup
    r"&(?=\w)",  # mnemonics
    r"#[0-9a-fA-F]{3,8}\b",
    r"«[^»]*»",  # placeholders show a field's own label
    r"例[:：]\s*\S+",  # an example of what to type (a key label, a file name)
    r"\b[\w-]+(?:\.[\w-]+)+\b",  # host names
]


def english_words(text: str) -> list[str]:
    """English words left in ``text`` once names, paths and codes are taken out."""
    for pattern in _NOT_LANGUAGE:
        text = re.sub(pattern, " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9-]{2,}", text)
    return [w for w in words if w.lower() not in KEPT and not w.isupper()]


def shown_strings(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[tuple[str, str]]:
    """(where, text) for every user-visible string of ``root`` and its children."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text and text.strip():
            found.append((where, text))

    def skipped(widget: QWidget) -> bool:
        return any(widget is s or s.isAncestorOf(widget) for s in skip)

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if skipped(widget) or not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(widget).__name__}:{widget.objectName()}"
        add(name + " tooltip", widget.toolTip())
        if widget.isWindow() or isinstance(widget, QDockWidget):
            add(name + " title", widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            add(name, widget.text())
        elif isinstance(widget, QGroupBox):
            add(name, widget.title())
        elif isinstance(widget, QLineEdit):
            add(name + " placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox) and widget.objectName() != "fontCombo":
            for i in range(widget.count()):
                add(name + f" item {i}", widget.itemText(i))
        elif isinstance(widget, QTabWidget | QTabBar):
            for i in range(widget.count()):
                add(name + f" tab {i}", widget.tabText(i))
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(name + f" item {i}", widget.item(i).text())
        elif isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(i)
                add(name + f" header {i}", item.text() if item else "")
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and widget.isReadOnly():
            add(name, widget.toPlainText())
        if isinstance(widget, QWizard):
            page = widget.currentPage()
            if page is not None:
                add(name + " page title", page.title())
                add(name + " page subtitle", page.subTitle())
        if isinstance(widget, QToolBar | QMenu):
            for action in widget.actions():
                add(name + " action", action.text())
                add(name + " action tip", action.toolTip())
        if isinstance(widget, QMainWindow):
            for menu_action in widget.menuBar().actions():
                _walk_menu(menu_action.menu(), add, menu_action.text())
    return found


def _walk_menu(menu, add, path: str) -> None:
    if menu is None:
        return
    add("menu " + path, path)
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            _walk_menu(action.menu(), add, path + " > " + action.text())
        else:
            add("menu " + path, action.text())
            add("menu tip " + path, action.statusTip())


def untranslated(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[str]:
    return [
        f"{where}: {text!r} ({', '.join(words)})"
        for where, text in shown_strings(root, skip)
        if (words := english_words(text))
    ]
