"""Secrets never reach a message, a world-readable file or a worker process."""

from __future__ import annotations

import os

import pytest

from designer.errors import ShoshoError
from designer.keys.passwords import (
    PIN_ENV,
    pin_provider,
    read_secret_file,
    withheld_secrets,
)
from designer.keys.references import open_signer, parse_pkcs11_uri, redact_key_reference

PIN = "735911"


@pytest.mark.parametrize(
    "reference",
    [
        f"pkcs11:token=Office;object=k;pin-value={PIN}",
        f"pkcs11:token=Office;object=k;PIN-VALUE={PIN}",
        f"pkcs11:token=Office;object=k;pin%2Dvalue={PIN}",
        f"pkcs11:token=Office;object=k?module-path=/usr/lib/x.so&pin-value={PIN}",
        f"pkcs11:token=Office;object=k?module-path=/usr/lib/x.so&PIN-VALUE={PIN}",
        f"pkcs11:token=Office;bogus;pin-value={PIN}",
        f"pkcs11:token=Office;object=k;unknown=1;pin-value={PIN}",
        f"pkcs11:object=k;pin-value={PIN}",
        f"PKCS11:token=Office;object=k;pin-value={PIN}",
        f"pkcs11 :token=Office;pin-value={PIN}",
    ],
)
def test_a_malformed_reference_never_shows_the_pin(reference, monkeypatch):
    monkeypatch.delenv("SHOSHO_PKCS11_MODULE", raising=False)
    with pytest.raises(ShoshoError) as caught:
        if reference.startswith("pkcs11:"):
            parse_pkcs11_uri(reference)
        else:
            open_signer(reference)
    assert PIN not in str(caught.value)
    assert PIN not in redact_key_reference(reference)


def test_secret_files_readable_by_others_are_refused(tmp_path):
    path = tmp_path / "pin.txt"
    path.write_text(PIN + "\n")
    path.chmod(0o644)
    with pytest.raises(ShoshoError, match="can be read by other users") as caught:
        read_secret_file(path)
    assert PIN not in str(caught.value)
    path.chmod(0o600)
    assert read_secret_file(path) == PIN


def test_cli_refuses_a_world_readable_passphrase_file(tmp_path, capsys):
    from designer.cli import main
    from designer.keys.keyfile import create_key_file

    from .helpers import sample_credential, write_json

    secret = "a long passphrase 735911"
    create_key_file(tmp_path / "k.pem", "ed25519", secret)
    path = tmp_path / "pass.txt"
    path.write_text(secret)
    path.chmod(0o644)
    unsigned = write_json(tmp_path / "c.json", sample_credential())
    out = tmp_path / "s.json"
    code = main(["sign", str(unsigned), "--key", f"file:{tmp_path / 'k.pem'}",
                 "--passphrase-file", str(path), "--out", str(out)])  # fmt: skip
    captured = capsys.readouterr()
    assert code != 0 and not out.exists()
    assert "can be read by other users" in captured.err and secret not in captured.err


def test_workers_do_not_inherit_the_pin(monkeypatch):
    import multiprocessing

    monkeypatch.setenv(PIN_ENV, PIN)
    provider = pin_provider()
    with withheld_secrets():
        assert PIN_ENV not in os.environ
        assert provider("PIN") == PIN  # the program itself still has it
        context = multiprocessing.get_context("spawn")
        with context.Pool(1) as pool:
            assert pool.apply(os.getenv, (PIN_ENV,)) is None
    assert os.environ[PIN_ENV] == PIN


def test_batch_workers_start_without_the_pin_or_passphrase(monkeypatch):
    from designer.issue.executor import RecordExecutor
    from designer.issue.work import BatchSetup
    from designer.keys.passwords import PASSPHRASE_ENV

    from .helpers import MemorySigner

    monkeypatch.setenv(PIN_ENV, PIN)
    monkeypatch.setenv(PASSPHRASE_ENV, "a long passphrase")
    setup = BatchSetup(
        "0" * 64, b"", {}, "eddsa-rdfc-2022", "2026-01-01T00:00:00Z", ".", ("json",), None
    )
    with RecordExecutor(MemorySigner.ed25519(), 2, setup) as executor:
        seen = [
            executor.submit(os.getenv, name).result(timeout=120)
            for name in (PIN_ENV, PASSPHRASE_ENV)
        ]
    assert seen == [None, None]
    assert os.environ[PIN_ENV] == PIN  # the main process keeps it for the session
