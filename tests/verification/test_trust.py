"""Signed trust lists, pinning, cached status lists, and the ``shosho trust`` and
``shosho verify-page`` commands (with a real key file and a real SoftHSM2 token)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from designer.errors import ShoshoError
from designer.keys.keyfile import create_key_file
from designer.keys.references import open_signer
from designer.signing.seal import GENUINE, REVOKED, UNKNOWN_ISSUER, seal_qr_text, verify_seal_text
from designer.verification.trust_list import (
    encode_status_bits,
    import_trust_list,
    installed_trust_list,
    load_trust_list,
    new_trust_list_document,
    parse_trust_list,
    put_issuer,
    sign_trust_list,
)
from tests.signing.test_seal_support import KeySigner, certificate_claims, issuer_entry

URL = "https://www.tokyo-mirai.ac.jp/v/"


def run_shosho(*argv: str) -> int:
    import designer.cli as cli

    saved = cli.COMMAND_MODULES
    cli.COMMAND_MODULES = ["designer.commands.trust", "designer.commands.verify_page"]
    try:
        return cli.main([str(arg) for arg in argv])
    except SystemExit as exit:
        return int(exit.code or 0)
    finally:
        cli.COMMAND_MODULES = saved


def signed_list(publisher: KeySigner, *entries: dict) -> dict:
    document = new_trust_list_document()
    for entry in entries:
        put_issuer(document, entry)
    return sign_trust_list(document, publisher, {"ja": "大学連合", "en": "University Consortium"})


@pytest.mark.parametrize("algorithm", ["Ed25519", "P-256"])
def test_signed_trust_list_round_trip(algorithm: str) -> None:
    issuer_key, publisher = KeySigner(), KeySigner(algorithm)
    trust = parse_trust_list(
        json.loads(json.dumps(signed_list(publisher, issuer_entry(issuer_key))))
    )
    assert trust.signed and trust.publisher_name["en"] == "University Consortium"
    text = seal_qr_text(certificate_claims(), issuer_key, URL)
    assert verify_seal_text(text, trust).status == GENUINE


def test_any_change_to_a_signed_list_is_rejected() -> None:
    document = signed_list(KeySigner(), issuer_entry(KeySigner()))
    forger = KeySigner()
    document["issuers"][0]["sealKeys"].append(issuer_entry(forger)["sealKeys"][0])
    with pytest.raises(ShoshoError, match="signature is not valid"):
        parse_trust_list(document)
    unsigned = {key: value for key, value in document.items() if key != "signature"}
    with pytest.raises(ShoshoError, match="not signed"):
        parse_trust_list(unsigned)


def test_a_list_resigned_by_another_publisher_fails_the_pin() -> None:
    publisher, other = KeySigner(), KeySigner()
    document = signed_list(other, issuer_entry(KeySigner()))
    from designer.keys.public_keys import kid_for_public_key

    with pytest.raises(ShoshoError, match="not the pinned one"):
        parse_trust_list(
            document, pinned_publishers={kid_for_public_key(publisher.public_key()).hex()}
        )


def test_import_pins_the_first_publisher(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))
    assert installed_trust_list().issuers == []
    publisher, intruder, issuer_key = KeySigner(), KeySigner(), KeySigner()
    first = tmp_path / "first.json"
    first.write_text(json.dumps(signed_list(publisher, issuer_entry(issuer_key))))
    import_trust_list(first)
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(signed_list(intruder, issuer_entry(KeySigner()))))
    with pytest.raises(ShoshoError, match="pinned"):
        import_trust_list(hostile)
    text = seal_qr_text(certificate_claims(), issuer_key, URL)
    assert verify_seal_text(text, installed_trust_list()).status == GENUINE


def test_entry_kid_must_match_its_key() -> None:
    entry = issuer_entry(KeySigner())
    entry["sealKeys"][0]["kid"] = "00" * 8
    with pytest.raises(ShoshoError, match="does not match its public key"):
        put_issuer(new_trust_list_document(), entry)


def test_cli_builds_signs_shows_and_imports_a_trust_list(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SHOSHO_PASSPHRASE", "correct horse battery")
    seal_signer = create_key_file(tmp_path / "seal.key", "ed25519", "correct horse battery")
    publisher = create_key_file(tmp_path / "publisher.key", "p256", "correct horse battery")
    issuer = tmp_path / "issuer.json"
    entry = issuer_entry(status_lists={"revocation": "https://www.tokyo-mirai.ac.jp/status/{list}"})
    issuer.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    pem = tmp_path / "old-seal.pem"
    pem.write_bytes(
        KeySigner("P-256")
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    status = tmp_path / "status-0.json"
    bits = bytearray(16384)
    bits[2] = 0x80 >> 7  # index 23
    status.write_text(json.dumps({
        "validFrom": "2026-11-01T00:00:00Z",
        "credentialSubject": {"statusPurpose": "revocation", "encodedList": encode_status_bits(bytes(bits))},
    }))  # fmt: skip
    trust_file = tmp_path / "trust.json"

    assert run_shosho("trust", "add-key", issuer, "--key", f"file:{tmp_path / 'seal.key'}") == 0
    assert (
        run_shosho("trust", "add-key", issuer, "--public-key", pem, "--valid-until", "2025-03-31")
        == 0
    )
    assert run_shosho("trust", "add-issuer", trust_file, "--issuer", issuer) == 0
    assert run_shosho("trust", "add-status", trust_file, "--issuer-id", entry["id"],
                      "--status-list", status) == 0  # fmt: skip
    assert run_shosho("trust", "show", trust_file) == 1  # not signed yet
    assert run_shosho("trust", "sign", trust_file, "--key", f"file:{tmp_path / 'publisher.key'}",
                      "--publisher-ja", "東京未来大学", "--publisher-en", "Tokyo Mirai University") == 0  # fmt: skip
    capsys.readouterr()
    assert run_shosho("trust", "show", trust_file) == 0
    shown = capsys.readouterr().out
    assert "status as of 2026-11-01" in shown and shown.count("seal key") == 2
    assert run_shosho("trust", "import", trust_file) == 0
    assert run_shosho("verify-page", "--issuer", issuer, "--out", tmp_path / "site") == 0
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8").count('"kid"') == 2

    trust = load_trust_list(trust_file)
    revoked = seal_qr_text(certificate_claims(status_index=23), seal_signer, URL)
    fine = seal_qr_text(certificate_claims(status_index=24), seal_signer, URL)
    assert verify_seal_text(revoked, trust).status == REVOKED
    verdict = verify_seal_text(fine, installed_trust_list())
    assert verdict.status == GENUINE and verdict.status_as_of.date().isoformat() == "2026-11-01"
    assert verify_seal_text(seal_qr_text(certificate_claims(), publisher, URL), trust).status == (
        UNKNOWN_ISSUER
    )


def test_cli_reports_bad_files_without_a_traceback(tmp_path: Path, capsys) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert run_shosho("trust", "show", tmp_path / "broken.json") == 1
    assert "broken.json is not readable JSON" in capsys.readouterr().err
    assert run_shosho("verify-page", "--issuer", tmp_path / "missing.json", "--out", tmp_path) == 1


def test_seal_signed_in_a_softhsm_token_verifies(softhsm) -> None:
    for key_type in ("ed25519", "p256"):
        signer = open_signer(softhsm.make_key(key_type), pin_provider=softhsm.pin_provider)
        try:
            text = seal_qr_text(certificate_claims(), signer, URL)
            trust = parse_trust_list(signed_list(KeySigner(), issuer_entry(signer)))
            assert verify_seal_text(text, trust).status == GENUINE
        finally:
            signer.close()


def test_the_trust_list_lives_in_the_data_folder_of_the_settings(tmp_path, monkeypatch):
    from designer.settings import data_home
    from designer.verification.trust_list import installed_trust_list_path

    monkeypatch.delenv("SHOSHO_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert installed_trust_list_path().parent == data_home()
    assert data_home() == tmp_path / "Shosho"


def test_an_issuer_profile_becomes_a_trust_entry_with_nothing_dropped(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("SHOSHO_PASSPHRASE", "correct horse battery")
    create_key_file(tmp_path / "seal.key", "ed25519", "correct horse battery")
    profile = tmp_path / "issuer.json"
    original = {
        "id": "did:web:www.tokyo-mirai.ac.jp",
        "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
        "email": "registrar@tokyo-mirai.ac.jp",
        "verify_url": URL,
        "status_list_url": "https://www.tokyo-mirai.ac.jp/status/",
    }
    profile.write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")
    key = f"file:{tmp_path / 'seal.key'}"
    # Seal keys never go into the profile `shosho issue` reads.
    assert run_shosho("trust", "add-key", profile, "--key", key) == 2
    assert "add-issuer" in capsys.readouterr().err
    assert json.loads(profile.read_text(encoding="utf-8")) == original
    trust_file = tmp_path / "trust.json"
    assert run_shosho("trust", "add-issuer", trust_file, "--issuer", profile, "--key", key) == 0
    assert "email" in capsys.readouterr().out  # said, not silently left out
    [entry] = json.loads(trust_file.read_text(encoding="utf-8"))["issuers"]
    assert entry["verifyUrl"] == URL
    assert entry["statusLists"]["suspension"].endswith("/status/suspension-{list}.json")
    assert len(entry["sealKeys"]) == 1
    issuer = load_trust_list_unsigned(trust_file)
    assert issuer.verify_hosts == ("www.tokyo-mirai.ac.jp",)
    # A profile handed to add-issuer as if it were an entry is refused, not trimmed.
    with pytest.raises(ShoshoError, match="issuer profile"):
        put_issuer(new_trust_list_document(), original)


def load_trust_list_unsigned(path: Path):
    from designer.verification.trust_list import issuer_from_entry

    return issuer_from_entry(json.loads(path.read_text(encoding="utf-8"))["issuers"][0])
