"""Qt fixtures for the designer: an isolated data folder and a main window per test."""

from __future__ import annotations

import json

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


def write_roster(path, count: int) -> None:
    rows = "".join(f"S{i:05d},山田 太郎{i},u{i}@example.jp\n" for i in range(count))
    path.write_text("student_id,full_name,email\n" + rows, encoding="utf-8")


@pytest.fixture
def office(tmp_path):
    """A saved one-page certificate, a roster of five and an issuer profile."""
    from designer.model import QRElement, Side, Template, TextElement, save_template

    template = Template(
        name="修了証", achievement={"name": "Python 基礎", "description": "Completed."}
    )
    template.sides = [
        Side(
            elements=[
                TextElement(x=20, y=30, width=170, height=20, text="{{ full_name }}"),
                QRElement(x=80, y=200, width=40, height=40),
            ]
        )
    ]
    save_template(template, tmp_path / "t.shosho")
    write_roster(tmp_path / "roster.csv", 5)
    (tmp_path / "issuer.json").write_text(
        json.dumps(
            {
                "id": "https://mirai.example/issuer",
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "url": "https://mirai.example/",
                "status_list_url": "https://mirai.example/status/",
                "verify_url": "https://mirai.example/v/",
            }
        ),
        encoding="utf-8",
    )
    return tmp_path
