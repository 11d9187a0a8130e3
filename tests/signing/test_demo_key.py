"""The demo key ships with Shosho, passphrase included: it is recognised by its public key and
refused for every issuer but the demo issuer, in issue, sign, trust add-key and verify."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from designer.errors import ShoshoError
from designer.issue.demo import DEMO_ISSUER_ID
from designer.keys.demo import (
    DEMO_KEY_FILE,
    DEMO_PASSPHRASE,
    DEMO_PUBLIC_KEY_MULTIBASE,
    is_demo_public_key,
)
from designer.keys.did import key_fingerprint
from designer.keys.keyfile import open_key_file
from designer.keys.multikey import multibase_encode, public_key_multibase
from designer.signing.data_integrity import DataIntegritySigner, proof_hash_data, unsecured
from designer.signing.suites import sign_credential
from designer.verification.credential import VERIFIED, verify_credential
from designer.verification.issuers import TrustedIssuers

from .helpers import NOW, MemorySigner, run_cli, sample_credential, write_json

REAL = "did:web:example.ac.jp"


@pytest.fixture(scope="module")
def demo_signer(tmp_path_factory):
    copy = tmp_path_factory.mktemp("demo") / "demo.pem"
    copy.write_bytes(DEMO_KEY_FILE.read_bytes())
    copy.chmod(0o600)
    return open_key_file(copy, DEMO_PASSPHRASE)


def test_the_shipped_key_is_the_one_recognised(demo_signer):
    assert public_key_multibase(demo_signer.public_key()) == DEMO_PUBLIC_KEY_MULTIBASE
    assert is_demo_public_key(demo_signer.public_key())
    assert not is_demo_public_key(MemorySigner.ed25519().public_key())


def test_demo_data_folder_key_is_the_shipped_key(tmp_path):
    from designer.issue import demo_key
    from designer.settings import Settings

    settings = Settings(home=tmp_path, database_url="sqlite://")
    stale = settings.keys_dir / "DEMO-KEY-not-trusted.pem"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an older demo key of its own")
    path = demo_key(settings).removeprefix("file:")
    assert Path(path).read_bytes() == DEMO_KEY_FILE.read_bytes()


def test_signing_for_a_real_issuer_is_refused(demo_signer):
    with pytest.raises(ShoshoError, match="demo key"):
        sign_credential(sample_credential(issuer_id=REAL), demo_signer)
    with pytest.raises(ShoshoError, match="demo key"):
        sign_credential(sample_credential(issuer_id=REAL), demo_signer, "vc-jwt")
    signed = sign_credential(sample_credential(issuer_id=DEMO_ISSUER_ID), demo_signer)
    assert signed["proof"]


def _forged(demo_signer) -> dict:
    """A credential for a real issuer signed with the demo key by hand (as anyone could)."""
    credential = sample_credential(issuer_id=REAL)
    config = DataIntegritySigner(MemorySigner.ed25519()).proof_config(credential)
    multikey = DEMO_PUBLIC_KEY_MULTIBASE
    config["verificationMethod"] = f"{REAL}#{multikey}"
    signature = demo_signer.sign(proof_hash_data(unsecured(credential), config))
    proof = {k: v for k, v in config.items() if k != "@context"}
    proof["proofValue"] = multibase_encode(signature)
    return credential | {"proof": [proof]}


def test_verify_never_trusts_the_demo_key_for_a_real_issuer(demo_signer):
    trust = TrustedIssuers()
    trust.add(REAL, [key_fingerprint(demo_signer.public_key())])  # as after a careless add-key
    result = verify_credential(_forged(demo_signer), trust, now=NOW)
    assert result.verdict != VERIFIED
    assert any("demo key" in reason for reason in result.reasons)


def test_sign_and_trust_add_key_commands_refuse(tmp_path, capsys, demo_signer, monkeypatch):
    key = tmp_path / "demo.pem"
    key.write_bytes(DEMO_KEY_FILE.read_bytes())
    key.chmod(0o600)
    monkeypatch.setenv("SHOSHO_PASSPHRASE", DEMO_PASSPHRASE)
    unsigned = write_json(tmp_path / "u.json", sample_credential(issuer_id=REAL))
    out = tmp_path / "s.json"
    assert run_cli("sign", unsigned, "--key", f"file:{key}", "--out", out) == 1
    assert "demo key" in capsys.readouterr().err and not out.exists()

    from designer.cli import main

    issuer = write_json(tmp_path / "issuer.json", {"id": REAL, "name": "Real University"})
    assert main(["trust", "add-key", str(issuer), "--key", f"file:{key}"]) == 1
    assert "demo key" in capsys.readouterr().err
    assert "sealKeys" not in json.loads(issuer.read_text())
    pem = tmp_path / "demo-public.pem"
    from cryptography.hazmat.primitives import serialization

    pem.write_bytes(
        demo_signer.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    assert main(["trust", "add-key", str(issuer), "--public-key", str(pem)]) == 1
    assert "sealKeys" not in json.loads(issuer.read_text())


def test_seal_keys_listing_the_demo_key_for_a_real_issuer_are_not_used(demo_signer):
    from designer.keys.public_keys import kid_for_public_key
    from designer.verification.trust_list import seal_key_entry, trust_list_from_issuers

    entry = {"id": REAL, "name": "Real", "sealKeys": [seal_key_entry(demo_signer.public_key())]}
    trust_list = trust_list_from_issuers([entry])
    assert trust_list.find_key(kid_for_public_key(demo_signer.public_key())) is None


def test_issue_with_the_demo_key_for_a_real_issuer_issues_nobody(tmp_path, demo_signer):
    from designer.issue.pipeline import issue_batch
    from designer.issue.plan import PlanRequest
    from designer.model import load_template
    from designer.store import open_store
    from designer.store.models import Batch, Credential
    from tests.issue.conftest import make_template, write_roster

    make_template(tmp_path / "t.shosho")
    write_roster(tmp_path / "roster.csv", 3)
    profile = {
        "id": REAL,
        "name": {"ja": "大学", "en": "University"},
        "url": "https://example.ac.jp/",
        "status_list_url": "https://example.ac.jp/status/",
        "verify_url": "https://example.ac.jp/v/",
    }
    write_json(tmp_path / "issuer.json", profile)
    store = open_store("sqlite:///" + (tmp_path / "s.db").as_posix())
    request = PlanRequest(
        template=load_template(tmp_path / "t.shosho"),
        template_path=tmp_path / "t.shosho",
        roster_path=tmp_path / "roster.csv",
        issuer_ref=str(tmp_path / "issuer.json"),
        key_ref="file:demo",
        out_dir=tmp_path / "out",
    )
    with pytest.raises(ShoshoError, match="demo key"):
        issue_batch(store, request, demo_signer, workers=1)
    with store.read() as session:
        assert session.execute(select(func.count()).select_from(Batch)).scalar() == 0
        assert session.execute(select(func.count()).select_from(Credential)).scalar() == 0
    assert not (tmp_path / "out").exists()


def test_a_verify_page_never_trusts_the_demo_key_for_a_real_issuer(demo_signer):
    from designer.verification.trust_list import seal_key_entry
    from designer.verification.verify_page import page_data

    entry = {"id": REAL, "name": "Real", "sealKeys": [seal_key_entry(demo_signer.public_key())]}
    with pytest.raises(ShoshoError, match="demo key"):
        page_data(entry)
