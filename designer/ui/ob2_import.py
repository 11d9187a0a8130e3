"""The Open Badges 2.0 import window: choose an export, see what will be created and what is
left out and why, then write the designs and rosters ``shosho issue`` and the issue wizard use.

Everything is decided by ``designer.ob2.importer`` (what ``shosho import ob2`` runs); the
window shows its plan and writes it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
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


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


# Why an award or file was left out, by how the importer's reason begins.
_REASONS = (
    ("revoked under 2.0", QT_TRANSLATE_NOOP("", "Revoked under Open Badges 2.0")),
    (
        "another copy of this award shows it revoked",
        QT_TRANSLATE_NOOP("", "Revoked under Open Badges 2.0"),
    ),
    ("expired", QT_TRANSLATE_NOOP("", "Expired")),
    ("invalid", QT_TRANSLATE_NOOP("", "Invalid (the signature or the data is wrong)")),
    ("cannot be checked", QT_TRANSLATE_NOOP("", "Cannot be checked offline")),
    (
        "its revocation could not be checked",
        QT_TRANSLATE_NOOP("", "Revocation list missing from the export"),
    ),
    ("the same award as", QT_TRANSLATE_NOOP("", "The same award again (imported once)")),
    ("Open Badges 1.1", QT_TRANSLATE_NOOP("", "Open Badges 1.1 (not supported)")),
    ("an Open Badges 1.0", QT_TRANSLATE_NOOP("", "Open Badges 1.0 (not supported)")),
    ("an Open Badges 3.0", QT_TRANSLATE_NOOP("", "Already Open Badges 3.0")),
    ("not an Open Badges 2.0 object", QT_TRANSLATE_NOOP("", "Not Open Badges 2.0 data")),
    ("an unsafe path", QT_TRANSLATE_NOOP("", "Unsafe path inside the zip")),
    ("a symbolic link", QT_TRANSLATE_NOOP("", "Symbolic link (not followed)")),
    ("larger than", QT_TRANSLATE_NOOP("", "File too large")),
    ("inflates", QT_TRANSLATE_NOOP("", "Zip bomb (refused)")),
    ("damaged", QT_TRANSLATE_NOOP("", "Damaged file")),
)


def reason_label(reason: str) -> str:
    """A short, translated label for an importer reason (the full reason stays as detail)."""
    text = reason.strip()
    for prefix, label in _REASONS:
        if text.startswith(prefix) or f": {prefix}" in text[:80]:
            return tr(label)
    if "PNG" in text or "SVG" in text or "XML" in text:
        return tr("Damaged badge image")
    return tr("Left out")


class Ob2ImportDialog(QDialog):
    """Import Open Badges 2.0 awards; ``designOpened`` asks the main window to open a design."""

    designOpened = Signal(str, str)  # noqa: N815 (Qt signal naming): design, its roster

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import Open Badges 2.0 — Shosho"))
        self.resize(980, 620)
        self.plan = None
        self.written: list[Path] = []
        self.source = QLineEdit()
        self.source.setPlaceholderText(tr("An export folder, a zip, or a badge file"))
        self.roster = QLineEdit()
        self.roster.setPlaceholderText(tr("Optional: a roster with e-mail addresses"))
        self.profile = QLineEdit()
        self.profile.setPlaceholderText(tr("Optional: the office's issuer profile"))
        self.out = QLineEdit()
        self.out.setPlaceholderText(tr("A new folder for the designs and rosters"))
        self.designs = QCheckBox(tr("Make a badge design for every badge"))
        self.designs.setChecked(True)
        form = QFormLayout()
        form.addRow(tr("Badges to import:"), self._with_buttons(self.source, folder=True))
        form.addRow(tr("Roster:"), self._with_buttons(self.roster))
        form.addRow(tr("Issuer profile:"), self._with_buttons(self.profile))
        form.addRow(tr("Save into:"), self._with_buttons(self.out, folder=True, files=False))
        form.addRow("", self.designs)
        self.preview_button = QPushButton(tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.summary = QLabel(tr("Choose the badges to import, then Preview."))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("What"), tr("Details")])
        self.tree.setColumnWidth(0, 300)
        self.tree.setWordWrap(True)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.open_button = QPushButton(tr("Open the design"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_design)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        for edit in (self.source, self.roster, self.profile):
            edit.textChanged.connect(self._invalidate)
        self.out.textChanged.connect(self._update_buttons)

    def _with_buttons(
        self, edit: QLineEdit, *, folder: bool = False, files: bool = True
    ) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        if files:
            pick = QPushButton(tr("File…"))
            pick.clicked.connect(lambda: self._pick_file(edit))
            row.addWidget(pick)
        if folder:
            pick_folder = QPushButton(tr("Folder…"))
            pick_folder.clicked.connect(lambda: self._pick_folder(edit))
            row.addWidget(pick_folder)
        return box

    def _pick_file(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a file"), edit.text())
        if path:
            edit.setText(path)

    def _pick_folder(self, edit: QLineEdit) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Choose a folder"), edit.text())
        if path:
            edit.setText(path)

    def _invalidate(self) -> None:
        self.plan = None
        self.tree.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.plan is not None and bool(self.plan.badges) and bool(self.out.text().strip())
        self.import_button.setEnabled(ready)
        if self.plan is not None and self.plan.badges and not self.out.text().strip():
            self.import_button.setToolTip(tr("Choose a new folder to save into first"))
        else:
            self.import_button.setToolTip("")

    def preview(self) -> bool:
        """Plan the import and show it; returns whether anything can be imported."""
        from designer.issue.profile import read_profile_file
        from designer.ob2.importer import plan_import

        self.tree.clear()
        source = self.source.text().strip()
        if not source:
            self.summary.setText(tr("Choose the badges to import first."))
            return False
        try:
            base = (
                read_profile_file(Path(self.profile.text().strip()))
                if self.profile.text().strip()
                else None
            )
            roster = Path(self.roster.text().strip()) if self.roster.text().strip() else None
            self.plan = plan_import([Path(source)], roster=roster, profile=base)
        except ShoshoError as error:
            self.plan = None
            self.summary.setText(tr("Cannot import: %1").replace("%1", str(error)))
            self._update_buttons()
            return False
        self._show_plan()
        self._update_buttons()
        return bool(self.plan.badges)

    def _show_plan(self) -> None:
        plan = self.plan
        self.summary.setText(
            tr("%1 achievement(s) and %2 recipient(s) will be created; %3 left out.")
            .replace("%1", str(len(plan.badges)))
            .replace("%2", str(plan.recipient_count))
            .replace("%3", str(len(plan.skipped)))
        )
        created = QTreeWidgetItem(self.tree, [tr("Will be created"), ""])
        for badge in plan.badges:
            item = QTreeWidgetItem(
                created,
                [
                    badge.name,
                    tr("%1 recipient(s); design %2.shosho, roster %2-roster.csv")
                    .replace("%1", str(len(badge.rows)))
                    .replace("%2", badge.slug),
                ],
            )
            for row in badge.rows:
                who = row["full_name"] or row["email"] or tr("(known only by a hashed e-mail)")
                QTreeWidgetItem(item, [who, row["ob2_assertion"]])
        for name, _profile in plan.profiles:
            QTreeWidgetItem(created, [name, tr("Issuer profile linked to the 2.0 issuer")])
        created.setExpanded(True)
        if plan.skipped:
            left = QTreeWidgetItem(self.tree, [tr("Left out"), ""])
            for what, why in plan.skipped:
                child = QTreeWidgetItem(left, [reason_label(why), f"{Path(what).name}: {why}"])
                child.setToolTip(1, f"{what}\n{why}")
            left.setExpanded(True)
        if plan.notes:
            notes = QTreeWidgetItem(self.tree, [tr("Notes"), ""])
            for note in plan.notes:
                QTreeWidgetItem(notes, ["", note])

    def run_import(self) -> bool:
        from designer.ob2.importer import write_import

        if self.plan is None and not self.preview():
            return False
        out = Path(self.out.text().strip())
        try:
            self.written = write_import(self.plan, out, designs=self.designs.isChecked())
        except ShoshoError as error:
            QMessageBox.warning(self, tr("Import Open Badges 2.0"), str(error))
            return False
        self.summary.setText(
            tr("Imported into %1. Open a design and issue it with its roster.").replace(
                "%1", str(out)
            )
        )
        self.open_button.setEnabled(any(p.suffix == ".shosho" for p in self.written))
        self.import_button.setEnabled(False)
        return True

    def _open_design(self) -> None:
        designs = [p for p in self.written if p.suffix == ".shosho"]
        if designs:
            roster = designs[0].with_name(designs[0].stem + "-roster.csv")
            self.designOpened.emit(str(designs[0]), str(roster) if roster.exists() else "")
            self.accept()
