"""VC-JWT as Open Badges 3.0 defines it: a compact JWS whose payload is the credential itself
plus ``iss``, ``jti``, ``nbf``, ``sub`` and ``exp`` claims. RS256, ES256 and EdDSA.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from designer.credential.jsonld import require_defined_terms
from designer.errors import ShoshoError
from designer.keys.demo import refuse_demo_key
from designer.keys.jwk import b64url, b64url_decode, jwk_thumbprint, public_jwk
from designer.keys.jwk import public_key_from_jwk as public_key_from_jwk
from designer.keys.multikey import public_key_multibase
from designer.keys.signer import Signer
from designer.signing.data_integrity import issuer_id

JWT_ALGORITHMS = {"Ed25519": "EdDSA", "P-256": "ES256", "RSA-2048": "RS256", "RSA-3072": "RS256"}


def key_id_for(issuer: str, signer: Signer) -> str:
    """The ``kid``: the did:key URL for did:key issuers; otherwise ``<issuer>#<multikey>`` for
    Ed25519, and ``<issuer>#<JWK thumbprint>`` for P-256 and RSA, the ``JsonWebKey`` method of
    the issuer's did.json (``keys.did.method_entries``) that the 1EdTech validator resolves."""
    key = signer.public_key()
    if isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey) and not issuer.startswith(
        "did:key:"
    ):
        return f"{issuer}#{jwk_thumbprint(public_jwk(key))}"
    multikey = public_key_multibase(key)
    return f"{issuer}#{multikey}"


def _numeric_date(value: str) -> int:
    try:
        return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())
    except ValueError:
        raise ShoshoError(f"not a date-time: {value!r}") from None


def sign_jwt(credential: dict[str, Any], signer: Signer, *, include_jwk: bool | None = None) -> str:
    """The compact JWS of ``credential``.

    The public key travels as ``jwk`` when the ``kid`` is a JWK thumbprint (RSA and P-256 keys
    of did:web and https issuers), and the ``kid`` names it under the issuer so a verifier with
    the issuer's did.json or trust list can bind it.
    """
    algorithm = JWT_ALGORITHMS.get(signer.algorithm)
    if algorithm is None:
        raise ShoshoError(f"no JWT algorithm for a {signer.algorithm} key")
    issuer = issuer_id(credential)
    require_defined_terms(credential)
    refuse_demo_key(signer.public_key(), issuer)
    kid = key_id_for(issuer, signer)
    header: dict[str, Any] = {"alg": algorithm, "typ": "JWT", "kid": kid}
    by_thumbprint = algorithm != "EdDSA" and not kid.startswith("did:key:")
    if include_jwk if include_jwk is not None else by_thumbprint:
        header["jwk"] = public_jwk(signer.public_key())
    payload = dict(credential)
    payload["iss"] = issuer
    if isinstance(credential.get("id"), str):
        payload["jti"] = credential["id"]
    if isinstance(credential.get("validFrom"), str):
        payload["nbf"] = _numeric_date(credential["validFrom"])
    if isinstance(credential.get("validUntil"), str):
        payload["exp"] = _numeric_date(credential["validUntil"])
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and isinstance(subject.get("id"), str):
        payload["sub"] = subject["id"]
    signing_input = (
        b64url(json.dumps(header, separators=(",", ":")).encode("utf-8"))
        + "."
        + b64url(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    )
    signature = signer.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url(signature)}"


def decode_jwt(token: str) -> tuple[dict[str, Any], dict[str, Any], bytes, bytes]:
    """(header, payload, signing input, signature) of a compact JWS; errors are ShoshoError."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise ShoshoError("not a compact JWS (expected three dot-separated parts)")
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
    except (ValueError, UnicodeDecodeError):
        raise ShoshoError("the JWS header or payload is not JSON") from None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise ShoshoError("the JWS header and payload must be JSON objects")
    return header, payload, f"{parts[0]}.{parts[1]}".encode("ascii"), b64url_decode(parts[2])


def verify_jws_signature(
    header: dict[str, Any], signing_input: bytes, signature: bytes, key
) -> str | None:
    """None when the signature is valid for ``key`` under the header's ``alg``, else the reason."""
    algorithm = header.get("alg")
    try:
        if algorithm == "EdDSA" and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, signing_input)
        elif algorithm == "ES256" and isinstance(key, ec.EllipticCurvePublicKey):
            if len(signature) != 64:
                return "ES256 signature must be 64 bytes"
            der = encode_dss_signature(
                int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            )
            key.verify(der, signing_input, ec.ECDSA(hashes.SHA256()))
        elif algorithm == "RS256" and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
        else:
            return f"JWS algorithm {algorithm!r} does not match the key or is not supported"
    except InvalidSignature:
        return (
            "the JWS signature does not match the content (altered after signing, or another key)"
        )
    return None
