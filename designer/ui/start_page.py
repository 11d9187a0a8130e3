"""The start page: new from a built-in design or a blank page, recent files, open a file.

Until the office has named its institution and chosen a signing key, the page also shows a
short set-up: try the sample, the issuer profile, the key. Each step opens the window that
does the job (Settings, Keys and tokens); the page only says what is done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.errors import ShoshoError
from designer.keys.modules import module_candidates
from designer.model.io import load_template
from designer.resources import examples_dir, templates_dir
from designer.ui.setup_state import SetupState, setup_state

PATH_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def blank_pages() -> list[tuple[str, str, str, str]]:
    """(label, preset, orientation, kind) for the blank-page buttons."""
    return [
        (tr("A4 portrait"), "A4", "portrait", "certificate"),
        (tr("A4 landscape"), "A4", "landscape", "certificate"),
        (tr("A3 landscape (賞状)"), "A3", "landscape", "certificate"),
        (tr("B5 portrait"), "B5", "portrait", "certificate"),
        (tr("Letter portrait"), "Letter", "portrait", "certificate"),
        (tr("ID card (CR80)"), "CR80", "landscape", "card"),
    ]


def builtin_templates() -> list[tuple[str, Path]]:
    """(name, path) of every readable built-in design."""
    found = []
    described = {
        "certificate-en-a4": tr("Certificate in English (A4)"),
        "certificate-en-letter": tr("Certificate in English (US Letter)"),
    }
    for path in sorted(templates_dir().glob("*.shosho")):
        try:
            found.append((described.get(path.stem) or load_template(path).name, path))
        except ShoshoError:
            continue
    return found


def sample_design() -> tuple[Path, Path] | None:
    """The 修了証 sample and its roster, for the first step of the set-up."""
    template, roster = templates_dir() / "shusho.shosho", examples_dir() / "roster-ja.csv"
    return (template, roster) if template.exists() and roster.exists() else None


class SetupSteps(QFrame):
    """Get started: 1. try the sample, 2. the issuer, 3. the signing key."""

    try_sample = Signal()
    setup_issuer = Signal()
    setup_key = Signal()

    def __init__(self, state: SetupState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#setupSteps { background:#fff8e6; border:1px solid #e8d9a8; }")
        grid = QGridLayout(self)
        grid.addWidget(_heading(tr("Get started")), 0, 0, 1, 3)
        modules = module_candidates()
        steps = [
            (
                tr("1. Try the sample 修了証 with its sample roster"),
                tr("Opens a copy: nothing is issued until you choose Issue."),
                tr("Open the sample"),
                self.try_sample,
                None,
            ),
            (
                tr("2. Your institution: the issuer named on every credential"),
                tr("Done: %1").replace("%1", state.issuer)
                if state.issuer
                else tr("Not set yet: name, website and logo, in Settings."),
                tr("Issuer profile…"),
                self.setup_issuer,
                bool(state.issuer),
            ),
            (
                tr("3. Your signing key: a hardware token, or a key file"),
                tr("Done: %1").replace("%1", state.key)
                if state.key
                else (
                    tr("Token software found: %1").replace("%1", modules[0])
                    if modules
                    else tr(
                        "No token software found: install OpenSC or the YubiKey PIV tool, or "
                        "make a key file."
                    )
                ),
                tr("Keys and tokens…"),
                self.setup_key,
                bool(state.key),
            ),
        ]
        self.step_buttons: list[QPushButton] = []
        for row, (title, detail, button_text, signal, done) in enumerate(steps, start=1):
            label = QLabel(("✓ " if done else "") + title)
            label.setObjectName(f"setupStep{row}")
            note = QLabel(detail)
            note.setObjectName(f"setupStep{row}Detail")
            note.setWordWrap(True)
            note.setStyleSheet("color:#5f6368;")
            button = QPushButton(button_text)
            button.clicked.connect(signal)
            grid.addWidget(label, row * 2 - 1, 0)
            grid.addWidget(note, row * 2, 0)
            grid.addWidget(button, row * 2 - 1, 1, 2, 1)
            self.step_buttons.append(button)
        grid.setColumnStretch(0, 1)


class StartPage(QWidget):
    open_template = Signal(str, bool)  # path, as a copy (built-in) or the file itself
    new_blank = Signal(str, str, str)  # preset, orientation, kind
    open_file = Signal()
    open_sample = Signal(str, str)  # template (opened as a copy), roster
    setup_issuer = Signal()
    setup_key = Signal()

    def __init__(
        self, recent: list[str], state: SetupState | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        state = state if state is not None else setup_state()
        title = QLabel(tr("Shosho — certificates and student-ID cards"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            tr("Start from a built-in design, a blank page, or a file you made before.")
        )
        subtitle.setStyleSheet("color:#5f6368;")

        self.templates = QListWidget()
        self.templates.setObjectName("builtinTemplates")
        self.templates.setViewMode(QListWidget.ViewMode.ListMode)
        self.templates.setIconSize(QSize(32, 32))
        self.templates.setMinimumHeight(150)  # all six built-in designs, with the set-up shown
        for name, path in builtin_templates():
            item = QListWidgetItem(name)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.templates.addItem(item)
        self.templates.itemActivated.connect(
            lambda item: self.open_template.emit(item.data(PATH_ROLE), True)
        )

        blanks = QGridLayout()
        self.blank_buttons: list[QPushButton] = []
        for index, (label, preset, orientation, kind) in enumerate(blank_pages()):
            button = QPushButton(label)
            button.setMinimumHeight(40)
            button.clicked.connect(
                lambda _=False, p=preset, o=orientation, k=kind: self.new_blank.emit(p, o, k)
            )
            blanks.addWidget(button, index // 2, index % 2)
            self.blank_buttons.append(button)

        self.recent = QListWidget()
        self.recent.setObjectName("recentFiles")
        for path in recent:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(PATH_ROLE, path)
            self.recent.addItem(item)
        if not recent:
            placeholder = QListWidgetItem(tr("No recent files yet"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)
        self.recent.itemActivated.connect(
            lambda item: (
                item.data(PATH_ROLE) and self.open_template.emit(item.data(PATH_ROLE), False)
            )
        )
        open_button = QPushButton(tr("Open a file…"))
        open_button.clicked.connect(self.open_file)

        left = QVBoxLayout()
        left.addWidget(_heading(tr("Built-in designs")))
        left.addWidget(self.templates, 1)
        left.addWidget(_heading(tr("Blank page")))
        left.addLayout(blanks)
        right = QVBoxLayout()
        right.addWidget(_heading(tr("Recent files")))
        right.addWidget(self.recent, 1)
        right.addWidget(open_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(24)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        self.setup: SetupSteps | None = None
        if not state.complete:
            self.setup = SetupSteps(state)
            self.setup.try_sample.connect(self._open_sample)
            self.setup.setup_issuer.connect(self.setup_issuer)
            self.setup.setup_key.connect(self.setup_key)
            layout.addWidget(self.setup)
            layout.addSpacing(12)
        layout.addLayout(columns, 1)

    def _open_sample(self) -> None:
        sample = sample_design()
        if sample is not None:
            self.open_sample.emit(str(sample[0]), str(sample[1]))


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
