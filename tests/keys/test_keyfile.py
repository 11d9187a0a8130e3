"""Encrypted key files."""

from __future__ import annotations

import stat

import pytest

from designer.errors import ShoshoError
from designer.keys.keyfile import create_key_file
from designer.keys.references import open_signer
from designer.signing.suites import sign_credential
from designer.verification.credential import UNTRUSTED, verify_credential
from tests.signing.helpers import NOW, sample_credential


@pytest.mark.parametrize(
    ("key_type", "suite"), [("ed25519", None), ("p256", "ecdsa-rdfc-2019"), ("p256", None)]
)
def test_key_file_signs(tmp_path, key_type, suite):
    path = tmp_path / "issuer.key"
    create_key_file(path, key_type, "correct horse battery")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"ENCRYPTED PRIVATE KEY" in path.read_bytes()
    signer = open_signer(f"file:{path}", passphrase_provider=lambda what: "correct horse battery")
    signed = sign_credential(sample_credential(), signer, suite=suite)
    assert verify_credential(signed, now=NOW).verdict == UNTRUSTED


def test_wrong_passphrase_and_no_overwrite(tmp_path):
    path = tmp_path / "issuer.key"
    create_key_file(path, "ed25519", "correct horse battery")
    with pytest.raises(ShoshoError) as caught:
        open_signer(f"file:{path}", passphrase_provider=lambda what: "wrong passphrase!")
    assert "wrong passphrase" in str(caught.value) and "wrong passphrase!" not in str(caught.value)
    with pytest.raises(ShoshoError, match="never overwritten"):
        create_key_file(path, "ed25519", "correct horse battery")


def test_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "issuer.key"
    create_key_file(path, "p256", "correct horse battery")
    path.chmod(0o644)
    with pytest.raises(ShoshoError, match="chmod 600"):
        open_signer(f"file:{path}", passphrase_provider=lambda what: "correct horse battery")


def test_passphrase_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "issuer.key"
    create_key_file(path, "ed25519", "from the environment")
    monkeypatch.setenv("SHOSHO_PASSPHRASE", "from the environment")
    assert open_signer(f"file:{path}").algorithm == "Ed25519"
