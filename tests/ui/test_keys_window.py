"""Keys and tokens window with the SoftHSM test token: list, generate, did:key, did.json, key file."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from PySide6.QtGui import QGuiApplication


def _window(window, qtbot, softhsm, pins):
    asked = []

    def ask(what):
        asked.append(what)
        return pins.pop(0) if pins else softhsm.pin

    keys = window.show_keys_window(ask_pin=ask, ask_passphrase=lambda what: "correct horse 1")
    qtbot.addWidget(keys)
    keys.set_module(softhsm.module_path)
    return keys, asked


def test_list_generate_and_show_the_did_key(window, qtbot, softhsm, monkeypatch, capsys, tmp_path):
    keys, asked = _window(window, qtbot, softhsm, [])
    tokens = keys.refresh_tokens()
    assert softhsm.token_label in [t.label for t in tokens]
    keys.select_token(softhsm.token_label)
    label = f"ui-{uuid.uuid4().hex[:6]}"
    did = keys.generate(label, "ed25519")
    assert did and did.startswith("did:key:z6Mk"), keys.status.text()
    assert len(asked) == 1, "the PIN is asked once per token while the window is open"
    assert label in [
        keys.keys.topLevelItem(i).text(0) for i in range(keys.keys.topLevelItemCount())
    ]
    assert keys.did.text() == did and keys.did.isReadOnly()

    # The same did:key as `shosho keys did` prints for that key, run from a terminal while the
    # window is open (its own process, as an office PC would run it).
    printed = subprocess.run(
        [sys.executable, "-m", "designer.cli", "keys", "did", "--key", softhsm.key_uri(label)],
        env={**os.environ, "SHOSHO_PIN": softhsm.pin},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert printed == did
    assert keys.key_ref.text().startswith(f"pkcs11:token={softhsm.token_label};object={label}")

    keys.copy(keys.did.text())
    assert QGuiApplication.clipboard().text() == did

    out = keys.export_did_json("mirai.example.ac.jp", tmp_path / "did.json")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["id"] == "did:web:mirai.example.ac.jp"
    assert document["verificationMethod"][0]["publicKeyMultibase"] == did.removeprefix("did:key:")
    assert "/.well-known/did.json" in keys.status.text()

    # An RSA key: listed with its type, no did:key.
    rsa_label = f"ui-rsa-{uuid.uuid4().hex[:6]}"
    assert keys.generate(rsa_label, "rsa2048") == ""
    listed = {keys.keys.topLevelItem(i).text(0): keys.keys.topLevelItem(i).text(1)
              for i in range(keys.keys.topLevelItemCount())}  # fmt: skip
    assert listed[rsa_label] == "RSA-2048" and listed[label] == "Ed25519"
    keys.close()


WRONG_PIN_SESSION = """
import json, sys
from designer.ui.app import application
from designer.ui.keys_window import KeysWindow

app = application()
module, token, pin = sys.argv[1:4]
pins = ["0000", pin]
asked = []
keys = KeysWindow(ask_pin=lambda what: asked.append(what) or pins.pop(0))
keys.set_module(module)
keys.refresh_tokens()
keys.select_token(token)
listed = keys.refresh_keys()
print(json.dumps({"asked": asked, "status": keys.status.text(), "keys": len(listed)}))
"""


def test_a_wrong_pin_shows_the_tokens_message_then_asks_again(softhsm, tmp_path):
    # A process of its own: within one process, a token logged in by any session stays
    # logged in, and then no PIN is checked at all.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOFTHSM2_CONF": str(softhsm.conf_path)}
    run = subprocess.run(
        [sys.executable, "-c", WRONG_PIN_SESSION, softhsm.module_path, softhsm.token_label,
         softhsm.pin],
        capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    token = softhsm.token_label
    assert len(outcome["asked"]) == 2
    first, second = outcome["asked"]
    assert first == f"PIN for token '{token}'"
    assert second.startswith(f"PIN for token '{token}'\nwrong PIN for token '{token}'")
    assert "tries left" in second
    assert outcome["status"].startswith(f"Token “{token}” holds")


def test_cancelling_the_pin_is_a_clear_message(window, qtbot, softhsm, message_boxes):
    from designer.errors import ShoshoError

    def cancel(what):
        raise ShoshoError("cancelled: no PIN given")

    keys = window.show_keys_window(ask_pin=cancel)
    qtbot.addWidget(keys)
    keys.set_module(softhsm.module_path)
    keys.refresh_tokens()
    assert keys.refresh_keys() == []
    assert "no PIN given" in keys.status.text()
    assert ("warning", "Keys and tokens", "cancelled: no PIN given") in message_boxes
    keys.close()


def test_a_missing_module_is_named(window, qtbot, tmp_path, message_boxes):
    keys = window.show_keys_window()
    qtbot.addWidget(keys)
    keys.set_module(tmp_path / "nothing.so")
    assert keys.refresh_tokens() == []
    assert str(tmp_path / "nothing.so") in keys.status.text()


def test_create_an_encrypted_key_file(window, qtbot, tmp_path):
    from designer.keys.keyfile import open_key_file
    from designer.keys.multikey import did_key

    keys = window.show_keys_window(ask_passphrase=lambda what: "correct horse 1")
    qtbot.addWidget(keys)
    did = keys.create_key_file(tmp_path / "issuer.key", "p256")
    assert did.startswith("did:key:zDn")
    assert did_key(open_key_file(tmp_path / "issuer.key", "correct horse 1").public_key()) == did
    assert keys.key_ref.text() == f"file:{tmp_path / 'issuer.key'}"
    assert (tmp_path / "issuer.key").stat().st_mode & 0o077 == 0


def test_a_module_that_lists_tokens_is_remembered_for_key_references(
    window, qtbot, softhsm, shosho_home, monkeypatch
):
    from designer.keys.modules import MODULE_ENV
    from designer.keys.references import parse_pkcs11_uri

    monkeypatch.delenv(MODULE_ENV, raising=False)
    (shosho_home).mkdir(parents=True, exist_ok=True)
    (shosho_home / "settings.json").write_text(json.dumps({"ui": {"language": "en"}}))
    keys, _ = _window(window, qtbot, softhsm, [])
    assert keys.refresh_tokens()
    saved = json.loads((shosho_home / "settings.json").read_text())
    assert saved["pkcs11_modules"][0] == softhsm.module_path
    assert saved["ui"] == {"language": "en"}
    ref = parse_pkcs11_uri(f"pkcs11:token={softhsm.token_label};object=k")
    assert ref.module_path == softhsm.module_path
    keys.close()
