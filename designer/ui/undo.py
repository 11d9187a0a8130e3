"""Undo commands: one QUndoCommand per kind of edit, each changing only the Document.

Views never change the model themselves; they push one of these onto the window's
QUndoStack and redraw from the document's signals.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from designer.model.document import Document
from designer.model.elements import Element
from designer.model.template import Side


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class InsertElementsCommand(QUndoCommand):
    """Add elements to a side (new, pasted, duplicated)."""

    def __init__(
        self,
        document: Document,
        side: str,
        elements: list[Element],
        text: str | None = None,
        index: int | None = None,
    ) -> None:
        super().__init__(text or tr("Add"))
        self.document = document
        self.side = side
        self.elements = elements
        self.index = index

    def redo(self) -> None:
        for offset, element in enumerate(self.elements):
            index = None if self.index is None else self.index + offset
            self.document.insert_element(self.side, element, index)

    def undo(self) -> None:
        for element in reversed(self.elements):
            self.document.remove_element(element.id)


class RemoveElementsCommand(QUndoCommand):
    def __init__(self, document: Document, element_ids: list[str], text: str | None = None) -> None:
        super().__init__(text or tr("Delete"))
        self.document = document
        # Remove from the back so the stored indexes stay right when put back in order.
        self.element_ids = sorted(element_ids, key=document.index_of, reverse=True)
        self.removed: list[tuple[str, int, Element]] = []

    def redo(self) -> None:
        self.removed = [self.document.remove_element(eid) for eid in self.element_ids]

    def undo(self) -> None:
        for side, index, element in reversed(self.removed):
            self.document.insert_element(side, element, index)


class SetAttributesCommand(QUndoCommand):
    """Set attributes of one or more elements: ``{id: {"x": 12.0, "style.size": 14.0}}``.

    Commands with the same non-empty ``merge_key`` on the same elements merge into one
    undo step (keyboard nudges, a spin box being spun)."""

    MERGE_ID = 1001

    def __init__(
        self,
        document: Document,
        changes: dict[str, dict[str, Any]],
        text: str | None = None,
        merge_key: str = "",
    ) -> None:
        super().__init__(text or tr("Change"))
        self.document = document
        self.new = copy.deepcopy(changes)
        self.old = {
            eid: document.attributes([eid], list(values))[eid] for eid, values in changes.items()
        }
        self.merge_key = merge_key

    def redo(self) -> None:
        self.document.set_attributes(self.new)

    def undo(self) -> None:
        self.document.set_attributes(self.old)

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not isinstance(other, SetAttributesCommand) or other.merge_key != self.merge_key:
            return False
        if set(other.new) != set(self.new):
            return False
        if any(set(other.new[eid]) != set(self.new[eid]) for eid in self.new):
            return False
        self.new = other.new
        return True


class ReorderCommand(QUndoCommand):
    def __init__(
        self, document: Document, side: str, new_order: list[str], text: str | None = None
    ) -> None:
        super().__init__(text or tr("Change order"))
        self.document = document
        self.side = side
        self.new_order = list(new_order)
        self.old_order = [element.id for element in document.side(side).elements]

    def redo(self) -> None:
        self.document.set_order(self.side, self.new_order)

    def undo(self) -> None:
        self.document.set_order(self.side, self.old_order)


class SetTemplateAttributesCommand(QUndoCommand):
    """Page size, bleed, safe margin, guides and other template-wide settings."""

    def __init__(self, document: Document, values: dict[str, Any], text: str | None = None) -> None:
        super().__init__(text or tr("Change page"))
        self.document = document
        self.new = copy.deepcopy(values)
        self.old = document.template_attributes(list(values))

    def redo(self) -> None:
        self.document.set_template_attributes(self.new)

    def undo(self) -> None:
        self.document.set_template_attributes(self.old)


class SetBackgroundCommand(QUndoCommand):
    def __init__(self, document: Document, side: str, color: str) -> None:
        super().__init__(tr("Change background"))
        self.document = document
        self.side = side
        self.new = color
        self.old = document.side(side).background

    def redo(self) -> None:
        self.document.set_side_background(self.side, self.new)

    def undo(self) -> None:
        self.document.set_side_background(self.side, self.old)


class AddSideCommand(QUndoCommand):
    """Add a side, e.g. the back of a card."""

    def __init__(self, document: Document, side: Side) -> None:
        super().__init__(tr("Add side"))
        self.document = document
        self.new_side = side

    def redo(self) -> None:
        self.document.insert_side(self.new_side)

    def undo(self) -> None:
        self.document.remove_side(self.new_side.name)


class RemoveSideCommand(QUndoCommand):
    def __init__(self, document: Document, side_name: str) -> None:
        super().__init__(tr("Remove side"))
        self.document = document
        self.side_name = side_name
        self.removed: tuple[int, Side] | None = None

    def redo(self) -> None:
        self.removed = self.document.remove_side(self.side_name)

    def undo(self) -> None:
        assert self.removed is not None
        index, side = self.removed
        self.document.insert_side(side, index)


class AddAssetCommand(QUndoCommand):
    """Store an image in the template and (optionally) point elements at it."""

    def __init__(
        self,
        document: Document,
        name: str,
        data: bytes,
        changes: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(tr("Add image"))
        self.document = document
        self.name = name
        self.data = data
        self.old_data = document.template.assets.get(name)
        self.changes = changes or {}
        self.old_changes = {
            eid: document.attributes([eid], list(v))[eid] for eid, v in self.changes.items()
        }

    def redo(self) -> None:
        self.document.set_asset(self.name, self.data)
        self.document.set_attributes(self.changes)

    def undo(self) -> None:
        self.document.set_attributes(self.old_changes)
        self.document.set_asset(self.name, self.old_data)
