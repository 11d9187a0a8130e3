"""Designer speed: a 20,000-row roster, 200 preview steps, and dragging 50 of 300 elements.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui.py

Prints time per preview step (target < 50 ms) and per drag frame (target < 16 ms). A preview
step is: move to the next record, lay the page out with its values, and paint the canvas.
A drag frame is one mouse move of the select tool with the canvas repainted.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("SHOSHO_HOME", tempfile.mkdtemp(prefix="shosho-bench-"))


def main() -> None:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from designer.ui.app import application
    from designer.ui.main_window import MainWindow

    app = application()
    window = MainWindow(check_recovery=False)
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    folder = Path(tempfile.mkdtemp())
    roster = folder / "big.csv"
    lines = ["学籍番号,姓,名,セイ,メイ,講座名,修了日,発行日"]
    lines += [
        f"{2600000 + i},山田{i},花子,ヤマダ,ハナコ,地域データ活用講座,2025-03-19,2025-03-25"
        for i in range(20_000)
    ]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")

    editor = window.open_path(REPO / "templates" / "shusho.shosho", as_copy=True)
    start = time.perf_counter()
    window.open_roster(roster)
    app.processEvents()
    print(
        f"open 20,000-row roster (read, map, check, show): {(time.perf_counter() - start) * 1000:.0f} ms"
    )
    view = window.canvas.view
    times = []
    for _ in range(200):
        start = time.perf_counter()
        window.session.next()
        view.viewport().repaint()
        times.append(time.perf_counter() - start)
    print(
        f"preview step: median {statistics.median(times) * 1000:.1f} ms, "
        f"95th percentile {sorted(times)[189] * 1000:.1f} ms (target < 50 ms)"
    )

    editor = window.new_blank("A3", "landscape")
    view = window.canvas.view
    ids = []
    for i in range(300):
        kind = ("text", "shape", "qr")[i % 3]
        ids.append(
            editor.add_element(kind, x=5 + (i % 20) * 20, y=5 + (i // 20) * 18, width=18, height=14)
        )
    view.zoom_to_fit()
    app.processEvents()
    chosen = ids[:50]
    editor.select(chosen)
    first = editor.document.element(chosen[0])
    origin = QPointF(first.x + first.width / 2, first.y + first.height / 2)

    def send(kind, scene_point, buttons):
        pos = QPointF(view.mapFromScene(scene_point))
        event = QMouseEvent(
            kind,
            pos,
            view.viewport().mapToGlobal(pos),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        getattr(
            view,
            {
                QEvent.Type.MouseButtonPress: "mousePressEvent",
                QEvent.Type.MouseMove: "mouseMoveEvent",
                QEvent.Type.MouseButtonRelease: "mouseReleaseEvent",
            }[kind],
        )(event)

    steps_before = editor.undo_stack.count()
    send(QEvent.Type.MouseButtonPress, origin, Qt.MouseButton.LeftButton)
    frames = []
    for step in range(1, 121):
        start = time.perf_counter()
        send(
            QEvent.Type.MouseMove,
            origin + QPointF(step * 0.37, step * 0.21),
            Qt.MouseButton.LeftButton,
        )
        view.viewport().repaint()
        frames.append(time.perf_counter() - start)
    send(
        QEvent.Type.MouseButtonRelease,
        origin + QPointF(120 * 0.37, 120 * 0.21),
        Qt.MouseButton.NoButton,
    )
    print(
        f"drag frame (50 of 300 selected): median {statistics.median(frames) * 1000:.1f} ms, "
        f"95th percentile {sorted(frames)[113] * 1000:.1f} ms (target < 16 ms)"
    )
    print(f"undo steps for the whole drag: {editor.undo_stack.count() - steps_before}")
    editor.undo_stack.setClean()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
