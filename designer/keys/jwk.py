"""base64url and JSON Web Keys (RFC 7517/7638), once for every job that needs them: VC-JWT
headers, did.json verification methods, trust-list and seal key entries."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from designer.errors import ShoshoError


class JwkError(ShoshoError, ValueError):
    """Not base64url, or not a usable public JWK."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError, TypeError):
        raise JwkError("not base64url") from None


def public_jwk(key) -> dict[str, str]:
    """The public JWK of an Ed25519, P-256 or RSA key (never any private member)."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1":
        numbers = key.public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": b64url(numbers.x.to_bytes(32, "big")),
            "y": b64url(numbers.y.to_bytes(32, "big")),
        }
    if isinstance(key, rsa.RSAPublicKey):
        numbers = key.public_numbers()
        return {
            "kty": "RSA",
            "n": b64url(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
            "e": b64url(numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")),
        }
    raise JwkError("unsupported public key type for a JWK (Ed25519, P-256 or RSA)")


def jwk_thumbprint(jwk: dict[str, str]) -> str:
    """RFC 7638 thumbprint (SHA-256, base64url)."""
    members = {"OKP": ("crv", "kty", "x"), "EC": ("crv", "kty", "x", "y"), "RSA": ("e", "kty", "n")}
    try:
        required = {name: jwk[name] for name in members[jwk["kty"]]}
    except (KeyError, TypeError):
        raise JwkError("not a public JWK (kty and its members)") from None
    canonical = json.dumps(required, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode("utf-8")).digest())


def public_key_from_jwk(jwk: Any):
    """The public key of an Ed25519 (OKP), P-256 (EC) or RSA JWK; refuses private members."""
    if not isinstance(jwk, dict):
        raise JwkError("a JWK must be a JSON object")
    if "d" in jwk:
        raise JwkError("the JWK carries a private key (d): refused")
    try:
        kty = jwk.get("kty")
        if kty == "OKP" and jwk.get("crv") == "Ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
        if kty == "EC" and jwk.get("crv") == "P-256":
            x = int.from_bytes(b64url_decode(jwk["x"]), "big")
            y = int.from_bytes(b64url_decode(jwk["y"]), "big")
            return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
        if kty == "RSA":
            n = int.from_bytes(b64url_decode(jwk["n"]), "big")
            e = int.from_bytes(b64url_decode(jwk["e"]), "big")
            return rsa.RSAPublicNumbers(e, n).public_key()
    except (KeyError, TypeError, ValueError) as error:
        raise JwkError(f"not a usable public JWK: {error}") from None
    raise JwkError("only Ed25519 (OKP), P-256 (EC) and RSA public JWKs are accepted")
