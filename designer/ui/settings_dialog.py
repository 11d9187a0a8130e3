"""Settings: default font, database and language, saved in settings.json; the issuer is set
up in its own form (designer.ui.issuer_form)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
        issuer_layout = QHBoxLayout(issuer_box)
        issuer_layout.addWidget(
            QLabel(tr("Who issues, the web addresses of the verify page and the signing key."))
        )
        issuer_button = QPushButton(tr("Set up the issuer…"))
        issuer_button.setObjectName("issuerButton")
        issuer_button.clicked.connect(self.open_issuer_form)
        issuer_layout.addWidget(issuer_button)
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

    def open_issuer_form(self):
        from designer.ui.issuer_form import IssuerForm, issuer_names

        names = issuer_names()
        form = IssuerForm(names[0] if len(names) == 1 else "", self)
        form.open()
        self.issuer_form = form
        return form

    def save_and_close(self) -> None:
        data = read_settings_file()
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
