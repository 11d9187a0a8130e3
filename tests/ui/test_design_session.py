"""A member of staff builds a certificate from a blank page with the mouse and keyboard."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from designer.model.elements import TextElement
from designer.model.io import load_template, template_bytes


def _drag(qtbot, view, start, end, steps=6, modifier=Qt.KeyboardModifier.NoModifier):
    viewport = view.viewport()
    a, b = view.mapFromScene(*start), view.mapFromScene(*end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    for i in range(1, steps + 1):
        point = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        qtbot.mouseMove(viewport, point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def test_build_a_certificate_from_a_blank_page(window, qtbot, tmp_path):
    editor = window.new_blank("A4", "landscape")
    view = window.canvas.view
    assert window.windowTitle().startswith("Untitled")

    # Add a text element with the insert tool: click on the page.
    window.actions["insert_text"].trigger()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(40, 50))
    (title_id,) = editor.selection()
    title = editor.document.element(title_id)
    assert isinstance(title, TextElement) and abs(title.x - 40) < 0.5 and abs(title.y - 50) < 0.5
    assert window.isWindowModified()

    # Type the text in the inspector, then bind a field with "Insert field".
    text_box = next(
        w for w in window.inspector.findChildren(type(window.inspector._widgets["Texttext"].edit))
    )
    text_box.setPlainText("修了証 ")
    text_box.moveCursor(QTextCursor.MoveOperation.End)
    window.inspector._flush_text()
    fields = window.inspector.findChild(
        type(window.inspector._widgets["Texttext"].fields), "insertField"
    )
    fields.setCurrentIndex(fields.findData("full_name"))
    assert fields.currentText() == "Full name"  # staff see the label, not the internal name
    window.inspector._widgets["Texttext"].insert.click()
    assert editor.document.element(title_id).text == "修了証 {{ full_name }}"
    # A date is offered in the formats staff use; the filter is written for them.
    fields.setCurrentIndex(fields.findData("completion_date"))
    formats = window.inspector._widgets["Texttext"].formats
    assert [formats.itemData(i) for i in range(formats.count())][:2] == ["wareki", "wareki_kanji"]
    formats.setCurrentIndex(formats.findData("wareki_kanji"))
    window.inspector._widgets["Texttext"].insert.click()
    assert editor.document.element(title_id).text == (
        "修了証 {{ full_name }}{{ completion_date | wareki_kanji }}"
    )
    text_box.setPlainText("修了証 {{ full_name }}")
    window.inspector._flush_text()

    # A second element, then move the first one by dragging it: one undo step.
    second_id = editor.add_element("field", x=120, y=100, field="student_id")
    editor.select([title_id])
    steps_before = editor.undo_stack.count()
    title_start = (title.x, title.y)
    centre = (title.x + title.width / 2, title.y + title.height / 2)
    _drag(
        qtbot,
        view,
        centre,
        (centre[0] + 7.3, centre[1] + 20.4),
        modifier=Qt.KeyboardModifier.AltModifier,
    )
    assert editor.undo_stack.count() == steps_before + 1
    moved = editor.document.element(title_id)
    assert abs(moved.x - title_start[0] - 7.3) < 0.5 and abs(moved.y - title_start[1] - 20.4) < 0.5

    # Align both to the left edge of the selection, undo, redo.
    editor.select([title_id, second_id])
    window.actions["align_left"].trigger()
    left = min(moved.x, 120)
    assert editor.document.element(second_id).x == left == editor.document.element(title_id).x
    window.undo_action.trigger()
    assert editor.document.element(second_id).x == 120
    window.redo_action.trigger()
    assert editor.document.element(second_id).x == left

    # Save and reopen: the very same document.
    path = tmp_path / "certificate.shosho"
    editor.save(path)
    assert not window.isWindowModified() and "certificate.shosho" in window.windowTitle()
    saved = template_bytes(editor.document.template)
    reopened = window.open_path(path)
    assert template_bytes(reopened.document.template) == saved
    assert template_bytes(load_template(path)) == saved


def test_drag_snaps_to_the_page_centre_and_shows_a_guide(window, qtbot):
    editor = window.new_blank("A4", "portrait")
    view = window.canvas.view
    view.set_zoom(1.0)
    element_id = editor.add_element("shape", x=20, y=20, width=40, height=20)
    seen_lines = []
    original = editor.scene.snap_lines.show_lines
    editor.scene.snap_lines.show_lines = lambda xs, ys, r: (
        seen_lines.append(list(xs)),
        original(xs, ys, r),
    )
    view.centerOn(100, 40)
    # Centre of the shape starts at x=40; the page centre is x=105. Drag by 64.6 mm: it snaps.
    _drag(qtbot, view, (40, 30), (104.6, 30))
    element = editor.document.element(element_id)
    assert element.x + element.width / 2 == 105.0
    assert [105.0] in seen_lines


def test_resize_with_a_handle_and_rotate(window, qtbot):
    editor = window.new_blank("A4", "portrait")
    view = window.canvas.view
    view.set_zoom(1.0)
    element_id = editor.add_element("shape", x=30, y=30, width=40, height=20)
    view.centerOn(50, 40)
    window.actions["snap"].setChecked(False)
    editor.scene.snap_enabled = False
    _drag(qtbot, view, (70, 50), (80, 60))
    element = editor.document.element(element_id)
    assert (element.x, element.y) == (30, 30)
    assert abs(element.width - 50) < 0.5 and abs(element.height - 30) < 0.5
    editor.undo_stack.undo()
    assert (element.width, element.height) == (40, 20)


def test_resize_snaps_the_dragged_edge_and_shows_a_guide(window, qtbot):
    editor = window.new_blank("A4", "portrait")
    view = window.canvas.view
    view.set_zoom(1.0)
    element_id = editor.add_element("shape", x=30, y=30, width=40, height=20)
    seen_lines = []
    original = editor.scene.snap_lines.show_lines
    editor.scene.snap_lines.show_lines = lambda xs, ys, r: (
        seen_lines.append(list(xs)),
        original(xs, ys, r),
    )
    view.centerOn(90, 40)
    # The right handle (x=70) dragged to 104.6 mm snaps to the page centre line at 105.
    _drag(qtbot, view, (70, 40), (104.6, 40))
    element = editor.document.element(element_id)
    assert (element.x, element.y, element.height) == (30, 30, 20)
    assert element.x + element.width == 105.0
    assert [105.0] in seen_lines
    # Alt turns snapping off.
    editor.undo_stack.undo()
    _drag(qtbot, view, (70, 40), (104.6, 40), modifier=Qt.KeyboardModifier.AltModifier)
    assert abs(editor.document.element(element_id).width - 74.6) < 0.5


def test_keyboard_nudge_copy_paste_delete(window, qtbot):
    editor = window.new_blank("B5", "portrait")
    view = window.canvas.view
    element_id = editor.add_element("text", x=10, y=10)
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    element = editor.document.element(element_id)
    assert round(element.x, 4) == 10.3 and element.y == 11.0
    window.actions["copy"].trigger()
    window.actions["paste"].trigger()
    (copy_id,) = editor.selection()
    assert copy_id != element_id and editor.document.element(copy_id).x == round(element.x + 5, 4)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [e.id for e in editor.document.template.front.elements] == [element_id]
    window.undo_action.trigger()
    assert len(editor.document.template.front.elements) == 2
    QApplication.clipboard().clear()


def test_locked_elements_do_not_move_and_layers_reorder(window, qtbot):
    editor = window.new_blank("A4", "portrait")
    a = editor.add_element("shape", x=10, y=10)
    b = editor.add_element("shape", x=100, y=100)
    editor.set_locked(True, [a])
    editor.select([a, b])
    editor.move_by(5, 5)
    assert editor.document.element(a).x == 10 and editor.document.element(b).x == 105
    editor.select([a])
    editor.bring_to_front()
    assert [e.id for e in editor.document.template.front.elements] == [b, a]
    tree = window.layers.tree
    assert tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == a  # front first


def test_card_has_a_back_side(window):
    editor = window.new_blank("CR80", "landscape", "card")
    editor.add_back_side()
    assert editor.document.side_names() == ["front", "back"]
    assert window.side_tabs.isVisible() and window.side_tabs.count() == 2
    element_id = editor.add_element("qr")
    assert editor.document.side("back").elements[0].id == element_id
    window.side_tabs.setCurrentIndex(0)
    assert editor.side_name == "front" and element_id not in editor.scene.items_by_id
