"""The roster panel: the table (a model over the records, fast for 20,000 rows), the problems
found by the check, each jumping to its row and cell, and the column-to-field mapping.

The record being previewed lives in a RosterSession, which the preview bar and canvas follow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDrag, QMouseEvent, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from designer.data.binding import bind_record
from designer.data.check import check_roster
from designer.data.fields import fields_used
from designer.data.mapping import KNOWN_FIELDS, ColumnMapping, map_columns
from designer.data.problems import Problem
from designer.data.report import Report
from designer.data.roster import Roster, read_roster
from designer.model.elements import BarcodeElement, ImageElement, QRElement, TextElement
from designer.model.template import Template
from designer.ui.canvas.view import FIELD_MIME
from designer.ui.field_labels import field_label, placeholder_text
from designer.ui.messages import translate
from designer.ui.widgets import ComboBox

PROBLEM_ROLE = Qt.ItemDataRole.UserRole
GENERATED_FIELDS = {"seal_url", "credential_id", "verify_host", "issuer_name", "achievement_name"}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def template_fields(template: Template) -> list[str]:
    """The roster fields a template uses, in a stable order."""
    used: set[str] = set(template.required_fields)
    for _side, element in template.all_elements():
        try:
            if isinstance(element, TextElement):
                used |= fields_used(element.text)
            elif isinstance(element, QRElement | BarcodeElement):
                used |= fields_used(element.content)
        except Exception:  # noqa: BLE001 - a half-typed field is reported by the canvas
            continue
        if isinstance(element, ImageElement) and element.field:
            used.add(element.field)
    return sorted(used - GENERATED_FIELDS)


class RosterSession(QObject):
    """The open roster, its mapping and check report, and which record is previewed."""

    loaded = Signal()
    record_changed = Signal(int)  # index into roster.records, -1 for none
    checked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.roster: Roster | None = None
        self.mapping: ColumnMapping | None = None
        self.overrides: dict[str, str] = {}
        self.report: Report | None = None
        self.index = -1
        self._row_to_index: dict[int, int] = {}

    def open(self, path: str | Path, template: Template | None = None) -> None:
        self.roster = read_roster(path)
        self.overrides = {}
        self.mapping = map_columns(self.roster.headers)
        self._row_to_index = {record.row: i for i, record in enumerate(self.roster.records)}
        self.loaded.emit()
        self.check(template)
        self.go(0 if self.roster.records else -1)

    def set_mapping(self, field: str, column: str | None, template: Template | None = None) -> None:
        if self.roster is None:
            return
        if column:
            self.overrides[field] = column
        else:
            self.overrides.pop(field, None)
        self.mapping = map_columns(self.roster.headers, self.overrides)
        self.check(template)
        self.go(self.index)

    def check(self, template: Template | None) -> Report | None:
        if self.roster is None or self.mapping is None:
            return None
        required = template_fields(template) if template is not None else []
        self.report = check_roster(self.roster, self.mapping, required)
        self.checked.emit()
        return self.report

    def count(self) -> int:
        return len(self.roster.records) if self.roster else 0

    def go(self, index: int) -> None:
        if self.roster is None or not self.roster.records:
            self.index = -1
        else:
            self.index = max(0, min(index, len(self.roster.records) - 1))
        self.record_changed.emit(self.index)

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def index_of_row(self, row: int) -> int | None:
        return self._row_to_index.get(row)

    def values(self, index: int | None = None) -> dict[str, Any] | None:
        """The field values of a record, as the template sees them."""
        index = self.index if index is None else index
        if self.roster is None or self.mapping is None or not 0 <= index < len(self.roster.records):
            return None
        bound = bind_record(self.roster.records[index], self.mapping, file=self.roster.display_name)
        return bound.values

    def find(self, text: str, start: int = 0) -> int | None:
        """The next record (from ``start``, wrapping) whose name or student number contains ``text``."""
        if self.roster is None or not text.strip():
            return None
        needle = text.strip().casefold()
        columns = [
            c
            for f in (
                "student_id",
                "full_name",
                "family_name",
                "given_name",
                "full_name_kana",
                "name_en",
            )
            if (c := self.mapping.column_for(f) if self.mapping else None)
        ]
        if not columns:
            columns = list(self.roster.headers)
        records = self.roster.records
        count = len(records)
        for offset in range(count):
            i = (start + offset) % count
            values = records[i].values
            if any(needle in str(values.get(c, "")).casefold() for c in columns):
                return i
        return None


class RosterTableModel(QAbstractTableModel):
    """Records as rows and headers as columns; cells with problems are tinted."""

    def __init__(self, session: RosterSession) -> None:
        super().__init__()
        self.session = session
        self._marks: dict[tuple[int, str], Problem] = {}
        session.loaded.connect(self._reset)
        session.checked.connect(self._on_checked)

    def _reset(self) -> None:
        self.beginResetModel()
        self._marks = {}
        self.endResetModel()

    def _on_checked(self) -> None:
        marks: dict[tuple[int, str], Problem] = {}
        report = self.session.report
        if report is not None:
            for problem in report.problems:
                if problem.row is not None and problem.column:
                    for column in problem.column.split(" + "):
                        current = marks.get((problem.row, column))
                        if current is None or (problem.is_error and not current.is_error):
                            marks[(problem.row, column)] = problem
        self._marks = marks
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.session.count()

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        roster = self.session.roster
        return 0 if parent.isValid() or roster is None else len(roster.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        roster = self.session.roster
        if roster is None or not index.isValid():
            return None
        record = roster.records[index.row()]
        header = roster.headers[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            problem = self._marks.get((record.row, header))
            if role == Qt.ItemDataRole.ToolTipRole and problem is not None:
                return translate(problem.message)
            value = record.values.get(header, "")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            problem = self._marks.get((record.row, header))
            if problem is not None:
                return QBrush(QColor("#fce8e6") if problem.is_error else QColor("#fef7e0"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        roster = self.session.roster
        if roster is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return roster.headers[section]
        return str(roster.records[section].row)  # the spreadsheet row number staff see

    def field_for_column(self, section: int) -> str:
        roster, mapping = self.session.roster, self.session.mapping
        assert roster is not None
        header = roster.headers[section]
        fields = mapping.fields_for(header) if mapping else []
        return fields[0] if fields else header


class DraggableHeader(QHeaderView):
    """Column headers that can be dragged onto the canvas to add a bound text element."""

    def __init__(self, model: RosterTableModel) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.roster_model = model
        self._press: QPoint | None = None
        self.setSectionsClickable(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        far = self._press is not None and (
            (event.position().toPoint() - self._press).manhattanLength()
            >= QApplication.startDragDistance()
        )
        if far and event.buttons() & Qt.MouseButton.LeftButton:
            section = self.logicalIndexAt(self._press)
            self._press = None
            if section >= 0:
                mime = QMimeData()
                mime.setData(
                    FIELD_MIME, self.roster_model.field_for_column(section).encode("utf-8")
                )
                drag = QDrag(self)
                drag.setMimeData(mime)
                drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class MappingCommand(QUndoCommand):
    """Feeding a field from another roster column, undoable like any edit of the design."""

    def __init__(self, panel: RosterPanel, field: str, old: str, new: str) -> None:
        super().__init__(
            tr("Take %1 from column %2")
            .replace("%1", field_label(field))
            .replace("%2", new or tr("(not used)"))
        )
        self.panel, self.field, self.old, self.new = panel, field, old, new

    def redo(self) -> None:
        self.panel.apply_mapping(self.field, self.new)

    def undo(self) -> None:
        self.panel.apply_mapping(self.field, self.old)


class RosterPanel(QWidget):
    def __init__(
        self,
        session: RosterSession,
        template_getter,
        parent: QWidget | None = None,
        undo_stack_getter=None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.template_getter = template_getter
        self.undo_stack_getter = undo_stack_getter or (lambda: None)
        self.summary = QLabel(
            tr("No roster open. Use File ▸ Open roster… to load a CSV or Excel file.")
        )
        self.summary.setWordWrap(True)
        self.model = RosterTableModel(session)
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setHorizontalHeader(DraggableHeader(self.model))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setToolTip(
            tr("Drag a column onto the page to place its field")
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.problems = QListWidget()
        self.problems.setObjectName("problemsList")
        self.problems.itemActivated.connect(self.jump_to_problem)
        self.problems.itemClicked.connect(self.jump_to_problem)
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([tr("Field"), tr("Column")])
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.verticalHeader().setVisible(False)
        tabs = QTabWidget()
        tabs.addTab(self.problems, tr("Problems"))
        self.mapping_note = QLabel(
            tr("Choose the roster column each field is read from. Ctrl+Z undoes a change.")
        )
        self.mapping_note.setObjectName("mappingNote")
        self.mapping_note.setWordWrap(True)
        mapping_page = QWidget()
        mapping_layout = QVBoxLayout(mapping_page)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(self.mapping_table, 1)
        mapping_layout.addWidget(self.mapping_note)
        tabs.addTab(mapping_page, tr("Columns → fields"))
        self.tabs = tabs
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        session.checked.connect(self._show_report)
        session.loaded.connect(self._fill_mapping)
        session.record_changed.connect(self._show_record)
        self._syncing = False

    # ----- report
    def _show_report(self) -> None:
        report = self.session.report
        self.problems.clear()
        if report is None:
            return
        self.summary.setText(self._summary_text(report))
        for problem in report.sorted_problems():
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if problem.is_error
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            item = QListWidgetItem(self.style().standardIcon(icon), _problem_text(problem))
            item.setData(PROBLEM_ROLE, problem)
            item.setForeground(QBrush(QColor("#b3261e") if problem.is_error else QColor("#8a5a00")))
            self.problems.addItem(item)
        if not report.problems:
            self.problems.addItem(tr("No problems found."))

    def _summary_text(self, report: Report) -> str:
        roster = self.session.roster
        encoding = f" · {roster.encoding}" if roster is not None and roster.encoding else ""
        return (
            tr("%1: %2 people · %3 errors · %4 warnings%5")
            .replace("%1", report.file)
            .replace("%2", str(report.records_checked))
            .replace("%3", str(len(report.errors)))
            .replace("%4", str(len(report.warnings)))
            .replace("%5", encoding)
        )

    def jump_to_problem(self, item: QListWidgetItem) -> None:
        problem: Problem | None = item.data(PROBLEM_ROLE)
        if problem is None or problem.row is None or self.session.roster is None:
            return
        index = self.session.index_of_row(problem.row)
        if index is None:
            return
        column = 0
        if problem.column:
            first = problem.column.split(" + ")[0]
            if first in self.session.roster.headers:
                column = self.session.roster.headers.index(first)
        cell = self.model.index(index, column)
        self.table.setCurrentIndex(cell)
        self.table.scrollTo(cell, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.session.go(index)

    # ----- record selection both ways
    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid() and current.row() != self.session.index:
            self.session.go(current.row())

    def _show_record(self, index: int) -> None:
        if index < 0 or self.table.currentIndex().row() == index:
            return
        self._syncing = True
        try:
            column = max(self.table.currentIndex().column(), 0)
            cell = self.model.index(index, column)
            self.table.setCurrentIndex(cell)
            self.table.scrollTo(cell)
        finally:
            self._syncing = False

    # ----- mapping
    def _fill_mapping(self) -> None:
        roster, mapping = self.session.roster, self.session.mapping
        if roster is None or mapping is None:
            return
        template = self.template_getter()
        fields = list(
            dict.fromkeys((template_fields(template) if template else []) + list(KNOWN_FIELDS))
        )
        self.mapping_table.setRowCount(len(fields))
        self.mapping_combos: dict[str, QComboBox] = {}
        for row, name in enumerate(fields):
            label = QLabel(field_label(name))
            label.setToolTip(tr("Written in a design as %1").replace("%1", placeholder_text(name)))
            label.setContentsMargins(4, 0, 4, 0)
            self.mapping_table.setCellWidget(row, 0, label)
            combo = ComboBox()
            combo.addItem(tr("(not used)"), "")
            for header in roster.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(mapping.column_for(name) or "")))
            combo.setProperty("column", combo.currentData())
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, f=name: self._mapping_chosen(f, c)
            )
            self.mapping_combos[name] = combo
            self.mapping_table.setCellWidget(row, 1, combo)
        self.mapping_table.resizeColumnToContents(0)

    def _mapping_chosen(self, field: str, combo: QComboBox) -> None:
        if self._syncing:
            return
        old, new = combo.property("column") or "", combo.currentData() or ""
        if old == new:
            return
        command = MappingCommand(self, field, old, new)
        stack = self.undo_stack_getter()
        if stack is not None:
            stack.push(command)
        else:
            command.redo()

    def apply_mapping(self, field: str, column: str) -> None:
        """Read ``field`` from ``column`` ("" for none), show it in its row, and say so."""
        self.session.set_mapping(field, column or None, self.template_getter())
        combo = self.mapping_combos.get(field)
        if combo is not None:
            self._syncing = True
            try:
                combo.setCurrentIndex(max(0, combo.findData(column)))
                combo.setProperty("column", column)
            finally:
                self._syncing = False
            row = list(self.mapping_combos).index(field)
            self.mapping_table.scrollToItem(self.mapping_table.item(row, 0) or QTableWidgetItem())
            self.tabs.setCurrentIndex(1)
        self.mapping_note.setText(
            tr("%1 now comes from column %2. Ctrl+Z undoes it.")
            .replace("%1", field_label(field))
            .replace("%2", column or tr("(not used)"))
        )


def _problem_text(problem: Problem) -> str:
    where = []
    if problem.row is not None:
        where.append(tr("row %1").replace("%1", str(problem.row)))
    if problem.column:
        where.append(problem.column)
    prefix = ", ".join(where)
    message = translate(problem.message)
    return f"{prefix}: {message}" if prefix else message
