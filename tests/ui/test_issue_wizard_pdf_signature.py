"""The issue wizard's "Sign each PDF" box: ticked by the issuer profile's default, and the
batch it starts signs every PDF with the token key."""

import json

from designer.cli import main


def test_the_profile_default_ticks_the_box_and_the_batch_signs_its_pdfs(
    window, qtbot, office, softhsm, shosho_home, monkeypatch
):
    from designer.pdfsign.checking import check_pdf_signatures

    profile = json.loads((office / "issuer.json").read_text(encoding="utf-8"))
    profile["pdf_signature"] = {"sign": True}
    (office / "issuer.json").write_text(json.dumps(profile), encoding="utf-8")
    shosho_home.mkdir(parents=True, exist_ok=True)
    (shosho_home / "settings.json").write_text(
        json.dumps({"issuer_profile": {"file": str(office / "issuer.json")}}), encoding="utf-8"
    )
    monkeypatch.setenv("SHOSHO_PIN", softhsm.pin)
    key = softhsm.make_key("p256")
    assert main(["keys", "cert", "self-signed", "--key", key, "--name", "東京未来大学"]) == 0

    window.open_path(office / "t.shosho")
    window.open_roster(office / "roster.csv")
    wizard = window.show_issue_wizard(ask_secret=lambda what: softhsm.pin)
    qtbot.addWidget(wizard)
    assert wizard.setup.sign_pdf.isChecked(), "the issuer profile signs PDFs by default"
    wizard.setup.key.setText(key)
    wizard.setup.out.setText(str(office / "out"))
    wizard.next()  # the review page
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None or wizard.error is not None, timeout=90_000)
    assert wizard.error is None, wizard.error
    assert wizard.result.finished
    wizard.wait()
    pdfs = sorted((office / "out").rglob("*.pdf"))
    assert len(pdfs) == 5
    for pdf in pdfs:
        (signature,) = check_pdf_signatures(pdf.read_bytes(), []).signatures
        assert signature.sound and signature.chain == "trial", signature
