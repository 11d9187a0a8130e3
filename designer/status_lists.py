"""Bitstring Status Lists (W3C Bitstring Status List v1.0), in one place: the bits and their
encoding, where a list is published and which file it is written to, the list credential, the
suite an issuer's key signs it with, and reading a published list back.

Index 0 is the left-most bit, the most significant bit of byte 0. ``encodedList`` is multibase
``u`` + base64url (no padding) of the GZIP-compressed bitstring. An issuer's lists are published
as ``<status_list_url>/<purpose>-<n>.json``, numbered from 1; list ``n`` of every purpose covers
the same positions, so one index printed in a seal finds a card's revocation and suspension bits.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from designer.errors import ShoshoError
from designer.keys.jwk import b64url, b64url_decode

if TYPE_CHECKING:
    from designer.keys.signer import Signer

REVOCATION = "revocation"
SUSPENSION = "suspension"
PURPOSES = (REVOCATION, SUSPENSION)
LIST_SIZE = 131_072
"""Entries per list: the W3C minimum (16 KB), which hides who is revoked among many."""

STATUS_SUITES = {"Ed25519": "eddsa-rdfc-2022", "P-256": "ecdsa-rdfc-2019", "RSA-2048": "vc-jwt"}
"""The suite each key type signs its issuer's status lists with."""


# --- bits -------------------------------------------------------------------------------------


def empty_bits(size: int = LIST_SIZE) -> bytes:
    return bytes(math.ceil(size / 8))


def get_bit(bits: bytes, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise ShoshoError(f"status index {index} is outside the list ({len(bits) * 8} entries)")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def with_bit(bits: bytes, index: int, value: bool) -> bytes:
    data = bytearray(bits)
    mask = 0x80 >> (index % 8)
    if value:
        data[index // 8] |= mask
    else:
        data[index // 8] &= ~mask & 0xFF
    return bytes(data)


def encode_list(bits: bytes) -> str:
    """``encodedList``: multibase base64url (``u``, no padding) of the GZIP'd bitstring."""
    return "u" + b64url(gzip.compress(bits, compresslevel=9, mtime=0))


def decode_list(encoded: Any) -> bytes:
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise ShoshoError("status list: encodedList must be multibase base64url (start with 'u')")
    try:
        return gzip.decompress(b64url_decode(encoded[1:]))
    except (ValueError, OSError, EOFError) as error:
        raise ShoshoError(f"status list: encodedList cannot be decoded ({error})") from None


# --- where lists live -------------------------------------------------------------------------


def list_url(base: str, purpose: str, number: int) -> str:
    """Where list ``number`` of ``purpose`` is published, under the issuer's status location."""
    return f"{base.rstrip('/')}/{purpose}-{number}.json"


def list_number(url: str) -> int:
    """The number of a list from its published name (``…/revocation-3.json`` -> 3)."""
    stem = url.rsplit("/", 1)[-1].removesuffix(".json")
    try:
        return int(stem.rsplit("-", 1)[-1])
    except ValueError:
        raise ShoshoError(f"status list {url}: the name does not end in -<number>.json") from None


def global_index(url: str, index: int, size: int = LIST_SIZE) -> int:
    """One number for (list, index): what the printed seal carries, counting lists from 1."""
    return (list_number(url) - 1) * size + index


def sibling_url(url: str, purpose: str) -> str | None:
    """The list of ``purpose`` that covers the same positions as the list at ``url``."""
    head, _, name = url.rpartition("/")
    for other in PURPOSES:
        if name.startswith(f"{other}-"):
            return f"{head}/{purpose}-{name.removeprefix(f'{other}-')}"
    return None


def publish_path(url: str) -> PurePosixPath:
    """The file a list is written to, relative to an export folder: host, then the URL's path
    (``https://a.jp/status/revocation-1.json`` -> ``a.jp/status/revocation-1.json``)."""
    parts = urlsplit(url)
    segments = [unquote(part) for part in parts.path.split("/") if part]
    host = (parts.hostname or "").lower()
    if parts.port:
        host = f"{host}_{parts.port}"
    if (
        not host
        or not segments
        or any(s in (".", "..") or "/" in s or "\\" in s for s in segments)
        or parts.query
        or parts.fragment
    ):
        raise ShoshoError(f"status list URL {url!r} cannot be laid out as a file path")
    return PurePosixPath(host, *segments)


# --- the list credential ----------------------------------------------------------------------


def _timestamp(moment: dt.datetime | None) -> str:
    moment = moment or dt.datetime.now(dt.UTC)
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def status_list_credential(
    url: str, issuer_id: str, purpose: str, bits: bytes, valid_from: dt.datetime | None = None
) -> dict[str, Any]:
    """The unsigned ``BitstringStatusListCredential`` for one list."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "validFrom": _timestamp(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode_list(bits),
        },
    }


def status_suite(signer: Signer) -> str:
    suite = STATUS_SUITES.get(signer.algorithm)
    if suite is None:
        raise ShoshoError(f"no status-list suite for a {signer.algorithm} key ({signer.key_id})")
    return suite


def sign_status_list(credential: dict[str, Any], signer: Signer) -> dict[str, Any] | str:
    """The list signed with the issuer's own key: a Data Integrity proof for Ed25519 and P-256,
    a VC-JWT (compact JWS) for RSA."""
    from designer.signing.suites import sign_credential

    return sign_credential(credential, signer, status_suite(signer))


def serialise(signed: dict[str, Any] | str) -> bytes:
    if isinstance(signed, str):
        return signed.encode("ascii")
    return (json.dumps(signed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def parse_published(text: str, source: str) -> tuple[dict[str, Any], dict[str, Any] | str]:
    """(the list credential, its signed form) from a published file: JSON with an embedded
    proof, or a VC-JWT whose payload is the list credential."""
    stripped = text.strip()
    signed: dict[str, Any] | str
    if stripped.startswith("{"):
        try:
            credential = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise ShoshoError(
                f"status list {source}: not valid JSON (line {error.lineno}, column "
                f"{error.colno}): {error.msg}"
            ) from None
        signed = credential
    else:
        from designer.signing.vcjwt import decode_jwt

        try:
            _header, payload, _input, _signature = decode_jwt(stripped)
        except ShoshoError as error:
            raise ShoshoError(
                f"status list {source}: neither JSON nor a VC-JWT ({error})"
            ) from None
        credential = payload["vc"] if isinstance(payload.get("vc"), dict) else payload
        signed = stripped
    if not isinstance(credential, dict) or "BitstringStatusListCredential" not in (
        credential.get("type") or []
    ):
        raise ShoshoError(f"status list {source}: not a BitstringStatusListCredential")
    if not isinstance(credential.get("id"), str):
        raise ShoshoError(f"status list {source}: the list credential has no id (its URL)")
    return credential, signed


def list_purpose(credential: dict[str, Any]) -> str:
    subject = credential.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    purpose = subject.get("statusPurpose") if isinstance(subject, dict) else None
    if isinstance(purpose, list):
        purpose = purpose[0] if len(purpose) == 1 else None
    if purpose not in PURPOSES:
        raise ShoshoError(
            f"status list {credential.get('id')}: purpose {purpose!r} is not revocation or suspension"
        )
    return purpose


def list_bits(credential: dict[str, Any]) -> bytes:
    subject = credential.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    encoded = subject.get("encodedList") if isinstance(subject, dict) else None
    try:
        return decode_list(encoded)
    except ShoshoError as error:
        raise ShoshoError(f"status list {credential.get('id')}: {error}") from None
