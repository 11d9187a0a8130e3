"""JSON-LD safe mode: content the contexts do not define is never signed, never VERIFIED.

Canonicalisation drops undefined terms, so an added ``"evil": "injected"`` would not change the
signed hash. Verification must fail on it, and signing must refuse it.
"""

from __future__ import annotations

import copy
import json

import pytest

from designer.credential.jsonld import UndefinedTermError, require_defined_terms, undefined_terms
from designer.errors import ShoshoError
from designer.issue.signing import BatchSigner
from designer.signing.suites import sign_credential
from designer.verification.credential import INVALID, VERIFIED, verify_credential
from designer.verification.issuers import TrustedIssuers
from tests.commands.test_sign_verify_cli import NOW as NOW_TEXT

from .helpers import NOW, MemorySigner, run_cli, sample_credential, write_json

DID = "did:web:example.ac.jp"


def _injections():
    """(name, function that adds unsigned content to a credential)."""

    def top(c):
        c["evil"] = "injected"

    def subject(c):
        c["credentialSubject"]["evil"] = "injected"

    def achievement(c):
        c["credentialSubject"]["achievement"]["note"] = {"x": 1}

    def relative_type(c):
        c["type"] = [*c["type"], "Evil"]

    def relative_id(c):
        c["credentialSubject"]["achievement"]["id"] = "not-an-iri"

    def null_property(c):
        c["credentialSubject"]["evil"] = None

    return [top, subject, achievement, relative_type, relative_id, null_property]


@pytest.fixture(scope="module")
def signer():
    return MemorySigner.ed25519()


@pytest.fixture(scope="module")
def trust(signer):
    from designer.keys.did import key_fingerprint

    trusted = TrustedIssuers()
    trusted.add(DID, [key_fingerprint(signer.public_key())])
    return trusted


@pytest.mark.parametrize("inject", _injections(), ids=lambda f: f.__name__)
def test_added_unsigned_content_is_never_verified(inject, signer, trust):
    signed = sign_credential(sample_credential(issuer_id=DID), signer)
    assert verify_credential(signed, trust, now=NOW).verdict == VERIFIED
    altered = copy.deepcopy(signed)
    inject(altered)
    result = verify_credential(altered, trust, now=NOW)
    assert result.verdict == INVALID
    assert any("JSON-LD safe mode" in reason for reason in result.reasons), result.reasons


def test_unsigned_content_in_the_proof_is_never_verified(signer, trust):
    signed = sign_credential(sample_credential(issuer_id=DID), signer)
    signed["proof"][0]["evil"] = "injected"
    result = verify_credential(signed, trust, now=NOW)
    assert result.verdict == INVALID
    assert "'evil'" in " ".join(result.reasons)


@pytest.mark.parametrize("inject", _injections(), ids=lambda f: f.__name__)
@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "vc-jwt"])
def test_signing_refuses_undefined_terms(inject, suite, signer):
    credential = sample_credential(issuer_id=DID)
    inject(credential)
    with pytest.raises(UndefinedTermError, match="JSON-LD safe mode"):
        sign_credential(credential, signer, suite)
    with pytest.raises(UndefinedTermError):
        BatchSigner(signer, suite, NOW).sign(credential)


def test_the_message_names_each_term():
    credential = sample_credential(issuer_id=DID)
    credential["evil"] = "x"
    credential["type"] = [*credential["type"], "Forged"]
    problems = undefined_terms(credential)
    assert any("'evil'" in p for p in problems) and any("'Forged'" in p for p in problems)
    require_defined_terms(sample_credential(issuer_id=DID))  # a genuine credential passes


def test_cli_verify_and_sign(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOSHO_PASSPHRASE", "a long passphrase")
    key = tmp_path / "issuer.key"
    assert run_cli("keys", "new-file", key, "--type", "ed25519") == 0
    did = tmp_path / "did.json"
    assert (
        run_cli("keys", "did", "--key", f"file:{key}", "--web", "example.ac.jp", "--out", did) == 0
    )
    unsigned = write_json(tmp_path / "unsigned.json", sample_credential(issuer_id=DID))
    signed = tmp_path / "signed.json"
    assert run_cli("sign", unsigned, "--key", f"file:{key}", "--out", signed) == 0
    document = json.loads(signed.read_text())
    document["credentialSubject"]["evil"] = "injected"
    write_json(signed, document)
    capsys.readouterr()
    assert run_cli("verify", signed, "--trust", did, "--now", NOW_TEXT) == 1
    out = capsys.readouterr().out
    assert "VERIFIED" not in out.replace("NOT VERIFIED", "") and "'evil'" in out
    bad = write_json(tmp_path / "bad.json", document | {"proof": None})
    del document["proof"]
    write_json(bad, document)
    assert run_cli("sign", bad, "--key", f"file:{key}", "--out", tmp_path / "out.json") == 1
    assert not (tmp_path / "out.json").exists()
    assert "'evil'" in capsys.readouterr().err


def test_unknown_context_is_still_named():
    with pytest.raises(ShoshoError, match="evil.example"):
        undefined_terms({"@context": ["https://evil.example/c"], "type": "X"})
