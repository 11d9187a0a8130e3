"""The layers panel: the side's elements front to back, with names, visibility and lock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.ui.editor import Editor

ID_ROLE = Qt.ItemDataRole.UserRole
COL_NAME, COL_VISIBLE, COL_LOCKED = 0, 1, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class LayerTree(QTreeWidget):
    """A tree whose drag-and-drop reorders elements through the editor (one undo step)."""

    def __init__(self, panel: LayersPanel) -> None:
        super().__init__()
        self.panel = panel

    def dropEvent(self, event) -> None:  # noqa: N802
        super().dropEvent(event)
        self.panel.commit_order()


class LayersPanel(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._loading = False
        self.tree = LayerTree(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([tr("Element"), tr("Shown"), tr("Locked")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(COL_VISIBLE, 52)
        self.tree.setColumnWidth(COL_LOCKED, 52)
        self.tree.header().setSectionResizeMode(COL_NAME, self.tree.header().ResizeMode.Stretch)
        buttons = QHBoxLayout()
        for text, tip, slot in (
            ("⤒", tr("Bring to front"), editor.bring_to_front),
            ("↑", tr("Bring forward"), editor.bring_forward),
            ("↓", tr("Send backward"), editor.send_backward),
            ("⤓", tr("Send to back"), editor.send_to_back),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.tree.itemSelectionChanged.connect(self._select_in_canvas)
        self.tree.itemChanged.connect(self._item_changed)
        document = editor.document
        for signal in (
            document.element_inserted,
            document.element_removed,
            document.order_changed,
            document.sides_changed,
        ):
            signal.connect(lambda *_: self.reload())
        document.elements_changed.connect(self._elements_changed)
        editor.selection_changed.connect(self._show_selection)
        editor.side_changed.connect(lambda _side: self.reload())
        self.reload()

    def reload(self) -> None:
        self._loading = True
        try:
            self.tree.clear()
            for element in reversed(self.editor.document.side(self.editor.side_name).elements):
                item = QTreeWidgetItem()
                item.setData(COL_NAME, ID_ROLE, element.id)
                item.setFlags(
                    Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsEditable
                    | Qt.ItemFlag.ItemIsDragEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                self._fill(item, element)
                self.tree.addTopLevelItem(item)
        finally:
            self._loading = False
        self._show_selection(self.editor.selection())

    def _fill(self, item: QTreeWidgetItem, element) -> None:
        item.setText(COL_NAME, element.name or element.TYPE)
        item.setToolTip(COL_NAME, f"{element.TYPE} · {element.id}")
        item.setCheckState(
            COL_VISIBLE, Qt.CheckState.Checked if element.visible else Qt.CheckState.Unchecked
        )
        item.setCheckState(
            COL_LOCKED, Qt.CheckState.Checked if element.locked else Qt.CheckState.Unchecked
        )

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def _elements_changed(self, ids: list[str]) -> None:
        self._loading = True
        try:
            for item in self._items():
                element_id = item.data(COL_NAME, ID_ROLE)
                if element_id in ids:
                    self._fill(item, self.editor.document.element(element_id))
        finally:
            self._loading = False

    def _show_selection(self, ids: list[str]) -> None:
        self._loading = True
        try:
            wanted = set(ids)
            for item in self._items():
                item.setSelected(item.data(COL_NAME, ID_ROLE) in wanted)
        finally:
            self._loading = False

    def _select_in_canvas(self) -> None:
        if not self._loading:
            self.editor.select([item.data(COL_NAME, ID_ROLE) for item in self.tree.selectedItems()])

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading:
            return
        element_id = item.data(COL_NAME, ID_ROLE)
        if column == COL_NAME:
            self.editor.set_attribute("name", item.text(COL_NAME).strip(), [element_id])
        elif column == COL_VISIBLE:
            self.editor.set_visible(
                item.checkState(COL_VISIBLE) == Qt.CheckState.Checked, [element_id]
            )
        elif column == COL_LOCKED:
            self.editor.set_locked(
                item.checkState(COL_LOCKED) == Qt.CheckState.Checked, [element_id]
            )

    def commit_order(self) -> None:
        """The tree lists front first; the document stores back first."""
        ids = [item.data(COL_NAME, ID_ROLE) for item in self._items()]
        self.editor.set_order(list(reversed(ids)))
        self.reload()
