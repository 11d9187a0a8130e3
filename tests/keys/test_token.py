"""Signing with keys on a real PKCS#11 token (SoftHSM2)."""

from __future__ import annotations

import pytest
from pkcs11 import Attribute, ObjectClass
from pkcs11 import exceptions as p11

from designer.errors import ShoshoError, UsageError
from designer.keys.pkcs11_token import TokenSigner, find_token, list_keys, list_tokens
from designer.keys.references import open_signer, parse_pkcs11_uri
from designer.signing.suites import sign_credential
from designer.verification.credential import UNTRUSTED, VERIFIED, verify_credential
from tests.signing.helpers import NOW, sample_credential


@pytest.mark.parametrize(
    ("key_type", "suite"),
    [
        ("ed25519", "eddsa-rdfc-2022"),
        ("p256", "ecdsa-rdfc-2019"),
        ("p256", "vc-jwt"),
        ("rsa2048", "vc-jwt"),
        ("ed25519", "vc-jwt"),
    ],
)
def test_sign_with_each_token_key_type(softhsm, key_type, suite):
    uri = softhsm.make_key(key_type)
    signer = open_signer(uri, pin_provider=softhsm.pin_provider)
    assert isinstance(signer, TokenSigner)
    signed = sign_credential(sample_credential(), signer, suite=suite)
    result = verify_credential(signed, now=NOW)
    assert result.verdict == UNTRUSTED, result.describe()
    assert result.issuer_name == "東京未来大学 (Tokyo Mirai University)"
    signer.close()


def test_token_key_trusted_through_did_document(softhsm, tmp_path):
    from designer.keys.did import did_document, did_web
    from designer.verification.issuers import TrustedIssuers

    uri = softhsm.make_key("ed25519")
    signer = open_signer(uri, pin_provider=softhsm.pin_provider)
    did = did_web("example.ac.jp")
    trust = TrustedIssuers()
    trust.add_did_document(did_document(did, [signer.public_key()]))
    signed = sign_credential(sample_credential(issuer_id=did), signer)
    assert verify_credential(signed, trust, now=NOW).verdict == VERIFIED
    signer.close()


def test_token_private_key_cannot_be_exported(softhsm):
    uri = softhsm.make_key("ed25519", "no-export")
    token = find_token(softhsm.module_path, softhsm.token_label)
    with token.open(user_pin=softhsm.pin) as session:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label="no-export")
        assert key[Attribute.SENSITIVE] and not key[Attribute.EXTRACTABLE]
        assert key[Attribute.NEVER_EXTRACTABLE]
        with pytest.raises(p11.AttributeSensitive):
            key[Attribute.VALUE]
    assert uri.startswith("pkcs11:token=")


def test_wrong_pin_gives_clear_message_without_the_pin(softhsm):
    uri = softhsm.make_key("p256")
    with pytest.raises(ShoshoError) as caught:
        open_signer(uri, pin_provider=lambda what: "98765")
    message = str(caught.value)
    assert "wrong PIN" in message and softhsm.token_label in message
    assert "98765" not in message


def test_unknown_token_and_key_are_named(softhsm):
    with pytest.raises(ShoshoError, match="no token labelled 'Nope'"):
        open_signer(
            f"pkcs11:token=Nope;object=x?module-path={softhsm.module_path}",
            pin_provider=softhsm.pin_provider,
        )
    with pytest.raises(ShoshoError, match="no private key labelled 'missing'"):
        open_signer(softhsm.key_uri("missing"), pin_provider=softhsm.pin_provider)


def test_list_tokens_and_keys(softhsm):
    softhsm.make_key("rsa2048", "listed-rsa")
    assert softhsm.token_label in [token.label for token in list_tokens(softhsm.module_path)]
    token = find_token(softhsm.module_path, softhsm.token_label)
    with token.open(user_pin=softhsm.pin) as session:
        keys = {key.label: key.key_type for key in list_keys(session)}
    assert keys["listed-rsa"] == "RSA-2048"


def test_closed_session_gives_clear_error(softhsm):
    signer = open_signer(softhsm.make_key("ed25519"), pin_provider=softhsm.pin_provider)
    signer.close()
    with pytest.raises(ShoshoError, match="removed or stopped responding|logged out|refused"):
        signer.sign(b"data")


def test_rfc7512_uri_parsing():
    ref = parse_pkcs11_uri("pkcs11:token=My%20Office;object=issuer-2026?module-path=/usr/lib/x.so")
    assert (ref.token, ref.object, ref.module_path) == ("My Office", "issuer-2026", "/usr/lib/x.so")
    with pytest.raises(UsageError) as caught:
        parse_pkcs11_uri("pkcs11:token=a;object=b;pin-value=secret?module-path=/x.so")
    assert "secret" not in str(caught.value)
    with pytest.raises(UsageError, match="object"):
        parse_pkcs11_uri("pkcs11:token=a?module-path=/x.so")
