"""The preview bar: step through the roster and see each person's real values on the canvas."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from designer.ui.roster_panel import RosterSession
from designer.ui.widgets import SpinBox


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class PreviewBar(QWidget):
    """◀ [n] / N ▶ · search · "show real values"."""

    values_changed = Signal(object)  # dict of field values, or None for the design view

    def __init__(self, session: RosterSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.enabled_box = QCheckBox(tr("Preview records"))
        self.enabled_box.setChecked(True)
        self.enabled_box.setToolTip(tr("Show each person's real values on the page"))
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(tr("Previous record (Page Up)"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(tr("Next record (Page Down)"))
        self.number = SpinBox()
        self.number.setMinimum(1)
        self.number.setKeyboardTracking(False)
        self.total = QLabel("/ 0")
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Find name or student number"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(220)
        self.who = QLabel()
        self.who.setStyleSheet("color:#3c4043;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for widget in (
            self.enabled_box,
            self.previous_button,
            self.number,
            self.total,
            self.next_button,
            self.search,
            self.who,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.previous_button.clicked.connect(session.previous)
        self.next_button.clicked.connect(session.next)
        self.number.valueChanged.connect(lambda n: session.go(n - 1))
        self.search.returnPressed.connect(self.find_next)
        self.enabled_box.toggled.connect(lambda _on: self._emit())
        session.loaded.connect(self._on_loaded)
        session.record_changed.connect(self._on_record)
        session.checked.connect(self._emit)
        self._on_loaded()

    def _on_loaded(self) -> None:
        self.search.clear()  # a search typed for the previous roster means nothing here
        count = self.session.count()
        self.number.blockSignals(True)
        self.number.setMaximum(max(count, 1))
        self.number.blockSignals(False)
        self.total.setText(f"/ {count}")
        self.setEnabled(count > 0)

    def _on_record(self, index: int) -> None:
        self.number.blockSignals(True)
        self.number.setValue(index + 1)
        self.number.blockSignals(False)
        values = self.session.values(index) or {}
        name = values.get("full_name") or values.get("name_en") or ""
        student = values.get("student_id") or ""
        self.who.setText(" · ".join(str(v) for v in (name, student) if v))
        self._emit()

    def _emit(self) -> None:
        preview = self.enabled_box.isChecked() and self.session.index >= 0
        self.values_changed.emit(self.session.values() if preview else None)

    def find_next(self) -> None:
        found = self.session.find(self.search.text(), self.session.index + 1)
        if found is None:
            self.search.setStyleSheet("background:#fce8e6;")
        else:
            self.search.setStyleSheet("")
            self.session.go(found)
