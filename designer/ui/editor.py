"""The editor: one open document, its undo stack and canvas scene, and the edits staff make.

Menus, toolbars, the inspector, the layers panel, mouse tools and tests all call these
methods; each edit becomes exactly one undo step.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from designer.errors import ShoshoError
from designer.model.document import Document
from designer.model.elements import (
    ELEMENT_TYPES,
    BarcodeElement,
    BorderElement,
    Element,
    ImageElement,
    QRElement,
    ShapeElement,
    TextElement,
    new_element_id,
)
from designer.model.io import element_to_json, load_template, save_template
from designer.model.serial import from_dict
from designer.model.template import Side, Template
from designer.ui import geometry
from designer.ui.canvas.rendering import ElementLayouts
from designer.ui.canvas.scene import CanvasScene
from designer.ui.undo import (
    AddSideCommand,
    InsertElementsCommand,
    RemoveElementsCommand,
    ReorderCommand,
    SetAttributesCommand,
    SetTemplateAttributesCommand,
)

ELEMENTS_MIME = "application/x-shosho-elements"
PASTE_OFFSET_MM = 5.0
INSERT_KINDS = ("text", "field", "image", "photo", "qr", "barcode", "shape", "border")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _apply_default_font(element: TextElement) -> None:
    """New text takes the font chosen in Settings ▸ Default font, when one is."""
    from designer.ui.settings_dialog import UI_KEY, read_settings_file

    family = read_settings_file().get(UI_KEY, {}).get("default_font")
    if family:
        element.style.font_family = family


def attribute_label(path: str) -> str:
    """What the inspector calls an attribute (高さ, not height), for undo labels."""
    from designer.ui.inspector import sections

    for section in sections():
        for spec in section.specs:
            if spec.path == path:
                return spec.label
    return path.rsplit(".", 1)[-1]


def new_element(
    kind: str,
    template: Template,
    x: float | None = None,
    y: float | None = None,
    width: float | None = None,
    height: float | None = None,
    field: str = "",
) -> Element:
    """A fresh element of an insert-tool kind, sized sensibly for the page."""
    page_w, page_h = template.page.width, template.page.height
    unit = min(page_w, page_h)
    element: Element
    if kind == "text":
        element = TextElement(
            name=tr("Text"), text=tr("Text"), width=unit * 0.5, height=unit * 0.08
        )
        _apply_default_font(element)
    elif kind == "field":
        from designer.ui.field_labels import field_label

        name = field or "full_name"
        element = TextElement(
            name=field_label(name),
            text=f"{{{{ {name} }}}}",
            width=unit * 0.5,
            height=unit * 0.08,
        )
        _apply_default_font(element)
    elif kind == "image":
        element = ImageElement(name=tr("Image"), width=unit * 0.25, height=unit * 0.25)
    elif kind == "photo":
        element = ImageElement(
            name=tr("Photo"),
            field=field or "photo",
            fit="cover",
            width=unit * 0.3,
            height=unit * 0.4,
        )
    elif kind == "qr":
        element = QRElement(name=tr("QR code"), width=unit * 0.2, height=unit * 0.2)
    elif kind == "barcode":
        element = BarcodeElement(
            name=tr("Barcode"), content="{{ student_id }}", width=unit * 0.5, height=unit * 0.12
        )
    elif kind == "shape":
        element = ShapeElement(name=tr("Shape"), width=unit * 0.3, height=unit * 0.2)
    elif kind == "border":
        element = BorderElement(name=tr("Border"), x=0.0, y=0.0, width=page_w, height=page_h)
        return element
    else:
        raise ValueError(f"unknown element kind {kind!r}")
    if width is not None:
        element.width = width
    if height is not None:
        element.height = height
    element.x = (page_w - element.width) / 2 if x is None else x
    element.y = (page_h - element.height) / 2 if y is None else y
    return element


def element_from_json(data: dict[str, Any]) -> Element:
    data = dict(data)
    return from_dict(ELEMENT_TYPES[data.pop("type")], data)


class Editor(QObject):
    selection_changed = Signal(list)  # element ids
    side_changed = Signal(str)
    title_changed = Signal()

    def __init__(
        self,
        document: Document | None = None,
        layouts: ElementLayouts | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document or Document()
        self.undo_stack = QUndoStack(self)
        self.scene = CanvasScene(self.document, layouts)
        self.scene.selection_ids_changed.connect(self.selection_changed)
        self.undo_stack.cleanChanged.connect(self.title_changed)
        self.document.path_changed.connect(self.title_changed)
        self._paste_count = 0

    # ----- files
    @classmethod
    def open(cls, path: str | Path, layouts: ElementLayouts | None = None) -> Editor:
        template = load_template(path)
        return cls(Document(template, path), layouts)

    def save(self, path: str | Path | None = None) -> Path:
        target = Path(path) if path else self.document.path
        if target is None:
            raise ValueError("no file name to save to")
        if target.suffix.lower() != ".shosho":
            target = target.with_suffix(".shosho")
        if not target.parent.is_dir():
            raise ShoshoError(
                tr("Cannot save %1: the folder %2 does not exist.")
                .replace("%1", target.name)
                .replace("%2", str(target.parent))
            )
        save_template(self.document.template, target)
        self.document.set_path(target)
        self.undo_stack.setClean()
        return target

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ----- selection and sides
    @property
    def side_name(self) -> str:
        return self.scene.side_name

    def set_side(self, name: str) -> None:
        self.scene.set_side(name)
        self.side_changed.emit(name)

    def selection(self) -> list[str]:
        return self.scene.selected_ids()

    def select(self, element_ids: list[str]) -> None:
        self.scene.select_ids(element_ids)

    def select_all(self) -> None:
        self.select(
            [
                e.id
                for e in self.document.side(self.side_name).elements
                if e.visible and not e.locked
            ]
        )

    def elements(self, element_ids: list[str] | None = None) -> list[Element]:
        ids = self.selection() if element_ids is None else element_ids
        return [self.document.element(eid) for eid in ids]

    def add_back_side(self) -> None:
        if "back" not in self.document.side_names():
            self.undo_stack.push(AddSideCommand(self.document, Side(name="back")))
        self.set_side("back")

    # ----- adding and removing
    def add_element(
        self,
        kind: str,
        x: float | None = None,
        y: float | None = None,
        width: float | None = None,
        height: float | None = None,
        field: str = "",
    ) -> str:
        element = new_element(kind, self.document.template, x, y, width, height, field)
        return self.insert([element], tr("Add %s") % element.name)[0]

    def insert(self, elements: list[Element], text: str | None = None) -> list[str]:
        # A new border is a frame for what is on the page: it goes behind everything else.
        behind = bool(elements) and all(isinstance(e, BorderElement) for e in elements)
        self.undo_stack.push(
            InsertElementsCommand(
                self.document, self.side_name, elements, text, 0 if behind else None
            )
        )
        ids = [e.id for e in elements]
        self.select(ids)
        return ids

    def delete_selection(self) -> None:
        ids = [e.id for e in self.elements() if not e.locked]
        if ids:
            self.undo_stack.push(RemoveElementsCommand(self.document, ids))

    # ----- clipboard
    def copy(self) -> bool:
        elements = self.elements()
        if not elements:
            return False
        data = json.dumps([element_to_json(e) for e in elements], ensure_ascii=False)
        mime = QMimeData()
        mime.setData(ELEMENTS_MIME, data.encode("utf-8"))
        mime.setText("\n".join(e.text for e in elements if isinstance(e, TextElement)))
        QGuiApplication.clipboard().setMimeData(mime)
        self._paste_count = 0
        return True

    def cut(self) -> None:
        if self.copy():
            self.delete_selection()

    def paste(self) -> list[str]:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(ELEMENTS_MIME):
            items = json.loads(bytes(mime.data(ELEMENTS_MIME)).decode("utf-8"))
            elements = [element_from_json(item) for item in items]
        elif mime is not None and mime.hasText() and mime.text().strip():
            elements = [new_element("text", self.document.template)]
            elements[0].text = mime.text().strip()  # type: ignore[attr-defined]
            elements[0].name = mime.text().strip()[:20]
        else:
            return []
        self._paste_count += 1
        for element in elements:
            element.id = new_element_id()
            element.x += PASTE_OFFSET_MM * self._paste_count
            element.y += PASTE_OFFSET_MM * self._paste_count
        return self.insert(elements, tr("Paste"))

    def duplicate(self) -> list[str]:
        copies = []
        for element in self.elements():
            clone = copy.deepcopy(element)
            clone.id = new_element_id()
            clone.x += PASTE_OFFSET_MM
            clone.y += PASTE_OFFSET_MM
            copies.append(clone)
        return self.insert(copies, tr("Duplicate")) if copies else []

    # ----- attributes
    def set_attributes(
        self, changes: dict[str, dict[str, Any]], text: str | None = None, merge_key: str = ""
    ) -> None:
        changes = {eid: values for eid, values in changes.items() if values}
        if changes:
            self.undo_stack.push(SetAttributesCommand(self.document, changes, text, merge_key))

    def set_attribute(
        self, path: str, value: Any, element_ids: list[str] | None = None, merge_key: str = ""
    ) -> None:
        """Set one attribute on every selected element that has it."""
        from designer.model.document import get_path, has_path

        ids = self.selection() if element_ids is None else element_ids
        changes = {
            eid: {path: value}
            for eid in ids
            if has_path(self.document.element(eid), path)
            and get_path(self.document.element(eid), path) != value
        }
        self.set_attributes(changes, tr("Change %s") % attribute_label(path), merge_key)

    def move_by(
        self, dx: float, dy: float, element_ids: list[str] | None = None, merge_key: str = ""
    ) -> None:
        elements = [e for e in self.elements(element_ids) if not e.locked]
        changes = {e.id: {"x": round(e.x + dx, 4), "y": round(e.y + dy, 4)} for e in elements}
        self.set_attributes(changes, tr("Move"), merge_key)

    def nudge(self, dx: float, dy: float) -> None:
        """Arrow keys: consecutive nudges of the same selection are one undo step."""
        self.move_by(dx, dy, merge_key="nudge")

    def align(self, mode: str) -> None:
        elements = [e for e in self.elements() if not e.locked]
        if not elements:
            return
        boxes = {e.id: (e.x, e.y, e.width, e.height) for e in elements}
        page = self.document.template.page
        reference = (0.0, 0.0, page.width, page.height) if len(elements) == 1 else None
        moved = geometry.align(boxes, mode, reference)
        self.set_attributes({eid: {"x": x, "y": y} for eid, (x, y) in moved.items()}, tr("Align"))

    def distribute(self, axis: str) -> None:
        elements = [e for e in self.elements() if not e.locked]
        boxes = {e.id: (e.x, e.y, e.width, e.height) for e in elements}
        moved = geometry.distribute(boxes, axis)
        self.set_attributes(
            {
                eid: {"x": x, "y": y}
                for eid, (x, y) in moved.items()
                if (x, y) != (boxes[eid][0], boxes[eid][1])
            },
            tr("Distribute"),
        )

    def bind_field(self, field: str, element_id: str | None = None) -> None:
        """Insert ``{{ field }}`` into a text element (or set a photo's field)."""
        ids = [element_id] if element_id else self.selection()
        changes: dict[str, dict[str, Any]] = {}
        for eid in ids:
            element = self.document.element(eid)
            if isinstance(element, TextElement):
                text = element.text
                placeholder = f"{{{{ {field} }}}}"
                changes[eid] = {
                    "text": placeholder if text in ("", tr("Text")) else f"{text}{placeholder}"
                }
            elif isinstance(element, ImageElement):
                changes[eid] = {"field": field, "source": ""}
            elif isinstance(element, QRElement | BarcodeElement):
                changes[eid] = {"content": f"{{{{ {field} }}}}"}
        self.set_attributes(changes, tr("Insert field"))

    # ----- order, lock, visibility
    def _reorder(self, ids: list[str], how: str) -> None:
        order = [e.id for e in self.document.side(self.side_name).elements]
        chosen = [eid for eid in order if eid in ids]
        if not chosen:
            return
        if how == "front":
            new = [eid for eid in order if eid not in ids] + chosen
        elif how == "back":
            new = chosen + [eid for eid in order if eid not in ids]
        else:
            new = list(order)
            step = 1 if how == "forward" else -1
            indexes = range(len(new) - 1, -1, -1) if step == 1 else range(len(new))
            for i in indexes:
                j = i + step
                if new[i] in ids and 0 <= j < len(new) and new[j] not in ids:
                    new[i], new[j] = new[j], new[i]
        if new != order:
            self.undo_stack.push(ReorderCommand(self.document, self.side_name, new))

    def bring_to_front(self) -> None:
        self._reorder(self.selection(), "front")

    def send_to_back(self) -> None:
        self._reorder(self.selection(), "back")

    def bring_forward(self) -> None:
        self._reorder(self.selection(), "forward")

    def send_backward(self) -> None:
        self._reorder(self.selection(), "backward")

    def set_order(self, element_ids: list[str]) -> None:
        if element_ids != [e.id for e in self.document.side(self.side_name).elements]:
            self.undo_stack.push(ReorderCommand(self.document, self.side_name, element_ids))

    def set_locked(self, locked: bool, element_ids: list[str] | None = None) -> None:
        self.set_attribute("locked", locked, element_ids)

    def set_visible(self, visible: bool, element_ids: list[str] | None = None) -> None:
        self.set_attribute("visible", visible, element_ids)

    # ----- page
    def set_page(self, preset: str | None, orientation: str, width: float, height: float) -> None:
        from designer.model.template import PageSpec

        spec = (
            PageSpec.from_preset(preset, orientation)
            if preset
            else PageSpec(None, orientation, width, height)
        )
        self.undo_stack.push(
            SetTemplateAttributesCommand(self.document, {"page": spec}, tr("Page size"))
        )

    def add_guide(self, axis: str, position: float) -> None:
        guides = self.document.guides() + [{"axis": axis, "position": round(position, 2)}]
        self.undo_stack.push(
            SetTemplateAttributesCommand(self.document, {"extra.guides": guides}, tr("Add guide"))
        )

    def clear_guides(self) -> None:
        if self.document.guides():
            self.undo_stack.push(
                SetTemplateAttributesCommand(
                    self.document, {"extra.guides": None}, tr("Clear guides")
                )
            )

    def set_picture(self, path: str | Path, element_ids: list[str] | None = None) -> str:
        """Store a picture file in the template and show it in the selected image elements."""
        from designer.errors import ShoshoError
        from designer.ui.undo import AddAssetCommand

        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ShoshoError(f"{path}: cannot read the picture ({error.strerror})") from None
        name = path.name
        assets = self.document.template.assets
        stem, suffix, n = path.stem, path.suffix, 1
        while name in assets and assets[name] != data:
            n += 1
            name = f"{stem}-{n}{suffix}"
        ids = self.selection() if element_ids is None else element_ids
        changes = {
            eid: {"source": name, "field": ""}
            for eid in ids
            if isinstance(self.document.element(eid), ImageElement)
        }
        self.undo_stack.push(AddAssetCommand(self.document, name, data, changes))
        return name
