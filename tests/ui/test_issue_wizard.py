"""The issue wizard: default issuer from settings, cancel midway and resume, PIN retries."""

import json
import uuid

import pytest
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from designer.errors import ShoshoError
from designer.keys.pkcs11_token import TokenError
from designer.ui.pin_dialog import SecretDialog, with_pin_retries
from tests.ui.conftest import write_roster


def _settings(home, data):
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps(data), encoding="utf-8")


def test_cancel_midway_then_resume_issues_everyone_once(
    window, qtbot, office, softhsm, shosho_home, message_boxes, monkeypatch
):
    from designer.issue import pipeline
    from designer.settings import load_settings
    from designer.store import open_store
    from designer.store.models import Credential

    monkeypatch.setattr(pipeline, "CHUNK", 2)  # small groups, so a cancel lands midway
    write_roster(office / "roster.csv", 10)
    _settings(shosho_home, {"issuer_profile": {"file": str(office / "issuer.json")}})
    key_uri = softhsm.make_key("ed25519", f"ui-resume-{uuid.uuid4().hex[:6]}")
    window.open_path(office / "t.shosho")
    window.open_roster(office / "roster.csv")
    wizard = window.show_issue_wizard(ask_secret=lambda what: softhsm.pin)
    qtbot.addWidget(wizard)
    setup = wizard.setup
    assert setup.issuer_ref() == str(office / "issuer.json"), "the issuer comes from settings"
    setup.key.setText(key_uri)
    setup.out.setText(str(office / "out"))

    class Canceller(QObject):
        """Lives on the UI thread: the batch waits while it clicks "Cancel issuing"."""

        @Slot(object)
        def on_progress(self, progress):
            if progress.done > 0 and wizard.run_page.cancel_button.isEnabled():
                wizard.run_page.cancel_button.click()

    canceller = Canceller()

    def cancel_after_the_first_records(worker):
        worker.progress.connect(canceller.on_progress, Qt.ConnectionType.BlockingQueuedConnection)

    wizard.worker_created.connect(cancel_after_the_first_records)
    wizard.next()  # the review page
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None or wizard.error is not None, timeout=60_000)
    assert wizard.error is None, wizard.error
    first = wizard.result
    assert first.cancelled and not first.finished and 0 < first.done < 10
    assert "stopped" in wizard.run_page.summary.text()
    wizard.wait()
    wizard.close()

    # The next time, the wizard offers the unfinished batch and finishes it.
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    again = window.show_issue_wizard(ask_secret=lambda what: softhsm.pin)
    qtbot.addWidget(again)
    assert (
        message_boxes[-1][1] == "Unfinished batch" and str(first.batch_id) in message_boxes[-1][2]
    )
    assert again.resume_batch == first.batch_id
    assert again.setup.key.text() == key_uri  # the batch's own key
    again.next()  # the review page
    again.next()
    qtbot.waitUntil(lambda: again.result is not None or again.error is not None, timeout=60_000)
    assert again.error is None, again.error
    second = again.result
    assert second.finished and second.batch_id == first.batch_id and second.done == 10
    again.wait()

    pdfs = sorted((office / "out").rglob("*.pdf"))
    assert len(pdfs) == 10
    store = open_store(load_settings().database_url)
    with store.read() as session:
        rows = session.execute(
            select(Credential.row_number, func.count())
            .where(Credential.batch_id == first.batch_id)
            .group_by(Credential.row_number)
        ).all()
    assert len(rows) == 10 and all(count == 1 for _row, count in rows)


def test_the_wizards_cancel_stops_a_running_batch(
    window, qtbot, office, softhsm, shosho_home, monkeypatch
):
    from designer.issue import pipeline

    monkeypatch.setattr(pipeline, "CHUNK", 1)
    write_roster(office / "roster.csv", 8)
    _settings(shosho_home, {"issuer_profile": str(office / "issuer.json")})
    window.open_path(office / "t.shosho")
    window.open_roster(office / "roster.csv")
    wizard = window.show_issue_wizard(ask_secret=lambda what: softhsm.pin)
    qtbot.addWidget(wizard)
    assert wizard.setup.issuer_ref() == str(office / "issuer.json")
    wizard.setup.key.setText(softhsm.make_key("ed25519", f"ui-stop-{uuid.uuid4().hex[:6]}"))
    wizard.setup.out.setText(str(office / "out"))
    wizard.next()  # the review page
    wizard.next()
    wizard.reject()  # QWizard's Cancel while issuing: the batch stops, nothing is lost
    assert not wizard.running()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    assert wizard.result.done < 8 and not wizard.result.finished


def test_a_wrong_pin_is_asked_again_with_the_tokens_message():
    prompts = []

    def action(provide):
        pin = provide("PIN for token 'Office'")
        if pin != "1234":
            raise TokenError("wrong PIN for token 'Office'; few tries left before the PIN locks")
        return "session"

    answers = ["1111", "1234"]
    result = with_pin_retries(action, lambda what: prompts.append(what) or answers.pop(0))
    assert result == "session"
    assert prompts == [
        "PIN for token 'Office'",
        "PIN for token 'Office'\nwrong PIN for token 'Office'; few tries left before the PIN locks",
    ]
    # Other errors and the last wrong PIN are not retried.
    with pytest.raises(TokenError, match="wrong PIN"):
        with_pin_retries(action, lambda what: "0000", attempts=2)
    with pytest.raises(ShoshoError, match="locked"):
        with_pin_retries(lambda provide: (_ for _ in ()).throw(TokenError("PIN locked")), str)


def test_the_pin_dialog_shows_the_problem_and_keeps_nothing(qtbot):
    dialog = SecretDialog("PIN", "PIN for token 'Office'", "wrong PIN; one try left")
    qtbot.addWidget(dialog)
    assert not dialog.problem.isHidden() and "one try left" in dialog.problem.text()
    dialog.secret.setText("1234")
    assert dialog.take() == "1234"
    assert dialog.secret.text() == ""
