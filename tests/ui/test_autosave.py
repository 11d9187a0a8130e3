"""Autosave and recovery after a crash; asking before unsaved changes are discarded."""

from PySide6.QtWidgets import QMessageBox

from designer.model.elements import TextElement
from designer.ui.autosave import autosave_dir
from designer.ui.main_window import MainWindow

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def test_autosaved_work_is_recovered_after_a_crash(qtbot, tmp_path, message_boxes):
    crashed = MainWindow(check_recovery=False, autosave_interval_ms=30)
    editor = crashed.new_blank("A4", "landscape")
    element_id = editor.add_element("text", x=42, y=24)
    editor.document.element(element_id)  # the edit exists in the document
    qtbot.waitUntil(lambda: any(autosave_dir().glob("*.shosho")), timeout=5_000)
    # A crash: the window goes away without closing (no question, no clean-up).
    crashed.autosaver.stop()
    crashed.deleteLater()
    qtbot.wait(10)

    message_boxes.answers.append(Yes)
    window = MainWindow()
    qtbot.addWidget(window)
    assert message_boxes[-1][1] == "Recover unsaved work"
    assert window.editor is not None, "the autosaved copy is opened"
    (element,) = window.editor.document.template.front.elements
    assert isinstance(element, TextElement) and (element.x, element.y) == (42, 24)
    assert window.editor.modified and window.isWindowModified(), "recovered work is unsaved"
    assert not any(autosave_dir().glob("*.shosho")), "the copy is taken, not offered twice"
    window.editor.undo_stack.setClean()


def test_declining_recovery_removes_the_copy(qtbot, message_boxes):
    crashed = MainWindow(check_recovery=False, autosave_interval_ms=30)
    crashed.new_blank("B5", "portrait").add_element("shape")
    qtbot.waitUntil(lambda: any(autosave_dir().glob("*.shosho")), timeout=5_000)
    crashed.autosaver.stop()
    crashed.deleteLater()
    message_boxes.answers.append(No)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.editor is None and not any(autosave_dir().glob("*"))


def test_saving_removes_the_autosaved_copy(qtbot, tmp_path):
    window = MainWindow(check_recovery=False, autosave_interval_ms=30)
    qtbot.addWidget(window)
    editor = window.new_blank("A4", "portrait")
    editor.add_element("qr")
    qtbot.waitUntil(lambda: any(autosave_dir().glob("*.shosho")), timeout=5_000)
    editor.save(tmp_path / "saved.shosho")
    assert not any(autosave_dir().glob("*.shosho"))


def test_unsaved_changes_are_asked_about_before_they_are_discarded(window, message_boxes):
    editor = window.new_blank("A4", "portrait")
    editor.add_element("text")
    # Cancel: nothing happens, the edit stays.
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    assert window.new_blank("B5", "portrait") is None
    assert window.editor is editor and len(editor.document.template.front.elements) == 1
    assert message_boxes[-1][1] == "Unsaved changes"
    # Closing the window is refused on Cancel too.
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close() and window.isVisible()
    # Discard: the new page replaces it.
    message_boxes.answers.append(QMessageBox.StandardButton.Discard)
    replaced = window.new_blank("B5", "portrait")
    assert replaced is not None and replaced is not editor
    asked = [m for m in message_boxes if m[1] == "Unsaved changes"]
    assert len(asked) == 3
    # No question when nothing changed.
    window.new_blank("A4", "portrait")
    assert len([m for m in message_boxes if m[1] == "Unsaved changes"]) == 3
