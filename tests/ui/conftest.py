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
