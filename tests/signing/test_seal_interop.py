"""Seals are standard CWTs: a generic CWT/COSE library (``cwt``) decodes and verifies every
kind of seal with nothing but the issuer's public key; and seals of the first format, printed
before seals became CWTs, still verify."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from pathlib import Path

import cbor2
import cwt
import pytest
from cwt import COSEKey

from designer.keys.public_keys import (
    cose_key_required,
    kid_for_public_key,
    public_key_from_jwk,
)
from designer.signing.seal import (
    CLAIM_SEAL_FIELDS,
    GENUINE,
    NOT_GENUINE,
    SEAL_TYP,
    seal_qr_text,
    split_seal_text,
    verify_seal_text,
)
from designer.signing.seal_codec import digits_to_bytes
from designer.verification.trust_list import seal_key_entry, trust_list_from_issuers

from .test_seal_support import KeySigner, certificate_claims, issuer_entry, student_id_claims

URL = "https://www.tokyo-mirai.ac.jp/v/"
LEGACY = json.loads((Path(__file__).parent / "data/seals-v1/seals.json").read_text("utf-8"))


def _generic_key(signer: KeySigner, alg: str) -> COSEKey:
    """The COSE_Key (RFC 9052 section 7) of the public key, with the thumbprint as its kid."""
    public_key = signer.public_key()
    cose_key = cose_key_required(public_key) | {2: kid_for_public_key(public_key)}
    return COSEKey.new(cose_key | {3: -19 if alg == "Ed25519" else -7})


SEALS = [
    ("Ed25519", "Ed25519", certificate_claims(printed_date="令和7年3月25日")),
    ("P-256", "ES256", certificate_claims(achievement="Data Science 101")),
    ("Ed25519", "Ed25519", student_id_claims(expires=dt.date(2099, 3, 31))),
    ("P-256", "ES256", student_id_claims(achievement=None, expires=dt.date(2099, 3, 31))),
]


@pytest.mark.parametrize(("algorithm", "jose_alg", "claims"), SEALS)
def test_a_generic_cwt_library_decodes_and_verifies_every_seal(algorithm, jose_alg, claims):
    signer = KeySigner(algorithm)
    text = seal_qr_text(claims, signer, URL)
    token = digits_to_bytes(split_seal_text(text)[1])
    decoded = cwt.decode(token, _generic_key(signer, jose_alg))  # checks exp and the signature
    assert decoded[1] == URL  # iss: the verify address, signed
    assert decoded[6] == 1742860800 or decoded[6] == 1743465600  # iat: the issue day, 00:00 UTC
    assert decoded[7] == claims.credential_id.bytes  # cti
    fields = decoded[CLAIM_SEAL_FIELDS]
    assert fields[1] == claims.name and isinstance(fields[1], str)
    if claims.student_number:
        assert fields[3] == claims.student_number
        day_after = claims.expires + dt.timedelta(days=1)  # exp: the day after the expiry
        assert decoded[4] == calendar.timegm(day_after.timetuple())
    header = cbor2.loads(cbor2.loads(token).value[0])
    assert header == {
        1: -19 if algorithm == "Ed25519" else -7,
        4: kid_for_public_key(signer.public_key()),
        16: SEAL_TYP,
    }


def test_the_generic_library_refuses_a_changed_seal_and_another_key():
    signer = KeySigner()
    token = bytearray(
        digits_to_bytes(split_seal_text(seal_qr_text(certificate_claims(), signer, URL))[1])
    )
    with pytest.raises((cwt.VerifyError, ValueError)):  # ValueError: no key with that kid
        cwt.decode(bytes(token), _generic_key(KeySigner(), "Ed25519"))
    token[-70] ^= 1  # inside the payload
    with pytest.raises((cwt.VerifyError, cwt.DecodeError)):
        cwt.decode(bytes(token), _generic_key(signer, "Ed25519"))


def test_the_signed_address_cannot_be_swapped():
    signer = KeySigner()
    trust = trust_list_from_issuers([issuer_entry(signer)])
    text = seal_qr_text(certificate_claims(), signer, URL)
    moved = "https://www.tokyo-mirai.ac.jp/w/#" + split_seal_text(text)[1]
    verdict = verify_seal_text(moved, trust)
    assert verdict.status == NOT_GENUINE and "not the signed" in verdict.reason
    assert verify_seal_text(split_seal_text(text)[1], trust).status == GENUINE  # bare digits


def _legacy_trust():
    entry = issuer_entry()
    entry["sealKeys"] = [
        seal_key_entry(public_key_from_jwk(jwk)) for jwk in LEGACY["keys"].values()
    ]
    return trust_list_from_issuers([entry])


@pytest.mark.parametrize("seal", LEGACY["seals"], ids=lambda s: f"{s['key']}-{s['kind']}")
def test_seals_of_the_first_format_still_verify_and_say_so(seal):
    verdict = verify_seal_text(seal["text"], _legacy_trust(), today=dt.date(2026, 12, 1))
    assert verdict.status == GENUINE, verdict.reason
    assert verdict.claims.legacy and verdict.claims.version == 1
    assert any("old seal format" in note for note in verdict.notes)
    assert verdict.claims.name in ("山田 太郎", "山田 花子")
    assert verdict.algorithm == ("EdDSA" if seal["key"] == "ed25519" else "ES256")


def test_a_changed_digit_in_an_old_seal_still_fails():
    prefix, digits = split_seal_text(LEGACY["seals"][0]["text"])
    trust = _legacy_trust()
    for position in range(0, len(digits), 7):
        changed = digits[:position] + str((int(digits[position]) + 1) % 10) + digits[position + 1 :]
        assert verify_seal_text(prefix + changed, trust).status != GENUINE, position
