"""Qt fixtures for the designer: an isolated data folder and a main window per test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def shosho_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("SHOSHO_HOME", str(home))
    return home


@pytest.fixture
def window(qtbot):
    from designer.ui.main_window import MainWindow

    win = MainWindow(check_recovery=False)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.editor is not None:
        win.editor.undo_stack.setClean()  # no "save changes?" question when the test closes it


def scene_point(view, x_mm: float, y_mm: float):
    return view.mapFromScene(x_mm, y_mm)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Record every message box instead of blocking on it; questions are answered "No"/"Discard"."""
    from PySide6.QtWidgets import QMessageBox

    class Shown(list):
        answers: list = []

    shown = Shown()
    answers = shown.answers = []

    def question(parent, title, text, *args, **kwargs):
        shown.append(("question", title, text))
        if answers:
            return answers.pop(0)
        return (
            QMessageBox.StandardButton.Discard
            if "Save" in text or "保存" in text
            else QMessageBox.StandardButton.No
        )

    def warning(parent, title, text, *args, **kwargs):
        shown.append(("warning", title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", warning)
    monkeypatch.setattr(QMessageBox, "critical", warning)
    return shown
