"""Editing a text element's text where it stands on the canvas (double-click), as in word
processors and label programs. Ctrl+Enter or clicking elsewhere keeps the text (one undo
step); Escape leaves it as it was."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit


class InPlaceEditor(QPlainTextEdit):
    def __init__(self, view, element_id: str) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.element_id = element_id
        element = view.editor.document.element(element_id)
        self.original = element.text
        self.setObjectName("inPlaceEditor")
        self.setPlainText(element.text)
        self.setStyleSheet("border:2px solid #1a73e8; background:rgba(255,255,255,235);")
        item_rect = view.mapFromScene(
            view.editor.scene.item(element_id).mapToScene(0, 0, element.width, element.height)
        ).boundingRect()
        self.setGeometry(item_rect.adjusted(-2, -2, 2, max(0, 40 - item_rect.height())))
        self.installEventFilter(self)
        self._done = False
        self.show()
        self.setFocus()
        self.selectAll()

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        text = self.toPlainText()
        if text != self.original:
            from PySide6.QtCore import QCoreApplication

            self.view.editor.set_attributes(
                {self.element_id: {"text": text}},
                QCoreApplication.translate("", "Edit text"),
            )
        self._close()

    def cancel(self) -> None:
        self._done = True
        self._close()

    def _close(self) -> None:
        self.hide()
        self.view.in_place = None
        self.view.setFocus()
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.commit()
                return True
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False
