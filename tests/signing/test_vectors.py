"""Published test vectors and the 1EdTech validator samples."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from designer.credential.jsonld import canonicalize
from designer.keys.multikey import multibase_decode, public_key_from_multibase
from designer.signing.data_integrity import DataIntegritySigner, verify_proof
from designer.verification.credential import INVALID, UNTRUSTED, VERIFIED, verify_file

from .helpers import DATA, MemorySigner

VECTORS = DATA / "vectors"
SAMPLES = DATA / "examples" / "1edtech-validator"


def _json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _created(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_ob3_vector_is_reproduced_byte_for_byte():
    folder = VECTORS / "ob3-impl-guide-eddsa-rdfc-2022"
    key_pair = _json(folder / "keyPair.json")
    private = ed25519.Ed25519PrivateKey.from_private_bytes(
        bytes.fromhex(key_pair["privateKeyHex"])[:32]
    )
    config = _json(folder / "proofConfig.json")
    unsigned = _json(folder / "unsigned.json")
    assert canonicalize(unsigned) == (folder / "document-canon.txt").read_text()
    signer = DataIntegritySigner(
        MemorySigner(private),
        created=_created(config["created"]),
        verification_method=config["verificationMethod"],
    )
    signed = signer.sign(unsigned)
    expected = _json(folder / "signed.json")["proof"]
    assert signed["proof"] == [expected]


def test_w3c_eddsa_vector_reproduced_and_verified():
    folder = VECTORS / "w3c-vc-di-eddsa"
    key_pair = _json(folder / "keyPair.json")
    seed = multibase_decode(key_pair["privateKeyMultibase"])[2:]
    private = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
    signed = _json(folder / "eddsa-rdfc-2022" / "signedDataInt.json")
    assert (
        canonicalize({k: v for k, v in signed.items() if k != "proof"})
        == (folder / "eddsa-rdfc-2022" / "canonDocDataInt.txt").read_text().rstrip("\n") + "\n"
    )
    proof = signed["proof"]
    again = DataIntegritySigner(
        MemorySigner(private),
        created=_created(proof["created"]),
        verification_method=proof["verificationMethod"],
    ).sign(_json(folder / "unsigned.json"))
    assert again["proof"][0]["proofValue"] == proof["proofValue"]
    assert verify_proof(signed, proof, private.public_key()) is None


def test_w3c_ecdsa_p256_vector_verifies():
    folder = VECTORS / "w3c-vc-di-ecdsa"
    public = public_key_from_multibase(_json(folder / "p256KeyPair.json")["publicKeyMultibase"])
    assert isinstance(public, ec.EllipticCurvePublicKey)
    signed = _json(folder / "ecdsa-rdfc-2019-p256" / "signedECDSAP256.json")
    assert verify_proof(signed, signed["proof"], public) is None
    signed["credentialSubject"]["alumniOf"] = "Another University"
    assert verify_proof(signed, signed["proof"], public) is not None


EXPECTED_VERDICTS = {
    "simple.json": UNTRUSTED,
    "simple-did-key-method.json": UNTRUSTED,
    "simple-did-web-method.json": UNTRUSTED,
    "simple-multiple-proofs.json": UNTRUSTED,
    "complete.json": UNTRUSTED,
    "endorsement-valid.json": UNTRUSTED,
    "bitstring-credential-status-revoked.json": UNTRUSTED,  # status list not given: not checked
    "bitstring-testlist.statuslistcredential.json": UNTRUSTED,
    "simple.vc-jwt.rs256.jwt": UNTRUSTED,  # key only in the jwk header: not bound to the issuer
    "simple-noproof.json": INVALID,
    "simple_v1.json": INVALID,  # VC 1.1 + Ed25519Signature2020: not supported
    "baked/simple-json.png": UNTRUSTED,
    "baked/simple-json.svg": UNTRUSTED,
    "baked/simple-jwt.png": UNTRUSTED,
    "baked/simple-jwt.svg": UNTRUSTED,
}

NOW = datetime(2026, 4, 1, tzinfo=UTC)


@pytest.mark.parametrize("name", sorted(EXPECTED_VERDICTS))
def test_1edtech_samples_get_their_verdict(name):
    result = verify_file(SAMPLES / name, now=NOW)
    assert result.verdict == EXPECTED_VERDICTS[name], result.describe()
    if result.verdict == UNTRUSTED:
        assert result.proofs and not result.reasons


def test_revoked_sample_is_invalid_with_its_status_list():
    status_list = _json(SAMPLES / "bitstring-testlist.statuslistcredential.json")
    credential = _json(SAMPLES / "bitstring-credential-status-revoked.json")
    url = credential["credentialStatus"]["statusListCredential"]
    result = verify_file(
        SAMPLES / "bitstring-credential-status-revoked.json",
        status_lists={url: status_list},
        now=NOW,
    )
    assert result.verdict == INVALID
    assert result.status == "revoked"


def test_sample_is_verified_when_its_key_is_trusted():
    from designer.verification.issuers import TrustedIssuers

    trust = TrustedIssuers()
    trust.add_entry(
        "https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
    )
    assert verify_file(SAMPLES / "simple.json", trust, now=NOW).verdict == VERIFIED
    other = TrustedIssuers()
    other.add_entry(
        "https://example.com/issuers/876543#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    )
    assert verify_file(SAMPLES / "simple.json", other, now=NOW).verdict == UNTRUSTED
