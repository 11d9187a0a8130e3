"""The verify window: drop a PDF, PNG, SVG, JSON or a photo of the QR and see the answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.errors import EXIT_OK, EXIT_UNTRUSTED, ShoshoError
from designer.ui.messages import describe_item, headline, translate


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


OB2_HEADLINES = {
    "revoked": QT_TRANSLATE_NOOP("", "Open Badges 2.0: revoked by the issuer"),
    "expired": QT_TRANSLATE_NOOP("", "Open Badges 2.0: expired"),
    "invalid": QT_TRANSLATE_NOOP("", "Open Badges 2.0: not valid"),
    "cannot-check": QT_TRANSLATE_NOOP("", "Open Badges 2.0: cannot be checked offline"),
}


class VerifyWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Verify a certificate — Shosho"))
        self.setAcceptDrops(True)
        self.resize(640, 520)
        self.drop_label = QLabel(
            tr(
                "Drop a certificate PDF, a badge image (PNG/SVG), a credential JSON\n"
                "or a photo or scan of the QR code here"
            )
        )
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setMinimumHeight(110)
        self.drop_label.setStyleSheet(
            "border:2px dashed #9aa0a6; border-radius:8px; color:#5f6368;"
        )
        choose = QPushButton(tr("Choose a file…"))
        choose.clicked.connect(self.choose)
        self.qr_text = QLineEdit()
        self.qr_text.setPlaceholderText(tr("…or paste the text of the QR code"))
        self.qr_text.returnPressed.connect(lambda: self.verify(self.qr_text.text()))
        trust = QPushButton(tr("Trust a list or did.json…"))
        trust.setObjectName("trustButton")
        trust.setToolTip(
            tr("Trust the issuers a trust list, a did.json or an issuer file names, from now on")
        )
        trust.clicked.connect(self.choose_trust_file)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(self.qr_text, 1)
        row.addWidget(trust)
        self.headline = QLabel()
        self.headline.setObjectName("verifyHeadline")
        self.headline.setWordWrap(True)
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_label)
        layout.addLayout(row)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        self.result = None
        self.last_item: str | Path | None = None

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Choose what to verify"),
            "",
            tr("Certificates (*.pdf *.png *.svg *.json *.jwt *.jws *.jpg *.jpeg);;All files (*)"),
        )
        if path:
            self.verify(path)

    def choose_trust_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose what to trust"), "", tr("Trust lists and DID documents (*.json)")
        )
        if path:
            self.add_trust(Path(path))

    def add_trust(self, path: Path) -> Path | None:
        """Trust ``path`` from now on, and check the last item again with it."""
        from designer.ui.trust_files import trust_file

        try:
            kept = trust_file(path)
        except (ShoshoError, OSError) as error:
            self._show("#b3261e", tr("Cannot trust this file"), translate(str(error)))
            return None
        if self.last_item is not None:
            self.verify(self.last_item)
        return kept

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.verify(urls[0].toLocalFile())
            event.acceptProposedAction()

    def verify(self, item: str | Path):
        """Verify a file path or QR text with the installed trust list and what the office
        trusts; shows and returns the result."""
        self.last_item = item
        from designer.ui.trust_files import load_office_trust
        from designer.verification.any_item import verify_item

        if self._verify_ob2(item):
            return self.result
        try:
            result = verify_item(str(item), load_office_trust())
        except ShoshoError as error:
            self.result = None
            self._show("#b3261e", tr("Cannot verify"), translate(str(error)))
            return None
        self.result = result
        code = result.exit_code
        color = "#188038" if code == EXIT_OK else "#8a5a00" if code == EXIT_UNTRUSTED else "#b3261e"
        self._show(color, headline(result), describe_item(result))
        return result

    def _verify_ob2(self, item: str | Path) -> bool:
        """An Open Badges 2.0 file: its own verdicts (see designer.ob2.verify)."""
        from designer.ob2.cli import verify_dropped_file
        from designer.ob2.reader import looks_like_ob2
        from designer.ob2.verify import UNTRUSTED, VERIFIED, describe

        path = Path(str(item))
        if not path.is_file() or path.suffix.lower() == ".pdf" or not looks_like_ob2(path):
            return False
        verdicts = verify_dropped_file(path)
        self.result = verdicts
        if not verdicts:
            self._show("#b3261e", tr("Not valid"), tr("No Open Badges 2.0 award in this file"))
            return True
        states = {verdict.state for verdict in verdicts}
        worst = (
            next(v for v in verdicts if v.state not in (VERIFIED, UNTRUSTED))
            if not (states <= {VERIFIED, UNTRUSTED})
            else verdicts[0]
        )
        headline, color = (
            (tr("Open Badges 2.0: signed by a trusted issuer"), "#188038")
            if states == {VERIFIED}
            else (tr("Open Badges 2.0: signature valid, but the issuer is not trusted"), "#8a5a00")
            if states <= {VERIFIED, UNTRUSTED}
            else (tr(OB2_HEADLINES.get(worst.state, "Not valid")), "#b3261e")
        )
        self._show(color, headline, "\n".join(line for v in verdicts for line in describe(v)))
        return True

    def _show(self, color: str, headline: str, details: str) -> None:
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"color:{color};")
        self.details.setPlainText(details)
