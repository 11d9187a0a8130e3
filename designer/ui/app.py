"""Starting the Qt application: translations, bundled fonts, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from designer.resources import fonts_dir

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
LANGUAGES = {"ja": "日本語", "en": "English"}


def ui_language(preferred: str | None = None) -> str:
    """``ja`` or ``en``: the saved choice, else the system language."""
    if preferred in LANGUAGES:
        return preferred  # type: ignore[return-value]
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Shosho's and Qt's own translations for ``language`` (English needs none)."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS_DIR / f"shosho_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def register_fonts(extra_files: list[str] = ()) -> None:
    """Make the bundled fonts known to Qt so menus can show each font in its own face."""
    for path in sorted(fonts_dir().glob("*.tt[fc]")) + [Path(p) for p in extra_files]:
        QFontDatabase.addApplicationFont(str(path))


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Shosho")
    app.setOrganizationName("Shosho")
    app.setApplicationDisplayName("Shosho")
    return app  # type: ignore[return-value]
