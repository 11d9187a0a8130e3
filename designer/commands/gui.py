"""``shosho`` with no subcommand: the desktop program."""

from __future__ import annotations

import argparse
from pathlib import Path


def run_gui(
    args: argparse.Namespace, template: str | Path | None = None, roster: str | Path | None = None
) -> int:
    """Open the main window (the start page, or ``template`` when given) and run until closed."""
    from designer.ui.app import application, install_translators, ui_language
    from designer.ui.main_window import MainWindow
    from designer.ui.settings_dialog import saved_language

    app = application()
    install_translators(app, ui_language(saved_language()))
    window = MainWindow()
    if template is not None:
        window.open_path(template)
    if roster is not None:
        window.open_roster(roster)
    window.show()
    return app.exec()
