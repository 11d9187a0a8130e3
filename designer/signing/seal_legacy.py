"""Reading seals of the first format ("OB seal v1"), printed before seals became CWTs.

Payload: a CBOR map with unsigned-integer keys: 1 version (1), 2 credential UUID (16 bytes),
3 issue date (days since 1970-01-01), 4 name, 5 achievement, 6 credential digest, 7 status
index, 8 expiry date (days), 9 student number; text as a CBOR text string or a byte string
holding UTF-16BE. alg -8 (EdDSA) or -7 (ES256); kid the first 8 bytes of SHA-256 over the
raw public key. Nothing new is written in this format; paper already printed keeps verifying.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import cbor2

from designer.signing.seal_codec import SealFormatError

LEGACY_VERSION = 1
EPOCH = dt.date(1970, 1, 1)

_VERSION, _CID, _ISSUED, _NAME, _ACHIEVEMENT = 1, 2, 3, 4, 5
_DIGEST, _STATUS, _EXPIRES, _STUDENT_NUMBER = 6, 7, 8, 9


def legacy_claim_values(payload: bytes) -> dict[str, Any]:
    """The first format's claims as keyword arguments of ``SealClaims``."""
    try:
        claims = cbor2.loads(payload)
    except Exception:
        raise SealFormatError("the seal's claims are not valid CBOR") from None
    if not isinstance(claims, dict) or claims.get(_VERSION) != LEGACY_VERSION:
        raise SealFormatError("the seal's claims are not an OB seal v1 map")
    try:
        expires = _typed(claims, _EXPIRES, int, optional=True)
        return {
            "credential_id": uuid.UUID(bytes=_typed(claims, _CID, bytes)),
            "issued": EPOCH + dt.timedelta(days=_typed(claims, _ISSUED, int)),
            "name": _text(claims, _NAME),
            "achievement": _text(claims, _ACHIEVEMENT, optional=True),
            "credential_digest": _typed(claims, _DIGEST, bytes, optional=True),
            "status_index": _typed(claims, _STATUS, int, optional=True),
            "expires": None if expires is None else EPOCH + dt.timedelta(days=expires),
            "student_number": _text(claims, _STUDENT_NUMBER, optional=True),
            "version": LEGACY_VERSION,
        }
    except (ValueError, OverflowError) as error:
        raise SealFormatError(f"the seal's claims are malformed ({error})") from None


def legacy_payload(values: dict[str, Any]) -> bytes:
    """The first format's payload for ``SealClaims`` values (tests make old seals with it)."""

    def text(value: str | None) -> str | bytes | None:
        if value is None:
            return None
        utf16 = value.encode("utf-16-be")
        return utf16 if len(utf16) < len(value.encode("utf-8")) else value

    claims: dict[int, Any] = {
        _VERSION: LEGACY_VERSION,
        _CID: values["credential_id"].bytes,
        _ISSUED: (values["issued"] - EPOCH).days,
        _NAME: text(values["name"]),
    }
    expires = values.get("expires")
    optional = {
        _ACHIEVEMENT: text(values.get("achievement")),
        _DIGEST: values.get("credential_digest"),
        _STATUS: values.get("status_index"),
        _EXPIRES: None if expires is None else (expires - EPOCH).days,
        _STUDENT_NUMBER: text(values.get("student_number")),
    }
    claims.update({key: value for key, value in optional.items() if value is not None})
    return cbor2.dumps(claims)


def _text(claims: dict, key: int, optional: bool = False) -> str | None:
    value = claims.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bytes):
        try:
            return value.decode("utf-16-be")
        except UnicodeDecodeError:
            raise SealFormatError(f"seal claim {key} is not valid UTF-16") from None
    if not isinstance(value, str):
        raise SealFormatError(f"seal claim {key} is missing or has the wrong type")
    return value


def _typed(claims: dict, key: int, kind: type, optional: bool = False) -> Any:
    value = claims.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise SealFormatError(f"seal claim {key} is missing or has the wrong type")
    return value
