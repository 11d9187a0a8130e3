"""The document and its undo commands, without any widget."""

from PySide6.QtGui import QUndoStack

from designer.model.document import Document
from designer.model.elements import TextElement
from designer.ui.undo import (
    InsertElementsCommand,
    RemoveElementsCommand,
    ReorderCommand,
    SetAttributesCommand,
)


def test_signals_and_undo_round_trip(qapp):
    document = Document()
    stack = QUndoStack()
    seen = []
    document.element_inserted.connect(lambda side, eid, index: seen.append(("insert", eid, index)))
    document.elements_changed.connect(lambda ids: seen.append(("changed", tuple(ids))))
    a, b = TextElement(text="A"), TextElement(text="B")
    stack.push(InsertElementsCommand(document, "front", [a, b]))
    stack.push(SetAttributesCommand(document, {a.id: {"x": 12.5, "style.size": 20.0}}))
    assert document.element(a.id).style.size == 20.0
    stack.push(ReorderCommand(document, "front", [b.id, a.id]))
    stack.push(RemoveElementsCommand(document, [b.id]))
    assert [e.id for e in document.template.front.elements] == [a.id]
    stack.undo()
    stack.undo()
    assert [e.id for e in document.template.front.elements] == [a.id, b.id]
    stack.undo()
    assert document.element(a.id).x == 0.0 and document.element(a.id).style.size == 12.0
    assert ("insert", a.id, 0) in seen and ("changed", (a.id,)) in seen


def test_merged_changes_are_one_undo_step(qapp):
    document = Document()
    stack = QUndoStack()
    element = TextElement()
    stack.push(InsertElementsCommand(document, "front", [element]))
    for x in (1.0, 2.0, 3.0):
        stack.push(SetAttributesCommand(document, {element.id: {"x": x}}, merge_key="nudge"))
    assert stack.count() == 2
    stack.undo()
    assert document.element(element.id).x == 0.0
