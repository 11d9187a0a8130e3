"""Trust in the verify and keys windows: an office trusts its own key or a file, and the
verdict says who vouches; without it, a valid signature is never called genuine."""

from __future__ import annotations

import json

from designer.verification.trust_list import seal_key_entry
from tests.ui.test_batches_window import _issue


def _key(office):
    from cryptography.hazmat.primitives import serialization

    return serialization.load_pem_private_key((office / "key.pem").read_bytes(), None)


def test_trusting_our_own_key_turns_untrusted_into_genuine(window, qtbot, office):
    _issue(office)
    pdf = sorted((office / "out").rglob("*.pdf"))[0]
    verify = window.show_verify_window()
    qtbot.addWidget(verify)
    before = verify.verify(pdf)
    assert before.exit_code != 0
    assert "Genuine" not in verify.headline.text()  # nobody vouches for the key yet
    keys = window.show_keys_window()
    qtbot.addWidget(keys)
    profile = json.loads((office / "issuer.json").read_text(encoding="utf-8"))
    kept = keys.trust_own_key(_key(office).public_key(), profile)
    assert kept is not None and "now trusts" in keys.status.text()
    after = verify.verify(pdf)
    assert after.exit_code == 0, verify.details.toPlainText()
    assert verify.headline.text().startswith("Genuine")
    assert "Tokyo Mirai" in verify.details.toPlainText() or "東京未来" in (
        verify.details.toPlainText()
    )


def test_a_trust_file_chosen_in_the_verify_window_is_used_and_a_bad_one_refused(
    window, qtbot, office
):
    _issue(office)
    pdf = sorted((office / "out").rglob("*.pdf"))[0]
    verify = window.show_verify_window()
    qtbot.addWidget(verify)
    verify.verify(pdf)
    bad = office / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    assert verify.add_trust(bad) is None
    assert verify.headline.text() == "Cannot trust this file"
    listing = office / "mirai-trust.json"
    listing.write_text(
        json.dumps(
            {
                "issuers": [
                    {
                        "id": "https://mirai.example/issuer",
                        "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                        "verifyUrl": "https://mirai.example/v/",
                        "sealKeys": [seal_key_entry(_key(office).public_key())],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    assert verify.add_trust(listing) is not None  # the last item is checked again with it
    assert verify.result.exit_code == 0 and verify.headline.text().startswith("Genuine")


def test_without_an_issuer_set_up_our_key_cannot_be_trusted(window, qtbot):
    from cryptography.hazmat.primitives.asymmetric import ed25519

    keys = window.show_keys_window()
    qtbot.addWidget(keys)
    assert keys.trust_own_key(ed25519.Ed25519PrivateKey.generate().public_key(), {}) is None
    assert "Issuer" in keys.status.text()
