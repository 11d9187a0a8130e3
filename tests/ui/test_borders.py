"""A border added last goes behind the rest, and clicks inside its frame reach what is under."""

from PySide6.QtCore import Qt


def test_a_new_border_goes_behind_and_lets_clicks_through(window, qtbot):
    editor = window.new_blank("A4", "landscape")
    view = window.canvas.view
    title = editor.add_element("text", x=60, y=80, width=120, height=20)
    window.actions["insert_border"].trigger()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(5, 5))
    (border,) = editor.selection()
    assert editor.document.element(border).TYPE == "border"
    order = [e.id for e in editor.document.side("front").elements]
    assert order.index(border) < order.index(title)  # drawn first: behind the title
    # A click on the title selects the title, not the page-sized frame.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(100, 90))
    assert editor.selection() == [title]
    # A click in the empty middle of the page selects nothing; one on the frame picks it.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(150, 150))
    assert editor.selection() == []
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(4, 100))
    assert editor.selection() == [border]
    # Undo removes the border and leaves the title where it was.
    editor.undo_stack.undo()
    assert [e.id for e in editor.document.side("front").elements] == [title]
