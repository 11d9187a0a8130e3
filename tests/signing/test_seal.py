"""The QR seal: encoding, signing with Ed25519 and P-256, sizes, and verification verdicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import cbor2
import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from qrcode.util import MODE_8BIT_BYTE, MODE_NUMBER

from designer.errors import ShoshoError
from designer.keys.public_keys import kid_for_public_key
from designer.signing.seal import (
    CLAIM_SEAL_FIELDS,
    EXPIRED,
    GENUINE,
    NOT_GENUINE,
    REVOKED,
    SUSPENDED,
    UNKNOWN_ISSUER,
    SealClaims,
    build_seal_claims,
    credential_digest,
    make_qr_segments,
    seal_fits,
    seal_qr_matrix,
    seal_qr_text,
    split_seal_text,
    verify_seal_text,
)
from designer.signing.seal_codec import SealFormatError, bytes_to_digits, digits_to_bytes
from designer.verification.trust_list import TrustList, encode_status_bits, trust_list_from_issuers

from .test_seal_support import (
    LONG_ACHIEVEMENT,
    LONG_NAME,
    KeySigner,
    certificate_claims,
    issuer_entry,
    student_id_claims,
)

URL = "https://www.tokyo-mirai.ac.jp/v/"


@given(st.binary(min_size=1, max_size=300))
def test_digits_round_trip_for_any_bytes(data: bytes) -> None:
    digits = bytes_to_digits(data)
    assert digits.isdigit()
    assert digits_to_bytes(digits) == data


def test_seven_bytes_make_seventeen_digits() -> None:
    assert len(bytes_to_digits(b"\xff" * 7)) == 17
    assert len(bytes_to_digits(b"\xff" * 10)) == 17 + 8


@pytest.mark.parametrize("digits", ["", "12a", "1234", "99999999999999999", "256"])
def test_malformed_digits_are_rejected(digits: str) -> None:
    with pytest.raises(SealFormatError):
        digits_to_bytes(digits)


@pytest.mark.parametrize("algorithm", ["Ed25519", "P-256"])
def test_seal_verifies_and_returns_the_printed_claims(algorithm: str) -> None:
    signer = KeySigner(algorithm)
    claims = certificate_claims()
    text = seal_qr_text(claims, signer, URL)
    assert text.startswith(URL + "#") and text.isascii()
    verdict = verify_seal_text(text, trust_list_from_issuers([issuer_entry(signer)]))
    assert verdict.status == GENUINE, verdict.reason
    assert verdict.claims == replace(claims, verify_url=URL)
    assert verdict.claims.name == "山田 太郎" and not verdict.claims.legacy
    assert verdict.algorithm == ("Ed25519" if algorithm == "Ed25519" else "ES256")
    assert verdict.kid == kid_for_public_key(signer.public_key()).hex()
    assert verdict.issuer.name_en == "Tokyo Mirai University"
    assert verdict.host_is_issuers is True
    assert not verdict.status_checked


def test_a_key_outside_the_trust_list_is_never_genuine() -> None:
    trusted, stranger = KeySigner(), KeySigner()
    text = seal_qr_text(certificate_claims(), stranger, URL)
    assert verify_seal_text(text, trust_list_from_issuers([issuer_entry(trusted)])).status == (
        UNKNOWN_ISSUER
    )
    assert verify_seal_text(text, TrustList()).status == UNKNOWN_ISSUER


def test_every_single_digit_change_fails_verification() -> None:
    signer = KeySigner()
    trust = trust_list_from_issuers([issuer_entry(signer)])
    prefix, digits = split_seal_text(seal_qr_text(certificate_claims(), signer, URL))
    changed = 0
    for position, original in enumerate(digits):
        for replacement in "0123456789":
            if replacement == original:
                continue
            tampered = prefix + digits[:position] + replacement + digits[position + 1 :]
            verdict = verify_seal_text(tampered, trust)
            assert verdict.status in (NOT_GENUINE, UNKNOWN_ISSUER), (position, replacement)
            changed += 1
    assert changed == 9 * len(digits) > 3000


def test_claims_re_signed_under_the_same_kid_header_fail() -> None:
    signer, forger = KeySigner(), KeySigner()
    trust = trust_list_from_issuers([issuer_entry(signer)])
    genuine = seal_qr_text(certificate_claims(), signer, URL)
    forged = seal_qr_text(certificate_claims(name="山田 次郎"), forger, URL)
    # Splice the genuine protected header (trusted kid) onto the forged payload and signature.
    from designer.signing.seal_codec import CoseSign1, decode_cose_sign1

    real = decode_cose_sign1(digits_to_bytes(split_seal_text(genuine)[1]))
    fake = decode_cose_sign1(digits_to_bytes(split_seal_text(forged)[1]))
    spliced = CoseSign1(real.protected, fake.payload, fake.signature, real.alg, real.kid)
    verdict = verify_seal_text(URL + "#" + bytes_to_digits(spliced.encode()), trust)
    assert verdict.status == NOT_GENUINE


def test_status_lists_give_revoked_and_suspended_with_their_date() -> None:
    signer = KeySigner()
    bits = bytearray(16384)
    bits[23 // 8] |= 0x80 >> (23 % 8)
    entry = issuer_entry(signer)
    entry["statusSnapshots"] = [
        {
            "purpose": "revocation",
            "list": 1,
            "encodedList": encode_status_bits(bytes(bits)),
            "asOf": "2026-10-01T09:00:00Z",
        },
        {
            "purpose": "suspension",
            "list": 1,
            "encodedList": encode_status_bits(bytes(16384)),
            "asOf": "2026-10-02T09:00:00Z",
        },
    ]
    trust = trust_list_from_issuers([entry])
    revoked = verify_seal_text(
        seal_qr_text(certificate_claims(status_index=23), signer, URL), trust
    )
    assert revoked.status == REVOKED
    assert revoked.status_as_of == dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)
    fine = verify_seal_text(seal_qr_text(certificate_claims(status_index=24), signer, URL), trust)
    assert fine.status == GENUINE and fine.status_checked

    entry["statusSnapshots"][1]["encodedList"] = encode_status_bits(bytes(bits))
    trust = trust_list_from_issuers([entry])
    entry["statusSnapshots"].pop(0)
    only_suspension = trust_list_from_issuers([entry])
    text = seal_qr_text(certificate_claims(status_index=23), signer, URL)
    assert verify_seal_text(text, trust).status == REVOKED
    assert verify_seal_text(text, only_suspension).status == SUSPENDED


def test_student_id_expires() -> None:
    signer = KeySigner()
    trust = trust_list_from_issuers([issuer_entry(signer)])
    text = seal_qr_text(student_id_claims(), signer, URL)
    assert verify_seal_text(text, trust, today=dt.date(2029, 3, 31)).status == GENUINE
    late = verify_seal_text(text, trust, today=dt.date(2029, 4, 1))
    assert late.status == EXPIRED and late.claims.student_number == "25T1234A"


def test_seal_dated_outside_its_keys_validity_is_not_genuine() -> None:
    signer = KeySigner()
    entry = issuer_entry(signer, key_validity=(dt.date(2026, 4, 1), dt.date(2027, 3, 31)))
    trust = trust_list_from_issuers([entry])
    inside = seal_qr_text(certificate_claims(issued=dt.date(2026, 9, 1)), signer, URL)
    before = seal_qr_text(certificate_claims(issued=dt.date(2025, 3, 25)), signer, URL)
    assert verify_seal_text(inside, trust).status == GENUINE
    assert verify_seal_text(before, trust).status == NOT_GENUINE


def test_a_foreign_host_is_noted_but_the_signature_decides() -> None:
    signer = KeySigner()
    text = seal_qr_text(certificate_claims(), signer, "https://tokyo-mirai.example.net/v/")
    verdict = verify_seal_text(text, trust_list_from_issuers([issuer_entry(signer)]))
    assert verdict.status == GENUINE
    assert verdict.host_is_issuers is False and "not a verify host" in verdict.notes[0]


def test_qr_has_a_byte_segment_then_a_numeric_segment_and_decodes_exactly() -> None:
    text = seal_qr_text(certificate_claims(), KeySigner(), URL)
    segments = make_qr_segments(text)
    assert [segment.mode for segment in segments] == [MODE_8BIT_BYTE, MODE_NUMBER]
    version, modules = seal_qr_matrix(text, "M")
    assert version <= 15 and len(modules) == 17 + 4 * version
    scale, quiet = 4, 4
    size = (len(modules) + 2 * quiet) * scale
    image = Image.new("L", (size, size), 255)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + quiet) * scale, (y + quiet) * scale
                image.paste(0, (left, top, left + scale, top + scale))
    (barcode,) = zxingcpp.read_barcodes(image)
    assert barcode.text == text


def test_typical_seal_sizes() -> None:
    # A CWT with typ, a 32-byte thumbprint kid, iss and UTF-8 text costs three QR versions over
    # the first format (v10); printed at 0.5 mm per module the code is 40 mm wide.
    assert seal_fits(certificate_claims(printed_date="令和7年3月25日")) == (True, 14)
    assert seal_fits(certificate_claims()) == (True, 13)
    assert seal_fits(student_id_claims()) == (True, 13)
    assert seal_fits(student_id_claims(achievement=None)) == (True, 12)


@pytest.mark.parametrize(
    ("name", "achievement"),
    [
        (LONG_NAME[:16], LONG_ACHIEVEMENT[:20]),  # 36 kana/kanji in all
        ("長谷川 右京之介", "大学院 情報理工学研究科 修士課程 修了"),
        (LONG_NAME, "データサイエンス基礎 修了"),
    ],
)
def test_long_japanese_certificates_fit_version_15(name: str, achievement: str) -> None:
    claims = certificate_claims(name=name, achievement=achievement, printed_date="令和7年3月25日")
    ok, version = seal_fits(claims, "certificate")
    assert ok and version <= 15
    assert seal_qr_matrix(seal_qr_text(claims, KeySigner(), URL))[0] == version


@pytest.mark.parametrize(
    ("name", "department"),
    [
        (LONG_NAME[:10], "工学部 情報工学科"),
        (LONG_NAME[:16], None),
        ("Alexander Montgomery", "工学部"),
    ],
)
def test_long_student_ids_fit_version_13(name: str, department: str | None) -> None:
    claims = student_id_claims(name=name, achievement=department)
    ok, version = seal_fits(claims, "student_id")
    assert ok and version <= 13
    assert seal_qr_matrix(seal_qr_text(claims, KeySigner(), URL))[0] == version


def test_a_record_too_long_for_its_paper_is_reported_before_signing() -> None:
    claims = certificate_claims(name=LONG_NAME, achievement=LONG_ACHIEVEMENT)
    ok, version = seal_fits(claims, "certificate")
    assert not ok and version > 15
    assert (
        seal_fits(student_id_claims(name=LONG_NAME, achievement=LONG_ACHIEVEMENT[:30]))[0] is False
    )


def test_text_is_cbor_text_and_reads_back_exactly() -> None:
    claims = replace(
        certificate_claims(
            name=LONG_NAME, achievement="Data Science 101", printed_date="令和7年3月25日"
        ),
        verify_url=URL,
    )
    payload = claims.to_cbor()
    decoded = cbor2.loads(payload)
    fields = decoded[CLAIM_SEAL_FIELDS]
    assert fields[1] == LONG_NAME and fields[2] == "Data Science 101"  # text strings (UTF-8)
    assert fields[4] == "令和7年3月25日"
    assert (
        decoded[1] == URL and decoded[6] == 1742860800 and decoded[7] == claims.credential_id.bytes
    )
    assert SealClaims.from_cbor(payload) == claims


def test_build_seal_claims_normalises_and_checks_input() -> None:
    claims = build_seal_claims(
        credential_id="6F1D2B5E-3F2A-4A77-9C1E-2A0B9C1D4E5F",
        issued="2025-03-25",
        name=" ﾔﾏﾀﾞ\u3000太郎 ".replace("ﾔﾏﾀﾞ", "カ\u3099"),
        status_index="23",
    )
    assert claims.name == "ガ\u3000太郎" and claims.status_index == 23
    with pytest.raises(ShoshoError, match="not a UUID"):
        build_seal_claims(credential_id="42", issued="2025-03-25", name="x")
    with pytest.raises(ShoshoError, match="name is empty"):
        build_seal_claims(credential_id=claims.credential_id, issued="2025-03-25", name="  ")
    with pytest.raises(ShoshoError, match="both the student number and the expiry"):
        build_seal_claims(
            credential_id=claims.credential_id, issued="2025-03-25", name="x", student_number="1"
        )


def test_credential_digest_ignores_key_order_and_whitespace() -> None:
    credential = {"id": "urn:uuid:1", "name": "修了証", "proof": {"proofValue": "z3F"}}
    reordered = '{\n  "proof": {"proofValue": "z3F"},\n  "name": "修了証", "id": "urn:uuid:1"}'
    assert credential_digest(credential) == credential_digest(reordered.encode())
    assert len(credential_digest(credential)) == 16
    assert credential_digest(credential) != credential_digest({**credential, "name": "修了書"})
    claims = certificate_claims(credential=credential, credential_sha256=None)
    assert claims.credential_digest == credential_digest(credential)


def test_rsa_keys_cannot_seal() -> None:
    signer = KeySigner()
    signer.algorithm = "RSA-2048"
    with pytest.raises(ShoshoError, match="Ed25519 or P-256"):
        seal_qr_text(certificate_claims(), signer, URL)
