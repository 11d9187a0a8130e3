"""Public keys as Multikey strings (``z6Mk…`` Ed25519, ``zDn…`` P-256) and did:key identifiers."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from designer.errors import ShoshoError

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: value for value, char in enumerate(_ALPHABET)}

ED25519_PUB_PREFIX = bytes([0xED, 0x01])
P256_PUB_PREFIX = bytes([0x80, 0x24])

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, remainder = divmod(number, 58)
        text = _ALPHABET[remainder] + text
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + text


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        if char not in _INDEX:
            raise ShoshoError(f"not base58btc: unexpected character {char!r}")
        number = number * 58 + _INDEX[char]
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_zeros + body


def multibase_encode(data: bytes) -> str:
    return "z" + base58btc_encode(data)


def multibase_decode(text: str) -> bytes:
    if not text.startswith("z"):
        raise ShoshoError(f"multibase value must be base58btc ('z…'): {text[:20]!r}")
    return base58btc_decode(text[1:])


def public_key_multibase(key: PublicKey) -> str:
    """The Multikey ``publicKeyMultibase`` of an Ed25519 or P-256 public key."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return multibase_encode(ED25519_PUB_PREFIX + raw)
    if isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, ec.SECP256R1):
        point = key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
        )
        return multibase_encode(P256_PUB_PREFIX + point)
    raise ShoshoError("only Ed25519 and P-256 keys have a Multikey form (RSA keys sign VC-JWT)")


def public_key_from_multibase(text: str) -> ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey:
    """Decode a ``z6Mk…`` or ``zDn…`` Multikey value."""
    data = multibase_decode(text)
    try:
        if data[:2] == ED25519_PUB_PREFIX and len(data) == 34:
            return ed25519.Ed25519PublicKey.from_public_bytes(data[2:])
        if data[:2] == P256_PUB_PREFIX and len(data) == 35:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), data[2:])
    except ValueError:
        pass
    raise ShoshoError(f"not an Ed25519 or P-256 Multikey: {text[:60]!r}")


def did_key(key: PublicKey) -> str:
    return "did:key:" + public_key_multibase(key)


def did_key_verification_method(key: PublicKey) -> str:
    multikey = public_key_multibase(key)
    return f"did:key:{multikey}#{multikey}"


def is_multikey(text: str) -> bool:
    try:
        public_key_from_multibase(text)
    except ShoshoError:
        return False
    return True
