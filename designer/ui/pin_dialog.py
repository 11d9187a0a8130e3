"""PIN and passphrase dialogs. The answer goes straight to the token or key file and is never
kept: the dialog clears its field as soon as the text is read.

When the token refused the previous PIN, the dialog shows the token's own message, which says
how many tries are left when the token reports it ("few tries left", "one try left").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from designer.errors import ShoshoError
from designer.keys.pkcs11_token import TokenError

SecretAsker = Callable[[str], str]
T = TypeVar("T")
MAX_PIN_ATTEMPTS = 3


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class SecretDialog(QDialog):
    """Asks for one secret (``confirm``: twice, for a new passphrase)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        problem: str = "",
        confirm: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("secretDialog")
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.problem = QLabel(problem)
        self.problem.setObjectName("secretProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#b3261e;")
        self.problem.setVisible(bool(problem))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(title, self.secret)
        if confirm:
            form.addRow(tr("Repeat"), self.again)
        self.confirm = confirm
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _accept(self) -> None:
        if self.confirm and self.secret.text() != self.again.text():
            self.problem.setText(tr("The two passphrases differ."))
            self.problem.show()
            self.again.clear()
            return
        self.accept()

    def take(self) -> str:
        """The secret, cleared from the widgets at once."""
        text = self.secret.text()
        self.secret.clear()
        self.again.clear()
        return text


def ask_pin_dialog(parent: QWidget | None) -> SecretAsker:
    """A PIN (or key-file passphrase) prompt. ``what`` may carry the token's message about the last attempt on lines
    after the first; those are shown in red above the field."""

    def ask(what: str) -> str:
        prompt, _, problem = what.partition("\n")
        title = tr("Passphrase") if "passphrase" in prompt.casefold() else tr("PIN")
        dialog = SecretDialog(title, prompt, problem, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                raise ShoshoError(tr("cancelled: no PIN given"))
            return dialog.take()
        finally:
            dialog.deleteLater()

    return ask


def ask_new_passphrase(parent: QWidget | None, prompt: str) -> str | None:
    """Ask twice for a new passphrase; None when cancelled."""
    dialog = SecretDialog(tr("Passphrase"), prompt, confirm=True, parent=parent)
    dialog.setWindowTitle(tr("New passphrase"))
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.take()
    finally:
        dialog.deleteLater()


def is_wrong_pin(error: ShoshoError) -> bool:
    return isinstance(error, TokenError) and str(error).startswith("wrong PIN")


def with_pin_retries(
    action: Callable[[SecretAsker], T], ask: SecretAsker, attempts: int = MAX_PIN_ATTEMPTS
) -> T:
    """Run ``action(pin_provider)``; after a wrong PIN ask again, showing the token's message
    (with the tries left). Other errors, a cancel, or the last wrong PIN are raised."""
    problem = ""
    for attempt in range(attempts):

        def provide(what: str, problem: str = problem) -> str:
            return ask(f"{what}\n{problem}" if problem else what)

        try:
            return action(provide)
        except ShoshoError as error:
            if not is_wrong_pin(error) or attempt == attempts - 1:
                raise
            problem = str(error)
    raise AssertionError("unreachable")
