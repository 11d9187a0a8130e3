"""The batches window: every batch, the people in one, or whoever a look-up finds (student
ID, name or e-mail); each credential's state; revoke, suspend, restore with a reason; the
print sheet of a batch with its real seals. The same operations as ``shosho find``,
``shosho revoke|suspend|restore`` and ``shosho sheet``, on ``designer.issue.lookup`` and
``designer.issue.lifecycle``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.errors import ShoshoError
from designer.settings import load_settings
from designer.ui.messages import translate

BATCH_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def status_text(status: str) -> str:
    return {
        "active": tr("Active"),
        "suspended": tr("Suspended"),
        "revoked": tr("Revoked"),
        "superseded": tr("Replaced by a corrected one"),
    }.get(status, status)


def state_text(state: str) -> str:
    return {
        "planned": tr("Not issued yet"),
        "signed": tr("Signed, files not written"),
        "done": tr("Issued"),
        "running": tr("Running"),
        "interrupted": tr("Interrupted"),
    }.get(state, state)


class BatchesWindow(QWidget):
    def __init__(self, parent: QWidget | None = None, ask_reason=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Batches and credentials — Shosho"))
        self.setObjectName("batchesWindow")
        self.ask_reason = ask_reason or self._ask_reason
        self.store = None
        self.search = QLineEdit()
        self.search.setObjectName("batchSearch")
        self.search.setPlaceholderText(tr("Student ID, name or e-mail address"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.look_up)
        find = QPushButton(tr("Look up"))
        find.clicked.connect(self.look_up)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(find)
        self.batches = QListWidget()
        self.batches.setObjectName("batchList")
        self.batches.currentItemChanged.connect(lambda item, _old: self.show_batch_item(item))
        headers = [
            tr("Student ID"), tr("Recipient"), tr("E-mail"), tr("Achievement"),
            tr("Batch"), tr("Issued"), tr("Status"),
        ]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("credentialTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for action, label in (
            ("suspend", tr("Suspend…")),
            ("restore", tr("Restore…")),
            ("revoke", tr("Revoke…")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, a=action: self.change_selected(a))
            actions.addWidget(button)
            self.buttons[action] = button
        actions.addStretch(1)
        self.sheet_button = QPushButton(tr("Print sheet of this batch…"))
        self.sheet_button.clicked.connect(self.save_sheet_dialog)
        actions.addWidget(self.sheet_button)
        self.detail = QLabel()
        self.detail.setObjectName("credentialDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.detail)
        right_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(self.batches)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.credentials = []
        self.batch_id: int | None = None
        self.resize(1100, 640)
        self.refresh()

    # ----- data
    def _store(self):
        if self.store is None:
            from designer.store import open_store

            self.store = open_store(load_settings().database_url)
        return self.store

    def refresh(self) -> None:
        from designer.issue.lookup import list_batches

        self.batches.blockSignals(True)
        self.batches.clear()
        try:
            views = list_batches(self._store())
        except ShoshoError as error:
            self.detail.setText(translate(str(error)))
            views = []
        for batch in views:
            text = (
                tr("Batch %1 · %2 · %3 of %4 · %5")
                .replace("%1", str(batch.id))
                .replace("%2", batch.template_name)
                .replace("%3", str(batch.done))
                .replace("%4", str(batch.total))
                .replace("%5", state_text(batch.state))
            )
            item = QListWidgetItem(text)
            item.setData(BATCH_ROLE, batch.id)
            item.setToolTip(f"{batch.issuer_name} · {batch.created_at:%Y-%m-%d %H:%M}")
            self.batches.addItem(item)
        self.batches.blockSignals(False)
        if not views:
            self.detail.setText(tr("No batches yet: issue certificates with Tools ▸ Issue."))
        self._selection_changed()

    def show_batch_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_batch(int(item.data(BATCH_ROLE)))

    def show_batch(self, batch_id: int) -> None:
        from designer.issue.lookup import batch_credentials

        self.batch_id = batch_id
        self._show(batch_credentials(self._store(), batch_id))

    def look_up(self, text: str | None = None) -> list:
        """Find credentials by student ID, name or e-mail across every batch."""
        from designer.issue.lookup import find_credentials

        query = self.search.text() if text is None else text
        if text is not None:
            self.search.setText(text)
        try:
            found = find_credentials(self._store(), query)
        except ShoshoError as error:
            self._show([])
            self.detail.setText(translate(str(error)))
            return []
        self.batch_id = None
        self._show(found)
        if not found:
            self.detail.setText(tr("Nobody found for “%1”.").replace("%1", query.strip()))
        return found

    def _show(self, credentials: list) -> None:
        self.credentials = credentials
        self.table.setRowCount(len(credentials))
        for row, view in enumerate(credentials):
            cells = (
                view.student_id or "",
                view.name,
                view.email or "",
                view.course or "",
                str(view.batch_id),
                f"{view.issued_at:%Y-%m-%d}" if view.issued else state_text(view.state),
                status_text(view.status),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.detail.setText("")
        self._selection_changed()

    def selected(self):
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.credentials[min(rows)] if rows else None

    def _selection_changed(self) -> None:
        view = self.selected()
        self.buttons["suspend"].setEnabled(view is not None and view.status == "active")
        self.buttons["restore"].setEnabled(view is not None and view.status == "suspended")
        self.buttons["revoke"].setEnabled(view is not None and view.held)
        self.sheet_button.setEnabled(self.batch_id is not None)
        if view is not None:
            reason = f" · {view.status_reason}" if view.status_reason else ""
            self.detail.setText(f"{view.id} · {status_text(view.status)}{reason}")

    # ----- operations
    def _ask_reason(self, action: str, view) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            tr("Reason"),
            {
                "revoke": tr("Why revoke the credential of %1? (kept in the audit log)"),
                "suspend": tr("Why suspend the card of %1? (kept in the audit log)"),
                "restore": tr("Why restore the card of %1? (kept in the audit log)"),
            }[action].replace("%1", view.name),
        )
        return text.strip() if ok and text.strip() else None

    def change_selected(self, action: str):
        """Revoke, suspend or restore the selected credential after asking why."""
        from designer.issue.lifecycle import change_status

        view = self.selected()
        if view is None:
            return None
        reason = self.ask_reason(action, view)
        if not reason:
            return None
        try:
            changed = change_status(self._store(), view.id, action, reason)
        except ShoshoError as error:
            QMessageBox.warning(self, tr("Cannot change the status"), translate(str(error)))
            return None
        index = self.credentials.index(view)
        self.credentials[index] = changed
        self._show(self.credentials)
        self.table.selectRow(index)
        self.detail.setText(
            tr("%1 is now: %2. Publish the status lists for verifiers to see it.")
            .replace("%1", changed.name)
            .replace("%2", status_text(changed.status))
        )
        return changed

    def save_sheet_dialog(self) -> None:
        if self.batch_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the print sheet"), f"batch-{self.batch_id}-sheet.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_sheet(Path(path))

    def save_sheet(self, path: Path) -> int | None:
        """The batch's print sheet, with the seals that were signed, as one PDF."""
        from designer.issue.sheet import write_batch_sheet
        from designer.render.fonts import installed_fonts

        try:
            pages, sheet = write_batch_sheet(self._store(), self.batch_id, path, installed_fonts())
        except (ShoshoError, OSError) as error:
            QMessageBox.warning(self, tr("Cannot save the print sheet"), translate(str(error)))
            return None
        self.detail.setText(
            tr("Saved %1: %2 printed on %3 pages.")
            .replace("%1", str(path))
            .replace("%2", str(len(sheet.records)))
            .replace("%3", str(pages))
        )
        return pages
