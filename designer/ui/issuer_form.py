"""The issuer form: who issues (names in Japanese and English, web address, e-mail, logo),
where the verify page and status lists live, and which key signs. Saved as the issuer
profile ``shosho issue --issuer NAME`` reads (through ``designer.issue.profile``); the key
reference is remembered beside it (a profile never holds keys or PINs)."""

from __future__ import annotations

import base64
import json
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.errors import ShoshoError
from designer.issue.profile import profile_files, profiles_folder, write_profile_file
from designer.settings import data_home

LOGO_LIMIT = 200_000  # bytes: a logo travels inside every credential


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _ui_settings() -> QSettings:
    return QSettings(str(data_home() / "ui.ini"), QSettings.Format.IniFormat)


def issuer_names() -> list[str]:
    """The issuers set up in this form, by the name the wizard shows."""
    return [path.stem for path in profile_files()]


def key_for_issuer(name: str) -> str:
    return str(_ui_settings().value(f"issuers/{name}/key", "") or "")


def remember_key(name: str, key_ref: str) -> None:
    _ui_settings().setValue(f"issuers/{name}/key", key_ref)


def read_issuer(name: str) -> dict[str, Any]:
    path = profiles_folder() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _host(url: str) -> str:
    return urlsplit(url if "://" in url else "https://" + url).netloc


def _make_default(path: Path, data: dict[str, Any], key_ref: str) -> None:
    """The issuer just saved becomes the one the wizard and the start page start from."""
    from designer.ui.settings_dialog import read_settings_file, write_settings_file

    settings = read_settings_file()
    settings["issuer_profile"] = {
        "file": str(path),
        "name_ja": data["name"].get("ja", ""),
        "name_en": data["name"].get("en", ""),
    }
    write_settings_file(settings)
    if key_ref:
        from designer.ui.issue_wizard import LAST_KEY

        _ui_settings().setValue(LAST_KEY, key_ref)


