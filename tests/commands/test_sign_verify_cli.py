"""``shosho keys``, ``shosho sign`` and ``shosho verify`` end to end."""

from __future__ import annotations

import json

from designer.credential.baking import bake_png
from tests.signing.helpers import DATA, run_cli, sample_credential, write_json

NOW = "2026-04-01T00:00:00Z"


def test_file_key_sign_verify_and_trust(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOSHO_PASSPHRASE", "a long passphrase")
    key = tmp_path / "issuer.key"
    assert run_cli("keys", "new-file", key, "--type", "ed25519") == 0
    assert (
        run_cli(
            "keys",
            "did",
            "--key",
            f"file:{key}",
            "--web",
            "example.ac.jp",
            "--out",
            tmp_path / "did.json",
        )
        == 0
    )
    did_doc = json.loads((tmp_path / "did.json").read_text())
    assert did_doc["id"] == "did:web:example.ac.jp" and did_doc["assertionMethod"]
    unsigned = write_json(
        tmp_path / "unsigned.json", sample_credential(issuer_id="did:web:example.ac.jp")
    )
    signed = tmp_path / "signed.json"
    assert run_cli("sign", unsigned, "--key", f"file:{key}", "--out", signed) == 0
    capsys.readouterr()
    assert run_cli("verify", signed, "--now", NOW) == 3
    assert "ISSUER NOT TRUSTED" in capsys.readouterr().out
    assert run_cli("verify", signed, "--trust", tmp_path / "did.json", "--now", NOW) == 0
    assert "VERIFIED" in capsys.readouterr().out
    assert (
        run_cli("verify", signed, "--trust", tmp_path / "did.json", "--now", "2020-01-01T00:00:00Z")
        == 1
    )


def test_token_sign_with_pin_file(softhsm, tmp_path, monkeypatch):
    monkeypatch.delenv("SHOSHO_PIN", raising=False)
    pin_file = tmp_path / "pin"
    pin_file.write_text(softhsm.pin + "\n")
    pin_file.chmod(0o600)  # a PIN file others can read is refused
    uri = softhsm.key_uri("cli-rsa")
    assert (
        run_cli("keys", "generate", "--key", uri, "--type", "rsa2048", "--pin-file", pin_file) == 0
    )
    unsigned = write_json(tmp_path / "unsigned.json", sample_credential())
    out = tmp_path / "signed.jwt"
    assert run_cli("sign", unsigned, "--key", uri, "--pin-file", pin_file, "--out", out) == 0
    assert out.read_text().count(".") == 2
    assert run_cli("verify", out, "--now", NOW) == 3


def test_worst_file_decides_and_json_output(tmp_path, capsys):
    samples = DATA / "examples" / "1edtech-validator"
    assert run_cli("verify", samples / "simple.json", "--now", NOW) == 3
    assert (
        run_cli("verify", samples / "simple.json", samples / "simple-noproof.json", "--now", NOW)
        == 1
    )
    capsys.readouterr()
    assert run_cli("verify", samples / "simple.json", "--json", "--now", NOW) == 3
    line = json.loads(capsys.readouterr().out.strip())
    assert (
        line["verdict"] == "untrusted"
        and line["credential"]["issuer_id"] == "https://example.com/issuers/876543"
    )
    assert run_cli("verify", tmp_path / "missing.json") == 2
    assert run_cli("verify") == 2


def test_garbage_and_truncated_inputs_are_invalid_with_a_reason(tmp_path, capsys):
    signed = (DATA / "examples" / "1edtech-validator" / "simple.json").read_text()
    (tmp_path / "truncated.json").write_text(signed[: len(signed) // 2])
    (tmp_path / "garbage.bin").write_bytes(bytes(range(256)) * 4)
    png = bake_png(
        (DATA / "examples" / "1edtech-validator" / "baked" / "simple-json.png").read_bytes(),
        "x",
        replace=True,
    )
    (tmp_path / "cut.png").write_bytes(png[:-30])
    for name in ("truncated.json", "garbage.bin", "cut.png"):
        capsys.readouterr()
        assert run_cli("verify", tmp_path / name) == 1
        out = capsys.readouterr().out
        assert "INVALID" in out and "reason:" in out and "Traceback" not in out


def test_sign_rejects_unknown_context(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOSHO_PASSPHRASE", "a long passphrase")
    key = tmp_path / "k.key"
    run_cli("keys", "new-file", key, "--type", "ed25519")
    credential = sample_credential()
    credential["@context"].append("https://example.org/private-context.json")
    unsigned = write_json(tmp_path / "u.json", credential)
    assert run_cli("sign", unsigned, "--key", f"file:{key}", "--out", tmp_path / "s.json") == 1
    assert "https://example.org/private-context.json" in capsys.readouterr().err
