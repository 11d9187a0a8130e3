"""The batch signer's canonicalisation gives exactly the bundled canonicaliser's N-Quads (so
other verifiers check the proofs), keeps working across documents, and words errors the same."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from designer.credential import jsonld as bundled
from designer.credential.build import build_credential
from designer.errors import ShoshoError
from designer.issue.signing import BatchSigner, canonicalize
from designer.keys.keyfile import FileSigner
from designer.signing.data_integrity import unsecured, verify_proof

PROFILE = {
    "id": "https://mirai.example/issuer",
    "name": {"ja": "東京未来大学", "en": "Tokyo Mirai"},
}


def _credential(n: int, card: bool) -> dict:
    record = {"student_id": f"S{n:05d}", "full_name": f"山田 太郎{n}", "email": f"u{n}@example.jp"}
    achievement = {"name": "学生証" if card else f"講座 {n % 3}", "description": "説明"}
    credential = build_credential(
        PROFILE,
        achievement,
        record,
        credential_id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
        issued_at=dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.UTC),
        valid_until=dt.datetime(2030, 3, 31, 23, 59, 59, tzinfo=dt.UTC) if card else None,
    )
    statuses = [
        {"id": f"https://mirai.example/status/{purpose}-1.json#{n}",
         "type": "BitstringStatusListEntry", "statusPurpose": purpose,
         "statusListIndex": str(n), "statusListCredential":
         f"https://mirai.example/status/{purpose}-1.json"}
        for purpose in (("revocation", "suspension") if card else ("revocation",))
    ]  # fmt: skip
    credential["credentialStatus"] = statuses if card else statuses[0]
    return credential


def test_same_nquads_as_the_bundled_canonicaliser_for_many_documents():
    documents = [_credential(n, card=n % 2 == 0) for n in range(12)]
    assert [canonicalize(d) for d in documents] == [bundled.canonicalize(d) for d in documents]


def test_batch_signatures_verify_with_the_bundled_verifier(tmp_path):
    signer = FileSigner(tmp_path / "k.pem", ed25519.Ed25519PrivateKey.generate())
    batch = BatchSigner(signer, "eddsa-rdfc-2022", dt.datetime(2026, 4, 1, tzinfo=dt.UTC))
    for n in range(4):
        text, signed = batch.sign(_credential(n, card=n == 1))
        assert json.loads(text) == signed
        assert verify_proof(unsecured(signed), signed["proof"][0], signer.public_key()) is None
        signed["credentialSubject"]["name"] = "someone else"
        assert verify_proof(unsecured(signed), signed["proof"][0], signer.public_key())


def test_unknown_context_is_refused_with_the_bundled_message():
    document = {"@context": ["https://example.invalid/ctx.jsonld"], "name": "x"}
    with pytest.raises(ShoshoError, match="unknown JSON-LD context"):
        canonicalize(document)
