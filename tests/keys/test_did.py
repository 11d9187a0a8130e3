"""did.json as verifiers read it: every key under the id its signatures name, P-256 and RSA
keys also as a ``publicKeyJwk`` under the VC-JWT ``kid`` (the form the 1EdTech validator
resolves), and the 1EdTech note at issue time for suites it does not certify."""

from __future__ import annotations

import pytest

from designer.keys.did import did_document, did_web
from designer.keys.jwk import public_jwk
from designer.signing.data_integrity import ECDSA_RDFC_2019, EDDSA_RDFC_2022
from designer.signing.suites import VC_JWT, certification_note, sign_credential
from designer.signing.vcjwt import decode_jwt
from tests.signing.helpers import MemorySigner, sample_credential


@pytest.mark.parametrize("algorithm", ["P-256", "RSA-2048"])
def test_the_vc_jwt_kid_names_a_published_jwk(algorithm):
    signer = MemorySigner.of(algorithm)
    did = did_web("www.tokyo-mirai.ac.jp")
    token = sign_credential(sample_credential(issuer_id=did), signer, VC_JWT)
    header, _payload, _input, _signature = decode_jwt(token)
    document = did_document(did, [signer.public_key()])
    methods = {method["id"]: method for method in document["verificationMethod"]}
    method = methods[header["kid"]]
    assert method["type"] == "JsonWebKey"
    assert method["publicKeyJwk"] == public_jwk(signer.public_key())
    assert header["jwk"] == method["publicKeyJwk"]
    assert header["kid"] in document["assertionMethod"]


def test_a_p256_key_stays_a_multikey_for_its_data_integrity_proofs():
    signer = MemorySigner.of("P-256")
    did = did_web("www.tokyo-mirai.ac.jp")
    signed = sign_credential(sample_credential(issuer_id=did), signer, ECDSA_RDFC_2019)
    document = did_document(did, [signer.public_key()])
    methods = {method["id"]: method for method in document["verificationMethod"]}
    method = methods[signed["proof"][0]["verificationMethod"]]
    assert method["type"] == "Multikey" and method["publicKeyMultibase"].startswith("zDn")
    assert len(did_document(did, [signer.public_key()], document)["verificationMethod"]) == 2


def test_only_the_suites_1edtech_does_not_certify_get_a_note():
    assert certification_note(EDDSA_RDFC_2022, "Ed25519") is None
    assert certification_note(VC_JWT, "P-256") is None
    assert certification_note(VC_JWT, "RSA-2048") is None
    assert certification_note(VC_JWT, "RSA-3072") is None  # RS256 whatever the key length
    assert "ecdsa-rdfc-2019 is not a suite 1EdTech certifies" in certification_note(
        ECDSA_RDFC_2019, "P-256"
    )
    assert "--suite eddsa-rdfc-2022" in certification_note(VC_JWT, "Ed25519")
    assert certification_note(VC_JWT, "Ed25519").startswith("VC-JWT EdDSA is not")
