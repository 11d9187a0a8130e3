"""Scrolling over the roster mapping never changes it; a mapping change is shown and undoable."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from designer.resources import examples_dir, templates_dir


def _wheel(widget, steps: int = -3) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _open(window):
    window.open_path(templates_dir() / "shusho.shosho", as_copy=True)
    assert window.open_roster(examples_dir() / "roster-ja.csv")
    panel = window.roster_panel
    panel.tabs.setCurrentIndex(1)
    return panel


def test_the_wheel_over_a_mapping_combo_leaves_it_alone(window, qtbot):
    panel = _open(window)
    combo = panel.mapping_combos["full_name"]
    before = window.session.mapping.column_for("full_name"), combo.currentIndex()
    window.canvas.view.setFocus()
    _wheel(combo)
    _wheel(combo, 3)
    assert (window.session.mapping.column_for("full_name"), combo.currentIndex()) == before
    assert not window.editor.undo_stack.canUndo()
    # Focused on purpose (clicked or tabbed to), the wheel chooses as usual.
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, -1)
    assert combo.currentIndex() != before[1]


def test_inspector_number_boxes_ignore_the_wheel_until_focused(window):
    window.new_blank("A4", "landscape")
    element = window.editor.add_element("text", x=20, y=20)
    from designer.ui.widgets import DoubleSpinBox

    spins = [s for s in window.inspector.findChildren(DoubleSpinBox) if s.isVisibleTo(window)]
    assert spins
    values = [s.value() for s in spins]
    window.canvas.view.setFocus()
    for spin in spins:
        _wheel(spin)
    assert [s.value() for s in spins] == values
    assert window.editor.document.element(element).x == 20


def test_a_mapping_change_is_shown_and_undone(window):
    panel = _open(window)
    session = window.session
    original = session.mapping.column_for("course_name")
    assert original == "講座名"
    combo = panel.mapping_combos["course_name"]
    combo.setCurrentIndex(combo.findData("学科"))
    assert session.mapping.column_for("course_name") == "学科"
    assert "学科" in panel.mapping_note.text() and "Course name" in panel.mapping_note.text()
    stack = window.editor.undo_stack
    assert stack.canUndo() and "Course name" in stack.undoText()
    assert window.undo_action.text().startswith("&Undo")
    stack.undo()
    assert session.mapping.column_for("course_name") == original
    assert combo.currentData() == original
    assert session.values()["course_name"] == "地域データ活用講座"
    stack.redo()
    assert combo.currentData() == "学科"


def test_mapping_rows_show_field_labels_not_internal_names(window):
    panel = _open(window)
    labels = [
        panel.mapping_table.cellWidget(row, 0).text()
        for row in range(panel.mapping_table.rowCount())
    ]
    assert "Full name" in labels and "Completion date" in labels
    assert "full_name" not in labels and "completion_date" not in labels
