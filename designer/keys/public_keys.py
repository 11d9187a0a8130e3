"""Public keys of seals and trust lists: key ids, JWK form, COSE algorithms, verification.

The key id (kid) is the RFC 9679 COSE Key Thumbprint: SHA-256 over the deterministic CBOR of
the key's required COSE_Key parameters (OKP: kty, crv, x; EC2: kty, crv, x, y). Any COSE
library, and the verify page, computes it from a JWK or a Multikey in a DID document.

Seals printed before the thumbprint (the first seal format) carry the *legacy* kid: the first
8 bytes of SHA-256 over the raw public key (32 bytes for Ed25519, the 33-byte compressed point
for P-256). ``key_id_matches`` accepts both, so those seals and key entries keep working.
"""

from __future__ import annotations

import hashlib

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from designer.keys.jwk import public_jwk
from designer.keys.jwk import public_key_from_jwk as any_public_key_from_jwk

COSE_EDDSA = -8
"""EdDSA, deprecated by RFC 9864; seals of the first format carry it."""
COSE_ED25519 = -19
"""Ed25519 (RFC 9864): what new Ed25519 seals carry."""
COSE_ES256 = -7
COSE_ALG_FOR_SIGNER = {"Ed25519": COSE_ED25519, "P-256": COSE_ES256}
LEGACY_COSE_ALG_FOR_SIGNER = {"Ed25519": COSE_EDDSA, "P-256": COSE_ES256}
ALG_NAMES = {COSE_EDDSA: "EdDSA", COSE_ED25519: "Ed25519", COSE_ES256: "ES256"}
KID_BYTES = 32
"""A COSE Key Thumbprint with SHA-256 is 32 bytes."""
LEGACY_KID_BYTES = 8

_COSE_KTY, _COSE_CRV, _COSE_X, _COSE_Y = 1, -1, -2, -3
_KTY_OKP, _KTY_EC2, _CRV_P256, _CRV_ED25519 = 1, 2, 1, 6

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey


def raw_public_key(public_key: PublicKey) -> bytes:
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if isinstance(public_key, ec.EllipticCurvePublicKey) and public_key.curve.name == "secp256r1":
        return public_key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
        )
    raise ValueError("seal keys must be Ed25519 or P-256")


def cose_alg_for(public_key: PublicKey) -> int:
    return COSE_ED25519 if isinstance(public_key, ed25519.Ed25519PublicKey) else COSE_ES256


def cose_key_required(public_key: PublicKey) -> dict[int, int | bytes]:
    """The COSE_Key parameters RFC 9679 hashes (section 4): kty, crv and coordinates."""
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return {_COSE_KTY: _KTY_OKP, _COSE_CRV: _CRV_ED25519, _COSE_X: raw_public_key(public_key)}
    if isinstance(public_key, ec.EllipticCurvePublicKey) and public_key.curve.name == "secp256r1":
        numbers = public_key.public_numbers()
        return {
            _COSE_KTY: _KTY_EC2,
            _COSE_CRV: _CRV_P256,
            _COSE_X: numbers.x.to_bytes(32, "big"),
            _COSE_Y: numbers.y.to_bytes(32, "big"),
        }
    raise ValueError("seal keys must be Ed25519 or P-256")


def kid_for_public_key(public_key: PublicKey) -> bytes:
    """The RFC 9679 COSE Key Thumbprint (SHA-256) of ``public_key``."""
    encoded = cbor2.dumps(cose_key_required(public_key), canonical=True)
    return hashlib.sha256(encoded).digest()


def legacy_kid_for_public_key(public_key: PublicKey) -> bytes:
    """The kid of the first seal format: SHA-256 over the raw public key, first 8 bytes."""
    return hashlib.sha256(raw_public_key(public_key)).digest()[:LEGACY_KID_BYTES]


def key_ids(public_key: PublicKey) -> tuple[bytes, bytes]:
    """(thumbprint, legacy kid): every id a seal or a key entry may name this key by."""
    return kid_for_public_key(public_key), legacy_kid_for_public_key(public_key)


def key_id_matches(public_key: PublicKey, kid: bytes | str) -> bool:
    """Whether ``kid`` (bytes or hex) names ``public_key``, in either form."""
    if isinstance(kid, str):
        try:
            kid = bytes.fromhex(kid)
        except ValueError:
            return False
    return kid in key_ids(public_key)


def public_key_to_jwk(public_key: PublicKey) -> dict[str, str]:
    raw_public_key(public_key)  # rejects key types a seal cannot have
    return public_jwk(public_key)


def public_key_from_jwk(jwk: dict) -> PublicKey:
    """Raises ``ValueError`` for anything but an Ed25519 or P-256 public JWK."""
    key = any_public_key_from_jwk(jwk)
    if not isinstance(key, ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey):
        raise ValueError("only Ed25519 (OKP) and P-256 (EC) public keys are accepted")
    return key


def load_public_key_pem(data: bytes) -> PublicKey:
    key = serialization.load_pem_public_key(data)
    raw_public_key(key)  # rejects other key types
    return key


def verify_signature(public_key: PublicKey, alg: int, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` (raw; r||s for ES256) is valid for ``data`` under ``alg``."""
    try:
        if alg in (COSE_EDDSA, COSE_ED25519) and isinstance(public_key, ed25519.Ed25519PublicKey):
            public_key.verify(signature, data)
            return True
        if alg == COSE_ES256 and isinstance(public_key, ec.EllipticCurvePublicKey):
            if len(signature) != 64:
                return False
            r = int.from_bytes(signature[:32], "big")
            s = int.from_bytes(signature[32:], "big")
            public_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
            return True
    except InvalidSignature:
        return False
    return False
