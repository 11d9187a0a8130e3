"""Autosave and recovery: unsaved work is copied to the data folder every minute, and offered
back after a crash. A clean save or a close without saving removes the copy."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from designer.model.io import load_template, save_template
from designer.model.template import Template
from designer.settings import data_home

INTERVAL_MS = 60_000


def autosave_dir() -> Path:
    return data_home() / "autosave"


@dataclass
class Recovery:
    """An autosaved copy found at start-up."""

    copy: Path
    original: Path | None
    saved_at: float
    name: str

    def load(self) -> Template:
        return load_template(self.copy)

    def discard(self) -> None:
        self.copy.unlink(missing_ok=True)
        self.copy.with_suffix(".json").unlink(missing_ok=True)


def find_recoveries() -> list[Recovery]:
    found = []
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    for info_path in sorted(folder.glob("*.json")):
        copy = info_path.with_suffix(".shosho")
        try:
            info = json.loads(info_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if copy.exists():
            original = Path(info["original"]) if info.get("original") else None
            found.append(
                Recovery(copy, original, float(info.get("saved_at", 0)), str(info.get("name", "")))
            )
    return found


class Autosaver(QObject):
    """Writes the editor's document to the autosave folder while it has unsaved changes."""

    def __init__(self, editor, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(editor)
        self.editor = editor
        self.copy = autosave_dir() / f"{editor.document.template.id}.shosho"
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        self._editor_gone = False
        # Destroying the editor clears its undo stack, which reports "clean": that is not a
        # save, so the copy must stay (it is what recovery needs if the window went away).
        editor.destroyed.connect(self._on_editor_destroyed)
        editor.undo_stack.cleanChanged.connect(self._on_clean)

    def _on_editor_destroyed(self, *_args) -> None:
        self._editor_gone = True

    def save_now(self) -> Path | None:
        if not self.editor.modified:
            return None
        save_template(self.editor.document.template, self.copy)
        info = {
            "original": str(self.editor.document.path or ""),
            "saved_at": time.time(),
            "name": self.editor.document.display_name(),
        }
        self.copy.with_suffix(".json").write_text(
            json.dumps(info, ensure_ascii=False), encoding="utf-8"
        )
        return self.copy

    def _on_clean(self, clean: bool) -> None:
        if clean and not self._editor_gone:
            self.discard()

    def discard(self) -> None:
        self.copy.unlink(missing_ok=True)
        self.copy.with_suffix(".json").unlink(missing_ok=True)

    def stop(self) -> None:
        self.timer.stop()
