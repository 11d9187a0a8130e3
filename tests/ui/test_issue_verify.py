"""Issue five records with the SoftHSM test token through the wizard, then verify one."""


def test_issue_five_with_the_token_then_verify_one(window, qtbot, office, softhsm, message_boxes):
    key_uri = softhsm.make_key("ed25519", "ui-wizard")
    window.open_path(office / "t.shosho")
    window.open_roster(office / "roster.csv")
    asked = []
    wizard = window.show_issue_wizard(ask_secret=lambda what: asked.append(what) or softhsm.pin)
    qtbot.addWidget(wizard)
    setup = wizard.setup
    assert setup.template.text() == str(office / "t.shosho")
    assert setup.roster.text() == str(office / "roster.csv")
    setup.choose_issuer(str(office / "issuer.json"))
    setup.key.setText(key_uri)
    setup.out.setText(str(office / "out"))
    assert setup.isComplete()
    wizard.next()  # the review page
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None or wizard.error is not None, timeout=120_000)
    assert wizard.error is None, wizard.error
    result = wizard.result
    assert result.finished and result.done == 5
    assert asked, "the PIN is asked for, not stored"
    assert str(result.batch_id) in wizard.run_page.summary.text()
    assert wizard.run_page.open_folder.isEnabled()
    wizard.wait()

    pdfs = sorted((office / "out").rglob("*.pdf"))
    assert len(pdfs) == 5
    verifier = window.show_verify_window()
    qtbot.addWidget(verifier)
    outcome = verifier.verify(pdfs[0])
    assert outcome is not None and outcome.error is None
    # The token key is nobody's trusted issuer here: the signature checks out, trust does not.
    assert "S0000" in verifier.details.toPlainText() or "山田" in verifier.details.toPlainText()
    assert verifier.headline.text()


def test_verify_window_reports_a_file_that_is_not_a_credential(qtbot, tmp_path):
    from designer.ui.verify_window import VerifyWindow

    bogus = tmp_path / "note.json"
    bogus.write_text('{"hello": "world"}', encoding="utf-8")
    window = VerifyWindow()
    qtbot.addWidget(window)
    result = window.verify(bogus)
    assert result is not None and result.exit_code == 1
    assert window.headline.text() == "Not valid"
