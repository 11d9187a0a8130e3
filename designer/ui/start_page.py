"""The start page: new from a built-in design or a blank page, recent files, open a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
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
from designer.model.io import load_template
from designer.resources import templates_dir

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


class StartPage(QWidget):
    open_template = Signal(str, bool)  # path, as a copy (built-in) or the file itself
    new_blank = Signal(str, str, str)  # preset, orientation, kind
    open_file = Signal()

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout.addLayout(columns, 1)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
