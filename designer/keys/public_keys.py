"""Public keys of seals and trust lists: key ids, JWK form, COSE algorithms, verification.

The key id (kid) is the first 8 bytes of SHA-256 over the raw public key: the 32 key bytes
for Ed25519, the 33-byte *compressed* SEC1 point for P-256 (the form a P-256 Multikey carries,
so a verifier can compute the kid from a DID document without decompressing the point).
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

COSE_EDDSA = -8
COSE_ES256 = -7
COSE_ALG_FOR_SIGNER = {"Ed25519": COSE_EDDSA, "P-256": COSE_ES256}
ALG_NAMES = {COSE_EDDSA: "EdDSA", COSE_ES256: "ES256"}
KID_BYTES = 8

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw_public_key(public_key: PublicKey) -> bytes:
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if isinstance(public_key, ec.EllipticCurvePublicKey) and public_key.curve.name == "secp256r1":
        return public_key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
        )
    raise ValueError("seal keys must be Ed25519 or P-256")


def cose_alg_for(public_key: PublicKey) -> int:
    return COSE_EDDSA if isinstance(public_key, ed25519.Ed25519PublicKey) else COSE_ES256


def kid_for_public_key(public_key: PublicKey) -> bytes:
    return hashlib.sha256(raw_public_key(public_key)).digest()[:KID_BYTES]


def public_key_to_jwk(public_key: PublicKey) -> dict[str, str]:
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw_public_key(public_key))}
    numbers = public_key.public_numbers()
    return {
        "kty": "EC",
        "crv": "P-256",
        "x": b64url(numbers.x.to_bytes(32, "big")),
        "y": b64url(numbers.y.to_bytes(32, "big")),
    }


def public_key_from_jwk(jwk: dict) -> PublicKey:
    """Raises ``ValueError`` for anything but an Ed25519 or P-256 public JWK."""
    try:
        if jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
        if jwk.get("kty") == "EC" and jwk.get("crv") == "P-256":
            x = int.from_bytes(b64url_decode(jwk["x"]), "big")
            y = int.from_bytes(b64url_decode(jwk["y"]), "big")
            return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a usable public JWK: {error}") from None
    raise ValueError("only Ed25519 (OKP) and P-256 (EC) public keys are accepted")


def load_public_key_pem(data: bytes) -> PublicKey:
    key = serialization.load_pem_public_key(data)
    raw_public_key(key)  # rejects other key types
    return key


def verify_signature(public_key: PublicKey, alg: int, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` (raw; r||s for ES256) is valid for ``data`` under ``alg``."""
    try:
        if alg == COSE_EDDSA and isinstance(public_key, ed25519.Ed25519PublicKey):
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
