"""Byte-level encodings of the QR seal: decimal digits and the COSE_Sign1 envelope (RFC 9052).

Digits: every 7-byte group becomes exactly 17 decimal digits (big-endian, zero-padded); a
tail of k < 7 bytes becomes 3, 5, 8, 10, 13 or 15 digits. The widths are fixed, so the number
of digits tells the length and every digit string decodes to at most one byte string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import cbor2

COSE_SIGN1_TAG = 18
HEADER_ALG = 1
HEADER_KID = 4
HEADER_TYP = 16
"""``typ`` (RFC 9596): the media type of the payload, naming the seal profile and version."""
SIGNATURE_CONTEXT = "Signature1"

_GROUP_BYTES = 7
_DIGITS_FOR_BYTES = {1: 3, 2: 5, 3: 8, 4: 10, 5: 13, 6: 15, 7: 17}
_BYTES_FOR_DIGITS = {digits: size for size, digits in _DIGITS_FOR_BYTES.items()}


class SealFormatError(ValueError):
    """The text is not a well-formed seal (wrong digits, not CBOR, not a COSE_Sign1)."""


def bytes_to_digits(data: bytes) -> str:
    parts = []
    for start in range(0, len(data), _GROUP_BYTES):
        group = data[start : start + _GROUP_BYTES]
        parts.append(str(int.from_bytes(group, "big")).zfill(_DIGITS_FOR_BYTES[len(group)]))
    return "".join(parts)


def digits_to_bytes(digits: str) -> bytes:
    if not digits or not digits.isascii() or not digits.isdigit():
        raise SealFormatError("the seal must be a non-empty string of decimal digits")
    full, tail = divmod(len(digits), 17)
    widths = [17] * full
    if tail:
        if tail not in _BYTES_FOR_DIGITS:
            raise SealFormatError(f"a seal of {len(digits)} digits has an impossible length")
        widths.append(tail)
    out = bytearray()
    position = 0
    for width in widths:
        size = _BYTES_FOR_DIGITS[width]
        value = int(digits[position : position + width])
        if value >= 1 << (8 * size):
            raise SealFormatError(f"digits {position + 1}-{position + width} are out of range")
        out += value.to_bytes(size, "big")
        position += width
    return bytes(out)


@dataclass(frozen=True)
class CoseSign1:
    protected: bytes
    """The protected header exactly as signed (a CBOR-encoded map)."""
    payload: bytes
    signature: bytes
    alg: int
    kid: bytes
    typ: str | None = None
    """None in seals of the first format, which had no ``typ`` header."""

    def to_be_signed(self) -> bytes:
        return sig_structure(self.protected, self.payload)

    def encode(self) -> bytes:
        return cbor2.dumps(
            cbor2.CBORTag(COSE_SIGN1_TAG, [self.protected, {}, self.payload, self.signature])
        )


def protected_header(alg: int, kid: bytes, typ: str | None = None) -> bytes:
    """The protected header in deterministic encoding (RFC 8949 section 4.2.1)."""
    header: dict[int, int | bytes | str] = {HEADER_ALG: alg, HEADER_KID: kid}
    if typ is not None:
        header[HEADER_TYP] = typ
    return cbor2.dumps(header, canonical=True)


def sig_structure(protected: bytes, payload: bytes) -> bytes:
    """The bytes a COSE_Sign1 signature covers (RFC 9052 section 4.4), with empty external AAD."""
    return cbor2.dumps([SIGNATURE_CONTEXT, protected, b"", payload])


def decode_cose_sign1(data: bytes) -> CoseSign1:
    try:
        item = cbor2.loads(data)
    except Exception as error:  # cbor2 raises several types for malformed input
        raise SealFormatError(f"the seal is not valid CBOR ({error})") from None
    if isinstance(item, cbor2.CBORTag):
        if item.tag != COSE_SIGN1_TAG:
            raise SealFormatError(f"the seal has CBOR tag {item.tag}, expected 18 (COSE_Sign1)")
        item = item.value
    if not isinstance(item, list | tuple) or len(item) != 4:
        raise SealFormatError("the seal is not a COSE_Sign1 array of four items")
    protected, unprotected, payload, signature = item
    if not all(isinstance(part, bytes) for part in (protected, payload, signature)):
        raise SealFormatError("the seal's COSE_Sign1 parts have the wrong types")
    if not isinstance(unprotected, Mapping) or len(unprotected) != 0:
        raise SealFormatError("the seal carries unprotected headers, which this format forbids")
    try:
        header = cbor2.loads(protected)
    except Exception:
        raise SealFormatError("the seal's protected header is not valid CBOR") from None
    if not isinstance(header, dict):
        raise SealFormatError("the seal's protected header is not a map")
    alg, kid, typ = header.get(HEADER_ALG), header.get(HEADER_KID), header.get(HEADER_TYP)
    if not isinstance(alg, int) or not isinstance(kid, bytes):
        raise SealFormatError("the seal's protected header lacks alg or kid")
    if typ is not None and not isinstance(typ, str):
        raise SealFormatError("the seal's typ header is not a text string")
    if set(header) - {HEADER_ALG, HEADER_KID, HEADER_TYP}:
        raise SealFormatError("the seal's protected header has parameters this format forbids")
    envelope = CoseSign1(protected, payload, signature, alg, kid, typ)
    if envelope.encode() != data:
        raise SealFormatError("the seal is not in the one encoding this format allows")
    return envelope
