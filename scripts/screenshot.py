"""Take the README screenshot: the main window with a certificate and its roster open.

Run under Xvfb so the window is drawn by a real X server:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py
Writes docs/screenshots/main-window.png, start-page.png, print-preview.png, issuer-form.png,
issue-wizard.png, batches-window.png, verify-window.png, settings.png and, when SoftHSM2 is
installed, keys-window.png (a throw-away token in a temporary folder). SHOSHO_LANG=en gives
the English windows (written with an -en suffix).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    os.environ.setdefault("SHOSHO_HOME", tempfile.mkdtemp(prefix="shosho-shot-"))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from designer.ui.app import application, install_translators, register_fonts
    from designer.ui.main_window import MainWindow

    language = os.environ.get("SHOSHO_LANG", "ja")
    app = application()
    install_translators(app, language)
    register_fonts()
    out = REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(check_recovery=False)
    window.resize(1500, 940)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out / "start-page.png"))
    window.open_path(REPO / "templates" / "shusho.shosho", as_copy=True)
    window.open_roster(REPO / "examples" / "roster-ja.csv")
    window.session.go(2)
    window.roster_dock.resize(window.roster_dock.width(), 260)
    window.resizeDocks(
        [window.roster_dock], [250], __import__("PySide6.QtCore").QtCore.Qt.Orientation.Vertical
    )
    editor = window.editor
    name_element = next(
        (
            e
            for e in editor.document.template.front.elements
            if getattr(e, "text", "").strip() == "{{ full_name }}"
        ),
        None,
    )
    if name_element is not None:
        editor.select([name_element.id])
        window.inspector_dock.raise_()
    for _ in range(5):
        app.processEvents()
    window.canvas.view.zoom_to_fit()

    def shoot() -> None:
        window.grab().save(str(out / "main-window.png"))
        print(out / "main-window.png")
        shoot_print_preview(window, app, out)
        shoot_issuer_form(window, app, out)
        shoot_wizard(window, app, out)
        shoot_batches_and_verify(window, app, out)
        shoot_keys_window(window, app, out)
        app.quit()

    QTimer.singleShot(400, shoot)
    app.exec()
    window.editor.undo_stack.setClean()
    QApplication.closeAllWindows()
    return 0


def settle(app, rounds: int = 8) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.05)


def shoot_print_preview(window, app, out: Path) -> None:
    editor = window.editor
    window.open_path(REPO / "templates" / "student-id.shosho", as_copy=True)
    window.session.go(0)
    preview = window.show_print_preview()
    preview.resize(760, 980)
    settle(app)
    preview.grab().save(str(out / "print-preview.png"))
    print(out / "print-preview.png")
    preview.close()
    window.editor.undo_stack.setClean()
    del editor


def _save(widget, out: Path, name: str) -> None:
    suffix = "" if os.environ.get("SHOSHO_LANG", "ja") == "ja" else "-" + os.environ["SHOSHO_LANG"]
    path = out / f"{name}{suffix}.png"
    widget.grab().save(str(path))
    print(path)


def shoot_issuer_form(window, app, out: Path) -> None:
    form = window.show_issuer_form()
    form.profile_name.setText("東京未来大学")
    form.name_ja.setText("東京未来大学")
    form.name_en.setText("Tokyo Mirai University")
    form.url.setText("https://www.tokyo-mirai.ac.jp/")
    form.email.setText("kyomu@tokyo-mirai.ac.jp")
    form.key.setText("pkcs11:token=Office;object=issuer-2026")
    settle(app)
    _save(form, out, "issuer-form")
    form.save()
    settle(app)


def shoot_wizard(window, app, out: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="shosho-shot-design-"))
    window.open_path(REPO / "templates" / "shusho.shosho", as_copy=True)
    window._save_to(folder / "修了証.shosho")
    window.open_roster(REPO / "examples" / "roster-ja.csv")
    wizard = window.show_issue_wizard(ask_secret=lambda what: "")
    wizard.setup.key.setText("")
    wizard.resize(720, 520)
    settle(app)
    _save(wizard, out, "issue-wizard")
    wizard.close()


def shoot_batches_and_verify(window, app, out: Path) -> None:
    batches = window.show_batches_window()
    batches.look_up("2510001")
    settle(app)
    _save(batches, out, "batches-window")
    batches.close()
    verify = window.show_verify_window()
    verify.verify("0000-1111")
    settle(app)
    _save(verify, out, "verify-window")
    verify.close()
    from designer.ui.fonts import families_to_offer
    from designer.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(families_to_offer(window._font_library()), window)
    dialog.show()
    settle(app)
    _save(dialog, out, "settings")
    dialog.close()


def shoot_keys_window(window, app, out: Path) -> None:
    import shutil
    import subprocess

    from designer.ui.keys_window import module_candidates

    util = shutil.which("softhsm2-util")
    modules = [m for m in module_candidates() if "softhsm" in m]
    if util is None or not modules:
        print("softhsm2 is not installed: no keys-window.png")
        return
    folder = Path(tempfile.mkdtemp(prefix="shosho-token-"))
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [util, "--init-token", "--free", "--label", "Office", "--so-pin", "87654321",
         "--pin", "246810"],
        check=True, capture_output=True,
    )  # fmt: skip
    keys = window.show_keys_window(ask_pin=lambda what: "246810")
    keys.set_module(modules[0])
    keys.refresh_tokens()
    keys.generate("issuer-2026", "ed25519")
    keys.domain.setText("www.tokyo-mirai.ac.jp")
    settle(app)
    keys.grab().save(str(out / "keys-window.png"))
    print(out / "keys-window.png")
    keys.close()


if __name__ == "__main__":
    sys.exit(main())
