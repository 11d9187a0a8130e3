"""The start page's first-run set-up: try the sample, the issuer profile, the signing key."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from designer.ui.issue_wizard import LAST_KEY


def _steps(window):
    return window.start_page.setup


def test_first_run_offers_the_sample_and_the_set_up_steps(window, qtbot):
    setup = _steps(window)
    assert setup is not None and setup.isVisible()
    assert [b.text() for b in setup.step_buttons] == [
        "Open the sample",
        "Issuer profile…",
        "Keys and tokens…",
    ]
    setup.step_buttons[0].click()
    assert window.editor is not None
    assert window.editor.document.template.name.startswith("修了証")
    assert window.editor.document.path is None  # a copy: saving asks where
    roster = window.session.roster
    assert roster is not None and roster.path.name == "roster-ja.csv"
    assert len(roster.records) == 30


def test_key_step_opens_keys_and_tokens(window, qtbot):
    _steps(window).step_buttons[2].click()
    assert window.keys_window is not None and window.keys_window.isVisible()
    window.keys_window.close()


def test_steps_say_what_is_done_and_go_once_both_are(qtbot, shosho_home):
    from designer.ui.main_window import MainWindow

    shosho_home.mkdir(parents=True, exist_ok=True)
    (shosho_home / "settings.json").write_text(
        json.dumps({"issuer_profile": {"name_ja": "東和大学"}}), encoding="utf-8"
    )
    half = MainWindow(check_recovery=False)
    qtbot.addWidget(half)
    setup = half.start_page.setup
    assert setup is not None
    assert setup.findChild(QLabel, "setupStep2").text().startswith("✓ ")
    assert "東和大学" in setup.findChild(QLabel, "setupStep2Detail").text()
    assert not setup.findChild(QLabel, "setupStep3").text().startswith("✓ ")

    ui = QSettings(str(shosho_home / "ui.ini"), QSettings.Format.IniFormat)
    ui.setValue(LAST_KEY, "pkcs11:token=Office;object=issuer-2026")
    ui.sync()
    done = MainWindow(check_recovery=False)
    qtbot.addWidget(done)
    assert done.start_page.setup is None
