"""Keys and tokens: choose the PKCS#11 module, list tokens and their keys, generate a key on a
token, show its did:key, export a did:web ``did.json``, and create an encrypted key file.

Everything is done by ``designer.keys`` (what ``shosho keys`` runs). The window keeps one
logged-in session to the chosen token while it is open, so the PIN is asked once per token;
the PIN itself is handed to the token and never kept.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.errors import ShoshoError
from designer.keys.did import did_document, did_web, did_web_document_url
from designer.keys.keyfile import FILE_KEY_TYPES, create_key_file
from designer.keys.modules import module_candidates, remember_module
from designer.keys.multikey import did_key
from designer.keys.pkcs11_token import (
    TOKEN_KEY_TYPES,
    TokenInfo,
    TokenKeyInfo,
    TokenSigner,
    find_token,
    generate_key,
    list_keys,
    list_tokens,
    open_session,
)
from designer.keys.references import token_key_uri
from designer.ui.pin_dialog import SecretAsker, ask_new_passphrase, ask_pin_dialog, with_pin_retries
from designer.ui.widgets import ComboBox

PassphraseAsker = Callable[[str], "str | None"]

KEY_TYPE_LABELS = {
    "ed25519": "Ed25519",
    "p256": "P-256",
    "rsa2048": "RSA-2048",
    "rsa3072": "RSA-3072",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def module_filter() -> str:
    suffix = {"win32": "*.dll", "darwin": "*.dylib *.so"}.get(sys.platform, "*.so")
    return tr("PKCS#11 modules (%1);;All files (*)").replace("%1", suffix)


class KeysWindow(QWidget):
    """Tools > Keys and tokens."""

    def __init__(
        self,
        ask_pin: SecretAsker | None = None,
        ask_passphrase: PassphraseAsker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("keysWindow")
        self.setWindowTitle(tr("Keys and tokens — Shosho"))
        self.ask_pin = ask_pin or ask_pin_dialog(self)
        self.ask_passphrase = ask_passphrase or (lambda what: ask_new_passphrase(self, what))
        self._session = None
        self._session_token: str | None = None
        self._public_key = None

        self.module = ComboBox()
        self.module.setEditable(True)
        self.module.setObjectName("moduleCombo")
        self.module.addItems(module_candidates())
        self.module.lineEdit().setPlaceholderText(tr("Path of the token's PKCS#11 module"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse_module)
        self.list_button = QPushButton(tr("List tokens"))
        self.list_button.clicked.connect(self.refresh_tokens)
        module_row = QHBoxLayout()
        module_row.addWidget(self.module, 1)
        module_row.addWidget(browse)
        module_row.addWidget(self.list_button)

        self.tokens = QTreeWidget()
        self.tokens.setObjectName("tokensList")
        self.tokens.setHeaderLabels([tr("Token"), tr("Serial"), tr("Maker and model")])
        self.tokens.setRootIsDecorated(False)
        self.tokens.setColumnWidth(0, 180)
        self.tokens.setColumnWidth(1, 170)
        self.tokens.currentItemChanged.connect(self._token_changed)
        self.keys_button = QPushButton(tr("Show keys (asks the PIN)"))
        self.keys_button.clicked.connect(self.refresh_keys)
        self.keys = QTreeWidget()
        self.keys.setObjectName("keysList")
        self.keys.setHeaderLabels([tr("Key"), tr("Type"), tr("ID")])
        self.keys.setRootIsDecorated(False)
        self.keys.setColumnWidth(0, 180)
        self.keys.currentItemChanged.connect(self._key_changed)

        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText(tr("e.g. issuer-2026"))
        self.new_type = ComboBox()
        for key_type in TOKEN_KEY_TYPES:
            self.new_type.addItem(KEY_TYPE_LABELS[key_type], key_type)
        self.generate_button = QPushButton(tr("Generate on the token"))
        self.generate_button.clicked.connect(
            lambda: self.generate(self.new_label.text().strip(), self.new_type.currentData())
        )
        generate_row = QHBoxLayout()
        generate_row.addWidget(self.new_label, 1)
        generate_row.addWidget(self.new_type)
        generate_row.addWidget(self.generate_button)

        self.did = QLineEdit()
        self.did.setObjectName("didKey")
        self.did.setReadOnly(True)
        self.did.setPlaceholderText(tr("Choose a key"))
        copy_did = QPushButton(tr("Copy"))
        copy_did.clicked.connect(lambda: self.copy(self.did.text()))
        did_row = QHBoxLayout()
        did_row.addWidget(self.did, 1)
        did_row.addWidget(copy_did)
        self.key_ref = QLineEdit()
        self.key_ref.setObjectName("keyRef")
        self.key_ref.setReadOnly(True)
        self.key_ref.setToolTip(tr("Give this key reference to the issue wizard"))
        copy_ref = QPushButton(tr("Copy"))
        copy_ref.clicked.connect(lambda: self.copy(self.key_ref.text()))
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.key_ref, 1)
        ref_row.addWidget(copy_ref)
        self.domain = QLineEdit()
        self.domain.setPlaceholderText("www.example.ac.jp")
        self.export_button = QPushButton(tr("Export did.json…"))
        self.export_button.clicked.connect(self._export_clicked)
        web_row = QHBoxLayout()
        web_row.addWidget(self.domain, 1)
        web_row.addWidget(self.export_button)

        self.file_type = ComboBox()
        for key_type in FILE_KEY_TYPES:
            self.file_type.addItem(KEY_TYPE_LABELS[key_type], key_type)
        new_file = QPushButton(tr("New encrypted key file…"))
        new_file.clicked.connect(self._new_file_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(tr("For offices without a token:")))
        file_row.addWidget(self.file_type)
        file_row.addWidget(new_file)
        file_row.addStretch(1)

        self.status = QLabel()
        self.status.setObjectName("keysStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        token_box = QGroupBox(tr("Token"))
        token_layout = QVBoxLayout(token_box)
        token_layout.addLayout(module_row)
        token_layout.addWidget(self.tokens)
        token_layout.addWidget(self.keys_button)
        token_layout.addWidget(self.keys, 1)
        token_layout.addWidget(QLabel(tr("New key:")))
        token_layout.addLayout(generate_row)
        key_box = QGroupBox(tr("Selected key"))
        key_form = QFormLayout(key_box)
        key_form.addRow("did:key", did_row)
        key_form.addRow(tr("Key reference"), ref_row)
        key_form.addRow(tr("did:web domain"), web_row)
        self.trust_button = QPushButton(tr("Trust this key as our issuer's"))
        self.trust_button.setObjectName("trustOwnKey")
        self.trust_button.setToolTip(
            tr("The verify window then finds what this key signs genuine, naming this trust")
        )
        self.trust_button.clicked.connect(self.trust_own_key)
        key_form.addRow("", self.trust_button)
        layout = QVBoxLayout(self)
        layout.addWidget(token_box, 1)
        layout.addWidget(key_box)
        layout.addLayout(file_row)
        layout.addWidget(self.status)
        self.resize(760, 640)
        self._update_buttons()

    # ----- module and tokens
    def module_path(self) -> str:
        return self.module.currentText().strip()

    def set_module(self, path: str | Path) -> None:
        self.module.setEditText(str(path))

    def _browse_module(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the PKCS#11 module"), "", module_filter()
        )
        if path:
            self.set_module(path)
            self.refresh_tokens()

    def refresh_tokens(self) -> list[TokenInfo]:
        self._close_session()
        self.tokens.clear()
        self.keys.clear()
        if not self.module_path():
            self.show_error(tr("Choose the PKCS#11 module of the token first."))
            return []
        try:
            found = list_tokens(self.module_path())
        except ShoshoError as error:
            self.show_error(str(error))
            return []
        found = [token for token in found if token.label.strip()]  # free, uninitialised slots
        for token in found:
            item = QTreeWidgetItem(
                [token.label, token.serial, f"{token.manufacturer} {token.model}".strip()]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, token.label)
            self.tokens.addTopLevelItem(item)
        if found:
            remember_module(self.module_path())  # key references without a module find it
            self.tokens.setCurrentItem(self.tokens.topLevelItem(0))
            self.show_message(tr("%1 token(s) found.").replace("%1", str(len(found))))
        else:
            self.show_error(tr("No token found: is it plugged in?"))
        self._update_buttons()
        return found

    def select_token(self, label: str) -> None:
        for index in range(self.tokens.topLevelItemCount()):
            item = self.tokens.topLevelItem(index)
            if item.data(0, Qt.ItemDataRole.UserRole) == label:
                self.tokens.setCurrentItem(item)
                return
        raise ShoshoError(f"no token labelled {label!r} is listed")

    def token_label(self) -> str | None:
        item = self.tokens.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _token_changed(self, *_args) -> None:
        if self.token_label() != self._session_token:
            self._close_session()
            self.keys.clear()
            self._show_key(None, None)
        self._update_buttons()

    # ----- session
    def _logged_in(self):
        """The open session to the chosen token, logging in (asking the PIN) when needed."""
        label = self.token_label()
        if label is None:
            raise ShoshoError(tr("Choose a token first."))
        if self._session is not None and self._session_token == label and self._session_alive():
            return self._session
        self._close_session()
        token = find_token(self.module_path(), label)
        self._session = with_pin_retries(
            lambda provide: open_session(token, provide, rw=True), self.ask_pin
        )
        self._session_token = label
        return self._session

    def _session_alive(self) -> bool:
        """Whether the kept session still works: another part of the program may have logged
        the token out (PKCS#11 login is per program), or the token was pulled out."""
        try:
            list_keys(self._session)
        except Exception:
            return False
        return True

    def _close_session(self) -> None:
        if self._session is not None:
            with contextlib.suppress(Exception):
                self._session.close()
        self._session = None
        self._session_token = None

    # ----- keys
    def refresh_keys(self) -> list[TokenKeyInfo]:
        try:
            keys = list_keys(self._logged_in())
        except ShoshoError as error:
            self.show_error(str(error))
            return []
        self.keys.clear()
        for key in keys:
            item = QTreeWidgetItem([key.label, key.key_type, key.key_id])
            item.setData(0, Qt.ItemDataRole.UserRole, key.label)
            self.keys.addTopLevelItem(item)
        self.show_message(
            tr("Token “%1” holds %2 key(s).")
            .replace("%1", str(self._session_token))
            .replace("%2", str(len(keys)))
        )
        self._update_buttons()
        return keys

    def select_key(self, label: str) -> None:
        for index in range(self.keys.topLevelItemCount()):
            item = self.keys.topLevelItem(index)
            if item.data(0, Qt.ItemDataRole.UserRole) == label:
                self.keys.setCurrentItem(item)
                return
        raise ShoshoError(f"no key labelled {label!r} is listed")

    def _key_changed(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is None:
            self._show_key(None, None)
            return
        label = current.data(0, Qt.ItemDataRole.UserRole)
        try:
            signer = TokenSigner(
                self._logged_in(), str(self._session_token), label, self._token_uri(label)
            )
        except ShoshoError as error:
            self._show_key(None, None)
            self.show_error(str(error))
            return
        self._show_key(signer.public_key(), signer.key_id)

    def _token_uri(self, key_label: str) -> str:
        return token_key_uri(str(self.token_label()), key_label, self.module_path())

    def _show_key(self, public_key, key_ref: str | None) -> None:
        self._public_key = public_key
        self.key_ref.setText(key_ref or "")
        self.key_ref.setCursorPosition(0)
        if public_key is None:
            self.did.clear()
        else:
            try:
                self.did.setText(did_key(public_key))
            except ShoshoError:
                self.did.clear()
                self.did.setPlaceholderText(tr("RSA keys have no did:key: publish a did.json"))
        self._update_buttons()

    def generate(self, label: str, key_type: str) -> str | None:
        """Generate ``key_type`` (ed25519, p256, rsa2048) labelled ``label`` on the chosen token;
        returns the key's did:key (empty for RSA), or None when it failed."""
        if not label:
            self.show_error(tr("Give the new key a name (its label on the token)."))
            return None
        try:
            session = self._logged_in()
            generate_key(session, label, key_type)
        except ShoshoError as error:
            self.show_error(str(error))
            return None
        self.refresh_keys()
        self.select_key(label)
        self.show_message(
            tr("Generated %1 key “%2” on token “%3”.")
            .replace("%1", KEY_TYPE_LABELS[key_type])
            .replace("%2", label)
            .replace("%3", str(self._session_token))
        )
        return self.did.text()

    # ----- publishing
    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export did.json"), "did.json", tr("DID documents (*.json)")
        )
        if path:
            self.export_did_json(self.domain.text(), Path(path))

    def export_did_json(self, domain: str, path: Path) -> Path | None:
        """Write (or update: keys already in the file are kept) the did:web document for
        ``domain`` listing the selected key."""
        if self._public_key is None:
            self.show_error(tr("Choose a key first."))
            return None
        try:
            did = did_web(domain)
            existing = None
            if path.exists():
                try:
                    existing = json.loads(path.read_text(encoding="utf-8"))
                except ValueError as error:
                    raise ShoshoError(f"{path} is not a DID document: {error}") from None
            document = did_document(did, [self._public_key], existing)
            path.write_text(
                json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        except (ShoshoError, OSError) as error:
            self.show_error(str(error))
            return None
        self.show_message(
            tr("Wrote %1 for %2. Publish it at %3").replace("%1", str(path))
            .replace("%2", did)
            .replace("%3", did_web_document_url(did))
        )  # fmt: skip
        return path

    def _new_file_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("New encrypted key file"), "issuer.key", tr("Key files (*.key *.pem)")
        )
        if path:
            self.create_key_file(Path(path), self.file_type.currentData())

    def create_key_file(self, path: Path, key_type: str) -> str | None:
        """Create an encrypted key file (passphrase asked twice); returns its did:key."""
        passphrase = self.ask_passphrase(
            tr("Passphrase for the new key file %1 (at least 8 characters)").replace(
                "%1", str(path)
            )
        )
        if passphrase is None:
            return None
        try:
            signer = create_key_file(path, key_type, passphrase)
        except ShoshoError as error:
            self.show_error(str(error))
            return None
        finally:
            del passphrase
        self.keys.clearSelection()
        self._show_key(signer.public_key(), f"file:{path}")
        self.show_message(
            tr("Created key file %1. Keep a copy in a safe place.").replace("%1", str(path))
        )
        return self.did.text()

    # ----- helpers
    def copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            self.show_message(tr("Copied."))

    def show_message(self, text: str) -> None:
        self.status.setStyleSheet("color:#188038;")
        self.status.setText(text)

    def show_error(self, text: str) -> None:
        self.status.setStyleSheet("color:#b3261e;")
        self.status.setText(text)
        QMessageBox.warning(self, tr("Keys and tokens"), text)

    def _update_buttons(self) -> None:
        has_token = self.token_label() is not None
        self.keys_button.setEnabled(has_token)
        self.generate_button.setEnabled(has_token)
        self.export_button.setEnabled(self._public_key is not None)
        self.trust_button.setEnabled(self._public_key is not None)

    def trust_own_key(self, public_key=None, profile: dict | None = None) -> Path | None:
        """Trust the selected key as the set-up issuer's (Tools ▸ Issuer) for verifying."""
        from designer.ui.messages import translate
        from designer.ui.trust_files import default_profile, trust_own_key

        key = public_key if public_key is not None else self._public_key
        if key is None:
            return None
        try:
            path = trust_own_key(key, profile if profile is not None else default_profile())
        except (ShoshoError, OSError) as error:
            self.status.setText(translate(str(error)))
            return None
        self.status.setText(
            tr("The verify window now trusts this key (kept in %1).").replace("%1", str(path))
        )
        return path

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._close_session()
        super().closeEvent(event)