class IssuerForm(QDialog):
    saved = Signal(str)  # the profile name

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Issuer"))
        self.setObjectName("issuerForm")
        data = read_issuer(name) if name else {}
        names = data.get("name") if isinstance(data.get("name"), dict) else {}
        self.profile_name = QLineEdit(name)
        self.profile_name.setPlaceholderText(tr("e.g. Tokyo Mirai University"))
        self.name_ja = QLineEdit(names.get("ja", ""))
        self.name_ja.setPlaceholderText(tr("e.g. 東京未来大学"))
        self.name_en = QLineEdit(names.get("en", ""))
        self.name_en.setPlaceholderText(tr("e.g. Tokyo Mirai University"))
        self.url = QLineEdit(data.get("url", ""))
        self.url.setPlaceholderText("https://www.example.ac.jp/")
        self.email = QLineEdit(data.get("email", ""))
        self.email.setPlaceholderText("office@example.ac.jp")
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(tr("A PNG or SVG file (optional)"))
        self._logo_data = data.get("image", "")
        if self._logo_data:
            self.logo.setText(tr("(kept from before)"))
        choose_logo = QPushButton(tr("Choose…"))
        choose_logo.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose_logo)
        self.issuer_id = QLineEdit(data.get("id", ""))
        self.issuer_id.setPlaceholderText(tr("Filled in from the web address"))
        self.verify_url = QLineEdit(data.get("verify_url", ""))
        self.status_url = QLineEdit(data.get("status_list_url", ""))
        for edit in (self.verify_url, self.status_url):
            edit.setPlaceholderText(tr("Filled in from the web address"))
        self.key = QLineEdit(key_for_issuer(name) if name else "")
        self.key.setPlaceholderText(tr("Made or chosen in Tools ▸ Keys and tokens"))
        self.url.textChanged.connect(self._suggest_addresses)
        self.problem = QLabel()
        self.problem.setObjectName("issuerProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#b3261e;")
        form = QFormLayout()
        form.addRow(tr("Name of this profile"), self.profile_name)
        form.addRow(tr("Name (Japanese)"), self.name_ja)
        form.addRow(tr("Name (English)"), self.name_en)
        form.addRow(tr("Web address"), self.url)
        form.addRow(tr("E-mail"), self.email)
        form.addRow(tr("Logo"), logo_row)
        form.addRow(tr("Issuer ID"), self.issuer_id)
        form.addRow(tr("Verify page"), self.verify_url)
        form.addRow(tr("Status lists"), self.status_url)
        form.addRow(tr("Signing key"), self.key)
        hint = QLabel(
            tr(
                "The verify page and status lists are published on the school's web site; "
                "the QR seal links to the verify page."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#5f6368;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, 460)
        self.saved_path: Path | None = None

    def _suggest_addresses(self, url: str) -> None:
        host = _host(url.strip())
        if not host:
            return
        for edit, value in (
            (self.issuer_id, f"did:web:{host}"),
            (self.verify_url, f"https://{host}/verify/"),
            (self.status_url, f"https://{host}/status/"),
        ):
            if not edit.isModified():
                edit.setText(value)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a logo"), "", tr("Pictures (*.png *.svg *.jpg)")
        )
        if path:
            self.logo.setText(path)

    def _logo_value(self) -> str:
        text = self.logo.text().strip()
        if not text or text == tr("(kept from before)"):
            return self._logo_data
        path = Path(text)
        try:
            content = path.read_bytes()
        except OSError as error:
            raise ShoshoError(
                tr("Cannot read the logo %1 (%2)").replace("%1", text).replace("%2", error.strerror)
            ) from None
        if len(content) > LOGO_LIMIT:
            raise ShoshoError(
                tr("The logo %1 is %2 KB; at most %3 KB fits in each credential.")
                .replace("%1", path.name)
                .replace("%2", str(len(content) // 1000))
                .replace("%3", str(LOGO_LIMIT // 1000))
            )
        kind = mimetypes.guess_type(path.name)[0] or "image/png"
        return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"

    def profile(self) -> dict[str, Any]:
        """The profile the form describes; ShoshoError (in the interface language) naming the
        first field to fix."""
        name = self.profile_name.text().strip()
        needed = [
            (self.profile_name, tr("Name of this profile")),
            (self.name_ja, tr("Name (Japanese)")),
            (self.url, tr("Web address")),
        ]
        for edit, label in needed:
            if not edit.text().strip():
                edit.setFocus()
                raise ShoshoError(tr("Fill in %1.").replace("%1", label))
        if any(c in name for c in '/\\:*?"<>|'):
            raise ShoshoError(tr('The profile name cannot hold / \\ : * ? " < > |'))
        urls = [
            (self.url, tr("Web address")),
            (self.verify_url, tr("Verify page")),
            (self.status_url, tr("Status lists")),
        ]
        for edit, label in urls:
            parts = urlsplit(edit.text().strip())
            if parts.scheme not in ("https", "http") or not parts.netloc:
                edit.setFocus()
                raise ShoshoError(
                    tr("%1 must be a web address starting with https://").replace("%1", label)
                )
        issuer_id = self.issuer_id.text().strip()
        if not issuer_id.startswith(("did:web:", "did:key:", "https://")):
            raise ShoshoError(tr("The issuer ID starts with did:web:, did:key: or https://"))
        email = self.email.text().strip()
        if email and "@" not in email:
            raise ShoshoError(tr("%1 is not an e-mail address").replace("%1", email))
        names = {"ja": self.name_ja.text().strip()}
        if self.name_en.text().strip():
            names["en"] = self.name_en.text().strip()
        data: dict[str, Any] = {
            "profile_name": name,
            "id": issuer_id,
            "name": names,
            "url": self.url.text().strip(),
            "verify_url": self.verify_url.text().strip(),
            "status_list_url": self.status_url.text().strip(),
        }
        if email:
            data["email"] = email
        logo = self._logo_value()
        if logo:
            data["image"] = logo
        return data

    def save(self) -> Path | None:
        try:
            data = self.profile()
            path = write_profile_file(profiles_folder() / f"{data['profile_name']}.json", data)
        except ShoshoError as error:
            self.problem.setText(str(error))
            return None
        except OSError as error:
            self.problem.setText(
                tr("Cannot save the profile (%1)").replace("%1", error.strerror or str(error))
            )
            return None
        remember_key(data["profile_name"], self.key.text().strip())
        _make_default(path, data, self.key.text().strip())
        self.saved_path = path
        self.saved.emit(data["profile_name"])
        self.accept()
        return path
