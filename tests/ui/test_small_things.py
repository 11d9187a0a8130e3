"""Smaller things an office notices: a missing folder, the default font, field names."""

from designer.model.elements import TextElement


def test_saving_into_a_missing_folder_says_which_folder(window, tmp_path, message_boxes):
    window.new_blank("A4", "landscape")
    missing = tmp_path / "なし" / "修了証.shosho"
    assert not window._save_to(missing)
    title, text = message_boxes[-1][1:]
    assert "Errno" not in text and str(missing.parent) in text and "does not exist" in text


def test_new_text_uses_the_default_font_from_settings(window, shosho_home):
    import json

    shosho_home.mkdir(parents=True, exist_ok=True)
    (shosho_home / "settings.json").write_text(
        json.dumps({"ui": {"default_font": "BIZ UDPGothic"}}), encoding="utf-8"
    )
    editor = window.new_blank("A4", "landscape")
    text = editor.document.element(editor.add_element("text", x=10, y=10))
    field = editor.document.element(editor.add_element("field", x=10, y=40, field="full_name"))
    assert isinstance(text, TextElement) and text.style.font_family == "BIZ UDPGothic"
    assert field.style.font_family == "BIZ UDPGothic"
    assert field.name == "Full name"  # the layers list shows the label, not full_name


def test_double_click_edits_text_in_place(window, qtbot):
    from PySide6.QtCore import Qt

    editor = window.new_blank("A4", "landscape")
    view = window.canvas.view
    element_id = editor.add_element("text", x=40, y=40, width=120, height=20)
    editor.select([])
    point = view.mapFromScene(100, 50)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    box = view.in_place
    assert box is not None and box.isVisible()
    assert box.geometry().contains(point)  # over the element itself
    box.setPlainText("修了証書")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.document.element(element_id).text == "修了証書"
    assert view.in_place is None
    editor.undo_stack.undo()
    assert editor.document.element(element_id).text != "修了証書"
    # Escape leaves the text as it was.
    view.edit_in_place(element_id)
    view.in_place.setPlainText("間違い")
    qtbot.keyClick(view.in_place, Qt.Key.Key_Escape)
    assert editor.document.element(element_id).text != "間違い"
