"""Settings: issuer profile, default font, database and language, saved in settings.json."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.settings import SETTINGS_FILE, data_home
from designer.ui.app import LANGUAGES
from designer.ui.widgets import ComboBox

UI_KEY = "ui"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def read_settings_file() -> dict[str, Any]:
    path = data_home() / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_settings_file(data: dict[str, Any]) -> None:
    path = data_home() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def saved_language() -> str | None:
    return read_settings_file().get(UI_KEY, {}).get("language")


class SettingsDialog(QDialog):
    """Edits the keys of settings.json this window owns and leaves every other key as it was."""

    def __init__(self, fonts: list[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.data = read_settings_file()
        ui = self.data.get(UI_KEY, {})
        issuer = self.data.get("issuer_profile", {})
        if isinstance(issuer, str):
            issuer = {"file": issuer}
        self.profile_file = QLineEdit(issuer.get("file", ""))
        self.profile_file.setObjectName("issuerProfileFile")
        self.profile_file.setPlaceholderText(tr("Issuer profile JSON, used by the issue wizard"))
        browse_profile = QPushButton(tr("Choose…"))
        browse_profile.clicked.connect(self._choose_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_file, 1)
        profile_row.addWidget(browse_profile)
        self.name_ja = QLineEdit(issuer.get("name_ja", ""))
        self.name_en = QLineEdit(issuer.get("name_en", ""))
        self.url = QLineEdit(issuer.get("url", ""))
        self.url.setPlaceholderText("https://www.example.ac.jp")
        self.logo = QLineEdit(issuer.get("logo", ""))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.font = ComboBox()
        self.font.setObjectName("fontCombo")
        for family in fonts:
            self.font.addItem(family)
            self.font.setItemData(
                self.font.count() - 1, QFont(family, 11), Qt.ItemDataRole.FontRole
            )
        if ui.get("default_font"):
            self.font.setCurrentText(ui["default_font"])
        self.database = QLineEdit(self.data.get("database", ""))
        self.database.setPlaceholderText(tr("Empty: a database file in the data folder"))
        self.language = ComboBox()
        self.language.addItem(tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ui.get("language", ""))))
        issuer_box = QGroupBox(tr("Issuer"))
        form = QFormLayout(issuer_box)
        form.addRow(tr("Name (Japanese)"), self.name_ja)
        form.addRow(tr("Name (English)"), self.name_en)
        form.addRow(tr("Web address"), self.url)
        form.addRow(tr("Logo"), logo_row)
        form.addRow(tr("Issuer profile file"), profile_row)
        general = QGroupBox(tr("General"))
        form2 = QFormLayout(general)
        form2.addRow(tr("Default font"), self.font)
        form2.addRow(tr("Database"), self.database)
        form2.addRow(tr("Language"), self.language)
        note = QLabel(tr("A new language applies the next time Shosho starts."))
        note.setStyleSheet("color:#5f6368;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(issuer_box)
        layout.addWidget(general)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a logo"), "", tr("Pictures (*.png *.svg *.jpg)")
        )
        if path:
            self.logo.setText(path)

    def _choose_profile(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the issuer profile"), "", tr("Issuer profiles (*.json)")
        )
        if path:
            self.profile_file.setText(path)

    def save_and_close(self) -> None:
        data = read_settings_file()
        previous = data.get("issuer_profile", {})
        data["issuer_profile"] = {
            **(previous if isinstance(previous, dict) else {}),
            "file": self.profile_file.text().strip(),
            "name_ja": self.name_ja.text().strip(),
            "name_en": self.name_en.text().strip(),
            "url": self.url.text().strip(),
            "logo": self.logo.text().strip(),
        }
        database = self.database.text().strip()
        if database:
            data["database"] = database
        else:
            data.pop("database", None)
        ui = dict(data.get(UI_KEY, {}))
        ui["language"] = self.language.currentData()
        ui["default_font"] = self.font.currentText()
        data[UI_KEY] = ui
        write_settings_file(data)
        self.accept()
